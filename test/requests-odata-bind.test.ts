// Bindings in write bodies (`members@odata.bind`, JSON Format §8.5; OData 4.01 also `members@bind`):
// the validators' create, update and replace modes refuse a binding whose name is not a navigation
// property (suggesting the nearest one) and a value of the wrong shape (a string for a
// collection-valued navigation property, an array for a single-valued one); the request functions'
// body types (`rt.Bindings`) type each navigation property's binding, checked by the real compilers.
// The prefix-less `members@bind` only where the metadata's Version is 4.01 (JSON Format 4.01 §4.5):
// a 4.0 service's body types do not offer it (an editor's completions, the language service) and
// its validators refuse it. On test/fixtures/requests/odata-bind.xml (Version 4.0) and the same
// document as 4.01, and on Graph's group and user (slices of Graph v1.0, 4.0; skipped when
// ../shared/corpus is absent).
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, GENERATED, generateFixture } from "./helpers/generated";
import { languageService } from "./helpers/language-service";
import { compileCaseGroups, forEachCompiler, type CaseMessage } from "./helpers/typecheck";
import { generate, readModel } from "../generator/generate";
import { DiagnosticBag } from "../generator/diagnostics";
import type { StructuredType } from "../generator/model/types";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

type Mode = "create" | "update" | "replace";
interface Problem {
  path: string;
  message: string;
}
type Validate = (value: unknown, options?: { mode?: Mode | "read"; strict?: boolean }) => { errors: Problem[] };
type Guard = (value: unknown, options?: { mode?: Mode }) => boolean;

