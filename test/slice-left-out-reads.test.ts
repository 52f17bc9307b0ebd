/**
 * The subtypes a slice leaves out, where the validators are not the only ones to meet their values:
 * the result types of reads (`rt.OneOf` and `rt.SubtypeOf` over a `…Subtypes` map) hold them as
 * their nearest kept base type, as the validators accept them, and `checkerFor` (the validators'
 * `types` option) gives that type's checker for their names instead of reporting an unknown type.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, type GenerateOptions } from "../generator/generate";
import { FIXTURES, GENERATED } from "./helpers/generated";
import { forEachCompiler, runTscWithUse } from "./helpers/typecheck";

// test/fixtures/slice/left-out-reads.xml: message (kept as a value, the messages set) and email
// (included by name) keep their subtypes chatMessage, draft (abstract), quickDraft and signedEmail
// out; entity, kept only as their base type, leaves user out. message's place is open, its address
// closed; both leave a subtype out (room, postalAddress).
const FILE = "slice/left-out-reads.xml";
const CSDL = fs.readFileSync(path.join(FIXTURES, FILE), "utf8");

/** Generates the fixture into test/.generated/<tag> and returns the folder. */
function write(tag: string, options: Omit<GenerateOptions, "inputs">, csdl = CSDL, file = FILE): string {
  const result = generate({ inputs: [{ file, content: csdl }], ...options });
  const dir = path.join(GENERATED, tag);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const sliceDir = write("left-out-reads-slice", { include: ["/messages", "r.email"] });
// The same with 40 more subtypes of message, all left out (s0 … s39).
const MANY = Array.from({ length: 40 }, (_, i) => `<EntityType Name="s${i}" BaseType="r.message"/>`).join("");
const manyDir = write("left-out-reads-many", { include: ["/messages", "r.email"] }, CSDL.replace('<EntityType Name="draft"', `${MANY}<EntityType Name="draft"`), "many.xml");
const fullDir = write("left-out-reads-full", {});
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

interface Result {
  valid: boolean;
  errors: readonly { path: string; message: string }[];
}
interface Api {
  validateMessage(value: unknown, options?: { types?: unknown; complete?: boolean }): Result;
  validateEntity(value: unknown, options?: { types?: unknown }): Result;
  checkerFor(name: string): unknown;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const sliced: Api = require(path.join(sliceDir, "r.validators"));
const full: Api = require(path.join(fullDir, "r.validators"));

const errors = (r: Result) => r.errors.map((e) => `${e.path}: ${e.message}`);

describe("read results of a slice hold the subtypes it left out", () => {
  /** The members of a `…LeftOut` union of the slice's requests module: the type each is typed as, and the subtypes its `@odata.type` names. */
  const leftOutUnion = (name: string, file = "r.requests.ts", dir = sliceDir) => {
    const body = new RegExp(`export type ${name} =([\\s\\S]*?\\));\\n`).exec(read(dir, file))?.[1] ?? "";
    return [...body.matchAll(/\((\w+) & \{([^}]*)\}\)/g)].map((m) => [m[1], [...(m[2] as string).matchAll(/"#([^"]+)"/g)].map((n) => n[1])]);
  };
  const leftOutNames = (name: string) => leftOutUnion(name).flatMap(([, names]) => names as string[]);

  test("a read of message is one member per kept type, and one per kept type with concrete subtypes left out, whose @odata.type names them", () => {
    const requests = read(sliceDir, "r.requests.ts");
    expect(leftOutUnion("MessageLeftOut")).toEqual([["Message", ["r.chatMessage", "r.quickDraft"]], ["Email", ["r.signedEmail"]]]);
    // The return types as on one line (wrap-code.ts breaks them a type argument, a union member, a line).
    const oneLine = requests.replace(/<\n\s*(?:\| )?/g, "<").replace(/,\n\s*/g, ", ");
    expect(oneLine).toContain('Promise<rt.Selected<rt.OneOf<Message, "r.message", MessageSubtypes> | MessageLeftOut, S,');
    // Below entity too, though it is kept only as a base type; its own left-out subtype (user) is no value of the slice.
    expect(leftOutUnion("EntityLeftOut")).toEqual(leftOutUnion("MessageLeftOut"));
    expect(oneLine).toContain("rt.Selected<rt.SubtypeOf<EntitySubtypes> | EntityLeftOut, S,");
    // An expanded navigation property's value too.
    // Its type arguments a line each: one line would pass 120 characters.
    expect(requests).toContain('replies: rt.Nav<\n    rt.OneOf<Message, "r.message", MessageSubtypes> | MessageLeftOut,\n');
  });

  test("one member per kept type, however many subtypes are left out below it (the compiler spells out each member for every read)", () => {
    // Graph's entity, a navigation target of searchHit, may have a thousand left out: one member
    // each made tsc take twice as long over such a slice.
    const union = leftOutUnion("MessageLeftOut", "r.requests.ts", manyDir);
    expect(union.map(([type, names]) => [type, names.length])).toEqual([["Message", 42], ["Email", 1]]);
  });

  test("the types agree with the validators: what a union names they accept, the abstract draft and entity's user they reject", () => {
    const message = { id: "m1", subject: "Hi" };
    expect(leftOutNames("MessageLeftOut")).toHaveLength(3);
    for (const name of leftOutNames("MessageLeftOut")) expect([name, sliced.validateMessage({ ...message, "@odata.type": `#${name}` }).valid]).toEqual([name, true]);
    for (const name of leftOutNames("EntityLeftOut")) expect([name, sliced.validateEntity({ ...message, "@odata.type": `#${name}` }).valid]).toEqual([name, true]);
    expect(errors(sliced.validateMessage({ ...message, "@odata.type": "#r.draft" }))).toEqual([": #r.draft is abstract and cannot be instantiated"]);
    expect(errors(sliced.validateEntity({ id: "u1", "@odata.type": "#r.user" }))).toEqual(["/@odata.type: #r.user is not r.entity or one of its subtypes in this slice"]);
  });

  test("the full output is as it was: no maps of left-out subtypes", () => {
    expect(read(fullDir, "r.requests.ts")).not.toMatch(/LeftOut/);
    expect(read(fullDir, "r.requests.ts")).toContain('rt.OneOf<Message, "r.message", MessageSubtypes>');
  });

  forEachCompiler((label, c) => {
    // With message's 42 left-out subtypes, whose member lists a name per line.
    test(`${label}: a check of @odata.type narrows a read to a left-out subtype's nearest kept type`, () => {
      const r = runTscWithUse(c, manyDir, [
        'import type * as rt from "./runtime.js";',
        'import { getEntity, getMessage, listMessages, messageReplies, messages } from "./r.requests.js";',
        'import type { AnyEntity } from "./r.types.js";',
        "export async function read(client: rt.Client, ref: rt.EntityRef<AnyEntity>): Promise<unknown[]> {",
        '  const m = await getMessage(client, messages().byKey("m1"));',
        "  const e = await getEntity(client, ref);",
        '  const page = await listMessages(client, messageReplies(messages().byKey("m1")), { expand: { replies: {} } });',
        "  const reply = page.value[0]?.replies?.[0];",
        "  const out: unknown[] = [];",
        '  if (m["@odata.type"] === "#r.chatMessage") out.push(m.subject);',
        '  if (m["@odata.type"] === "#r.signedEmail") out.push(m.to);',
        '  if (m["@odata.type"] === "#r.quickDraft") out.push(m.subject);',
        '  if (m["@odata.type"] === "#r.s39") out.push(m.subject);',
        "  // @ts-expect-error s39 is a message, not an email",
        '  if (m["@odata.type"] === "#r.s39") out.push(m.to);',
        "  // @ts-expect-error draft is abstract: no value is one",
        '  if (m["@odata.type"] === "#r.draft") out.push(m);',
        '  if (e["@odata.type"] === "#r.chatMessage") out.push(e.subject);',
        '  if (e["@odata.type"] === "#r.signedEmail") out.push(e.to);',
        "  // @ts-expect-error user is left out below entity, which the slice keeps only as a base type: the validators reject it",
        '  if (e["@odata.type"] === "#r.user") out.push(e);',
        '  if (reply?.["@odata.type"] === "#r.signedEmail") out.push(reply.to);',
        "  return out;",
        "}",
      ]);
      expect(r.output).toBe("");
      expect(r.status).toBe(0);
    }, 240_000);
  });
});

describe("checkerFor in a slice knows the subtypes it left out", () => {
  const checkers: { checkerFor(name: string): unknown } = require(path.join(sliceDir, "checkers"));
  /** `validateMessage` of a message whose place is `where`, with `types: checkerFor`, in the slice and in the full output. */
  const both = (where: object) => {
    const value = { id: "m1", where };
    return [errors(sliced.validateMessage(value, { types: sliced.checkerFor })), errors(full.validateMessage(value, { types: full.checkerFor }))];
  };

  test("a left-out subtype's name gives its nearest kept base type's checker", () => {
    for (const name of ["r.room", "#r.room", "r.postalAddress", "r.chatMessage", "r.draft", "r.quickDraft", "r.signedEmail"]) {
      expect([name, typeof checkers.checkerFor(name)]).toEqual([name, "function"]);
    }
    // Kept types as before; user (below entity, kept only as a base type) is not known to the slice.
    expect(checkers.checkerFor("r.message")).toBe(require(path.join(sliceDir, "r.validators")).checkMessage);
    expect(checkers.checkerFor("r.user")).toBeUndefined();
  });

  test("a room's own properties, dynamic properties of the open place it is checked as, get the full output's verdict", () => {
    // A room's annex is a place, a room again: its type is the slice's to resolve.
    const room = { "@odata.type": "#r.room", name: "A", seats: 3, annex: { "@odata.type": "#r.room", name: "B", seats: 2 } };
    expect(both(room)).toEqual([[], []]);
    const wrong = { ...room, annex: { "@odata.type": "#r.room", name: 5 } };
    expect(both(wrong)).toEqual([["/where/annex/name: expected Edm.String, got number 5"], ["/where/annex/name: expected Edm.String, got number 5"]]);
  });

  test("a dynamic property annotated with a left-out subtype, whose value names no type, is checked as one (strict)", () => {
    const where = { name: "A", "billing@odata.type": "#r.postalAddress", billing: { city: "Oslo", zip: "0150" } };
    expect(both(where)).toEqual([[], []]);
    const wrong = { ...where, billing: { city: 1, zip: "0150" } };
    expect(both(wrong)).toEqual([["/where/billing/city: expected Edm.String, got number 1"], ["/where/billing/city: expected Edm.String, got number 1"]]);
    const items = { "replies@odata.type": "#Collection(r.chatMessage)", replies: [{ id: "m2", chatId: "c1" }] };
    expect(both(items)).toEqual([[], []]);
  });

  test("an abstract left-out subtype is reported as the full output reports it", () => {
    const where = { extra: { "@odata.type": "#r.draft", id: "d1" } };
    expect(both(where)).toEqual([["/where/extra: #r.draft is abstract and cannot be instantiated"], ["/where/extra: #r.draft is abstract and cannot be instantiated"]]);
  });

  test("a type the slice does not list stays unknown to it (README: Slicing)", () => {
    expect(both({ extra: { "@odata.type": "#r.user", id: "u1" } })).toEqual([["/where/extra: unknown type r.user"], []]);
  });

  test("the full output's checkerFor is as it was", () => {
    expect(read(fullDir, "checkers.ts")).not.toMatch(/leftOut/);
  });
});

test("--why: a left-out subtype of a navigation target kept only as a base type has its values checked too", () => {
  const csdl = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
  <Schema Namespace="d" xmlns="http://docs.oasis-open.org/odata/ns/edm">
    <EntityType Name="principal"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
    <EntityType Name="person" BaseType="d.principal"/>
    <EntityType Name="team" BaseType="d.principal"/>
    <EntityType Name="note"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="owner" Type="d.principal"/></EntityType>
    <EntityContainer Name="c"><EntitySet Name="notes" EntityType="d.note"/></EntityContainer>
  </Schema>
</edmx:DataServices></edmx:Edmx>`;
  // principal is kept as person's base type and is note's owner: a team may be expanded there.
  const r = generate({ inputs: [{ file: "nav.xml", content: csdl }], include: ["d.note", "d.person"], why: ["d.team"] });
  expect(r.slice?.why?.[0]?.answers[0]?.chain.map((s) => s.reason)).toEqual([
    "not in the slice: a subtype of d.principal, kept as a base type, whose values a kept navigation property holds (--include-navigation with --include-derived keeps its subtypes); its values are checked as d.principal, without the properties it adds (by the validators, and by checkerFor given its name), and typed as d.principal with its @odata.type",
  ]);
  const dir = write("left-out-reads-nav", { include: ["d.note", "d.person"] }, csdl, "nav.xml");
  expect(read(dir, "checkers.ts")).toContain('case "d.team":\n      return leftOut(name, checkPrincipal);');
});
