// Bindings in write bodies (`members@odata.bind`, JSON Format §8.5; OData 4.01 also `members@bind`):
// the validators' create, update and replace modes refuse a binding whose name is not a navigation
// property (suggesting the nearest one) and a value of the wrong shape (a string for a
// collection-valued navigation property, an array for a single-valued one); the request functions'
// body types (`rt.Bindings`) type each navigation property's binding, checked by the real compilers.
// On test/fixtures/requests/odata-bind.xml, and on Graph's group (a slice of Graph v1.0; skipped
// when ../shared/corpus is absent).
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERATED, generateFixture } from "./helpers/generated";
import { compileCases, forEachCompiler } from "./helpers/typecheck";
import { generate } from "../generator/generate";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

type Mode = "create" | "update" | "replace";
interface Problem {
  path: string;
  message: string;
}
type Validate = (value: unknown, options?: { mode?: Mode | "read"; strict?: boolean }) => { errors: Problem[] };

const people = ["People('b')", "People('c')"];
/** Per case: the type, mode, body and the errors' paths and a word of each message (none when valid). */
const CASES: [what: string, type: "Project" | "Team", mode: Mode, body: Record<string, unknown>, errors: [string, string][]][] = [
  ["bindings of both kinds", "Project", "create", { title: "p", "owner@odata.bind": "People('a')", "members@odata.bind": people }, []],
  ["OData 4.01 bindings without the prefix", "Project", "create", { title: "p", "owner@bind": "People('a')", "members@bind": people }, []],
  ["in a PATCH", "Project", "update", { "owner@odata.bind": "People('a')" }, []],
  ["in a PUT", "Project", "replace", { title: "p", "members@odata.bind": [] }, []],
  ["a misspelt navigation property", "Project", "create", { title: "p", "membrs@odata.bind": people }, [["/membrs@odata.bind", "did you mean members@odata.bind?"]]],
  ["a misspelt one in 4.01 form", "Project", "update", { "ownr@bind": "People('a')" }, [["/ownr@bind", "did you mean owner@bind?"]]],
  ["a structural property", "Project", "replace", { "title@odata.bind": "x" }, [["/title@odata.bind", "title is not a navigation property"]]],
  ["a string for a collection", "Project", "create", { "members@odata.bind": "People('b')" }, [["/members@odata.bind", "collection-valued"]]],
  ["an array for a single entity", "Project", "update", { "owner@odata.bind": people }, [["/owner@odata.bind", "single-valued"]]],
  ["an item that is not a string", "Project", "create", { "members@odata.bind": ["People('b')", 7] }, [["/members@odata.bind/1", "got number"]]],
  ["an open type: misspelt", "Team", "create", { title: "t", "membrs@odata.bind": people }, [["/membrs@odata.bind", "did you mean members@odata.bind?"]]],
  ["an open type: a string for a collection", "Team", "create", { "members@odata.bind": "u" }, [["/members@odata.bind", "collection-valued"]]],
  ["an open type: bindings", "Team", "update", { "lead@odata.bind": "People('a')", "members@bind": people }, []],
];

let out = "";
beforeAll(() => {
  out = generateFixture("requests/odata-bind.xml", "odata-bind");
});

describe("the validators", () => {
  test.each(CASES)("%s (%s, %s)", (_what, type, mode, body, errors) => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "Bind.validators")) as Record<string, Validate>;
    const r = (v[`validate${type}`] as Validate)(body, { mode });
    expect(r.errors.map((e) => [e.path, e.message])).toEqual(errors.map(([p, m]) => [p, expect.stringContaining(m)]));
  });

  test("also when not strict; a read and an annotation of the instance (`@odata.bind`) are not looked at", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "Bind.validators")) as Record<string, Validate>;
    const validate = v.validateProject as Validate;
    expect(validate({ "membrs@odata.bind": people }, { mode: "create", strict: false }).errors.map((e) => e.path)).toEqual(["/membrs@odata.bind"]);
    expect(validate({ id: "p", "membrs@odata.bind": people }, { mode: "read" }).errors).toEqual([]);
    expect(validate({ "@odata.bind": "x" }, { mode: "create" }).errors).toEqual([]);
  });
});