const people = ["People('b')", "People('c')"];
/** Per case: the type, mode, body and the errors' paths and a word of each message (none when valid). */
const CASES: [what: string, type: "Project" | "Team", mode: Mode, body: Record<string, unknown>, errors: [string, string][]][] = [
  ["bindings of both kinds", "Project", "create", { title: "p", "owner@odata.bind": "People('a')", "members@odata.bind": people }, []],
  ["4.01's bindings without the prefix, on a 4.0 service", "Project", "create", { title: "p", "owner@bind": "People('a')", "members@bind": people }, [
    ["/owner@bind", "owner@bind leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write owner@odata.bind"],
    ["/members@bind", "this service is OData 4.0: write members@odata.bind"],
  ]],
  ["in a PATCH", "Project", "update", { "owner@odata.bind": "People('a')" }, []],
  ["in a PUT", "Project", "replace", { title: "p", "members@odata.bind": [] }, []],
  ["a misspelt navigation property", "Project", "create", { title: "p", "membrs@odata.bind": people }, [["/membrs@odata.bind", "did you mean members@odata.bind?"]]],
  ["a misspelt one in 4.01 form, on a 4.0 service", "Project", "update", { "ownr@bind": "People('a')" }, [["/ownr@bind", "this service is OData 4.0: write owner@odata.bind"]]],
  ["not a navigation property, in 4.01 form", "Project", "update", { "x@bind": "People('a')" }, [["/x@bind", "this service is OData 4.0, and x is not a navigation property"]]],
  ["a structural property", "Project", "replace", { "title@odata.bind": "x" }, [["/title@odata.bind", "title is not a navigation property"]]],
  ["a string for a collection", "Project", "create", { "members@odata.bind": "People('b')" }, [["/members@odata.bind", "collection-valued"]]],
  ["an array for a single entity", "Project", "update", { "owner@odata.bind": people }, [["/owner@odata.bind", "single-valued"]]],
  ["an item that is not a string", "Project", "create", { "members@odata.bind": ["People('b')", 7] }, [["/members@odata.bind/1", "got number"]]],
  ["an open type: misspelt", "Team", "create", { title: "t", "membrs@odata.bind": people }, [["/membrs@odata.bind", "did you mean members@odata.bind?"]]],
  ["an open type: a string for a collection", "Team", "create", { "members@odata.bind": "u" }, [["/members@odata.bind", "collection-valued"]]],
  ["an open type: bindings", "Team", "update", { "lead@odata.bind": "People('a')", "members@odata.bind": people }, []],
  ["an open type: 4.01's binding, on a 4.0 service", "Team", "update", { "members@bind": people }, [["/members@bind", "write members@odata.bind"]]],
  // An entity's id, likewise (before session 72's review a 4.0 service's update took 4.01's @id).
  ["an update's entity id with the prefix", "Project", "update", { "@odata.id": "Projects('p')", owner: { "@odata.id": "People('a')", name: "n" } }, []],
  ["4.01's entity id without the prefix, on a 4.0 service", "Project", "update", { "@id": "Projects('p')", title: "p" }, [
    ["/@id", "@id leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write @odata.id"],
  ]],
  ["  in a PUT", "Project", "replace", { title: "p", "@id": "Projects('p')" }, [["/@id", "this service is OData 4.0: write @odata.id"]]],
  ["  an entity reference's", "Project", "update", { owner: { "@id": "People('a')" }, members: [{ "@odata.id": "People('b')" }] }, [["/owner/@id", "this service is OData 4.0: write @odata.id"]]],
  ["  in a create", "Project", "create", { title: "p", members: [{ "@id": "People('b')" }] }, [["/members/0/@id", "this service is OData 4.0: write @odata.id"]]],
  // An entity reference's type, likewise (before session 73 a 4.0 service's validators took 4.01's @type there).
  ["  nor an entity reference's type without the prefix", "Project", "create", { title: "p", owner: { "@odata.id": "People('a')", "@type": "#Bind.Person" } }, [
    ["/owner/@type", "@type leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write @odata.type"],
  ]],
  ["  in a PATCH", "Project", "update", { members: [{ "@odata.id": "People('b')", "@type": "#Bind.Person" }] }, [["/members/0/@type", "this service is OData 4.0: write @odata.type"]]],
  // A body's own type, likewise (before session 73 its validators took 4.01's @type, alone or beside @odata.type).
  ["  nor a body's own type", "Project", "update", { "@type": "#Bind.Project", title: "p" }, [["/@type", "this service is OData 4.0: write @odata.type"]]],
  // One error, the prefix's, for one that is no string (before session 73's last changes, "expected a qualified type name" too).
  ["  nor one that is no string", "Project", "create", { "@type": 5, title: "p" }, [["/@type", "this service is OData 4.0: write @odata.type"]]],
  // A property's type, likewise (before session 73's last changes its validators took 4.01's prop@type, which its types refuse).
  ["  nor a property's", "Project", "replace", { title: "p", "title@type": "#String" }, [["/title@type", "this service is OData 4.0: write title@odata.type"]]],
  ["  nor beside @odata.type", "Project", "create", { "@odata.type": "#Bind.Project", "@type": "#Bind.Project", title: "p" }, [["/@type", "@odata.type names the type already: leave @type out"]]],
  ["an entity reference names its type with the prefix", "Project", "create", { title: "p", owner: { "@odata.id": "People('a')", "@odata.type": "#Bind.Person" } }, []],
];

