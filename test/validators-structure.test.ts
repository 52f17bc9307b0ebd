/**
 * Structured values: enums in context, collections, nested and derived types (by `@odata.type`,
 * with or without `#`, qualified or by alias, across namespaces), open types, expanded navigation
 * properties, control information, the read/create/update/replace modes, strictness, error shape and caps.
 */
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { completeByDefault } from "./helpers/complete";

const out = generateFixture("validation.xml", "structure");
/* eslint-disable @typescript-eslint/no-require-imports */
const tv: typeof import("./.generated/structure/Test.Validation.validators") = completeByDefault(require(path.join(out, "Test.Validation.validators")));
const vr: typeof import("./.generated/structure/validation") = require(path.join(out, "validation"));

function item(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "@odata.context": "https://example.com/$metadata#Items/$entity",
    "@odata.etag": 'W/"1"',
    id: 1,
    name: "first",
    created: "2024-02-29T10:00:00Z",
    status: "Green",
    tags: ["a", "b"],
    shapes: [{ "@odata.type": "#Test.Validation.Circle", label: "c", radius: 1 }],
    ...extra,
  };
}

const paths = (r: { errors: readonly { path: string }[] }) => r.errors.map((e) => e.path);

describe("structured values", () => {
  test("a full entity is valid; control information and instance annotations are allowed", () => {
    expect(tv.validateItem(item({ "@Core.Description": "x", "name@Org.OData.Core.V1.Description": "y", "shape@odata.type": "#tv.Circle" }))).toEqual({ valid: true, errors: [] });
  });

  test("collections: item paths, null items only where the items are nullable", () => {
    expect(paths(tv.validateItem(item({ tags: ["a", 1, "c", false] })))).toEqual(["/tags/1", "/tags/3"]);
    expect(paths(tv.validateItem(item({ tags: ["a", null] })))).toEqual(["/tags/1"]);
    expect(tv.isItem(item({ scores: [1, null, 3] }))).toBe(true);
    expect(paths(tv.validateItem(item({ tags: "a" })))).toEqual(["/tags"]);
    expect(paths(tv.validateItem(item({ tags: null })))).toEqual(["/tags"]);
  });

  test("nested complex values report the nested path", () => {
    expect(tv.validateItem(item({ at: { x: 1 } })).errors).toEqual([
      { path: "/at/y", expected: "Edm.Int32", actual: "nothing", message: "required property y is missing" },
    ]);
    expect(paths(tv.validateItem(item({ address: { street: "s", zip: "123456" } })))).toEqual(["/address/zip"]);
    expect(paths(tv.validateItem(item({ at: [1, 2] })))).toEqual(["/at"]);
  });

  test("a derived type is accepted where its base is declared", () => {
    expect(tv.isItem(item({ at: { "@odata.type": "#Test.Validation.Point3", x: 1, y: 2, z: 3 } }))).toBe(true);
    expect(paths(tv.validateItem(item({ at: { "@odata.type": "#Test.Validation.Point3", x: 1, y: 2 } })))).toEqual(["/at/z"]);
    // Without @odata.type the value is the declared type: z is unknown there.
    expect(paths(tv.validateItem(item({ at: { x: 1, y: 2, z: 3 } })))).toEqual(["/at/z"]);
  });

  test.each([
    ["#Test.Validation.Circle", true],
    ["Test.Validation.Circle", true],
    ["#tv.Circle", true],
    ["tv.Circle", true],
  ])("an abstract base resolves @odata.type %s", (type, valid) => {
    expect(tv.validateItem(item({ shape: { "@odata.type": type, label: "l", radius: 2 } })).valid).toBe(valid);
  });

  test("subtypes from another namespace, and deeper in the hierarchy, are resolved", () => {
    expect(tv.validateItem(item({ shape: { "@odata.type": "#to.Hexagon", label: "h", side: 1 } })).valid).toBe(true);
    expect(tv.isItem(item({ shape: { "@odata.type": "#Test.Other.Hexagon", label: "h", side: 1 } }))).toBe(true);
    expect(tv.validateItem(item({ shape: { "@odata.type": "#tv.Triangle", label: "t", corners: 3, right: true } })).valid).toBe(true);
    expect(paths(tv.validateItem(item({ shape: { "@odata.type": "#tv.Triangle", label: "t", right: true } })))).toEqual(["/shape/corners"]);
  });

  test("abstract, unknown and malformed @odata.type values are reported", () => {
    expect(tv.validateItem(item({ shape: { label: "x" } })).errors).toEqual([
      expect.objectContaining({ path: "/shape", message: "Test.Validation.Shape is abstract: @odata.type must name a concrete subtype" }),
    ]);
    expect(tv.validateItem(item({ shape: { "@odata.type": "#tv.Polygon", label: "p", corners: 4 } })).errors).toEqual([
      expect.objectContaining({ path: "/shape", message: "#tv.Polygon is abstract and cannot be instantiated" }),
    ]);
    expect(tv.validateItem(item({ shape: { "@odata.type": "#tv.Nope", label: "p" } })).errors).toEqual([
      expect.objectContaining({ path: "/shape/@odata.type", message: "#tv.Nope is not Test.Validation.Shape or one of its subtypes" }),
    ]);
    expect(tv.validateItem(item({ shapes: [{ "@odata.type": "#tv.Point", x: 1, y: 1 }] })).errors).toEqual([
      expect.objectContaining({ path: "/shapes/0/@odata.type", expected: "Test.Validation.Shape or a subtype" }),
    ]);
    expect(paths(tv.validateItem(item({ at: { "@odata.type": 5, x: 1, y: 1 } })))).toEqual(["/at/@odata.type"]);
    // null names no type, as with @type: reported, not taken for an absent @odata.type
    expect(paths(tv.validateItem(item({ at: { "@odata.type": null, x: 1, y: 1 } })))).toEqual(["/at/@odata.type"]);
    expect(paths(tv.validateItem(item({ at: { "@type": null, x: 1, y: 1 } })))).toEqual(["/at/@type"]);
    expect(paths(tv.validateItem(item({ owner: { "@odata.type": null, id: "01234567-89ab-cdef-0123-456789abcdef" } })))).toEqual(["/owner/@odata.type"]);
  });

  test("expanded navigation properties are validated as their entity type (and its subtypes)", () => {
    expect(tv.isItem(item({ parent: item(), children: [item(), item()], owner: { id: "01234567-89ab-cdef-0123-456789abcdef" } }))).toBe(true);
    expect(paths(tv.validateItem(item({ children: [item(), item({ name: 3 })] })))).toEqual(["/children/1/name"]);
    expect(paths(tv.validateItem(item({ parent: item({ parent: item({ tags: [1] }) }) })))).toEqual(["/parent/parent/tags/0"]);
    expect(tv.validateItem(item({ owner: { "@odata.type": "#tv.Employee", id: "01234567-89ab-cdef-0123-456789abcdef", badge: 7 } })).valid).toBe(true);
    expect(paths(tv.validateItem(item({ owner: { "@odata.type": "#tv.Employee", id: "01234567-89ab-cdef-0123-456789abcdef" } })))).toEqual(["/owner/badge"]);
    expect(paths(tv.validateItem(item({ owner: null, parent: null })))).toEqual(["/owner"]);
    // A navigation link instead of an expansion is an annotation, so it is allowed.
    expect(tv.isItem(item({ "owner@odata.navigationLink": "Items(1)/owner", "parent@odata.bind": "Items(2)" }))).toBe(true);
  });

  test("open types accept dynamic properties and check those whose type is known", () => {
    const types = { types: tv.checkerFor };
    const bag = { id: "b", anything: { nested: [1, 2] }, count: 5, label: "x" };
    expect(tv.isBag(bag, types)).toBe(true);
    expect(paths(tv.validateBag({ id: "b", "n@odata.type": "#Int32", n: 1.5 }, types))).toEqual(["/n"]);
    expect(tv.isBag({ id: "b", "n@odata.type": "#Edm.Int64", n: "42" }, types)).toBe(true);
    expect(paths(tv.validateBag({ id: "b", "c@odata.type": "#tv.Color", c: "Purple" }, types))).toEqual(["/c"]);
    expect(paths(tv.validateBag({ id: "b", p: { "@odata.type": "#Test.Validation.Point", x: 1 } }, types))).toEqual(["/p/y"]);
    expect(paths(tv.validateBag({ id: "b", "l@odata.type": "#Collection(Edm.Int32)", l: [1, "x"] }, types))).toEqual(["/l/1"]);
    expect(paths(tv.validateBag({ id: "b", a: { "@odata.type": "#to.Address" } }, types))).toEqual(["/a/street"]);
    expect(tv.validateBag({ id: "b", "q@odata.type": "#tv.Nope", q: 1 }, types).errors).toEqual([expect.objectContaining({ path: "/q", message: "unknown type tv.Nope" })]);
    expect(paths(tv.validateBag({ id: "b", "q@odata.type": 7, q: 1 }, types))).toEqual(["/q@odata.type"]);
    // An object's own @odata.type (or @type) that is not a name, null included, is reported where it is, with or without the types option.
    for (const options of [types, {}]) {
      expect(paths(tv.validateBag({ id: "b", p: { "@odata.type": null, x: 1 } }, options))).toEqual(["/p/@odata.type"]);
      expect(paths(tv.validateBag({ id: "b", p: { "@type": null, x: 1 } }, options))).toEqual(["/p/@type"]);
      expect(paths(tv.validateBag({ id: "b", p: { "@odata.type": 5, x: 1 } }, options))).toEqual(["/p/@odata.type"]);
    }
    expect(paths(tv.validateBag({ id: 1 }, types))).toEqual(["/id"]);
  });

  test("@odata.type as a URL: absolute or relative, its fragment names the type (JSON Format §4.5.3)", () => {
    const url = "https://example.com/svc/$metadata#";
    expect(tv.validateItem(item({ shape: { "@odata.type": `${url}Test.Validation.Circle`, label: "l", radius: 2 } })).valid).toBe(true);
    expect(tv.validateItem(item({ shape: { "@odata.type": "$metadata#tv.Circle", label: "l", radius: 2 } })).valid).toBe(true);
    expect(tv.validateItem(item({ at: { "@odata.type": `${url}tv.Point3`, x: 1, y: 2, z: 3 } })).valid).toBe(true);
    expect(tv.validateItem({ ...item(), "@odata.type": `${url}Test.Validation.Item` }).valid).toBe(true);
    // A guard takes only the `#ns.T` its type has (validators-guard-forms.test.ts).
    expect(tv.isItem(item({ shape: { "@odata.type": `${url}Test.Validation.Circle`, label: "l", radius: 2 } }))).toBe(false);
    // The named type is still checked: an unknown, an abstract or a missing one is reported.
    expect(tv.validateItem(item({ shape: { "@odata.type": `${url}tv.Nope`, label: "p" } })).errors).toEqual([
      expect.objectContaining({ path: "/shape/@odata.type", message: `${url}tv.Nope is not Test.Validation.Shape or one of its subtypes` }),
    ]);
    expect(paths(tv.validateItem(item({ shape: { "@odata.type": `${url}tv.Polygon`, label: "p", corners: 4 } })))).toEqual(["/shape"]);
    expect(paths(tv.validateItem(item({ shape: { "@odata.type": url, label: "p" } })))).toEqual(["/shape/@odata.type"]);
    expect(paths(tv.validateItem(item({ at: { "@odata.type": `${url}tv.Point3`, x: 1, y: 2 } })))).toEqual(["/at/z"]);
    // Dynamic properties, and checkerFor, read the fragment too.
    expect(paths(tv.validateBag({ id: "b", "n@odata.type": `${url}Edm.Int32`, n: 1.5 }))).toEqual(["/n"]);
    expect(paths(tv.validateBag({ id: "b", "l@odata.type": `${url}Collection(Edm.Int32)`, l: [1, "x"] }))).toEqual(["/l/1"]);
    expect(paths(tv.validateBag({ id: "b", p: { "@odata.type": `${url}tv.Point`, x: 1 } }, { types: tv.checkerFor }))).toEqual(["/p/y"]);
    expect(tv.checkerFor(`${url}tv.Circle`)).toBe(tv.checkCircle);
  });

  test("OData 4.01 control information without the odata. prefix: @type, name@type", () => {
    expect(tv.validateItem(item({ shape: { "@type": "#tv.Circle", label: "l", radius: 2 } })).valid).toBe(true);
    expect(paths(tv.validateItem(item({ shape: { "@type": "#tv.Polygon", label: "l", corners: 2 } })))).toEqual(["/shape"]) // an abstract instance is wrong as a whole;
    expect(paths(tv.validateBag({ id: "b", "n@type": "Int32", n: "1" }))).toEqual(["/n"]);
    expect(paths(tv.validateBag({ id: "b", p: { "@type": "#tv.Point", x: 1 } }, { types: tv.checkerFor }))).toEqual(["/p/y"]);
  });

  test("without the types option, primitive dynamic properties are checked and others accepted", () => {
    expect(paths(tv.validateBag({ id: "b", "n@odata.type": "#Int32", n: 1.5 }))).toEqual(["/n"]);
    expect(tv.isBag({ id: "b", p: { "@odata.type": "#Test.Validation.Point", x: 1 }, "c@odata.type": "#tv.Color", c: "Purple" })).toBe(true);
  });

  test("checkerFor finds any type of the model, by alias or namespace, with or without #", () => {
    expect(tv.checkerFor("#tv.Circle")).toBe(tv.checkCircle);
    expect(tv.checkerFor("Test.Validation.Color")).toBe(tv.checkColor);
    expect(tv.checkerFor("#to.Hexagon")).toBeDefined();
    expect(tv.checkerFor("#tv.Nope")).toBeUndefined();
  });

  test("strict mode reports unknown properties (JSON-pointer escaped); lenient mode ignores them", () => {
    expect(tv.validateItem(item({ extra: 1, "a/b~c": 2, "": 0 })).errors).toEqual([
      { path: "/extra", expected: "no property (Test.Validation.Item does not declare extra)", actual: "number 1", message: "unknown property extra" },
      expect.objectContaining({ path: "/a~1b~0c", message: 'unknown property "a/b~c"' }),
      // An empty name is quoted, so that the message shows it.
      expect.objectContaining({ path: "/", message: 'unknown property ""' }),
    ]);
    expect(tv.validateItem(item({ extra: 1, at: { x: 1, y: 2, w: 0 } }), { strict: false })).toEqual({ valid: true, errors: [] });
    // Lenient mode still checks declared properties.
    expect(paths(tv.validateItem(item({ extra: 1, name: 5 }), { strict: false }))).toEqual(["/name"]);
  });

  test("an unknown property that a declared one differs from only in case names it; a misspelling does not", () => {
    // As an SAP PascalCase name written in camelCase, or the other way round; a base type's property too.
    expect(tv.validateItem(item({ Name: "x", TAGS: [], nmae: "y" })).errors.map((e) => [e.path, e.message])).toEqual([
      ["/Name", "unknown property Name (did you mean name?)"],
      ["/TAGS", "unknown property TAGS (did you mean tags?)"],
      ["/nmae", "unknown property nmae"],
    ]);
    expect(tv.validateShape({ "@odata.type": "#Test.Validation.Circle", Label: "c", Radius: 1 }, { complete: false }).errors.map((e) => e.message)).toEqual([
      "unknown property Label (did you mean label?)",
      "unknown property Radius (did you mean radius?)",
    ]);
    expect(() => tv.assertItem(item({ Name: "x" }))).toThrow("invalid value: /Name unknown property Name (did you mean name?)");
    // The expected text stays what the metadata asks for there.
    expect(tv.validateItem(item({ Name: "x" })).errors[0]!.expected).toBe("no property (Test.Validation.Item does not declare Name)");
  });

  test("a type without properties accepts only annotations", () => {
    expect(tv.validateEmpty({ "@odata.type": "#tv.Empty", "@x.y": 1 }).valid).toBe(true);
    expect(paths(tv.validateEmpty({ a: 1 }))).toEqual(["/a"]);
  });

  test("the root and wrong JSON kinds", () => {
    expect(tv.validateItem(null).errors).toEqual([{ path: "", expected: "Test.Validation.Item", actual: "null", message: "expected Test.Validation.Item, got null" }]);
    expect(paths(tv.validateItem([item()]))).toEqual([""]);
    expect(paths(tv.validateItem("x"))).toEqual([""]);
  });
});

