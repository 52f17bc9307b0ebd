// An update's nested delta (OData 4.01 Protocol §11.4.3.1, JSON Format 4.01 §15.4.1:
// `"members@delta": [...]` in a PATCH or PUT): the related entities to add or change, references to
// relate and those to remove (`@removed`, with their key or `@id`). The validators' update and
// replace modes check each item as the target type, as a PATCH writes it; a create's body holds
// none (a deep insert gives them whole), nor does a 4.0 service's body. The body types offer
// `members@delta` to a 4.01 service only, checked by the real compilers. On
// test/fixtures/requests/odata-bind.xml (Version 4.0) and the same document as 4.01.
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, GENERATED, generateFixture } from "./helpers/generated";
import { compileCases, forEachCompiler } from "./helpers/typecheck";

type Mode = "create" | "update" | "replace";
type Validate = (value: unknown, options?: { mode?: Mode | "read"; strict?: boolean }) => { errors: { path: string; message: string }[] };

let out = "";
let out401 = "";
beforeAll(() => {
  out = generateFixture("requests/odata-bind.xml", "delta-bodies");
  const v401 = path.join(GENERATED, "delta-bodies-v401.xml");
  fs.mkdirSync(GENERATED, { recursive: true });
  fs.writeFileSync(v401, fs.readFileSync(path.join(FIXTURES, "requests/odata-bind.xml"), "utf8").replace('Version="4.0"', 'Version="4.01"'));
  out401 = generateFixture(v401, "delta-bodies-v401");
});

const validator = (dir: string, type: string): Validate => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  return (require(path.join(dir, "Bind.validators")) as Record<string, Validate>)[`validate${type}`] as Validate;
};
const errors = (dir: string, type: string, body: unknown, mode: Mode | "read") => validator(dir, type)(body, { mode }).errors.map((e) => [e.path, e.message]);

/** Added, changed, related by reference, removed (left the collection), deleted. */
const CHANGES = [{ id: "d", name: "Dee" }, { id: "b", name: "Bea" }, { "@id": "People('c')" }, { "@removed": { reason: "changed" }, id: "e" }, { "@removed": { reason: "deleted" }, "@id": "People('f')" }];

describe("the validators, on a 4.01 service", () => {
  test.each(["update", "replace"] as const)("%s: added, changed, referenced and removed members pass, each holding what changes", (mode) => {
    const body = mode === "update" ? { "members@delta": CHANGES } : { id: "p", title: "t", "members@delta": CHANGES };
    expect(errors(out401, "Project", body, mode)).toEqual([]);
    expect(errors(out401, "Team", { ...body, "members@odata.delta": CHANGES }, mode)).toEqual([]);
  });

  test("each item is checked as the target type; a removed one says which it is; no links, no null", () => {
    const check = (delta: unknown) => errors(out401, "Project", { "members@delta": delta }, "update");
    expect(check([{ id: "d", name: 5 }])).toEqual([["/members@delta/0/name", "expected Edm.String, got number 5"]]);
    expect(check([{ id: "d", nick: "x" }])).toEqual([["/members@delta/0/nick", "unknown property nick"]]);
    expect(check([{ "@removed": { reason: "gone" }, id: "e" }])).toEqual([["/members@delta/0/@removed/reason", 'expected "changed" or "deleted", got "gone"']]);
    expect(check([{ "@removed": {} }])).toEqual([["/members@delta/0", "a deleted entity (@removed) holds @id or its key id to say which entity it is (JSON Format 4.01 §15.3): id is missing"]]);
    expect(check([null])).toEqual([["/members@delta/0", "a nested delta holds no null"]]);
    expect(check([{ "@context": "#People/$deletedLink", source: "Projects('p')", relationship: "members", target: "People('e')" }])).toEqual([
      ["/members@delta/0", "a nested delta holds no /$deletedLink entries (JSON Format 4.01 §15.4.1): the entities themselves say what changed"],
    ]);
    expect(check({ id: "d" })).toEqual([["/members@delta", "expected an array of Bind.Person changes (a nested delta), got object"]]);
    expect(errors(out401, "Project", { "owner@delta": [] }, "update")).toEqual([
      ["/owner@delta", "owner@delta: owner is no collection-valued navigation property, which alone may hold a nested delta (JSON Format 4.01 §15.4.1)"],
    ]);
  });

  test("a create's body holds none: a deep insert gives the related entities whole", () => {
    expect(errors(out401, "Project", { id: "p", title: "t", "members@delta": CHANGES }, "create")).toEqual([
      ["/members@delta", "members@delta: a create's body holds no nested delta: it inserts the related entities whole, as members (Protocol §11.4.2.2); a nested delta changes them in an update (OData 4.01 Protocol §11.4.3.1)"],
    ]);
  });
});

test("a 4.0 service's body holds none; its reads may (Graph's members@delta)", () => {
  expect(errors(out, "Project", { "members@delta": CHANGES }, "update")).toEqual([
    ["/members@delta", "members@delta: a body's nested delta is OData 4.01 (Protocol §11.4.3.1); this service is OData 4.0: write members or members@odata.bind"],
  ]);
  expect(errors(out, "Project", { id: "p", "members@delta": CHANGES }, "read")).toEqual([]);
});

