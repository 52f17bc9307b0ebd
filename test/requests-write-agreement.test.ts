// Write bodies against OData's rules (JSON Format 4.01 §8.5 bind operations, §4.5.3 `@odata.type`;
// Protocol §11.4.2 create and deep insert, §11.4.3 PATCH, §11.4.4 PUT): for each body, the request
// function's body type (createX, updateX, updateX with `replace: true`) and the validator in the
// matching mode both accept it or both refuse it, as the spec has it. Bindings by `p@odata.bind`
// (null removes a nullable single-valued relationship) and by an entity reference (`{ "@id": … }`,
// 4.01's form, which may also change the entity it names, as a PATCH does), a PUT's related entities
// (whole, keys optional, `@odata.type` of an abstract type required), a nested entity's bindings
// of its subtype's own navigation properties, computed and immutable properties at several depths. `LEFT` lists where the two still disagree (the README says so):
// the type refuses what the validator accepts. On test/fixtures/requests/write-agreement.xml, and on
// Graph v1.0's user, team and callRecords.session.
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERATED, generateFixture } from "./helpers/generated";
import { compileCaseGroups, forEachCompiler, type CaseGroup, type CaseMessage, type Compiler } from "./helpers/typecheck";
import { generate } from "../generator/generate";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

type Mode = "create" | "update" | "replace";
type Entity = "Person" | "Item" | "Book";
type Validate = (value: unknown, options?: { mode?: Mode }) => { errors: { path: string; message: string }[] };
/** A body of `entity` for `mode`; `refused`, the path of the validator's error (and the compiler refuses it too). */
type Case = [what: string, entity: Entity, mode: Mode, body: Record<string, unknown>, refused?: string];

const person = { info: { login: "a" }, name: "n", addresses: [], shapes: [] };
const book = { "@odata.type": "#W.Book", title: "t", code: "c", pages: 1 };
const at = "2020-01-01T00:00:00Z";