const USAGE_HEAD = `import * as rt from "./runtime.js";
import { createProject, createTeam, projects, teams, updateProject } from "./Bind.requests.js";

declare const client: rt.Client;
const project = projects().byKey("p");

export async function usage(): Promise<void> {`;

/** A call per line, and, when the compiler refuses it, the key its error is at. */
const CALLS: [line: string, error?: string][] = [
  [`await createProject(client, projects(), { title: "p", "owner@odata.bind": "People('a')", "members@odata.bind": ["People('b')"] });`],
  [`await createProject(client, projects(), { title: "p", "owner@bind": "People('a')", "members@bind": ["People('b')"] });`],
  [`await createProject(client, projects(), { title: "p", "members@odata.bind": "People('b')" });`, "members@odata.bind"],
  [`await createProject(client, projects(), { title: "p", "owner@odata.bind": ["People('b')"] });`, "owner@odata.bind"],
  [`await createProject(client, projects(), { title: "p", "membrs@odata.bind": ["People('b')"] });`, "membrs@odata.bind"],
  [`await updateProject(client, project, { "owner@odata.bind": "People('a')" });`],
  [`await updateProject(client, project, { "members@odata.bind": "People('a')" });`, "members@odata.bind"],
  [`await updateProject(client, project, { title: "p", "members@odata.bind": [] }, { replace: true });`],
  [`await updateProject(client, project, { "owner@odata.bind": 1 }, { replace: true });`, "owner@odata.bind"],
  [`await createTeam(client, teams(), { title: "t", "members@odata.bind": "u" });`, "members@odata.bind"],
  // An open type's index signature takes any name: the validator reports this one.
  [`await createTeam(client, teams(), { title: "t", "membrs@odata.bind": ["u"] });`],
];

forEachCompiler((label, c) => {
  test(`${label}: a binding compiles when its navigation property and shape are right`, () => {
    const byCall = new Map<number, string>();
    for (const [at, messages] of compileCases(c, out, USAGE_HEAD, CALLS.map(([l]) => l)))
      // The key each error is at (its column, after the line's two spaces), then the message.
      byCall.set(at, messages.map((m) => `${/^"[^"]*"/.exec((CALLS[at]?.[0] ?? "").slice(m.column - 3))?.[0] ?? ""} ${m.text}`).join(""));
    expect(CALLS.map(([l], i) => [l, byCall.get(i) ?? "compiles"])).toEqual(CALLS.map(([l, e]) => [l, e ? expect.stringMatching(new RegExp(`^"${e}" `)) : "compiles"]));
  });
});

// Graph v1.0's group (POST /groups with `members@odata.bind`): an open type, as directoryObject is.
const g = describeWithGraph("odata-bind Graph");

g("Graph v1.0: a group's bindings", () => {
  let validateGroup: Validate;
  beforeAll(() => {
    const result = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], include: ["microsoft.graph.group"] });
    const dir = path.join(GENERATED, "odata-bind-graph");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    validateGroup = (require(path.join(dir, "microsoft.graph.validators")) as Record<string, Validate>).validateGroup as Validate;
  });

  const url = "https://graph.microsoft.com/v1.0/directoryObjects/1";
  test.each([
    ["members and owners", { displayName: "x", "members@odata.bind": [url], "owners@odata.bind": [url] }, []],
    ["a misspelt one", { displayName: "x", "membrs@odata.bind": [url] }, [["/membrs@odata.bind", "did you mean members@odata.bind?"]]],
    ["a string for a collection", { "members@odata.bind": url }, [["/members@odata.bind", "collection-valued"]]],
  ] as [string, Record<string, unknown>, [string, string][]][])("%s", (_what, body, errors) => {
    const r = validateGroup(body, { mode: "create" });
    expect(r.errors.map((e) => [e.path, e.message])).toEqual(errors.map(([p, m]) => [p, expect.stringContaining(m)]));
  });
});