// A nested delta beside a name that is no declared property (a dynamic property of an open type, a
// misspelt one): before session 74 the validators did not look at it, in a 4.0 service's body too.
test("a body's nested delta beside no declared navigation property is refused, in a 4.0 service's for its version", () => {
  const v40 = "a body's nested delta is OData 4.01 (Protocol §11.4.3.1); this service is OData 4.0 (and extra is no collection-valued navigation property)";
  expect(errors(out, "Team", { "extra@delta": CHANGES }, "update")).toEqual([["/extra@delta", `extra@delta: ${v40}`]]);
  expect(errors(out, "Team", { title: "t", "extra@odata.delta": [] }, "replace")).toEqual([["/extra@odata.delta", `extra@odata.delta: ${v40}`]]);
  expect(errors(out, "Project", { "extra@delta": [] }, "update")).toEqual([["/extra@delta", `extra@delta: ${v40}`]]);
  expect(errors(out, "Project", { members: [{ id: "d", "extra@delta": [] }] }, "update")).toEqual([["/members/0/extra@delta", `extra@delta: ${v40}`]]);
  const v401 = "extra@delta: extra is no collection-valued navigation property, which alone may hold a nested delta (JSON Format 4.01 §15.4.1)";
  expect(errors(out401, "Team", { "extra@delta": CHANGES }, "update")).toEqual([["/extra@delta", v401]]);
  expect(errors(out401, "Project", { members: [{ id: "d", "extra@delta": [] }] }, "update")).toEqual([["/members/0/extra@delta", v401]]);
  // A create's too (it holds no nested delta at all); a read's is not looked at, as before.
  expect(errors(out, "Team", { id: "t", "extra@delta": [] }, "create")).toEqual([["/extra@delta", `extra@delta: ${v40}`]]);
  expect(errors(out401, "Team", { id: "t", "extra@delta": [] }, "create")).toEqual([["/extra@delta", v401]]);
  expect(errors(out, "Team", { id: "t", "extra@delta": CHANGES }, "read")).toEqual([]);
});

const USAGE_HEAD = `import * as rt from "./runtime.js";
import { projects, teams, updateProject, updateTeam } from "./Bind.requests.js";
import type { Team } from "./Bind.types.js";

declare const client: rt.Client;
declare const read: Team;
const project = projects().byKey("p");
const team = teams().byKey("t");

export async function usage(): Promise<void> {`;

const CALL = (changes: string, options = "") => `await updateProject(client, project, { "members@delta": [${changes}] }${options});`;

/** A call per line, and, when the compiler refuses it, the key its error is at. */
const CALLS_401: [line: string, error?: string][] = [
  [CALL(`{ id: "d", name: "Dee" }, { "@id": "People('c')" }, { "@removed": { reason: "changed" }, id: "e" }, { "@removed": {}, "@id": "People('f')" }`)],
  [CALL(`{ id: "d", name: "Dee" }`, ", { replace: true }").replace("{ \"members", '{ id: "p", title: "t", "members')],
  [CALL(`{ id: "d", name: 5 }`), "name"],
  [CALL(`{ "@removed": { reason: "gone" }, id: "e" }`), "reason"],
  [`await updateProject(client, project, { "owner@delta": [] });`, "owner@delta"],
  // The prefixed form, which a 4.01 payload may write too (JSON Format 4.01 §4.5), as the validators take it.
  [`await updateProject(client, project, { "members@odata.delta": [{ id: "d" }, { "@removed": {}, id: "e" }] });`],
  [`await updateTeam(client, team, { "members@delta": [{ id: "d" }] });`],
  [`await updateTeam(client, team, read);`],
  // A dynamic property's the index signature takes, in a 4.01 service too, which the validator refuses (README, what is left).
  [`await updateTeam(client, team, { "extra@delta": [{ id: "d" }] });`],
];

const CALLS_40: [line: string, error?: string][] = [
  [CALL(`{ id: "d" }`), "members@delta"],
  [`await updateProject(client, project, { "members@odata.delta": [{ id: "d" }] });`, "members@odata.delta"],
  // An open type's index signature takes them (README, what is left: declaring them `never` would
  // have an editor offer them); its validator refuses them.
  [`await updateTeam(client, team, { "members@delta": [{ id: "d" }] });`],
  [`await updateTeam(client, team, read);`],
];

function compiled(c: Parameters<typeof compileCases>[0], dir: string, calls: typeof CALLS_401): string[] {
  const byCall = new Map<number, string>();
  for (const [at, messages] of compileCases(c, dir, USAGE_HEAD, calls.map(([l]) => l)))
    byCall.set(at, messages.map((m) => `${/^"?[\w@.]+"?/.exec((calls[at]?.[0] ?? "").slice(m.column - 3))?.[0] ?? ""} ${m.text}`).join(""));
  return calls.map(([l], i) => `${l} ${byCall.get(i) ?? "compiles"}`);
}

function wanted(calls: typeof CALLS_401): unknown[] {
  return calls.map(([l, e]) => (e ? expect.stringMatching(new RegExp(`^${escape(l)} "?${e}"? `)) : `${l} compiles`));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

forEachCompiler((label, c) => {
  test(`${label}: a 4.01 service's update body takes members@delta, a 4.0 service's does not`, () => {
    expect(compiled(c, out401, CALLS_401)).toEqual(wanted(CALLS_401));
    expect(compiled(c, out, CALLS_40)).toEqual(wanted(CALLS_40));
  });
});