const CASES: Case[] = [
  ["a create with bindings of each kind", "Person", "create", { ...person, "manager@odata.bind": "People('b')", "items@odata.bind": ["Items(1)"], "best@odata.bind": "Items(2)" }],
  ["null unbinds a nullable single-valued navigation property (create)", "Person", "create", { ...person, "manager@odata.bind": null }],
  ["null unbinds a nullable single-valued navigation property (PATCH)", "Person", "update", { "manager@odata.bind": null }],
  ["null unbinds a nullable single-valued navigation property (PUT)", "Person", "replace", { ...person, "manager@odata.bind": null }],
  ["not a non-nullable one", "Person", "update", { "best@odata.bind": null }, "/best@odata.bind"],
  ["not a collection-valued one", "Person", "update", { "items@odata.bind": null }, "/items@odata.bind"],
  ["a string for a collection-valued one, in a deep insert", "Person", "create", { ...person, manager: { ...person, "items@odata.bind": "Items(1)" } }, "/manager/items@odata.bind"],
  ["a binding in a deep insert", "Person", "create", { ...person, manager: { ...person, "manager@odata.bind": "People('c')" } }],
  ["4.01: an entity reference binds a single-valued one (PATCH)", "Person", "update", { manager: { "@odata.id": "People('x')" } }],
  ["4.01: entity references in a collection-valued one of an abstract type (create)", "Person", "create", { ...person, items: [{ "@odata.id": "Items(1)" }, { "@odata.id": "Items(2)" }] }],
  ["4.01: an entity reference in a PUT", "Person", "replace", { ...person, manager: { "@odata.id": "People('x')" } }],
  ["an entity reference's id is a string", "Item", "create", { ...book, related: [{ "@odata.id": 5 }] }, "/related/0/@odata.id"],
  ["an entity reference with properties changes that entity (4.01 deep update)", "Item", "update", { related: [{ "@odata.id": "Items(2)", title: "x" }] }],
  ["  not its computed properties", "Item", "update", { related: [{ "@odata.id": "Items(2)", created: at }] }, "/related/0/created"],
  // Before session 71 a create took one with properties too; a create relates an existing entity but does not change it (Protocol §11.4.2).
  ["  not in a create", "Item", "create", { ...book, related: [{ "@odata.id": "Items(2)", title: "x" }] }, "/related/0/title"],
  ["  nor by @odata.id, single-valued", "Person", "create", { ...person, manager: { "@odata.id": "People('x')", name: "n" } }, "/manager/name"],
  ["  nor in a deep insert's entity", "Person", "create", { ...person, manager: { ...person, items: [{ "@odata.id": "Items(1)", title: "t" }] } }, "/manager/items/0/title"],
  ["  a create's reference may name its type", "Person", "create", { ...person, items: [{ "@odata.id": "Items(1)", "@odata.type": "#W.Book" }], manager: { "@odata.id": "People('x')" } }],
  // Before session 73 the type refused the first (a reference to a type without subtypes named no
  // type), the validator took the second (4.01's @type, which a 4.0 payload does not have).
  ["  a reference to a type without subtypes its own", "Person", "create", { ...person, manager: { "@odata.id": "People('x')", "@odata.type": "#W.Person" } }],
  ["  by @odata.type: a 4.0 service's has no 4.01 @type", "Person", "create", { ...person, items: [{ "@odata.id": "Items(1)", "@type": "#W.Book" }] }, "/items/0/@type"],
  // A 4.0 payload has no 4.01 @type anywhere (JSON Format 4.01 §4.5): before session 73 the validators
  // took it on a body and its nested objects, and chose a subtype by it, where the types refuse it.
  ["a 4.0 service's body names its type by @odata.type, not 4.01's @type", "Item", "create", { "@type": "#W.Book", title: "t", code: "c", pages: 1 }, "/@type"],
  ["  nor a deep insert's entity", "Person", "create", { ...person, items: [{ "@type": "#W.Book", title: "t", code: "c", pages: 1 }] }, "/items/0/@type"],
  ["  nor a PATCH's related entity of a type without subtypes", "Book", "update", { chapters: [{ "@type": "#W.Chapter", heading: "h" }] }, "/chapters/0/@type"],
  ["  nor a complex value", "Person", "create", { ...person, shapes: [{ "@type": "#W.Box", color: "r", w: 1 }] }, "/shapes/0/@type"],
  ["  nor beside @odata.type", "Item", "create", { ...book, "@type": "#W.Book" }, "/@type"],
  // A property's type likewise (JSON Format 4.01 §4.5): before session 73's last changes the validators
  // took 4.01's `prop@type` in a 4.0 service's body, which the types refuse.
  ["a 4.0 service's body names no property's type by 4.01's prop@type", "Item", "create", { ...book, "title@type": "#String" }, "/title@type"],
  ["  nor in a PATCH", "Book", "update", { title: "t", "title@type": "#String" }, "/title@type"],
  ["  nor in a PUT's complex value", "Person", "replace", { ...person, info: { login: "a", "login@type": "#String" } }, "/info/login@type"],
  ["  nor in a deep insert's entity", "Person", "create", { ...person, best: { ...book, "pages@type": "#Int32" } }, "/best/pages@type"],
  ["a create's body has no id of its own (the service gives it)", "Item", "create", { ...book, "@odata.id": "Items(9)" }, "/@odata.id"],
  ["  nor 4.01's @id", "Book", "create", { ...book, "@id": "Items(9)" }, "/@id"],
  // Before session 72 the types refused these ids, which the validators took (Protocol §11.4.3: the service ignores them).
  ["a PATCH's body may hold its entity's id", "Person", "update", { "@odata.id": "People('a')", name: "m" }],
  ["  an abstract type's too", "Item", "update", { "@odata.type": "#W.Book", "@odata.id": "Items(1)", title: "x" }],
  ["  a PUT's too", "Person", "replace", { ...person, "@odata.id": "People('a')" }],
  // Person is open, and its index signature took the id before: a closed type's PUT shows `rt.Replacement` declares it.
  ["  a PUT's of a type that is not open", "Item", "replace", { "@odata.type": "#W.Book", title: "t", pages: 1, "@odata.id": "Items(1)" }],
  ["  a string, not null", "Person", "update", { "@odata.id": null }, "/@odata.id"],
  // 4.01's @id leaves out the odata. prefix, which only a 4.01 payload may (JSON Format 4.01 §4.5), and
  // this document is 4.0: before session 72 its types and validators took it in a PATCH's or a PUT's
  // body, and in an entity reference (requests-odata-bind has a 4.01 service's).
  ["a 4.0 service's PATCH body names its entity by @odata.id, not 4.01's @id", "Item", "update", { "@odata.type": "#W.Book", "@id": "Items(1)", title: "x" }, "/@id"],
  ["  nor its PUT's", "Item", "replace", { "@odata.type": "#W.Book", title: "t", pages: 1, "@id": "Items(1)" }, "/@id"],
  ["  nor its related entity's", "Book", "update", { chapters: [{ "@id": "Items(1)/chapters(1)", heading: "h" }] }, "/chapters/0/@id"],
  ["  nor an entity reference, in a PATCH", "Item", "update", { related: [{ "@id": "Items(2)" }] }, "/related/0/@id"],
  ["  in a PUT", "Person", "replace", { ...person, best: { "@id": "Items(2)" } }, "/best/@id"],
  ["  in a create", "Person", "create", { ...person, items: [{ "@id": "Items(1)", "@odata.type": "#W.Book" }] }, "/items/0/@id"],
  // A complex value has no entity id, in any body (before session 72 the validators took one in a
  // PATCH or PUT, and in a create spoke of "a create's body").
  ["a complex value has no entity id (create)", "Person", "create", { ...person, info: { login: "a", "@odata.id": "x" } }, "/info/@odata.id"],
  ["  nor in a PATCH", "Person", "update", { info: { login: "a", "@id": "x" } }, "/info/@id"],
  ["  nor in a PUT, in a deep insert's entity", "Person", "replace", { ...person, manager: { ...person, info: { login: "b", "@odata.id": "x" } } }, "/manager/info/@odata.id"],
  // A create's entity reference holds its id, its type and instance annotations alone (JSON Format
  // 4.01 §14): before session 72 the types refused an annotation, the validators took @odata.etag.
  ["a create's entity reference may hold instance annotations", "Person", "create", { ...person, manager: { "@odata.id": "People('x')", "@ns.note": "n" }, items: [{ "@odata.id": "Items(1)", "@odata.type": "#W.Book", "@ns.note": 1 }] }],
  ["  not other control information", "Person", "create", { ...person, manager: { "@odata.id": "People('x')", "@odata.etag": "W/1" } }, "/manager/@odata.etag"],
  ["  a reference naming its type holds no property either", "Person", "create", { ...person, best: { "@odata.id": "Items(1)", "@odata.type": "#W.Book", title: "t" } }, "/best/title"],
  // Before session 71's review the create mode took a binding there (the type refused it).
  ["  nor a binding, which would relate that entity anew", "Item", "create", { ...book, related: [{ "@odata.id": "Items(2)", "owner@odata.bind": "People('a')" }] }, "/related/0/owner@odata.bind"],
  ["  which a PATCH's deep update may", "Item", "update", { related: [{ "@odata.id": "Items(2)", "owner@odata.bind": "People('a')" }] }],
  ["  nor its immutable ones", "Item", "update", { related: [{ "@odata.id": "Items(2)", code: "x" }] }, "/related/0/code"],
  ["  nor names its type does not declare", "Book", "update", { chapters: [{ "@odata.id": "Items(1)/chapters(1)", headng: "x" }] }, "/chapters/0/headng"],
  ["a PUT's related entity of an abstract type names its type", "Person", "replace", { ...person, best: { title: "t", minutes: 1 } }, "/best"],
  ["  as here", "Person", "replace", { ...person, best: { "@odata.type": "#W.Film", title: "t", minutes: 1 } }],
  ["a PATCH's need not (the service knows it)", "Person", "update", { best: { title: "t" } }],
  ["a PUT's related entity may leave out its key", "Book", "replace", { title: "t", pages: 1, chapters: [{ heading: "h" }] }],
  ["  but is whole otherwise", "Book", "replace", { title: "t", pages: 1, chapters: [{ no: 1 }] }, "/chapters/0/heading"],
  ["a PUT leaves out immutable properties", "Book", "replace", { title: "t", pages: 1, code: "c" }, "/code"],
  ["a PUT of a nested entity unbinds by null", "Item", "replace", { "@odata.type": "#W.Film", title: "t", minutes: 1, "owner@odata.bind": null }],
  ["a PUT needs the complex property holding the key's alias", "Person", "replace", { name: "n", addresses: [], shapes: [] }, "/info"],
  ["an abstract type's create names its type", "Item", "create", { title: "t" }, ""],
  ["a create refuses a computed property", "Item", "create", { ...book, created: at }, "/created"],
  ["a deep insert into a containment navigation property refuses a computed property", "Book", "create", { ...book, chapters: [{ no: 1, heading: "h", words: 3 }] }, "/chapters/0/words"],
  ["a PATCH refuses an immutable property", "Item", "update", { code: "x" }, "/code"],
  ["an abstract complex value names its type", "Person", "create", { ...person, shapes: [{ color: "r", r: 1 }] }, "/shapes/0"],
  ["a complex value of a subtype leaves out its computed property", "Person", "create", { ...person, shapes: [{ "@odata.type": "#W.Box", color: "r", w: 1, stamp: "s" }] }, "/shapes/0/stamp"],
  ["a PATCH refuses an immutable property of a complex value", "Person", "update", { home: { country: "x" } }, "/home/country"],
  ["  and a computed one a level deeper", "Person", "update", { home: { geo: { accuracy: 1 } } }, "/home/geo/accuracy"],
  ["a PATCH's related entity is partial", "Person", "update", { manager: { name: "x" } }],
  ["an open type's dynamic property", "Person", "create", { ...person, extra: 1 }],
  ["an abstract type's body binds its subtype's navigation properties", "Item", "create", { ...book, "author@odata.bind": "People('a')" }],
  ["  a subtype's subtype's too", "Item", "create", { ...book, "@odata.type": "#W.Ebook", url: "u", "formats@odata.bind": ["Formats('a')"] }],
  ["  not a misspelt one", "Item", "create", { ...book, "autor@odata.bind": "People('a')" }, "/autor@odata.bind"],
  ["  in a PATCH too", "Item", "update", { "@odata.type": "#W.Book", "author@odata.bind": "People('a')" }],
  // Before session 70 the types took only the declared type's properties here (rt.SubtypeCreate).
  ["a body of a concrete type with subtypes names a subtype, with its own properties", "Book", "create", { ...book, "@odata.type": "#W.Ebook", url: "u" }],
  ["  a deep insert through one is partial", "Item", "create", { ...book, author: { name: "a" } }],
  ["  a PUT's related entity through one is whole", "Item", "replace", { "@odata.type": "#W.Book", title: "t", pages: 1, chapters: [{ no: 1 }] }, "/chapters/0/heading"],
  ["a deep insert of an abstract type binds its subtype's navigation properties", "Person", "create", { ...person, best: { ...book, "author@odata.bind": "People('a')" } }],
  ["  a sub-subtype's too", "Person", "create", { ...person, items: [{ ...book, "@odata.type": "#W.Ebook", url: "u", "formats@odata.bind": ["Formats('a')"] }] }],
  ["  not another subtype's", "Person", "create", { ...person, items: [{ "@odata.type": "#W.Film", title: "t", minutes: 1, "author@odata.bind": "People('a')" }] }, "/items/0/author@odata.bind"],
  ["  not a misspelt one", "Person", "create", { ...person, best: { ...book, "autor@odata.bind": "People('a')" } }, "/best/autor@odata.bind"],
  ["  a collection-valued one takes an array", "Person", "create", { ...person, best: { ...book, "@odata.type": "#W.Ebook", url: "u", "formats@odata.bind": "Formats('a')" } }, "/best/formats@odata.bind"],
  ["  and inserts through them partial", "Person", "create", { ...person, best: { ...book, author: { name: "a" } } }],
  ["a PATCH's related entity binds its subtype's", "Person", "update", { items: [{ "@odata.type": "#W.Book", "author@odata.bind": "People('a')" }] }],
  ["  and inserts through them partial", "Person", "update", { best: { "@odata.type": "#W.Book", author: { name: "a" } } }],
  ["a PUT's related entity binds its subtype's", "Person", "replace", { ...person, best: { "@odata.type": "#W.Book", title: "t", pages: 1, "author@odata.bind": "People('a')" } }],
  ["  not another subtype's", "Person", "replace", { ...person, best: { "@odata.type": "#W.Film", title: "t", minutes: 1, "author@odata.bind": "People('a')" } }, "/best/author@odata.bind"],
  // Graph's new folder: `{ name, folder: {}, "@microsoft.graph.conflictBehavior": "rename" }`.
  ["an instance annotation in an entity of a type that is not open", "Item", "create", { ...book, "@Org.Example.note": "n", "title@Org.Example.note": "n" }],
  ["  in an entity and its deep insert", "Item", "create", { ...book, "@Org.Example.note": 1, author: { name: "a", "name@Org.Example.note": [] } }],
  ["  nor a misspelt property beside one", "Item", "create", { ...book, tite: "t", "@Org.Example.note": 1 }, "/tite"],
  ["an instance annotation in a PATCH's body", "Book", "update", { title: "t", "@Org.Example.note": "n", "title@Org.Example.note": 1 }],
  ["  in its related entity", "Book", "update", { chapters: [{ heading: "h", "@Org.Example.note": 1 }] }],
  ["  and in a PUT's", "Book", "replace", { title: "t", pages: 1, "@Org.Example.note": "n", chapters: [{ heading: "h", "heading@Org.Example.note": 1 }] }],
  ["  not a misspelt property beside one", "Book", "update", { tite: "t", "@Org.Example.note": "n" }, "/tite"],
  ["  in a complex value nested in a PATCH's body", "Person", "update", { home: { geo: { lat: 1, "@Org.Example.note": "n" } } }],
  ["  in a complex value nested in a create's body", "Person", "create", { ...person, home: { street: "s", country: "c", tags: [], "@Org.Example.note": "n", geo: { lat: 1, "lat@Org.Example.note": 1 } } }],
  ["  not a misspelt property beside one", "Person", "create", { ...person, home: { street: "s", country: "c", tag: [], "@Org.Example.note": "n" } }, "/home/tag"],
  ["  in a complex value nested in a PUT's body", "Person", "replace", { ...person, addresses: [{ street: "s", tags: [], "street@Org.Example.note": "n" }] }],  // A declared property's type annotation that is no string (both refuse it; a string is LEFT).
  ["a declared property's type annotation is a string", "Item", "update", { "@odata.type": "#W.Book", "title@odata.type": 5 }, "/title@odata.type"],
  ["  in a complex value too", "Person", "create", { ...person, home: { street: "s", country: "c", tags: [], "street@odata.type": null } }, "/home/street@odata.type"],
];