describe("OData 4.0 delta entries (JSON Format 4.0 §14.4–14.6)", () => {
  const deleted = (context: string, extra: Record<string, unknown> = {}) => ({ [context.startsWith("@") ? context : "@odata.context"]: context.startsWith("@") ? "#Items/$deletedEntity" : context, id: "Items(1)", reason: "deleted", ...extra });
  const link = (kind: "link" | "deletedLink", extra: Record<string, unknown> = {}) => ({ "@odata.context": `$metadata#Items/$${kind}`, source: "Items(1)", relationship: "children", target: "Items(2)", ...extra });

  test("a read takes a deleted entity, an added link and a deleted link as such, not as the entity type", () => {
    for (const context of ["$metadata#Items/$deletedEntity", "#Items/$deletedEntity", "https://example.com/svc/$metadata#Items/$deletedEntity", "@context"]) {
      expect(tv.validateItem(deleted(context))).toEqual({ valid: true, errors: [] });
    }
    expect(tv.validateItem(deleted("#Items/$deletedEntity", { reason: "changed", "@Legacy.entityKey": { id: 1 } })).valid).toBe(true);
    const { reason: _, ...withoutReason } = deleted("#Items/$deletedEntity");
    expect(tv.validateItem(withoutReason).valid).toBe(true);
    expect(tv.validateItem(link("link")).valid).toBe(true);
    expect(tv.validateItem(link("deletedLink")).valid).toBe(true);
    // A delta page, item by item, as a request function's `validate` checks it; a type with subtypes too (its dispatch).
    const page = { "@odata.context": "$metadata#Items/$delta", value: [item(), deleted("#Items/$deletedEntity"), link("link"), link("deletedLink")] };
    expect(vr.validateCollection(tv.checkItem, page).valid).toBe(true);
    expect(tv.validatePerson({ "@odata.context": "#People/$deletedEntity", id: "People(1)" }).valid).toBe(true);
  });

  test("each entry's members are checked; in strict mode others are unknown", () => {
    const errors = (v: unknown, options?: object) => tv.validateItem(v, options).errors.map((e) => [e.path, e.message]);
    expect(errors(deleted("#Items/$deletedEntity", { id: 5, reason: "gone", name: "x" }))).toEqual([
      ["/id", "expected an entity's id (a string), got number 5"],
      ["/reason", 'expected "changed" or "deleted", got "gone"'],
      ["/name", "unknown property name"],
    ]);
    expect(errors(deleted("#Items/$deletedEntity", { name: "x" }), { strict: false })).toEqual([]);
    expect(errors({ "@odata.context": "#Items/$deletedEntity" })).toEqual([["/id", "required property id is missing"]]);
    expect(errors(link("deletedLink", { relationship: 1, target: undefined }))).toEqual([
      ["/relationship", "expected a navigation property's name (a string), got number 1"],
      ["/target", "required property target is missing"],
    ]);
  });

  test("a deleted entity may give its entity id as control information (@odata.id, @id) in place of id", () => {
    const byId = { "@odata.context": "#Items/$deletedEntity", "@odata.id": "Items(1)", reason: "deleted" };
    expect(tv.validateItem(byId)).toEqual({ valid: true, errors: [] });
    expect(tv.validateItem({ "@context": "#Items/$deletedEntity", "@id": "Items(1)" }, { complete: true }).valid).toBe(true);
    expect(vr.validateCollection(tv.checkItem, { value: [byId, deleted("#Items/$deletedEntity", { "@odata.id": "Items(1)" })] }, { complete: true }).valid).toBe(true);
    // A null or missing id, or a key in its place (a 4.01 entry, which has @removed), says nothing of which entity it is.
    expect(paths(tv.validateItem({ ...byId, "@odata.id": null }))).toEqual(["/id"]);
    expect(paths(tv.validateItem({ "@odata.context": "#Items/$deletedEntity", id: undefined, "@odata.id": 5 }))).toEqual(["/id", "/@odata.id"]);
    expect(paths(tv.validateItem({ "@odata.context": "#Items/$deletedEntity", reason: "deleted", id2: 1 }))).toEqual(["/id", "/id2"]);
  });

  test("an entry's control information is checked as an entity's, strict or not", () => {
    const errors = (v: unknown, options?: object) => vr.validateCollection(tv.checkItem, { value: [v] }, options).errors.map((e) => [e.path, e.message]);
    const bad = { "@odata.etag": 5, "@odata.type": 7, "@odata.id": {}, "@odata.editLink": null, "@Legacy.entityKey": { id: 1 } };
    for (const options of [{}, { strict: false }]) {
      expect(errors(deleted("#Items/$deletedEntity", bad), options)).toEqual([
        ["/value/0/@odata.etag", "expected an ETag (a string), got number 5"],
        ["/value/0/@odata.type", "expected a type name (a string), got number 7"],
        ["/value/0/@odata.id", "expected an entity id (a string, or null), got object"],
        ["/value/0/@odata.editLink", "expected a URL (a string), got null"],
      ]);
      expect(errors(link("deletedLink", { "@id": 5, "@odata.type": "#Test.Validation.Item" }), options)).toEqual([["/value/0/@id", "expected an entity id (a string, or null), got number 5"]]);
    }
    expect(errors(link("link", { "@odata.context": "$metadata#Items/$link", "@odata.count": "x" }))).toEqual([
      ["/value/0/@odata.count", 'expected a count (a non-negative Edm.Int64: a number, or its digits in a string), got "x"'],
    ]);
  });

  test("a body, a guard (whose type is the entity's) and a nested value still refuse them", () => {
    // Only a response's value itself, or an item of its `value`, is a delta entry.
    expect(paths(tv.validateItem(item({ parent: deleted("#Items/$deletedEntity") }), { complete: false }))).toEqual(["/parent/id", "/parent/reason"]);
    for (const mode of ["create", "update", "replace"] as const) {
      expect(paths(tv.validateItem(deleted("#Items/$deletedEntity"), { mode, complete: false }))).toEqual(["/id", "/reason"]);
      expect(tv.validateItem(link("link"), { mode, complete: false }).valid).toBe(false);
    }
    expect(tv.isItem(deleted("#Items/$deletedEntity"), { complete: false })).toBe(false);
  });
});

