/**
 * OData 4.01 delta payloads (JSON Format 4.01 §15): a deleted entity (`@removed`) says which entity
 * it is, by `@id` or its key (§15.3), and a nested delta (`children@delta`, §15.4.1) holds added or
 * changed entities, entity references and deleted entities, checked as the navigation property's
 * target. On test/fixtures/validation.xml (Item's key is id; Line's is basketId and no).
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
/** An Item holding every property a read with complete asks for. */
const whole = (extra: Record<string, unknown>) => ({ id: 1, name: "n", created: "2024-02-29T10:00:00Z", status: "Red", tags: [], shapes: [], ...extra });

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

describe("a nested delta (JSON Format 4.01 §15.4.1: children@delta)", () => {
  test("the spec's example: a removed and an added entity, by @id; its entities hold what changed, with complete too", () => {
    const body = page({ "@id": "Items(1)", "children@delta": [{ "@removed": { reason: "changed" }, "@id": "Items(10643)" }, { "@id": "Items(10645)", name: "x" }] }, { "@removed": { reason: "deleted" }, "@id": "Items(2)" });
    expect(vr.validateCollection(tv.checkItem, body)).toEqual({ valid: true, errors: [] });
    expect(tv.validateItem(whole({ "children@odata.delta": [{ "@odata.removed": {}, id: 2 }, { id: 3, name: "y" }, { "@id": "Items(4)" }] }), { complete: true })).toEqual({ valid: true, errors: [] });
    expect(tv.validateBasket({ id: 1, "lines@delta": [{ "@removed": {}, basketId: 1, no: 2 }, { basketId: 1, no: 3 }] }, { complete: true }).valid).toBe(true);
    expect(tv.validateItem({ id: 1, "children@delta": [{ id: 2, "children@delta": [{ "@removed": {}, id: 3 }] }] }).valid).toBe(true);
  });

  test("what it holds is checked as the target type", () => {
    const check = (delta: unknown, options?: { strict?: boolean }) => errors(tv.validateItem({ id: 1, "children@delta": delta }, options));
    expect(check({})).toEqual([["/children@delta", "expected an array of Test.Validation.Item changes (a nested delta), got object"]]);
    expect(check([{ id: 3, name: 5 }])).toEqual([["/children@delta/0/name", "expected Edm.String, got number 5"]]);
    expect(check([{ id: 3, name: 5 }], { strict: false })).toEqual([["/children@delta/0/name", "expected Edm.String, got number 5"]]);
    expect(check([{ id: 3, nope: 1 }])).toEqual([["/children@delta/0/nope", "unknown property nope"]]);
    expect(check([{ "@removed": {} }])).toEqual([["/children@delta/0", "a deleted entity (@removed) holds @id or its key id to say which entity it is (JSON Format 4.01 §15.3): id is missing"]]);
    expect(check([{ "@removed": { reason: "x" }, id: 2 }])).toEqual([["/children@delta/0/@removed/reason", 'expected "changed" or "deleted", got "x"']]);
    expect(check([{ "@odata.context": "#Items/$link", source: "Items(1)", relationship: "children", target: "Items(2)" }])).toEqual([
      ["/children@delta/0", "a nested delta holds no /$link entries (JSON Format 4.01 §15.4.1): the entities themselves say what changed"],
    ]);
    expect(check([null])).toEqual([["/children@delta/0", "a nested delta holds no null"]]);
    expect(check([{ id: 2, "children@delta": [{ "@removed": {} }] }])).toEqual([
      ["/children@delta/0/children@delta/0", "a deleted entity (@removed) holds @id or its key id to say which entity it is (JSON Format 4.01 §15.3): id is missing"],
    ]);
  });

  test("only a collection-valued navigation property holds one", () => {
    expect(errors(tv.validateItem({ id: 1, "name@delta": [], "parent@delta": [] }))).toEqual([
      ["/name@delta", "name@delta: name is no collection-valued navigation property, which alone may hold a nested delta (JSON Format 4.01 §15.4.1)"],
      ["/parent@delta", "parent@delta: parent is no collection-valued navigation property, which alone may hold a nested delta (JSON Format 4.01 §15.4.1)"],
    ]);
  });
});