/** Valid bodies the type refuses (README, "Request functions": what is left). */
const LEFT: Case[] = [
  ["a binding inside a complex value (its navigation property)", "Person", "create", { ...person, home: { street: "s", country: "c", tags: [], "city@odata.bind": "Cities(1)" } }],
  ["a deep insert inside a complex value is whole in the type", "Person", "create", { ...person, home: { street: "s", country: "c", tags: [], city: { name: "x" } } }],
  // The validators take any `@odata.…` name as control information; the types only what they declare.
  ["control information a body's type does not declare (a misspelt @odata.type)", "Item", "create", { ...book, "@odata.tpye": "#W.Book" }],
  // A declared property's type annotation (JSON Format 4.01 §4.5.3: it may be there where it does not
  // contradict the declared type), which the validators check against that type: the types declare
  // no `prop@odata.type` (`rt.Annotations` takes no `…@odata.…` name; session 74 tried an index
  // signature `${string}@odata.type` there, which made GENERIC_LINES' check run for minutes).
  ["a declared property's type annotation (prop@odata.type), create", "Item", "create", { ...book, "title@odata.type": "#String" }],
  ["  PATCH, in a complex value", "Person", "update", { home: { geo: { lat: 1, "lat@odata.type": "#Double" } } }],
  ["an instance annotation in a complex value of a type with subtypes (an Any… union), PATCH", "Book", "update", { shape: { "@odata.type": "#W.Dot", r: 1, "@Org.Example.note": "n" } }],
  ["  create, in a collection", "Person", "create", { ...person, shapes: [{ "@odata.type": "#W.Box", color: "r", w: 1, "@Org.Example.note": "n" }] }],
  ["  PUT", "Item", "replace", { "@odata.type": "#W.Book", title: "t", pages: 1, shape: { "@odata.type": "#W.Dot", color: "r", r: 1, "color@Org.Example.note": "n" } }],
];