describe("OData 4.01 deleted entities (JSON Format 4.01 §15.3: @removed)", () => {
  // Graph's delta() pages hold them: the entity's id or key beside "@removed", nothing else.
  const removed = (extra: Record<string, unknown> = {}) => ({ "@removed": { reason: "deleted" }, id: 1, ...extra });

  test("a read with complete takes an entry holding only its key or id, in a page and by itself", () => {
    const page = { "@odata.deltaLink": "https://example.com/Items?$deltatoken=1", value: [item(), removed(), { "@removed": {}, "@id": "Items(2)" }, { "@odata.removed": { reason: "changed" }, id: 3 }] };
    expect(vr.validateCollection(tv.checkItem, page, { complete: true })).toEqual({ valid: true, errors: [] });
    expect(tv.validateItem(removed(), { complete: true })).toEqual({ valid: true, errors: [] });
    expect(tv.validatePerson({ "@removed": {}, "@odata.type": "#Test.Validation.Employee", id: "01234567-89ab-cdef-0123-456789abcdef" }, { complete: true }).valid).toBe(true);
    // What it holds is still checked; an entity without @removed is still whole.
    expect(paths(vr.validateCollection(tv.checkItem, { value: [removed({ id: "1" }), { id: 2 }] }, { complete: true }))).toEqual(["/value/0/id", "/value/1/name", "/value/1/created", "/value/1/status", "/value/1/tags", "/value/1/shapes"]);
  });

  test("a single-valued navigation property may hold one (JSON Format 4.01 §15.4.1), not asked to be whole, but identified", () => {
    expect(tv.validateItem(item({ parent: removed({ id: 2 }) }), { complete: true })).toEqual({ valid: true, errors: [] });
    expect(vr.validateCollection(tv.checkItem, { value: [item({ parent: { "@odata.removed": {}, "@id": "Items(2)" } })] }, { complete: true }).valid).toBe(true);
    // Nested too, and what it holds is still checked, as its @removed and its identity are.
    expect(tv.validateItem(item({ parent: item({ parent: removed({ id: 3 }) }) }), { complete: true }).valid).toBe(true);
    expect(paths(tv.validateItem(item({ parent: removed({ id: "2", name: 5 }) }), { complete: true }))).toEqual(["/parent/id", "/parent/name"]);
    expect(tv.validateItem(item({ parent: { "@removed": { reason: "gone" } } }), { complete: true }).errors.map((e) => [e.path, e.message])).toEqual([
      ["/parent/@removed/reason", 'expected "changed" or "deleted", got "gone"'],
      ["/parent", "a deleted entity (@removed) holds @id or its key id to say which entity it is (JSON Format 4.01 §15.3): id is missing"],
    ]);
    // An expanded entity without @removed is still whole; a guard narrowing to Item still wants it whole.
    expect(paths(tv.validateItem(item({ parent: { id: 2 } }), { complete: true }))).toEqual(["/parent/name", "/parent/created", "/parent/status", "/parent/tags", "/parent/shapes"]);
    expect(tv.isItem(item({ parent: removed({ id: 2 }) }))).toBe(false);
  });

  test("one with a /$deletedEntity context, as JSON Format 4.01 §15.3 writes it for full metadata, is a 4.01 deleted entity, not a 4.0 one", () => {
    const full = { "@context": "#Items/$deletedEntity", "@removed": { reason: "deleted" }, "@id": "Items(1)" };
    expect(tv.validateItem(full, { complete: true })).toEqual({ valid: true, errors: [] });
    expect(tv.validateItem({ "@odata.context": "#Items/$deletedEntity", "@odata.removed": {}, id: 1 }, { complete: true }).valid).toBe(true);
    expect(vr.validateCollection(tv.checkItem, { value: [full] }, { complete: true }).valid).toBe(true);
    expect(paths(tv.validateItem({ "@context": "#Items/$deletedEntity", "@removed": {} }, { complete: true }))).toEqual([""]);
  });

  test("@removed is an object whose reason, where present, is changed or deleted, as the types declare it", () => {
    const errors = (v: unknown) => vr.validateCollection(tv.checkItem, { value: [v] }).errors.map((e) => [e.path, e.message]);
    expect(errors(removed({ "@removed": { reason: "gone" } }))).toEqual([["/value/0/@removed/reason", 'expected "changed" or "deleted", got "gone"']]);
    expect(errors(removed({ "@removed": true }))).toEqual([["/value/0/@removed", 'expected an object ({ "reason": "changed" or "deleted" }, or {}), got boolean']]);
    expect(tv.validateItem(removed({ "@odata.removed": null, "@removed": undefined })).errors.map((e) => e.path)).toEqual(["/@odata.removed"]);
    expect(tv.isItem(removed({ "@removed": "yes" }), { complete: false })).toBe(false);
    // A guard narrowing to the whole entity still wants it whole.
    expect(tv.isItem(removed())).toBe(false);
  });
});

