/**
 * OData 4.01 delta payloads (JSON Format 4.01 §15): a deleted entity (`@removed`) says which entity
 * it is, by `@id` or its key (§15.3). On test/fixtures/validation.xml (Item's key is id; Line's is
 * basketId and no).
 */
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";

const out = generateFixture("validation.xml", "delta");
/* eslint-disable @typescript-eslint/no-require-imports */
const tv: typeof import("./.generated/delta/Test.Validation.validators") = require(path.join(out, "Test.Validation.validators"));
const vr: typeof import("./.generated/delta/validation") = require(path.join(out, "validation"));

const errors = (r: { errors: readonly { path: string; message: string }[] }) => r.errors.map((e) => [e.path, e.message]);
const page = (...value: unknown[]) => ({ "@context": "$metadata#Items/$delta", value });
const GUID = "01234567-89ab-cdef-0123-456789abcdef";

describe("a deleted entity holds @id or its key (JSON Format 4.01 §15.3)", () => {
  test.each([
    [{ "@removed": { reason: "deleted" }, id: 1 }, true],
    [{ "@removed": {}, "@id": "Items(1)" }, true],
    [{ "@odata.removed": {}, "@odata.id": "Items(1)" }, true],
    [{ "@removed": { reason: "deleted" } }, false],
    [{ "@removed": {}, name: "x" }, false],
    [{ "@removed": {}, "@id": 5 }, false],
    [{ "@removed": {}, id: null }, false],
  ])("%j: %p, in a page and by itself, with complete or not, strict or not", (entry, valid) => {
    for (const options of [{}, { complete: true }, { strict: false }]) {
      expect(vr.validateCollection(tv.checkItem, page(entry), options).valid).toBe(valid);
      expect(tv.validateItem(entry, options).valid).toBe(valid);
    }
  });

  test("a key of several properties, a subtype, Graph's delta() entry", () => {
    expect(tv.validateLine({ "@removed": {}, basketId: 1, no: 2 }).valid).toBe(true);
    expect(tv.validateLine({ "@removed": {}, basketId: 1, "@id": "Lines(basketId=1,no=2)" }).valid).toBe(true);
    expect(tv.validateLine({ "@removed": {}, basketId: 1 }).errors).toEqual([
      {
        path: "",
        expected: "@id or its key (basketId, no)",
        actual: "object",
        message: "a deleted entity (@removed) holds @id or its key (basketId, no) to say which entity it is (JSON Format 4.01 §15.3): no is missing",
      },
    ]);
    expect(tv.validatePerson({ "@removed": {}, "@odata.type": "#tv.Employee", id: GUID }, { complete: true }).valid).toBe(true);
    expect(vr.validateCollection(tv.checkPerson, { value: [{ "@odata.type": "#Test.Validation.Person", id: GUID, "@removed": { reason: "changed" } }] }, { complete: true }).valid).toBe(true);
    expect(errors(vr.validateCollection(tv.checkPerson, page({ "@removed": {} }, { "@removed": {}, "@odata.type": "#tv.Employee" })))).toEqual([
      ["/value/0", "a deleted entity (@removed) holds @id or its key id to say which entity it is (JSON Format 4.01 §15.3): id is missing"],
      ["/value/1", "a deleted entity (@removed) holds @id or its key id to say which entity it is (JSON Format 4.01 §15.3): id is missing"],
    ]);
    // A guard asks for it too.
    expect(tv.isItem({ "@removed": {} }, { complete: false })).toBe(false);
    expect(tv.isItem({ "@removed": {}, id: 1 }, { complete: false })).toBe(true);
  });
});