function call([, entity, mode, body]: Case): string {
  const json = JSON.stringify(body);
  const target = entity === "Person" ? "person" : entity === "Book" ? "book" : "item";
  if (mode === "create") return `await create${entity}(client, ${entity === "Person" ? "people()" : entity === "Book" ? "books" : "items()"}, ${json});`;
  return `await update${entity}(client, ${target}, ${json}${mode === "replace" ? ", { replace: true }" : ""});`;
}

const HEAD = `import * as rt from "./runtime.js";
import type { Book } from "./W.types.js";
import { createBook, createItem, createPerson, items, people, updateBook, updateItem, updatePerson } from "./W.requests.js";

declare const client: rt.Client;
declare const books: rt.CollectionRef<Book, number>;
declare const book: rt.EntityRef<Book, null>;
const person = people().byKey("a");
const item = items().byKey(1);

export async function usage(): Promise<void> {`;

let out = "";
let graphDir = "";
beforeAll(() => {
  out = generateFixture("requests/write-agreement.xml", "write-agreement");
  if (fs.existsSync(GRAPH)) {
    const include = ["microsoft.graph.user", "microsoft.graph.team", "microsoft.graph.aadUserConversationMember", "microsoft.graph.anonymousGuestConversationMember", "microsoft.graph.callRecords.session"];
    const result = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], include });
    graphDir = path.join(GENERATED, "write-agreement-graph");
    fs.rmSync(graphDir, { recursive: true, force: true });
    fs.mkdirSync(graphDir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(graphDir, name), content);
  }
});