describe("advertised bound actions and functions (JSON Format §16, §17)", () => {
  const renew = { title: "Renew", target: "https://example.com/Items(1)/Test.Validation.Renew" };

  test("a read takes them, their values objects whose title and target are strings", () => {
    expect(tv.validateItem(item({ "#Test.Validation.Renew": renew, "#tv.Price(currency)": {}, "https://example.com/$metadata#Test.Validation.Audit": {} }))).toEqual({ valid: true, errors: [] });
    expect(tv.validateBag({ id: "b", "#Test.Validation.Renew": renew, "Items#Test.Validation.Top": {} }).valid).toBe(true);
    expect(vr.validateCollection(tv.checkItem, { value: [item()], "#Test.Validation.Top": renew }).valid).toBe(true);
    const errors = (v: unknown) => tv.validateItem(v).errors.map((e) => [e.path, e.expected]);
    expect(errors(item({ "#Test.Validation.Renew": "Renew" }))).toEqual([["/#Test.Validation.Renew", "an object (a bound action's or function's advertisement)"]]);
    expect(errors(item({ "#Test.Validation.Renew": { title: 1, target: ["x"] } }))).toEqual([
      ["/#Test.Validation.Renew/title", "a string"],
      ["/#Test.Validation.Renew/target", "a URL (a string)"],
    ]);
    expect(tv.validateBag({ id: "b", "#Test.Validation.Renew": 1 }).valid).toBe(false);
  });

  test("a body refuses them, strict or not", () => {
    for (const mode of ["create", "update", "replace"] as const) {
      for (const strict of [true, false]) {
        expect(tv.validateItem({ name: "n", "#Test.Validation.Renew": renew }, { mode, strict, complete: false }).errors.map((e) => [e.path, e.message])).toEqual([
          ["/#Test.Validation.Renew", "#Test.Validation.Renew advertises a bound action or function: a response's control information, not a body's"],
        ]);
        expect(paths(tv.validateBag({ "#Test.Validation.Renew": {} }, { mode, strict, complete: false }))).toEqual(["/#Test.Validation.Renew"]);
      }
    }
  });
});