/** The same cases on the document as OData 4.01, where a body may bind without the prefix. */
const CASES_401: typeof CASES = [
  ["bindings without the prefix", "Project", "create", { title: "p", "owner@bind": "People('a')", "members@bind": people }, []],
  ["bindings with the prefix", "Project", "update", { "owner@odata.bind": "People('a')", "members@odata.bind": people }, []],
  ["a misspelt one", "Project", "update", { "ownr@bind": "People('a')" }, [["/ownr@bind", "did you mean owner@bind?"]]],
  ["a string for a collection", "Project", "create", { "members@bind": "People('b')" }, [["/members@bind", "collection-valued"]]],
  ["an open type: bindings", "Team", "update", { "lead@odata.bind": "People('a')", "members@bind": people }, []],
  ["an entity's id and references without the prefix", "Project", "update", { "@id": "Projects('p')", owner: { "@id": "People('a')" }, members: [{ "@odata.id": "People('b')" }] }, []],
  ["a create's reference holds one id", "Project", "create", { title: "p", owner: { "@id": "People('a')", "@odata.id": "People('a')" } }, [["/owner/@odata.id", "leave @odata.id out"]]],
  // One type name too, with its "#" (before session 73 the validators took both, and "Bind.Person": JSON Format 4.01
  // §4.5.3 names a structured type by a URL's fragment; only a built-in primitive type's name may go without "#").
  ["a body names its type once", "Project", "update", { "@odata.type": "#Bind.Project", "@type": "#Bind.Project", title: "p" }, [["/@type", "@odata.type names the type already: leave @type out"]]],
  ["  an entity reference too", "Project", "create", { title: "p", owner: { "@id": "People('a')", "@odata.type": "#Bind.Person", "@type": "#Bind.Person" } }, [["/owner/@type", "leave @type out"]]],
  ["a type's name in @type has its #", "Project", "update", { owner: { "@id": "People('a')", "@type": "Bind.Person" } }, [["/owner/@type", '@type "Bind.Person" has no "#" (JSON Format §4.5.3 writes a type as a URL fragment)']]],
  ["  a body's own too", "Project", "create", { "@type": "Bind.Project", title: "p" }, [["/@type", 'has no "#"']]],
  // A @type that is no string is the value's error alone here (a 4.0 service's, the prefix's alone).
  ["  a body's @type that is no string names no type", "Project", "create", { "@type": 5, title: "p" }, [["/@type", "expected a qualified type name, got number 5"]]],
  // A property's type without the prefix too (a 4.0 service's body refuses it, requests-write-agreement).
  ["a property's type without the prefix", "Project", "update", { title: "p", "title@type": "#String" }, []],
  ["  a string", "Project", "update", { title: "p", "title@type": 5 }, [["/title@type", "expected a type name (a string), got number 5"]]],
  ["a misspelt type without the prefix", "Project", "create", { "@type": "#Bind.Projct", title: "p" }, [["/@type", "Bind.Projct"]]],
];

/**
 * A 4.01 service's bodies naming their own type without the prefix (JSON Format 4.01 §4.5 allows
 * `@type`), which its validators take and, since session 74, its types too (before, the types named
 * a body's type by `@odata.type` alone: these were left, README's "Request functions"), each with
 * its call (the guard `isProject` still refuses it, as the read interface it narrows to declares
 * `@odata.type` alone). The calls' refusals of a wrong name, of both names, and of a name that is no
 * string are in CALLS_401.
 */
const PREFIXLESS_401: [what: string, type: "Project" | "Team", mode: Mode, body: Record<string, unknown>, line: string][] = [
  ["a body's own type as @type", "Project", "create", { "@type": "#Bind.Project", title: "p" }, `await createProject(client, projects(), { "@type": "#Bind.Project", title: "p" });`],
  ["  a PATCH's", "Project", "update", { "@type": "#Bind.Project", title: "p" }, `await updateProject(client, project, { "@type": "#Bind.Project", title: "p" });`],
  ["  a PUT's", "Project", "replace", { "@type": "#Bind.Project", title: "p" }, `await updateProject(client, project, { "@type": "#Bind.Project", title: "p" }, { replace: true });`],
  ["  an open type's", "Team", "create", { "@type": "#Bind.Team", title: "t" }, `await createTeam(client, teams(), { "@type": "#Bind.Team", title: "t" });`],
];

/**
 * A 4.01 service's bodies its validators take and its types refuse (README, "Request functions":
 * what is left), each with its call and the key the compiler's error is at: a property's type named
 * without the prefix (`prop@type`). `rt.Annotations` takes no `…@type` nor `…@odata.type` name:
 * another index signature there (session 74 tried `${string}@odata.type`, with or without a
 * property's last character before it) made TypeScript 5.9 run for minutes on a body passed on
 * through a function generic in `replace` (requests-write-agreement's GENERIC_LINES).
 */
const LEFT_401: [what: string, type: "Project", mode: Mode, body: Record<string, unknown>, line: string, error: string][] = [
  ["a property's type as prop@type", "Project", "update", { title: "p", "title@type": "#String" }, `await updateProject(client, project, { title: "p", "title@type": "#String" });`, "title@type"],
];

let out = "";
let out401 = "";
beforeAll(() => {
  out = generateFixture("requests/odata-bind.xml", "odata-bind");
  // The fixture as a 4.01 document (the metadata's Version is all that differs).
  const v401 = path.join(GENERATED, "odata-bind-v401.xml");
  fs.mkdirSync(GENERATED, { recursive: true });
  fs.writeFileSync(v401, fs.readFileSync(path.join(FIXTURES, "requests/odata-bind.xml"), "utf8").replace('Version="4.0"', 'Version="4.01"'));
  out401 = generateFixture(v401, "odata-bind-v401");
});