function validate(c: Case): string[] {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(out, "W.validators")) as Record<string, Validate>;
  return (v[`validate${c[1]}`] as Validate)(c[3], { mode: c[2] }).errors.map((e) => e.path);
}

describe("the validators", () => {
  test.each(CASES)("%s (%s, %s)", (...c) => {
    expect(validate(c)).toEqual(c[4] === undefined ? [] : [c[4]]);
  });
  test.each(LEFT)("left: %s (%s, %s)", (...c) => {
    expect(validate(c)).toEqual([]);
  });
  test("an id in a complex value, and control information beside a create's reference, are refused for what they are", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "W.validators")) as Record<string, Validate>;
    const messages = (body: unknown, mode: Mode) => (v["validatePerson"] as Validate)(body, { mode }).errors.map((e) => e.message);
    expect(messages({ ...person, info: { login: "a", "@odata.id": "x" } }, "create")).toEqual([expect.stringMatching(/this is a complex value, which has none/)]);
    expect(messages({ ...person, "@odata.id": "x" }, "create")).toEqual([expect.stringMatching(/a create's body is a new one/)]);
    expect(messages({ ...person, manager: { "@odata.id": "People('x')", "@odata.etag": "W/1" } }, "create")).toEqual([
      expect.stringMatching(/an entity reference holds its id, @odata\.type and instance annotations alone .*: leave @odata\.etag out/),
    ]);
  });
  test("a 4.0 body's @type is refused naming the prefixed form, or as a second name; a read's is taken, as its @id is", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "W.validators")) as Record<string, (value: unknown, options?: { mode?: Mode | "read" }) => { errors: { path: string; message: string }[] }>;
    const errors = (body: unknown, mode: Mode | "read") => (v["validateItem"] as Validate)(body, { mode: mode as Mode }).errors.map((e) => [e.path, e.message]);
    expect(errors({ "@type": "#W.Book", title: "t", code: "c", pages: 1 }, "create")).toEqual([
      ["/@type", "@type leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write @odata.type"],
    ]);
    expect(errors({ "@odata.type": "#W.Book", "@type": "#W.Film", title: "x" }, "update")).toEqual([["/@type", "@odata.type names the type already: leave @type out"]]);
    // Checked as the type it names, so the rest is reported as with @odata.type: Book has pages, not minutes.
    expect(errors({ "@type": "#W.Book", title: "t", code: "c", pages: 1, minutes: 2 }, "create").map(([p]) => p)).toEqual(["/@type", "/minutes"]);
    expect(errors({ "@type": "#W.Book", "@id": "Items(1)", id: 1, title: "t", code: "c", pages: 1 }, "read")).toEqual([]);
    // One error at one path for a 4.0 body's @type that is no string, as for its @id or p@bind: the prefix's
    // (before, the value's too, "expected a qualified type name", at the same path).
    const prefix = "@type leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write @odata.type";
    expect(errors({ "@type": 5, title: "x" }, "update")).toEqual([["/@type", prefix]]);
    expect(errors({ "@type": null, title: "t", code: "c", pages: 1 }, "create")).toEqual([["/@type", prefix]]);
    // A property's, likewise: the prefix's error alone, whatever its value.
    expect(errors({ "@odata.type": "#W.Book", title: "x", "title@type": 5 }, "update")).toEqual([["/title@type", `title${prefix.replace("@odata.type", "title@odata.type")}`]]);
    // A read's is taken, and so is read as the type it names: 5 names none.
    expect(errors({ "@type": 5, id: 1, title: "t" }, "read")).toEqual([["/@type", "expected a qualified type name, got number 5"]]);
  });
  test("a check stopped inside an entity reference (a throwing getter) leaves the next check's body its own id", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "W.validators")) as Record<string, Validate>;
    const validateBook = v["validateBook"] as Validate;
    const hostile = { related: [{ "@odata.id": "Items(2)", get title(): string { throw new Error("boom"); } }] };
    expect(validateBook(hostile, { mode: "update" }).errors.map((e) => e.message)).toEqual(["validation stopped: boom"]);
    // Before session 72's review the reference's depth stayed the entity's, and this id was "a complex value's".
    expect(validateBook({ "@odata.id": "Items(1)", title: "t" }, { mode: "update" }).errors).toEqual([]);
  });
});