describe("collection responses", () => {
  test("validateCollection checks a { value: [...] } body item by item", () => {
    const body = { "@odata.context": "$metadata#Items", "@odata.nextLink": "Items?$skiptoken=2", "@odata.count": 2, value: [item(), item({ name: 5 })] };
    expect(vr.validateCollection(tv.checkItem, body).errors.map((e) => [e.path, e.expected])).toEqual([["/value/1/name", "Edm.String"]]);
    expect(vr.validateCollection(tv.checkItem, { value: [item()] }).valid).toBe(true);
    expect(paths(vr.validateCollection(tv.checkItem, { values: [] }))).toEqual(["/value", "/values"]);
    expect(paths(vr.validateCollection(tv.checkItem, { value: {} }))).toEqual(["/value"]);
    expect(paths(vr.validateCollection(tv.checkItem, [item()]))).toEqual([""]);
    expect(paths(vr.validateCollection(tv.checkItem, { value: [{ name: "n" }] }, { mode: "update" }))).toEqual([]);
  });
});

describe("modes", () => {
  const body = { name: "new", tags: [], shapes: [] };

  describe("without complete (the default): a value may leave properties out, those it has are checked", () => {
    const plain: typeof tv = require(path.join(out, "Test.Validation.validators"));
    test("read: a default set of properties, or what $select asked for (Protocol §11.2.5.1)", () => {
      expect(plain.validateItem({ name: "n" })).toEqual({ valid: true, errors: [] });
      expect(plain.validateItem({ id: 1 })).toEqual({ valid: true, errors: [] });
      // What is there is still checked: a non-nullable property may be absent, never null.
      expect(paths(plain.validateItem({ name: null, id: "1" }))).toEqual(["/id", "/name"]);
      expect(paths(plain.validateItem({ name: "n" }, { complete: true }))).toEqual(["/id", "/created", "/status", "/tags", "/shapes"]);
    });
    test("create: keys and other values the service may generate without saying so (Graph has no Core.Computed)", () => {
      expect(plain.validateItem({ tags: [] }, { mode: "create" })).toEqual({ valid: true, errors: [] });
      // Computed properties must still be absent.
      expect(paths(plain.validateItem({ ...body, id: 1 }, { mode: "create" }))).toEqual(["/id"]);
      expect(paths(plain.validateItem({ tags: [] }, { mode: "create", complete: true }))).toEqual(["/name"]);
    });
  });

  test("read: non-nullable properties (computed ones too) must be present; a stream property need not", () => {
    expect(paths(tv.validateItem({ name: "n" }))).toEqual(["/id", "/created", "/status", "/tags", "/shapes"]);
    expect(tv.isItem(item({ "picture@odata.mediaReadLink": "Items(1)/picture" }))).toBe(true);
  });

  test("create: required properties present, computed ones absent, defaulted ones and collections optional", () => {
    expect(tv.validateItem(body, { mode: "create" })).toEqual({ valid: true, errors: [] });
    // Protocol §11.4.2: an omitted collection-valued property is created empty.
    expect(paths(tv.validateItem({ tags: [] }, { mode: "create" }))).toEqual(["/name"]);
    expect(paths(tv.validateItem({ name: "n", tags: null }, { mode: "create" }))).toEqual(["/tags"]);
    expect(tv.validateItem({ ...body, id: 1, created: "2024-01-01T00:00:00Z" }, { mode: "create" }).errors).toEqual([
      { path: "/id", expected: "no value (computed by the service)", actual: "number 1", message: "id is computed by the service and cannot be sent" },
      expect.objectContaining({ path: "/created" }),
    ]);
    expect(paths(tv.validateItem({ ...body, created: null }, { mode: "create" }))).toEqual(["/created"]);
    // Immutable values may be given on create.
    expect(tv.isItem({ ...body, code: "abc" }, { mode: "create" })).toBe(true);
    // The mode applies to nested values (a deep insert) too.
    expect(paths(tv.validateItem({ ...body, children: [{ ...body, id: 3 }] }, { mode: "create" }))).toEqual(["/children/0/id"]);
  });

  test("update: every property optional, computed and immutable ones rejected, values still checked", () => {
    expect(tv.validateItem({}, { mode: "update" })).toEqual({ valid: true, errors: [] });
    expect(tv.isItem({ name: "renamed" }, { mode: "update" })).toBe(true);
    expect(tv.validateItem({ code: "abc", id: 2 }, { mode: "update" }).errors.map((e) => [e.path, e.message])).toEqual([
      ["/id", "id is computed by the service and cannot be sent"],
      ["/code", "code cannot be changed after creation"],
    ]);
    expect(paths(tv.validateItem({ name: 5, extra: 1 }, { mode: "update" }))).toEqual(["/name", "/extra"]);
    expect(paths(tv.validateItem({ name: null }, { mode: "update" }))).toEqual(["/name"]);
  });

  test("replace: a PUT body is the whole entity, complete by default: what a create may leave out, a PUT may not", () => {
    const plain: typeof tv = require(path.join(out, "Test.Validation.validators"));
    const whole = { name: "n", status: "Red", tags: [], shapes: [] };
    expect(plain.validateItem(whole, { mode: "replace" })).toEqual({ valid: true, errors: [] });
    // Protocol §11.4.3: the service resets what a PUT leaves out, a default value or a collection too.
    expect(plain.validateItem({ name: "n" }, { mode: "replace" }).errors.map((e) => [e.path, e.message])).toEqual([
      ["/status", "required property status is missing"],
      ["/tags", "required property tags is missing"],
      ["/shapes", "required property shapes is missing"],
    ]);
    expect(plain.validateItem({ name: "n" }, { mode: "create", complete: true })).toEqual({ valid: true, errors: [] });
    expect(plain.validateItem({ name: "n" }, { mode: "replace", complete: false })).toEqual({ valid: true, errors: [] });
    // Computed and immutable properties cannot be sent, as in a PATCH; null is no value for a non-nullable one.
    expect(paths(plain.validateItem({ ...whole, id: 1, created: "2024-01-01T00:00:00Z", code: "abc" }, { mode: "replace" }))).toEqual(["/id", "/created", "/code"]);
    expect(paths(plain.validateItem({ ...whole, name: null }, { mode: "replace" }))).toEqual(["/name"]);
    // Keys may be left out (the URL names the entity) or given; nullable properties may be left out.
    expect(plain.validateLine({}, { mode: "replace" })).toEqual({ valid: true, errors: [] });
    expect(plain.validateLine({ basketId: 1, no: 2 }, { mode: "replace" })).toEqual({ valid: true, errors: [] });
    expect(paths(plain.validateLine({}, { complete: true }))).toEqual(["/basketId", "/no"]);
    expect(plain.validatePerson({}, { mode: "replace" })).toEqual({ valid: true, errors: [] });
    expect(paths(plain.validateEmployee({}, { mode: "replace" }))).toEqual(["/badge"]);
    // A complex value replaces the whole value: it is complete, and names its type where the declared one is abstract.
    expect(paths(plain.validateItem({ ...whole, shapes: [{ "@odata.type": "#Test.Validation.Circle", label: "c" }] }, { mode: "replace" }))).toEqual(["/shapes/0/radius"]);
    expect(paths(plain.validateItem({ ...whole, shape: { label: "x" } }, { mode: "replace" }))).toEqual(["/shape"]);
    // The entity itself is the one the URL names: an abstract type's instance need not name its type,
    // and is then read as that type: a subtype's property needs @odata.type (JSON Format §4.5.3).
    expect(plain.validateShape({ label: "x" }, { mode: "replace" })).toEqual({ valid: true, errors: [] });
    expect(paths(plain.validateShape({ radius: 1 }, { mode: "replace" }))).toEqual(["/label", "/radius"]);
    expect(plain.validateShape({ "@odata.type": "#Test.Validation.Circle", label: "x", radius: 1 }, { mode: "replace" })).toEqual({ valid: true, errors: [] });
  });

  test("create: a deep insert may leave out what a referential constraint ties to the parent, there only", () => {
    // Line.basket ties basketId to Basket.id; Basket.lines is its partner.
    expect(tv.validateBasket({ id: 1, lines: [{ no: 1 }, { no: 2, basketId: 1 }] }, { mode: "create" })).toEqual({ valid: true, errors: [] });
    // A line on its own, through a navigation property without that partner, or a level further down still needs it.
    expect(paths(tv.validateLine({ no: 1 }, { mode: "create" }))).toEqual(["/basketId"]);
    expect(paths(tv.validateBasket({ id: 1, best: { no: 1 } }, { mode: "create" }))).toEqual(["/best/basketId"]);
    expect(paths(tv.validateBasket({ id: 1, lines: [{ no: 1, basket: { id: 2, best: { no: 2 } } }] }, { mode: "create" }))).toEqual(["/lines/0/basket/best/basketId"]);
    expect(paths(tv.validateBasket({ id: 1, lines: [{ basketId: 1 }], best: { no: 1 } }, { mode: "create" }))).toEqual(["/lines/0/no", "/best/basketId"]);
    // What the service returns has it.
    expect(paths(tv.validateBasket({ id: 1, lines: [{ no: 1 }] }))).toEqual(["/lines/0/basketId"]);
  });

  test("update: an abstract type without @odata.type is the instance's own type, its known properties checked", () => {
    // Shape is abstract; a PATCH to a shape need not say which kind it is (the service knows): it is
    // then read as a Shape (as OData .NET reads it, by the URL's type), and a Circle's radius needs
    // @odata.type naming the Circle (JSON Format §4.5.3). Nested in a PATCH, any other property is taken.
    expect(tv.validateShape({ label: "renamed" }, { mode: "update" })).toEqual({ valid: true, errors: [] });
    expect(tv.validateShape({ radius: 2 }, { mode: "update" }).errors.map((e) => [e.path, e.message])).toEqual([
      ["/radius", "unknown property radius (a subtype's? name the subtype in @odata.type: without it the body is read as Test.Validation.Shape)"],
    ]);
    expect(tv.isShape({ "@odata.type": "#Test.Validation.Circle", radius: 2 }, { mode: "update" })).toBe(true);
    // Not strict, anything else is taken, as before: a subtype's binding too.
    expect(tv.validateShape({ label: "a", "owner@odata.bind": "people('1')" }, { mode: "update", strict: false })).toEqual({ valid: true, errors: [] });
    expect(tv.isItem({ shape: { radius: 2 } }, { mode: "update" })).toBe(true);
    expect(paths(tv.validateShape({ label: 5 }, { mode: "update" }))).toEqual(["/label"]);
    expect(paths(tv.validateItem({ shape: { label: 5 } }, { mode: "update" }))).toEqual(["/shape/label"]);
    // The same for an abstract type no type derives from (checked without a subtype switch).
    expect(tv.validateSketch({ note: "x" }, { mode: "update" })).toEqual({ valid: true, errors: [] });
    expect(paths(tv.validateSketch({ note: 1, other: 2 }, { mode: "update" }))).toEqual(["/note", "/other"]);
    expect(paths(tv.validateSketch({ note: "x" }))).toEqual([""]);
    // Elsewhere a value of an abstract type must still say which concrete type it is.
    for (const mode of ["read", "create"] as const) {
      expect(tv.validateShape({ label: "x" }, { mode }).errors.map((e) => e.message)).toEqual(["Test.Validation.Shape is abstract: @odata.type must name a concrete subtype"]);
    }
  });
});

