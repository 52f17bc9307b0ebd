/**
 * A value of a concrete complex type that has subtypes, nested in another (a property, a collection's
 * item, a function's result), is typed as the type's `Any…` union, so that comparing `@odata.type`
 * with a subtype's name narrows to that subtype (JSON Format §4.5.3: a value of a derived type names
 * it); a value typed as the type itself still fits where it did (a body, a parameter), and reading
 * what the type declares needs no narrowing. Compiled with TypeScript 5.9 and 7 against
 * test/fixtures/requests/nested-subtypes.xml and the committed generated/graph-callrecords (the
 * call-records example: `Session.caller`); the bodies are checked by the validators too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERATED, generateFixture } from "./helpers/generated";
import { BASE_OPTIONS, caseGroupUsage, forEachCompiler, messagesByLine, REPO, runTscCaseSets, STRICT_OPTIONS, type CaseGroup, type CaseMessage, type Compiler, type TscResult } from "./helpers/typecheck";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { DiagnosticBag } from "../generator/diagnostics";
import { generate, readModel } from "../generator/generate";
import { concreteDescendants } from "../generator/model/rules";
import type { StructuredType } from "../generator/model/types";
import { MAX_FAMILY_NAMES, subtypeFamily } from "../generator/emit/context";

type Validate = (value: unknown, options?: { mode?: "create" | "update" | "replace" }) => { errors: { path: string }[] };

const HEAD = `import * as rt from "./runtime.js";
import type { Endpoint, Session, Stage } from "./Calls.types.js";
import { callers, createSession, dial, getGroup, groups, lastCaller, sessions, updateSession } from "./Calls.requests.js";
import { isEndpoint, isSession } from "./Calls.validators.js";

declare const client: rt.Client;
declare const s: Session;
declare const e: Endpoint;
declare const st: Stage;
declare const x: unknown;
const one = sessions().byKey("s1");

export async function usage(): Promise<void> {`;

const P = "#Calls.participantEndpoint";
const whole = `id: "s1", callee: e, endpoints: [e], legs: []`;

/** One statement per line, and whether the compiler must refuse it. */
const READS: [line: string, refused: boolean][] = [
  // @odata.type narrows a property, a non-nullable one, a collection's item, a complex value's property.
  [`if (s.caller?.["@odata.type"] === "${P}") { const n: string | null | undefined = s.caller.name; void n; }`, false],
  [`if (s.callee["@odata.type"] === "#Calls.deviceEndpoint") { const c: number | null | undefined = s.callee.cores; void c; }`, false],
  [`for (const p of s.endpoints) if (p["@odata.type"] === "${P}") { const n = p.name; void n; }`, false],
  [`for (const l of s.legs) if (l.from?.["@odata.type"] === "${P}") { const n = l.from.name; void n; }`, false],
  [`if (s.legs[0]?.round?.["@odata.type"] === "#Calls.ring") { const i = s.legs[0].round.inner; void i; }`, false],
  // Without narrowing: what the type declares, and the value as the type itself.
  [`{ const u: string | null | undefined = s.caller?.userAgent; void u; }`, false],
  [`{ const c: Endpoint | null | undefined = s.caller; const all: Endpoint[] = s.endpoints; void [c, all]; }`, false],
  [`{ const n = s.caller?.name; void n; }`, true],
  // The type's own name (or none) is the type itself, not a subtype.
  [`if (s.callee["@odata.type"] === "#Calls.endpoint") { const n = s.callee.name; void n; }`, true],
  [`if (s.callee["@odata.type"] === "#Calls.elsewhere") { void s; }`, true],
  // A function's result, single and a page.
  [`{ const r = await lastCaller(client); if (r?.["@odata.type"] === "${P}") { const n = r.name; void n; } }`, false],
  [`{ const page = await callers(client); for (const r of page.value) if (r["@odata.type"] === "${P}") { const n = r.name; void n; } }`, false],
  // The guards: what they check, narrowed the same way.
  [`if (isSession(x)) { const c = x.caller; if (c?.["@odata.type"] === "${P}") { const n: string | null | undefined = c.name; void n; } }`, false],
  [`if (isSession(x, { complete: true })) { const c: Endpoint = x.callee; void c; }`, false],
  // The type's own guard passes a subtype's value too (as its validator does), so it narrows the same way.
  [`if (isEndpoint(x) && x["@odata.type"] === "${P}") { const n: string | null | undefined = x.name; void n; }`, false],
  [`if (isEndpoint(x, { complete: true })) { const c: Endpoint = x; const u = x.userAgent; void [c, u]; }`, false],
  // An expanded navigation property to an entity type with subtypes (rt.OneOf).
  [`{ const g = await getGroup(client, groups().byKey("g"), { expand: ["members"] }); for (const m of g.members) if (m["@odata.type"] === "#Calls.user") { const u: string | null | undefined = m.upn; void u; } }`, false],
  // A type whose subtype requires a property it lacks keeps its values typed as itself.
  [`if (s.stage?.["@odata.type"] === "#Calls.lockedStage") { const c = s.stage.code; void c; }`, true],
];