describe("the validators", () => {
  test.each(CASES)("%s (%s, %s)", (_what, type, mode, body, errors) => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "Bind.validators")) as Record<string, Validate>;
    const r = (v[`validate${type}`] as Validate)(body, { mode });
    expect(r.errors.map((e) => [e.path, e.message])).toEqual(errors.map(([p, m]) => [p, expect.stringContaining(m)]));
  });

  test.each(CASES_401)("4.01: %s (%s, %s)", (_what, type, mode, body, errors) => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out401, "Bind.validators")) as Record<string, Validate & Guard>;
    expect((v[`validate${type}`] as Validate)(body, { mode }).errors.map((e) => [e.path, e.message])).toEqual(errors.map(([p, m]) => [p, expect.stringContaining(m)]));
    // Its guard (made apart from validateX) knows the version too.
    expect((v[`is${type}`] as Guard)(body, { mode })).toBe(errors.length === 0);
  });

  test.each([...PREFIXLESS_401.map(([w, t, m, b]) => [w, t, m, b] as const), ...LEFT_401.map(([w, t, m, b]) => [w, t, m, b] as const)])("4.01, a type without the prefix: %s (%s, %s)", (_what, type, mode, body) => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out401, "Bind.validators")) as Record<string, Validate>;
    expect((v[`validate${type}`] as Validate)(body, { mode }).errors).toEqual([]);
  });

  test("a 4.0 service's p@bind error expects the prefixed binding by its name, not a placeholder", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(out, "Bind.validators")) as Record<string, (value: unknown, options?: { mode?: Mode }) => { errors: { path: string; expected: string }[] }>;
    const errors = v["validateProject"]({ "ownr@bind": "People('a')", "x@bind": "People('a')" }, { mode: "update" }).errors;
    expect(errors.map((e) => [e.path, e.expected])).toEqual([["/ownr@bind", "owner@odata.bind"], ["/x@bind", "a navigation property's binding"]]);
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
  // A 4.0 service takes no binding without the prefix (4.01 below).
  [`await createProject(client, projects(), { title: "p", "owner@bind": "People('a')" });`, "owner@bind"],
  [`await updateProject(client, project, { "members@bind": ["People('b')"] });`, "members@bind"],
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
  // An entity's id with the prefix alone, likewise.
  [`await updateProject(client, project, { "@odata.id": "Projects('p')", owner: { "@odata.id": "People('a')" } });`],
  [`await updateProject(client, project, { "@id": "Projects('p')", title: "p" });`, "@id"],
  [`await updateProject(client, project, { title: "p", "@id": "Projects('p')" }, { replace: true });`, "@id"],
  [`await updateProject(client, project, { owner: { "@id": "People('a')" } });`, "@id"],
  [`await createProject(client, projects(), { title: "p", members: [{ "@id": "People('b')" }] });`, "@id"],
  // An entity reference's type, likewise; with the prefix, its own type's name (before session 73 the
  // type refused it on a type without subtypes, which the validators take).
  [`await createProject(client, projects(), { title: "p", owner: { "@odata.id": "People('a')", "@type": "#Bind.Person" } });`, "@type"],
  [`await createProject(client, projects(), { title: "p", owner: { "@odata.id": "People('a')", "@odata.type": "#Bind.Person" } });`],
  [`await updateProject(client, project, { members: [{ "@odata.id": "People('b')", "@odata.type": "#Bind.Persn" }] });`, "@odata.type"],
  [`await updateProject(client, project, { "@type": "#Bind.Project", title: "p" });`, "@type"],
  [`await updateProject(client, project, { title: "p", "title@type": "#String" }, { replace: true });`, "title@type"],
];