describe("results", () => {
  const bad = item({ name: 1, tags: [1, 2, 3, 4, 5, 6], status: "Nope", extra: true });

  test("maxErrors caps the errors collected", () => {
    expect(tv.validateItem(bad).errors).toHaveLength(9);
    expect(paths(tv.validateItem(bad, { maxErrors: 3 }))).toEqual(["/name", "/status", "/tags/0"]);
    expect(tv.validateItem(bad, { maxErrors: 1 }).errors).toHaveLength(1);
    expect(tv.validateItem(bad, { maxErrors: 0 }).errors).toHaveLength(1);
    expect(tv.validateItem(bad, { maxErrors: NaN }).errors).toHaveLength(9);
    expect(tv.validateItem(bad, { maxErrors: Infinity }).errors).toHaveLength(9);
  });

  test("assert throws a ValidationFailedError carrying the errors; the guard narrows", () => {
    expect(() => tv.assertItem(item())).not.toThrow();
    let caught: unknown;
    try {
      tv.assertItem(bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(vr.ValidationFailedError);
    const err = caught as InstanceType<typeof vr.ValidationFailedError>;
    expect(err.errors).toHaveLength(9);
    expect(err.message).toMatch(/^invalid value: \/name expected Edm\.String, got number 1; \/status .* \(\+6 more\)$/);
    const value: unknown = item();
    if (tv.isItem(value)) expect(value.name).toBe("first");
    else throw new Error("guard rejected a valid item");
  });

  test("a valid result is shared and frozen; an invalid one is not reused by the next run", () => {
    const a = tv.validateItem(item());
    expect(Object.isFrozen(a)).toBe(true);
    const r1 = tv.validateItem(item({ name: 1 }));
    const r2 = tv.validateItem(item({ tags: [1] }));
    expect(paths(r1)).toEqual(["/name"]);
    expect(paths(r2)).toEqual(["/tags/0"]);
  });
});
