/**
 * Control information (JSON Format 4.01 §4.5): its values are checked wherever it stands, on an
 * entity, a complex value, an expanded entity, a property (`children@odata.count`) and a
 * collection's body, in the 4.0 (`@odata.count`) and 4.01 (`@count`) spellings, strict or not. On
 * test/fixtures/validation.xml.
 */
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";

const out = generateFixture("validation.xml", "control-information");
/* eslint-disable @typescript-eslint/no-require-imports */
const tv: typeof import("./.generated/control-information/Test.Validation.validators") = require(path.join(out, "Test.Validation.validators"));
const vr: typeof import("./.generated/control-information/validation") = require(path.join(out, "validation"));

const item = (extra: Record<string, unknown> = {}) => ({ id: 1, name: "n", ...extra });
const errors = (r: { errors: readonly { path: string; message: string }[] }) => r.errors.map((e) => [e.path, e.message]);
const paths = (r: { errors: readonly { path: string }[] }) => r.errors.map((e) => e.path);

describe("control information values", () => {
  const URL_LIKE = ["nextLink", "deltaLink", "context", "editLink", "readLink", "mediaReadLink", "mediaEditLink"];
  const ETAGS = ["etag", "mediaEtag", "metadataEtag"];

  test.each([...URL_LIKE, ...ETAGS])("@odata.%s and its 4.01 spelling are strings", (name) => {
    const expected = ETAGS.includes(name) ? "an ETag (a string)" : "a URL (a string)";
    expect(tv.validateItem(item({ [`@odata.${name}`]: "W/\"1\"" })).valid).toBe(true);
    expect(tv.validateItem(item({ [`@odata.${name}`]: 5 })).errors).toEqual([{ path: `/@odata.${name}`, expected, actual: "number 5", message: `expected ${expected}, got number 5` }]);
    expect(errors(tv.validateItem(item({ [`@${name}`]: {} })))).toEqual([[`/@${name}`, `expected ${expected}, got object`]]);
    expect(tv.validateItem(item({ [`@odata.${name}`]: null })).valid).toBe(false);
  });

  test("@odata.id is a string, or null (a 4.0 transient entity); @odata.mediaContentType a string, or null (no stream)", () => {
    for (const name of ["@odata.id", "@id", "@odata.mediaContentType", "@mediaContentType"]) {
      expect(tv.validateItem(item({ [name]: "x" })).valid).toBe(true);
      expect(tv.validateItem(item({ [name]: null })).valid).toBe(true);
      expect(paths(tv.validateItem(item({ [name]: 3 })))).toEqual([`/${name}`]);
    }
  });

  test.each([
    [3, true],
    [0, true],
    ["12", true],
    ["9223372036854775807", true],
    ["9223372036854775808", false],
    [-1, false],
    ["-1", false],
    [1.5, false],
    ["x", false],
    [null, false],
  ])("a count (a non-negative Edm.Int64, a number or its digits) %p: %p", (count, valid) => {
    expect(tv.validateItem(item({ "children@odata.count": count })).valid).toBe(valid);
    expect(tv.validateItem(item({ "children@count": count })).valid).toBe(valid);
    expect(vr.validateCollection(tv.checkItem, { value: [], "@odata.count": count }).valid).toBe(valid);
    expect(vr.validateCollection(tv.checkItem, { value: [], "@count": count }).valid).toBe(valid);
  });

  test("wherever it stands: a property's, an expanded entity's, a complex value's, an open type's, a collection's; strict or not; in a body; by a guard", () => {
    expect(errors(tv.validateItem(item({ "parent@odata.navigationLink": 1, "children@associationLink": [], "children@odata.nextLink": 2, "picture@odata.mediaReadLink": true }))).map(([p]) => p)).toEqual([
      "/parent@odata.navigationLink",
      "/children@associationLink",
      "/children@odata.nextLink",
      "/picture@odata.mediaReadLink",
    ]);
    expect(paths(tv.validateItem(item({ parent: { id: 2, "@odata.id": 1 }, children: [{ id: 3, "@odata.etag": 1 }], at: { x: 1, y: 2, "@odata.etag": {} } })))).toEqual(["/at/@odata.etag", "/parent/@odata.id", "/children/0/@odata.etag"]);
    expect(paths(tv.validateBag({ id: "b", "@odata.etag": {} }))).toEqual(["/@odata.etag"]);
    expect(paths(vr.validateCollection(tv.checkItem, { value: [], "@odata.nextLink": 5, "@odata.deltaLink": {} }, { strict: false }))).toEqual(["/@odata.nextLink", "/@odata.deltaLink"]);
    expect(paths(tv.validateItem(item({ "@odata.etag": {} }), { strict: false }))).toEqual(["/@odata.etag"]);
    expect(paths(tv.validateItem({ name: "n", "@odata.etag": 1 }, { mode: "create" }))).toEqual(["/@odata.etag"]);
    expect(tv.isItem(item({ "children@odata.count": "x" }))).toBe(false);
  });

  test("instance annotations and control information this runtime does not know are taken as they are", () => {
    expect(tv.validateItem(item({ "@Core.Description": 5, "name@Org.OData.Core.V1.Description": [], "@odata.futureThing": 1, "@futureThing": {} })).valid).toBe(true);
  });
});