/** The 4.01 document's calls: without the prefix too. */
const CALLS_401: [line: string, error?: string][] = [
  [`await createProject(client, projects(), { title: "p", "owner@bind": "People('a')", "members@bind": ["People('b')"] });`],
  [`await updateProject(client, project, { "owner@odata.bind": "People('a')", "members@bind": [] });`],
  [`await updateProject(client, project, { "members@bind": "People('a')" });`, "members@bind"],
  [`await createProject(client, projects(), { title: "p", "ownr@bind": "People('a')" });`, "ownr@bind"],
  [`await updateProject(client, project, { "@id": "Projects('p')", owner: { "@id": "People('a')" }, members: [{ "@odata.id": "People('b')" }] });`],
  [`await updateProject(client, project, { title: "p", "@id": "Projects('p')" }, { replace: true });`],
  // A create's reference holds one id (before session 72's review the type took both, which the validator refuses).
  [`await createProject(client, projects(), { title: "p", owner: { "@id": "People('a')", "@odata.id": "People('a')" } });`, "@odata.id"],
  // A reference's type without the prefix too (before session 73 an excess property).
  [`await createProject(client, projects(), { title: "p", owner: { "@id": "People('a')", "@type": "#Bind.Person" }, members: [{ "@odata.id": "People('b')", "@type": "#Bind.Person" }] });`],
  [`await updateProject(client, project, { "owner": { "@id": "People('a')", "@type": "#Bind.Persn" } });`, "owner"],
  // One name, not both (before session 73 the type took both, which the validator refuses); with its "#".
  [`await createProject(client, projects(), { title: "p", owner: { "@id": "People('a')", "@odata.type": "#Bind.Person", "@type": "#Bind.Person" } });`, "@type"],
  [`await updateProject(client, project, { "owner": { "@odata.id": "People('a')", "@type": "Bind.Person" } });`, "owner"],
  // A deep insert's entity naming its type as @type, which the validators take; not a wrong name.
  [`await createProject(client, projects(), { title: "p", owner: { "@type": "#Bind.Person", name: "n" } });`],
  [`await createProject(client, projects(), { title: "p", owner: { "@type": "#Bind.Persn", name: "n" } });`, "@type"],
  // A body's own type's name without the prefix (before session 74 refused, which the validators take: PREFIXLESS_401).
  ...PREFIXLESS_401.map(([, , , , line]): [string] => [line]),
  // Left: refused, which the validators take (LEFT_401).
  ...LEFT_401.map(([, , , , line, error]): [string, string] => [line, error]),
  // Not a name its type does not have, nor a second name, as the validators (CASES_401).
  [`await createProject(client, projects(), { "@type": "#Bind.Projct", title: "p" });`, "@type"],
  [`await createTeam(client, teams(), { "@type": "#Bind.Tem", title: "t" });`, "@type"],
  [`await updateProject(client, project, { "@odata.type": "#Bind.Project", "@type": "#Bind.Project", title: "p" });`, "@type"],
  [`await createProject(client, projects(), { "@type": 5, title: "p" });`, "@type"],
  [`await updateProject(client, project, { title: "p", "title@type": 5 });`, "title@type"],
];

/** Per call, the key its error is at (its column, after the line's two spaces) and the message, or "compiles", from `messages` (compileCaseGroups'). */
function described(messages: Map<number, CaseMessage[]>, calls: typeof CALLS): string[] {
  const byCall = new Map<number, string>();
  for (const [at, list] of messages)
    byCall.set(at, list.map((m) => `${/^"[^"]*"/.exec((calls[at]?.[0] ?? "").slice(m.column - 3))?.[0] ?? ""} ${m.text}`).join(""));
  return calls.map(([l], i) => `${l} ${byCall.get(i) ?? "compiles"}`);
}