// A function of the caller's that passes an update's body on, `replace` generic (as README's "Request
// functions" shows): the compiler relates the two generic body types, through the navigation
// properties a nested entity's subtype adds. An earlier form of those (a conditional type looking
// each entity's subtype up by its `@odata.type`) made TypeScript 7 loop here; the helper kills a
// check that runs past its timeout, so that would fail.
const GENERIC_HEAD = `import * as rt from "./runtime.js";
import { people, updatePerson } from "./W.requests.js";

declare const client: rt.Client;
const person = people().byKey("a");

export async function usage(): Promise<void> {
  async function save<R extends boolean | undefined = undefined>(body: Parameters<typeof updatePerson<R>>[2], options?: rt.UpdateOptions<R>): Promise<void> {
    await updatePerson(client, person, body, options);
  }`;
const GENERIC_LINES = [
  `await save({ items: [{ "@odata.type": "#W.Book", "author@odata.bind": "People('a')" }] });`,
  `await save({ items: [{ "@odata.type": "#W.Film", "author@odata.bind": "People('a')" }] });`,
  `await save({ ...${JSON.stringify(person)}, best: { "@odata.type": "#W.Book", title: "t", pages: 1, "author@odata.bind": "People('a')" } }, { replace: true });`,
];

/**
 * Per compiler, the messages per line of the bodies (CASES, then LEFT), of GENERIC_LINES and of
 * Graph's GRAPH_CASES (where ../shared/corpus is there): one program, compiled by the first test
 * that asks, each group's usage file beside its own copy of its generated modules.
 */