/** Bodies: [line, body, refused]; the validator of the matching mode agrees. */
type Body = [what: string, mode: "create" | "update" | "replace", body: string, value: Record<string, unknown>, refused: boolean];
const ENDPOINT = { userAgent: "ua" };
const BODIES: Body[] = [
  ["a value typed as the type itself (create)", "create", `{ ${whole}, caller: e, stage: st }`, { id: "s1", callee: ENDPOINT, endpoints: [ENDPOINT], legs: [], caller: ENDPOINT, stage: { label: "l" } }, false],
  ["  (PATCH)", "update", `{ caller: e, endpoints: [e] }`, { caller: ENDPOINT, endpoints: [ENDPOINT] }, false],
  ["  (PUT)", "replace", `{ ${whole}, caller: e }`, { callee: ENDPOINT, endpoints: [ENDPOINT], legs: [], caller: ENDPOINT }, false],
  ["the type itself without @odata.type", "create", `{ caller: { userAgent: "ua" } }`, { caller: ENDPOINT }, false],
  ["  with its own name", "update", `{ caller: { "@odata.type": "#Calls.endpoint", userAgent: "ua" } }`, { caller: { "@odata.type": "#Calls.endpoint", userAgent: "ua" } }, false],
  ["a subtype's value with its own property", "create", `{ caller: { "@odata.type": "${P}", name: "n" } }`, { caller: { "@odata.type": P, name: "n" } }, false],
  ["  in a PATCH's collection", "update", `{ endpoints: [{ "@odata.type": "#Calls.deviceEndpoint", cores: 4 }] }`, { endpoints: [{ "@odata.type": "#Calls.deviceEndpoint", cores: 4 }] }, false],
  ["  not without naming its type", "create", `{ caller: { name: "n" } }`, { caller: { name: "n" } }, true],
  ["  nor under the type's own name", "update", `{ caller: { "@odata.type": "#Calls.endpoint", name: "n" } }`, { caller: { "@odata.type": "#Calls.endpoint", name: "n" } }, true],
  ["  nor without it in a PATCH", "update", `{ caller: { name: "n" } }`, { caller: { name: "n" } }, true],
  // A type with a property the service computes has a write type: its union lists the subtypes' too.
  ["a subtype's value where the type computes a property", "create", `{ badge: { "@odata.type": "#Calls.namedBadge", holder: "h" } }`, { badge: { "@odata.type": "#Calls.namedBadge", holder: "h" } }, false],
  ["  (PATCH)", "update", `{ badge: { "@odata.type": "#Calls.namedBadge", holder: "h" } }`, { badge: { "@odata.type": "#Calls.namedBadge", holder: "h" } }, false],
  ["  not with the computed property", "create", `{ badge: { "@odata.type": "#Calls.namedBadge", issued: "2026-01-01T00:00:00Z" } }`, { badge: { "@odata.type": "#Calls.namedBadge", issued: "2026-01-01T00:00:00Z" } }, true],
  ["a subtype's value with its own property the service computes", "create", `{ tags: [{ "@odata.type": "#Calls.stampedTag", stamp: "s" }] }`, { tags: [{ "@odata.type": "#Calls.stampedTag", stamp: "s" }] }, true],
  ["  (PUT)", "replace", `{ ${whole}, tags: [{ "@odata.type": "#Calls.stampedTag", stamp: "s" }] }`, { callee: ENDPOINT, endpoints: [ENDPOINT], legs: [], tags: [{ "@odata.type": "#Calls.stampedTag", stamp: "s" }] }, true],
  ["  but with the others", "create", `{ tags: [{ label: "l" }, { "@odata.type": "#Calls.stampedTag", by: "b" }] }`, { tags: [{ label: "l" }, { "@odata.type": "#Calls.stampedTag", by: "b" }] }, false],
];