function wanted(calls: typeof CALLS): unknown[] {
  return calls.map(([l, e]) => (e ? expect.stringMatching(new RegExp(`^${escape(l)} "${e}" `)) : `${l} compiles`));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

forEachCompiler((label, c) => {
  // Both tests' calls compile in one tsc run (one program, each document's in its own folder), made
  // by the first test that asks; if that run fails as a whole, each test compiles its own alone.
  const groups = () => [{ dir: out, head: USAGE_HEAD, lines: CALLS.map(([l]) => l) }, { dir: out401, head: USAGE_HEAD, lines: CALLS_401.map(([l]) => l) }];
  let both: Map<number, CaseMessage[]>[] | "alone" | undefined;
  const compiled = (k: 0 | 1): Map<number, CaseMessage[]> => {
    if (!both) {
      try {
        both = compileCaseGroups(c, groups());
      } catch {
        both = "alone";
      }
    }
    return both === "alone" ? compileCaseGroups(c, [groups()[k]])[0] : both[k];
  };

  test(`${label}: a binding compiles when its navigation property and shape are right`, () => {
    expect(described(compiled(0), CALLS)).toEqual(wanted(CALLS));
  });

  test(`${label}: a 4.01 service's body may bind without the prefix`, () => {
    expect(described(compiled(1), CALLS_401)).toEqual(wanted(CALLS_401));
  });
});

/** The names an editor offers for a key of the object literal after `marker` in `text` (the real language service). */
function completions(dir: string, text: string, marker: string): string[] {
  const file = path.join(dir, "completions.ts");
  const at = text.indexOf("{ ", text.indexOf(marker)) + 2;
  return (languageService(file, text).getCompletionsAtPosition(file, at, {})?.entries ?? []).map((e) => e.name);
}

const COMPLETING = `${USAGE_HEAD}
  await updateProject(client, project, {  });
}
`;

// Before session 72's review the 4.0 service's update offered 4.01's "@id" beside "@odata.id" too.
test("an editor offers an update's bindings and its entity's id with the prefix, and without it (and a nested delta, both ways, requests-delta-bodies) only for a 4.01 service", () => {
  expect(completions(out, COMPLETING, "updateProject(").filter((n) => n.includes("@")).sort()).toEqual(['"@odata.id"', '"@odata.type"', '"members@odata.bind"', '"owner@odata.bind"']);
  expect(completions(out401, COMPLETING, "updateProject(").filter((n) => n.includes("@")).sort()).toEqual(['"@id"', '"@odata.id"', '"@odata.type"', '"@type"', '"members@bind"', '"members@delta"', '"members@odata.bind"', '"members@odata.delta"', '"owner@bind"', '"owner@odata.bind"']);
});

// Graph v1.0's group (POST /groups with `members@odata.bind`): an open type, as directoryObject is;
// and its user, whose update's body an editor completes.
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

  test("4.01's members@bind is refused: Graph's metadata is 4.0", () => {
    expect(validateGroup({ "members@bind": [url] }, { mode: "create" }).errors.map((e) => e.path)).toEqual(["/members@bind"]);
  });
});

g("Graph v1.0: what an editor offers in a user's update", () => {
  const dir = path.join(GENERATED, "odata-bind-graph-user");
  let navigation = 0;
  beforeAll(() => {
    const inputs = [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }];
    // The user and the targets of its navigation properties (a slice keeps a binding only where it keeps the target).
    const user = readModel(inputs, new DiagnosticBag()).types.get("microsoft.graph.user") as StructuredType;
    const include = new Set([user.qualifiedName]);
    for (let t: StructuredType | undefined = user; t; t = t.baseType)
      for (const n of t.navigationProperties) {
        include.add(n.target.qualifiedName);
        navigation++;
      }
    const result = generate({ inputs, include: [...include] });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
  });

  test("each navigation property's binding once (p@odata.bind): Graph's metadata is 4.0", () => {
    const text = `import * as rt from "./runtime.js";
import { updateUser, users } from "./microsoft.graph.requests.js";
declare const client: rt.Client;
export const sent = updateUser(client, users().byKey("u"), {  });
`;
    const names = completions(dir, text, "updateUser(client");
    // Before, each of user's 56 navigation properties was offered twice (p@odata.bind and p@bind): 250 names.
    expect([navigation, names.filter((n) => n.endsWith('@odata.bind"')).length, names.filter((n) => /[^.]@bind"$/.test(n)).length]).toEqual([56, 56, 0]);
    expect(names).toContain('"manager@odata.bind"');
    // The user's properties, its 56 bindings, @odata.type, and the entity's id a PATCH may hold
    // (@odata.id: the service ignores it; before session 72's review also 4.01's @id, 196 names).
    expect(names).not.toContain('"@id"');
    expect(names).toContain('"@odata.id"');
    expect(names).toHaveLength(195);
  });
});
