/**
 * Control information (JSON Format 4.01 §4.5): its values are checked wherever it stands, on an
 * entity, a complex value, an expanded entity, a property (`children@odata.count`) and a
 * collection's body, in the 4.0 (`@odata.count`) and 4.01 (`@count`) spellings, strict or not; and
 * `prop@odata.type` names the declared type of `prop` (or a subtype), §4.5.3. On
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

describe("prop@odata.type names the declared type (JSON Format 4.01 §4.5.3)", () => {
  test.each([
    // A primitive type: its name with or without `#` and `Edm.`, in either spelling of the annotation.
    [{ "id@odata.type": "#Int32" }, true],
    [{ "id@odata.type": "Int32" }, true],
    [{ "id@odata.type": "#Edm.Int32" }, true],
    [{ "id@type": "Int32" }, true],
    [{ "id@odata.type": "#String" }, false],
    [{ "id@type": "String" }, false],
    [{ "id@odata.type": "#Int64" }, false],
    [{ "name@odata.type": "#tv.Color" }, false],
    [{ "name@odata.type": "#Test.Validation.Point" }, false],
    // An enum, a complex and an entity type: by namespace, alias or URL; a subtype; a type definition.
    [{ status: "Red", "status@odata.type": "#tv.Color" }, true],
    [{ status: "Red", "status@odata.type": "#Test.Validation.Color" }, true],
    [{ status: "Red", "status@odata.type": "#Test.Validation.Permission" }, false],
    [{ "at@odata.type": "#Test.Validation.Point" }, true],
    [{ "at@odata.type": "https://host/svc/$metadata#Test.Validation.Point" }, true],
    [{ "at@odata.type": "#tv.Point3" }, true],
    [{ "at@odata.type": "#tv.Circle" }, false],
    [{ "at@odata.type": "#Int32" }, false],
    [{ "shape@odata.type": "#tv.Circle" }, true],
    [{ "shape@odata.type": "#Test.Other.Hexagon" }, true],
    [{ "shape@odata.type": "#tv.Point" }, false],
    [{ "owner@odata.type": "#tv.Employee" }, true],
    [{ "owner@odata.type": "#tv.Item" }, false],
    [{ "code@odata.type": "#tv.ShortCode" }, true],
    [{ "code@odata.type": "#String" }, true],
    [{ "code@odata.type": "#Int32" }, false],
    [{ "picture@odata.type": "#Stream" }, true],
    // A collection: Collection(...) of the item type.
    [{ "tags@odata.type": "#Collection(String)" }, true],
    [{ "tags@odata.type": "#Collection(Edm.String)" }, true],
    [{ "tags@odata.type": "#String" }, false],
    [{ "tags@odata.type": "#Collection(Int32)" }, false],
    [{ "tags@odata.type": "#Collection(tv.Text)" }, true],
    [{ "id@odata.type": "#tv.ShortCode" }, false],
    [{ "at@odata.type": "#tv.ShortCode" }, false],
    [{ "name@odata.type": "#Collection(String)" }, false],
    [{ "shapes@odata.type": "#Collection(tv.Circle)" }, true],
    [{ "shapes@odata.type": "#Collection(tv.Point)" }, false],
    [{ "children@odata.type": "#Collection(Test.Validation.Item)" }, true],
    // Not a type name at all.
    [{ "id@odata.type": 5 }, false],
    [{ "id@odata.type": null }, false],
  ])("Item %j: %p", (extra, valid) => {
    expect(tv.validateItem(item(extra)).valid).toBe(valid);
    expect(tv.validateItem(item(extra), { strict: false }).valid).toBe(valid);
  });

  test.each([
    [{ "geo@odata.type": "#GeographyPoint" }, true],
    [{ "geo@odata.type": "#GeometryPoint" }, false],
    [{ "anyPrimitive@odata.type": "#Int32" }, true],
    [{ "anyPrimitive@odata.type": "#tv.Point" }, false],
    [{ "untyped@odata.type": "#tv.Point" }, true],
    [{ "dto@odata.type": "#DateTimeOffset" }, true],
    [{ "date@odata.type": "#DateTimeOffset" }, false],
    [{ "code@odata.type": "#tv.ShortCode" }, true],
    [{ "code@odata.type": "#tv.Text" }, false],
    [{ "money@odata.type": "#Test.Validation.Money" }, true],
    [{ "money@odata.type": "#Decimal" }, true],
    [{ "color@odata.type": "#tv.Color" }, true],
    // A type definition specialises its underlying type (CSDL §11): a property of that type may hold a value named so.
    [{ "str@odata.type": "#tv.ShortCode" }, true],
    [{ "str@odata.type": "#Test.Validation.Text" }, true],
    [{ "str@odata.type": "#tv.Money" }, false],
    [{ "anyPrimitive@odata.type": "#tv.Money" }, true],
    [{ "geo@odata.type": "#tv.Text" }, false],
    [{ "text4@odata.type": "#tv.ShortCode" }, false],
    [{ "color@odata.type": "#tv.Text" }, false],
  ])("Primitives %j: %p", (extra, valid) => {
    expect(tv.validateItem(item({ primitives: extra })).valid).toBe(valid);
  });

  test("the message names the declared type; a dynamic property's annotation is still its type", () => {
    expect(tv.validateItem(item({ "id@odata.type": "#String" })).errors).toEqual([
      { path: "/id@odata.type", expected: "Edm.Int32", actual: '"#String"', message: 'id@odata.type names "#String", but id is declared as Edm.Int32' },
    ]);
    expect(errors(tv.validateItem(item({ at: { x: 1, y: 2, "x@type": "Int64" }, "shapes@odata.type": "#Collection(tv.Point)" })))).toEqual([
      ["/at/x@type", 'x@type names "Int64", but x is declared as Edm.Int32'],
      ["/shapes@odata.type", 'shapes@odata.type names "#Collection(tv.Point)", but shapes is declared as Collection(Test.Validation.Shape)'],
    ]);
    expect(tv.validateBag({ id: "b", "n@odata.type": "#Int32", n: 5 }).valid).toBe(true);
    expect(tv.validateBag({ id: "b", "n@odata.type": "#Int32", n: "x" }).valid).toBe(false);
  });
});