interface Compiled {
  bodies: Map<number, CaseMessage[]>;
  generic: Map<number, CaseMessage[]>;
  graph: Map<number, CaseMessage[]>;
}
const compiled = new Map<Compiler, Compiled>();
function compile(c: Compiler): Compiled {
  let r = compiled.get(c);
  if (!r) {
    const groups: CaseGroup[] = [
      { dir: out, head: HEAD, lines: [...CASES, ...LEFT].map(call) },
      { dir: out, head: GENERIC_HEAD, lines: GENERIC_LINES },
      ...(graphDir ? [{ dir: graphDir, head: GRAPH_HEAD, lines: GRAPH_CASES.map(([f, , , body]) => `await ${f}, ${JSON.stringify(body)});`) }] : []),
    ];
    const [bodies, generic, graph] = compileCaseGroups(c, groups);
    r = { bodies, generic, graph: graph ?? new Map() };
    compiled.set(c, r);
  }
  return r;
}

forEachCompiler((label, c) => {
  test(`${label}: a body compiles exactly when the validator accepts it`, () => {
    const errors = compile(c).bodies;
    const verdict = (i: number) => (errors.has(i) ? "refused" : "compiles");
    expect(CASES.map((x, i) => [x[0], verdict(i)])).toEqual(CASES.map((x) => [x[0], x[4] === undefined ? "compiles" : "refused"]));
    expect(LEFT.map((x, i) => [x[0], verdict(CASES.length + i)])).toEqual(LEFT.map((x) => [x[0], "refused"]));
  });
});

