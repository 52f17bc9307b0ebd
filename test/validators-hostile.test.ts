/**
 * Hostile payloads: each gives a result (or a clear error), never a crash, a hang or a polluted
 * prototype. Payloads are built with JSON.parse where that is how they would arrive.
 */
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { completeByDefault } from "./helpers/complete";

const out = generateFixture("validation.xml", "hostile");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tv: typeof import("./.generated/hostile/Test.Validation.validators") = completeByDefault(require(path.join(out, "Test.Validation.validators")));

const GUID = "01234567-89ab-cdef-0123-456789abcdef";

function deepNodes(depth: number): string {
  return '{"value":1,"next":'.repeat(depth) + '{"value":2}' + "}".repeat(depth);
}

describe("deep nesting", () => {
  test("100,000 nested complex values stop at maxDepth with one error", () => {
    const value = JSON.parse(deepNodes(100_000));
    const r = tv.validateNode(value);
    expect(r.valid).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toBe("nested deeper than 512 levels (or cyclic)");
    expect(r.errors[0].path).toBe("/next".repeat(512));
    expect(tv.isNode(value)).toBe(false);
  });

  test("the depth limit is an option; nesting within it is fine", () => {
    const value = JSON.parse(deepNodes(1000));
    expect(tv.isNode(value, { maxDepth: 2000 })).toBe(true);
    expect(tv.validateNode(value, { maxDepth: 100 }).errors[0].path).toBe("/next".repeat(100));
  });

  test("a depth limit beyond the stack gives an error result, not a crash", () => {
    const value = JSON.parse(deepNodes(100_000));
    const r = tv.validateNode(value, { maxDepth: 1_000_000 });
    expect(r.valid).toBe(false);
    expect(r.errors[0].message).toMatch(/^validation stopped: /);
    expect(tv.isNode(value, { maxDepth: 1_000_000 })).toBe(false);
  });

  test("100,000 nested arrays in an Edm.Untyped value or an untyped dynamic property are accepted without descending", () => {
    const arrays = JSON.parse("[".repeat(100_000) + "]".repeat(100_000));
    expect(tv.isPrimitives({ untyped: arrays })).toBe(true);
    expect(tv.isBag({ id: "b", dynamic: arrays })).toBe(true);
  });

  test("100,000 nested typed dynamic properties stop at maxDepth", () => {
    const text = '{"@odata.type":"#tv.Bag","id":"b","x":'.repeat(100_000) + '{"@odata.type":"#tv.Bag","id":"b"}' + "}".repeat(100_000);
    const r = tv.validateBag(JSON.parse(text), { types: tv.checkerFor });
    expect(r.errors.map((e) => e.message)).toEqual(["nested deeper than 512 levels (or cyclic)"]);
  });

  test("deeply nested GeoJSON geometry collections stop at maxDepth", () => {
    let g: unknown = { type: "Point", coordinates: [0, 0] };
    for (let i = 0; i < 100_000; i++) g = { type: "GeometryCollection", geometries: [g] };
    const r = tv.validatePrimitives({ geomCollection: g });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toBe("nested deeper than 512 levels (or cyclic)");
  });
});