let dir = "";
let limitDir = "";
beforeAll(() => {
  dir = generateFixture("requests/nested-subtypes.xml", "nested-subtypes");
  limitDir = limitService();
});

test("the validators agree with the bodies", () => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(dir, "Calls.validators")) as Record<string, Validate>;
  expect(BODIES.map(([what, mode, , value]) => [what, (v.validateSession as Validate)(value, { mode }).errors.length > 0])).toEqual(BODIES.map(([what, , , , refused]) => [what, refused]));
});

test("a parameter keeps the type itself; the types module has the union", () => {
  const requests = fs.readFileSync(path.join(dir, "Calls.requests.ts"), "utf8");
  expect(requests).toContain(`export function dial(\n  client: rt.Client,\n  params: { "target": rt.Argument<Endpoint> },\n`);
  const types = fs.readFileSync(path.join(dir, "Calls.types.ts"), "utf8");
  expect(types).toContain(`export type AnyEndpoint =
  | (Endpoint & { "@odata.type"?: "#Calls.endpoint" })
  | (ParticipantEndpoint & { "@odata.type": "${P}" })
  | (DeviceEndpoint & { "@odata.type": "#Calls.deviceEndpoint" })
  | (ServiceEndpoint & { "@odata.type": "#Calls.serviceEndpoint" });`);
  expect(types).not.toContain("AnyStage");
});

const CALL_RECORDS_HEAD = `import type { Endpoint, Session } from "./microsoft.graph.callRecords.types.js";
import { updateSession } from "./microsoft.graph.callRecords.requests.js";
import * as rt from "./runtime.js";

declare const client: rt.Client;
declare const s: Session;
declare const e: Endpoint;

export async function usage(): Promise<void> {`;
const CALL_RECORDS_LINES = [
  `if (s.caller?.["@odata.type"] === "#microsoft.graph.callRecords.participantEndpoint") { const who = s.caller.identity; void who; }`,
  `{ const ua = s.caller?.userAgent; if (ua?.["@odata.type"] === "#microsoft.graph.callRecords.clientUserAgent") { const p = ua.platform; void p; } }`,
  `await updateSession(client, rt.at<Session>("/communications/callRecords/r/sessions/s"), { caller: e, callee: e });`,
  `{ const c: Endpoint | null | undefined = s.caller; void c; }`,
];

/**
 * Per compiler, the messages per line of the fixture's reads and bodies, and of Graph's call
 * records (one program, STRICT_OPTIONS), and what tsc answers for the limit service's LIMIT_LINES
 * beside all its modules (its own program, BASE_OPTIONS): both in one `tsc -b` run, compiled by the
 * first test that asks.
 */
const compiled = new Map<Compiler, { groups: Map<number, CaseMessage[]>[]; limit: TscResult }>();
function compile(c: Compiler): { groups: Map<number, CaseMessage[]>[]; limit: TscResult } {
  let r = compiled.get(c);
  if (!r) {
    const lines = [...READS.map(([l]) => l), ...BODIES.map(([, mode, body]) => (mode === "create" ? `await createSession(client, sessions(), ${body});` : `await updateSession(client, one, ${body}${mode === "replace" ? ", { replace: true }" : ""});`)), `await dial(client, { target: e });`];
    const groups: CaseGroup[] = [
      { dir, head: HEAD, lines },
      { dir: path.join(REPO, "generated", "graph-callrecords"), head: CALL_RECORDS_HEAD, lines: CALL_RECORDS_LINES },
    ];
    // Every module of the limit service is in its program, as tsc over all the folder's files has them.
    const modules = fs.readdirSync(limitDir).filter((f) => f.endsWith(".ts")).map((f) => `import "./${f.replace(/\.ts$/, ".js")}";`);
    const limitUsage = [LIMIT_HEAD, ...LIMIT_LINES.map((l) => `  ${l}`), "}", ...modules, ""].join("\n");
    const [strict, [limit]] = runTscCaseSets(c, [
      { cases: groups.map(caseGroupUsage), compilerOptions: STRICT_OPTIONS },
      { cases: [{ from: [limitDir], usage: limitUsage }], compilerOptions: BASE_OPTIONS },
    ]);
    r = { groups: strict.map((x, i) => messagesByLine(x.output, groups[i].head)), limit };
    compiled.set(c, r);
  }
  return r;
}