forEachCompiler((label, c) => {
  test(`${label}: a body passed on through a function generic in replace`, () => {
    expect([...compile(c).generic.keys()]).toEqual([1]);
  });
});

// Graph v1.0 (a slice: user, team, two conversationMember subtypes, callRecords.session; skipped when ../shared/corpus is absent).
const g = describeWithGraph("write-agreement Graph");

const users = "https://graph.microsoft.com/v1.0/users";
const member = { "@odata.type": "#microsoft.graph.aadUserConversationMember", roles: ["owner"] };
/** [call, validator, mode, body, verdict]: `refused`, or `left` where the type refuses a body the validator accepts. */
const GRAPH_CASES: [string, string, Mode, Record<string, unknown>, "compiles" | "refused" | "left"][] = [
  ["createUser(client, users()", "validateUser", "create", { displayName: "A", "manager@odata.bind": `${users}/1` }, "compiles"],
  ["updateUser(client, user", "validateUser", "update", { "manager@odata.bind": null }, "compiles"],
  ["updateUser(client, user", "validateUser", "update", { "manager@odata.bind": [`${users}/1`] }, "refused"],
  ["createTeam(client, teams()", "validateTeam", "create", { displayName: "T", members: [{ ...member, userId: "u" }] }, "compiles"],
  ["createTeam(client, teams()", "validateTeam", "create", { displayName: "T", members: [{ ...member, "user@odata.bind": `${users}('u')` }] }, "compiles"],
  ["createTeam(client, teams()", "validateTeam", "create", { displayName: "T", members: [{ ...member, "usr@odata.bind": `${users}('u')` }] }, "refused"],
  ["createTeam(client, teams()", "validateTeam", "create", { displayName: "T", members: [{ ...member, "@odata.type": "#microsoft.graph.anonymousGuestConversationMember", "user@odata.bind": `${users}('u')` }] }, "refused"],
  ["createTeam(client, teams()", "validateTeam", "create", { displayName: "T", members: [{ ...member, user: { displayName: "U" } }] }, "compiles"],
  ["createTeam(client, teams()", "validateTeam", "create", { displayName: "T", members: [{ roles: ["owner"], userId: "u" }] }, "refused"],
  ["updateSession(client, session", "validateSession", "update", { endDateTime: "2024-01-01T00:00:00Z" }, "compiles"],
];

const GRAPH_HEAD = `import * as rt from "./runtime.js";
import { createTeam, createUser, teams, updateUser, users } from "./microsoft.graph.requests.js";
import { updateSession } from "./microsoft.graph.callRecords.requests.js";
import type { Session } from "./microsoft.graph.callRecords.types.js";

declare const client: rt.Client;
const user = users().byKey("u");
const session = rt.at<Session>("/communications/callRecords/r/sessions/s");

export async function usage(): Promise<void> {`;

g("Graph v1.0", () => {
  test("the validators", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = { ...require(path.join(graphDir, "microsoft.graph.validators")), ...require(path.join(graphDir, "microsoft.graph.callRecords.validators")) } as Record<string, Validate>;
    expect(GRAPH_CASES.map(([, f, mode, body]) => (v[f] as Validate)(body, { mode }).errors.length === 0)).toEqual(GRAPH_CASES.map((x) => x[4] !== "refused"));
  });

  forEachCompiler((label, c) => {
    test(`${label}: the request functions`, () => {
      const errors = compile(c).graph;
      expect(GRAPH_CASES.map((_x, i) => (errors.has(i) ? "refused" : "compiles"))).toEqual(GRAPH_CASES.map((x) => (x[4] === "left" ? "refused" : x[4])));
    });
  });
});