describe("__proto__, constructor and other Object.prototype names", () => {
  test("a schema aliased __proto__: @odata.type names a type by it, and by its namespace", () => {
    const dir = generateFixture("names/proto-alias.xml", "proto-alias");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pv = require(path.join(dir, "ns.validators")) as { validateA(v: unknown): { errors: { path: string; message: string }[] } };
    expect(pv.validateA({ "@odata.type": "#__proto__.b", id: "x", extra: 1 }).errors).toEqual([]);
    expect(pv.validateA({ "@odata.type": "#ns.b", id: "x", extra: 1 }).errors).toEqual([]);
    expect(pv.validateA({ "@odata.type": "#__proto__.b", id: "x", extra: "1" }).errors.map((e) => e.path)).toEqual(["/extra"]);
    expect(pv.validateA({ "@odata.type": "#other.b", id: "x" }).errors.map((e) => e.path)).toEqual(["/@odata.type"]);
  });

  test("a JSON __proto__ key is an unknown property, and pollutes nothing", () => {
    const value = JSON.parse('{"value":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const r = tv.validateNode(value);
    expect(r.errors.map((e) => e.path)).toEqual(["/__proto__", "/constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(tv.validateNode(value, { strict: false }).valid).toBe(true);
  });

  test("declared properties named like Object.prototype members are read as own properties only", () => {
    // `constructor` is required: the inherited Object.prototype.constructor does not count.
    expect(tv.validateAwkward({}).errors.map((e) => [e.path, e.message])).toEqual([["/constructor", "required property constructor is missing"]]);
    expect(tv.isAwkward(JSON.parse('{"constructor":"c","toString":1,"__proto__":true,"valueOf":"v"}'))).toBe(true);
    expect(tv.validateAwkward(JSON.parse('{"constructor":"c","__proto__":"yes"}')).errors.map((e) => e.path)).toEqual(["/__proto__"]);
    expect(tv.validateAwkward({ constructor: "c", toString: "no" }).errors.map((e) => e.path)).toEqual(["/toString"]);
    // Beside an unknown property, only that one is reported: the type knows its own odd names.
    expect(tv.validateAwkward(JSON.parse('{"constructor":"c","toString":1,"__proto__":true,"valueOf":"v","extra":0}')).errors.map((e) => e.path)).toEqual(["/extra"]);
  });

  test("enum members named like Object.prototype members are members; inherited names are not", () => {
    const word = (w: unknown) => tv.validateAwkward({ constructor: "c", word: w }).errors.map((e) => e.message);
    for (const member of ["__proto__", "constructor", "hasOwnProperty", "0", "1", "2"]) expect(word(member)).toEqual([]);
    expect(word("toString")).toEqual(['"toString" is not a member of Test.Validation.ObjectWords']);
    expect(word("valueOf")).toEqual(['"valueOf" is not a member of Test.Validation.ObjectWords']);
    expect(word("3")).toEqual(['"3" is not a member of Test.Validation.ObjectWords']);
    // An enum without members (Graph has some) accepts no value but null.
    expect(tv.validateAwkward({ constructor: "c", unset: "anything" }).errors.map((e) => e.message)).toEqual(['"anything" is not a member of Test.Validation.Unset']);
    expect(tv.validateAwkward({ constructor: "c", unset: "0" }).errors.map((e) => e.message)).toEqual(['"0" is not a member of Test.Validation.Unset']);
    expect(tv.isAwkward({ constructor: "c", unset: null })).toBe(true);
  });

  test("type names like __proto__ or constructor resolve to nothing", () => {
    expect(tv.validateBag(JSON.parse('{"id":"b","x@odata.type":"#constructor","x":1,"y@odata.type":"#__proto__.x","y":2}'), { types: tv.checkerFor }).errors.map((e) => e.message)).toEqual([
      "unknown type constructor",
      "unknown type __proto__.x",
    ]);
    expect(tv.validateNode(JSON.parse('{"@odata.type":"__proto__"}')).errors.map((e) => e.path)).toEqual(["/@odata.type"]);
    expect(tv.validateBag(JSON.parse('{"id":"b","__proto__":{"@odata.type":"#tv.Point","x":1,"y":2}}'), { types: tv.checkerFor }).valid).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("large and cyclic values", () => {
  test("a 10^6-element collection is checked in full when valid", () => {
    const tags = new Array<string>(1_000_000).fill("t");
    const node = { value: 1, children: new Array(1_000_000).fill({ value: 2 }) };
    expect(tv.isNode(node)).toBe(true);
    expect(tv.validateItem({ id: 1, name: "n", created: "2024-01-01T00:00:00Z", status: "Red", tags, shapes: [] }).valid).toBe(true);
  });

  test("a 10^6-element invalid collection stops at maxErrors", () => {
    const tags = new Array<number>(1_000_000).fill(1);
    const r = tv.validateItem({ id: 1, name: "n", created: "2024-01-01T00:00:00Z", status: "Red", tags, shapes: [] });
    expect(r.errors).toHaveLength(100);
    expect(r.errors[99].path).toBe("/tags/99");
    expect(tv.validateItem({ tags }, { mode: "update", maxErrors: 5 }).errors.map((e) => e.path)).toEqual(["/tags/0", "/tags/1", "/tags/2", "/tags/3", "/tags/4"]);
  });

  test("cyclic objects end at the depth limit with an error", () => {
    const a: Record<string, unknown> = { id: 1, name: "n", created: "2024-01-01T00:00:00Z", status: "Red", tags: [], shapes: [] };
    a.parent = a;
    a.children = [a, a];
    const r = tv.validateItem(a);
    expect(r.valid).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.length).toBeLessThanOrEqual(100);
    expect(new Set(r.errors.map((e) => e.message))).toEqual(new Set(["nested deeper than 512 levels (or cyclic)"]));
    expect(tv.isItem(a)).toBe(false);

    const node: Record<string, unknown> = { value: 1 };
    node.children = [node, node, node];
    node.next = node;
    expect(tv.validateNode(node, { maxErrors: 10 }).errors).toHaveLength(10);
  });

  test("cyclic values in untyped places are accepted without descending", () => {
    const arr: unknown[] = [];
    arr.push(arr);
    const obj: Record<string, unknown> = {};
    obj.self = obj;
    expect(tv.isPrimitives({ untyped: arr })).toBe(true);
    expect(tv.isBag({ id: "b", loop: obj })).toBe(true);
    expect(tv.isItem({ id: 1, name: "n", created: "2024-01-01T00:00:00Z", status: "Red", tags: [], shapes: [], owner: { id: GUID, name: null } })).toBe(true);
  });
});

describe("objects JSON.stringify sends as something else", () => {
  test("a Date, or any object with a toJSON method, is no structured value, in every mode and for a guard", () => {
    const sent = "a Date with toJSON(), which JSON.stringify sends instead";
    for (const mode of ["read", "create", "update", "replace"] as const) {
      // JSON.stringify({ at: new Date(0) }) sends "at": "1970-01-01T00:00:00.000Z", no Point.
      expect(tv.validateItem({ at: new Date(0) }, { mode, complete: false }).errors.map((e) => [e.path, e.actual])).toEqual([["/at", sent]]);
      expect(tv.isPerson(new Date(0), { mode, complete: false })).toBe(false);
    }
    expect(tv.validatePerson({ toJSON: () => ({}) }, { complete: false }).errors.map((e) => e.message)).toEqual(["expected Test.Validation.Person, got an object with toJSON(), which JSON.stringify sends instead"]);
    expect(tv.validateItem({ created: new Date(0) }, { complete: false }).errors.map((e) => e.actual)).toEqual([sent]);
    // An instance of a class of your own is sent as its own properties, and checked as them.
    class Person {
      name = "x";
    }
    expect(tv.isPerson(new Person(), { complete: false })).toBe(true);
  });
});