forEachCompiler((label, c) => {
  test(`${label}: reads narrow by @odata.type; the type itself still fits`, () => {
    const refused = compile(c).groups[0];
    const want = [...READS.map(([l, r]) => [l, r]), ...BODIES.map(([what, , , , r]) => [what, r]), ["dial", false]];
    expect(want.map(([l], i) => [l, refused.has(i)])).toEqual(want);
  });

  test(`${label}: Graph's call records: a session's caller narrows to a participant endpoint`, () => {
    expect([...compile(c).groups[1].keys()]).toEqual([]);
  });
});

/** A service whose `wide` and `wider` complex types have `MAX_FAMILY_NAMES` names and one more, each a property of `holder`. */
function limitService(): string {
  const subtypes = (base: string, n: number) => Array.from({ length: n }, (_, i) => `<ComplexType Name="${base}${i}" BaseType="L.${base}"><Property Name="p${i}" Type="Edm.Int32" /></ComplexType>`).join("");
  const csdl = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="L" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<ComplexType Name="wide"><Property Name="a" Type="Edm.String" /></ComplexType>${subtypes("wide", MAX_FAMILY_NAMES - 1)}
<ComplexType Name="wider"><Property Name="a" Type="Edm.String" /></ComplexType>${subtypes("wider", MAX_FAMILY_NAMES)}
<EntityType Name="holder"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="w" Type="L.wide" /><Property Name="x" Type="L.wider" /></EntityType>
<EntityContainer Name="c"><EntitySet Name="holders" EntityType="L.holder" /></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
  const out = path.join(GENERATED, "nested-subtypes-limit");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const [name, content] of generate({ inputs: [{ file: "limit.xml", content: csdl }] }).files) fs.writeFileSync(path.join(out, name), content);
  return out;
}

test("a type with more names than a value typed as it can be related by keeps its values typed as itself", () => {
  const types = fs.readFileSync(path.join(limitDir, "L.types.ts"), "utf8");
  expect(types).toMatch(/^  w\?: AnyWide \| null;$/m);
  expect(types).toMatch(/^  x\?: Wider \| null;$/m);
});

const LIMIT_HEAD = `import * as rt from "./runtime.js";
import type { Holder, Wide, Wider } from "./L.types.js";
import { createHolder, holders, updateHolder } from "./L.requests.js";

declare const client: rt.Client;
declare const h: Holder;
declare const w: Wide;
declare const x: Wider;

export async function usage(): Promise<void> {`;
const LIMIT_LINES = [
  `await createHolder(client, holders(), { w, x });`,
  `await updateHolder(client, holders().byKey("h"), { w, x });`,
  `if (h.w?.["@odata.type"] === "#L.wide3") { const p = h.w.p3; void p; }`,
];

forEachCompiler((label, c) => {
  // Without exactOptionalPropertyTypes, where `undefined` is one of the values TypeScript relates one by one.
  test(`${label}: at the limit, a value typed as the type itself fits its union (--strict alone)`, () => {
    const r = compile(c).limit;
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
});

// Graph v1.0 (skipped when ../shared/corpus is absent): which concrete complex types with subtypes narrow.
const g = describeWithGraph("nested subtypes on Graph");
g("Graph v1.0", () => {
  test("every concrete complex type with subtypes narrows, but where a value typed as it would no longer fit", () => {
    const model = readModel([{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], new DiagnosticBag());
    const bases = model.schemas.flatMap((s) => s.types).filter((t): t is StructuredType => t.kind === "complex" && !t.abstract && concreteDescendants(t).length > 1);
    const left = bases.filter((t) => subtypeFamily(t).length === 0).map((t) => t.qualifiedName.replace(/^microsoft\.graph\./, ""));
    expect(bases.length).toBe(35);
    // A subtype requires a property the base lacks (or, alertEvidence, 48 subtypes: more names than TypeScript relates one by one).
    expect(left.sort()).toEqual(["classifcationErrorBase", "classificationError", "deviceActionResult", "scheduleEntity", "security.alertEvidence", "shiftItem", "entraRecoveryServices.recoveryJobFilteringCriteriaBase"].sort());
  });
});
