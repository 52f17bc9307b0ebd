// Values nested in a write body: the request functions' body types (the write types, `PolicyCreateInput`,
// `RestrictionUpdateInput`, …, and the `Any…` union of an abstract complex type) and the validators'
// create, replace and update modes agree on each body below: a body compiles exactly when the
// validator accepts it. A computed property inside a complex value is
// left out (a create, a PUT, a PATCH), so is an immutable one (a PUT, a PATCH); a create may leave
// out a complex value's collections; an entity nested for a deep insert is partial as the body is
// (the validator's default `complete: false`), without its computed key, its `@odata.type` required
// where its type has subtypes; a PATCH's related entity is partial, a PUT's whole; a value of an
// abstract complex type names its type in `@odata.type` (a create, a PUT). Checked by the real compilers (TypeScript 5.9 and 7) on
// test/fixtures/requests/nested-writes.xml, and on Graph's identifierUriRestriction (a slice of Graph
// v1.0; skipped when ../shared/corpus is absent).
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { GENERATED, generateFixture } from "./helpers/generated";
import { forEachCompiler, messagesByLine, runTscCases, type Compiler, type UsageCase } from "./helpers/typecheck";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

type Mode = "create" | "replace" | "update";
/** A body and, when the validator must refuse it, the path of its error; `mark` is a word the compiler's error must hold. */
interface Case {
  what: string;
  mode: Mode;
  body: Record<string, unknown>;
  error?: { path: string; mark: string };
  /** The validator's `complete` option (default here `true`); `false` where the type follows its default, as a create's top level does. */
  complete?: boolean;
}

const restriction = { state: "enabled", createdBy: "me" };
const configuration = { restriction, more: [restriction] };
const deny = { "@odata.type": "#Nest.DenyRule", label: "l", reason: "r" };
const policy = { name: "p", configuration, rules: [deny] };
// A PUT leaves out what a client may not change: the immutable createdBy, inside complex values too.
const putRestriction = { state: "enabled" };
const putPolicy = { name: "p", configuration: { restriction: putRestriction, more: [putRestriction] }, rules: [deny] };

const CASES: Case[] = [
  { what: "a create with complex values, without what the service computes", mode: "create", body: policy },
  { what: "a create may set an immutable property, nested too", mode: "create", body: { ...policy, configuration: { restriction: null, more: [{ state: "disabled", createdBy: "you" }] } } },
  {
    what: "a create refuses a computed property inside a complex value",
    mode: "create",
    body: { ...policy, configuration: { restriction: { ...restriction, isStateSetByService: true }, more: [] } },
    error: { path: "/configuration/restriction/isStateSetByService", mark: "isStateSetByService" },
  },
  {
    what: "so inside a collection of them",
    mode: "create",
    body: { ...policy, configuration: { restriction, more: [{ ...restriction, isStateSetByService: false }] } },
    error: { path: "/configuration/more/0/isStateSetByService", mark: "isStateSetByService" },
  },
  {
    what: "a nested complex value is whole",
    mode: "create",
    body: { ...policy, configuration: { restriction: { createdBy: "me" }, more: [] } },
    error: { path: "/configuration/restriction/state", mark: "state" },
  },
  { what: "a deep insert: the nested entity leaves out its computed key", mode: "create", body: { ...policy, children: [policy, { ...policy, children: [policy] }] } },
  {
    what: "a create leaves out a collection inside a complex value (the service creates it empty)",
    mode: "create",
    body: { name: "p", configuration: { restriction }, rules: [] },
  },
  { what: "a deep insert's entity is partial, as the top-level body is", mode: "create", body: { ...policy, children: [{ name: "x" }] }, complete: false },
  {
    what: "a deep insert's entity leaves out a key that is not computed (as Graph's conversationMember's)",
    mode: "create",
    body: { ...policy, members: [{ "@odata.type": "#Nest.UserMember", roles: ["owner"], userId: "u" }] },
    complete: false,
  },
  {
    what: "a deep insert's entity of an abstract type names its type",
    mode: "create",
    body: { ...policy, members: [{ roles: ["owner"], userId: "u" }] },
    error: { path: "/members/0", mark: "@odata.type" },
    complete: false,
  },
  { what: "a deep insert refuses the nested entity's computed key", mode: "create", body: { ...policy, children: [{ id: 1, ...policy }] }, error: { path: "/children/0/id", mark: "id" } },
  {
    what: "an abstract complex type's value names its type",
    mode: "create",
    body: { ...policy, rules: [{ label: "l", reason: "r" }] },
    error: { path: "/rules/0", mark: "@odata.type" },
  },
  { what: "a PUT of the whole entity, without computed and immutable properties at any depth", mode: "replace", body: putPolicy },
  {
    what: "a PUT refuses an immutable property inside a complex value",
    mode: "replace",
    body: { ...putPolicy, configuration: { restriction, more: [] } },
    error: { path: "/configuration/restriction/createdBy", mark: "createdBy" },
  },
  {
    what: "and a computed one",
    mode: "replace",
    body: { ...putPolicy, configuration: { restriction: { state: "enabled", isStateSetByService: true }, more: [] } },
    error: { path: "/configuration/restriction/isStateSetByService", mark: "isStateSetByService" },
  },
  {
    what: "a PUT's abstract complex value names its type",
    mode: "replace",
    body: { ...putPolicy, rules: [{ label: "l" }] },
    error: { path: "/rules/0", mark: "@odata.type" },
  },
  { what: "a PUT with a related entity, whole, without its computed key", mode: "replace", body: { ...putPolicy, children: [putPolicy] } },
  { what: "a PUT refuses a related entity's computed key", mode: "replace", body: { ...putPolicy, children: [{ ...putPolicy, id: 2 }] }, error: { path: "/children/0/id", mark: "id" } },
  {
    what: "a PUT's related entity is whole",
    mode: "replace",
    body: { ...putPolicy, children: [{ name: "x", rules: [] }] },
    error: { path: "/children/0/configuration", mark: "configuration" },
  },
  { what: "a PUT of part of the entity", mode: "replace", body: { name: "p", rules: [] }, error: { path: "/configuration", mark: "configuration" } },
  { what: "a PATCH changes part of a complex value", mode: "update", body: { configuration: { restriction: { state: "disabled" } } } },
  {
    what: "a PATCH refuses a computed property inside a complex value",
    mode: "update",
    body: { configuration: { restriction: { isStateSetByService: true } } },
    error: { path: "/configuration/restriction/isStateSetByService", mark: "isStateSetByService" },
  },
  {
    what: "and an immutable one",
    mode: "update",
    body: { configuration: { restriction: { createdBy: "x" } } },
    error: { path: "/configuration/restriction/createdBy", mark: "createdBy" },
  },
  { what: "a PATCH's related entity is partial (Protocol 4.01 §11.4.3.1: PATCH semantics)", mode: "update", body: { children: [{ name: "x" }] } },
  {
    what: "a PATCH refuses an immutable property inside a related entity",
    mode: "update",
    body: { children: [{ configuration: { restriction: { createdBy: "x" } } }] },
    error: { path: "/children/0/configuration/restriction/createdBy", mark: "createdBy" },
  },
  { what: "a PATCH refuses a related entity's computed key (a reference by key: OData 4.01 only)", mode: "update", body: { children: [{ id: 3 }] }, error: { path: "/children/0/id", mark: "id" } },
  { what: "a PATCH refuses the computed key at the top", mode: "update", body: { id: 5, name: "q" }, error: { path: "/id", mark: "id" } },
];

/** The call that sends `c.body`, on one line (a compiler error about the body is on it). */
function call(c: Case): string {
  const body = JSON.stringify(c.body);
  if (c.mode === "create") return `await createPolicy(client, policies(), ${body});`;
  return `await updatePolicy(client, policy, ${body}${c.mode === "replace" ? ", { replace: true }" : ""});`;
}

const USAGE_HEAD = `import * as rt from "./runtime.js";
import { createPolicy, policies, updatePolicy } from "./Nest.requests.js";

declare const client: rt.Client;
const policy = policies().byKey(1);

export async function usage(): Promise<void> {`;

/** Bodies whose compiler error must name the write type of the nested value that is wrong. */
const WRONG_NESTED: Case[] = [
  { what: "", mode: "create", body: { ...policy, configuration: { restriction: { createdBy: "me" }, more: [] } } },
  { what: "", mode: "create", body: { ...policy, configuration: { restriction: { ...restriction, isStateSetByService: true }, more: [] } } },
  { what: "", mode: "create", body: { ...policy, children: [{ ...policy, id: 1 }] } },
];

/**
 * Per compiler, one program (compiled by the first test that asks) of three usage files, each
 * beside its own copy of generated modules: a call per case (a line each, after USAGE_HEAD) beside
 * those of `out`, CASES and WRONG_NESTED; a file importing every module of "write type names"
 * (NAMES_XML's); and Graph's GRAPH_LINES (where ../shared/corpus is there). Per case (CASES' index,
 * WRONG_NESTED's after), its diagnostics' text; the whole output of the other two, as `runTsc` over
 * each alone answers (the usage file as `usage.ts`).
 */
interface Compiled {
  byCase: Map<number, string>;
  names: string;
  graph: string;
}
const compiled = new Map<Compiler, Compiled>();
function compile(c: Compiler): Compiled {
  let r = compiled.get(c);
  if (!r) {
    const cases: UsageCase[] = [
      { from: [out], usage: [USAGE_HEAD, ...[...CASES, ...WRONG_NESTED].map((x) => `  ${call(x)}`), "}", ""].join("\n") },
      { from: [namesDir], usage: `${fs.readdirSync(namesDir).filter((f) => f.endsWith(".ts")).map((f) => `import "./${f.replace(/\.ts$/, ".js")}";`).join("\n")}\n` },
      ...(graphDir ? [{ from: [graphDir], usage: [GRAPH_HEAD, ...GRAPH_LINES.map((l) => `  ${l}`), "}", ""].join("\n") }] : []),
    ];
    const [bodies, names, graph] = runTscCases(c, cases);
    const byCase = new Map([...messagesByLine(bodies.output, USAGE_HEAD)].map(([i, messages]) => [i, messages.map((m) => m.text).join("")]));
    r = { byCase, names: names.output, graph: graph?.output ?? "" };
    compiled.set(c, r);
  }
  return r;
}

let out = "";
let namesDir = "";
let graphDir = "";
beforeAll(() => {
  out = generateFixture("requests/nested-writes.xml", "nested-writes");
  namesDir = scratch();
  for (const [name, content] of generate({ inputs: [{ file: "names.xml", content: NAMES_XML }] }).files) fs.writeFileSync(path.join(namesDir, name), content);
  if (fs.existsSync(GRAPH)) {
    const result = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], include: ["microsoft.graph.tenantAppManagementPolicy"] });
    graphDir = path.join(GENERATED, "nested-writes-graph");
    fs.rmSync(graphDir, { recursive: true, force: true });
    fs.mkdirSync(graphDir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(graphDir, name), content);
  }
});

describe("the validators", () => {
  test.each(CASES.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v: typeof import("./.generated/nested-writes/Nest.validators") = require(path.join(out, "Nest.validators"));
    // complete: a create's nested values are whole in its type; the validator checks that when asked.
    const r = v.validatePolicy(c.body, { mode: c.mode, complete: c.complete ?? true });
    expect(r.errors.map((e) => e.path)).toEqual(c.error ? [c.error.path] : []);
  });
});

forEachCompiler((label, c) => {
  test(`${label}: a body compiles exactly when the validator accepts it`, () => {
    const errors = compile(c).byCase;
    const verdicts = CASES.map((x, i) => [x.what, errors.get(i) ?? "compiles"]);
    expect(verdicts).toEqual(CASES.map((x) => [x.what, x.error ? expect.stringContaining(x.error.mark) : "compiles"]));
  });
});

// What a user reads when a nested value is wrong: the write type by its name, not the rt.Written
// type it extends spelt out (TypeScript 5 names an interface without members of its own so).
forEachCompiler((label, c) => {
  test(`${label}: an error inside a nested value names its write type`, () => {
    const all = compile(c).byCase;
    const errors = WRONG_NESTED.map((_x, i) => all.get(CASES.length + i) ?? "");
    // A deep insert's entity: `TypedReference<"#Nest.Policy"> | (CreateBody<PolicyCreateInput, PolicyNavigation> & NewEntity)`
    // (a reference may name its own type), partial as the body is
    // and without an id of its own (`NewEntity`), or an entity reference;
    // a complex value: `Annotated<Complex<RestrictionCreateInput>>`, which may hold instance annotations.
    expect(errors.map((e) => /'(?:TypedReference<"[#\w.]+"> \| )?\(?(?:CreateBody<|Annotated<Complex<)?(\w+Input)[',>]/.exec(e)?.[1])).toEqual(["RestrictionCreateInput", "RestrictionCreateInput", "PolicyCreateInput"]);
    expect(errors.join("")).not.toContain("Written<");
  });
});

// Write type names: a type's own name and `Input` where a create and an update write it the same,
// else `CreateInput` and `UpdateInput`; a name a type or an earlier write type has gets `_`.
const computedTerm = `<Annotation Term="Org.OData.Core.V1.Computed" />`;
const immutableTerm = `<Annotation Term="Org.OData.Core.V1.Immutable" />`;
const NAMES_XML = edmx(schema("N", `
    <ComplexType Name="FooCreate"><Property Name="a" Type="Edm.String">${computedTerm}</Property></ComplexType>
    <ComplexType Name="Foo"><Property Name="b" Type="Edm.String">${immutableTerm}</Property><Property Name="c" Type="N.FooCreate" /></ComplexType>
    <ComplexType Name="BazInput" />
    <EntityType Name="Bar"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false">${computedTerm}</Property><Property Name="foo" Type="N.Foo" /></EntityType>
    <EntityType Name="Baz"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="at" Type="Edm.String">${computedTerm}</Property></EntityType>
    <EntityType Name="Qux"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
    <EntityContainer Name="C"><EntitySet Name="Bars" EntityType="N.Bar" /></EntityContainer>`));

describe("write type names", () => {
  const xml = NAMES_XML;
  let requests = "";
  beforeAll(() => {
    requests = generate({ inputs: [{ file: "names.xml", content: xml }] }).files.get("N.requests.ts") ?? "";
  });

  test("one per type where both are the same, two where an update leaves out more; clashes get `_`", () => {
    const declared = [...requests.matchAll(/^export (?:interface|type) (\w+Input\w*)/gm)].map((m) => m[1]);
    // FooCreate: computed a, the same in both. Foo: immutable b, so two, the first after FooCreate's.
    // Bar: a computed key and a Foo, whose update differs, so two. Baz: one, after the type BazInput.
    // Qux: nothing to leave out, none.
    expect(declared).toEqual(["FooCreateInput", "FooCreateInput_", "FooUpdateInput", "BarCreateInput", "BarUpdateInput", "BazInput_"]);
    expect(requests).toContain("export interface FooUpdateInput extends rt.Written<\n  Foo,\n  \"b\",\n  {\n    c: FooCreateInput | null;\n  }\n> {\n  \"@odata.type\"?: \"#N.Foo\";\n}");
    expect(requests).toMatch(/createBar<[^(]*\(\n(?:  [^\n]*\n)*?  body: rt.New<BarCreateInput>/);
    expect(requests).toMatch(/updateBar<[^(]*\(\n(?:  [^\n]*\n)*?  body: rt\.UpdateBody<BarUpdateInput, R>/);
    expect(requests).toMatch(/updateBaz<[^(]*\(\n(?:  [^\n]*\n)*?  body: rt\.UpdateBody<BazInput_, R, "id">/);
    expect(requests).toMatch(/createQux<[^(]*\(\n(?:  [^\n]*\n)*?  body: rt.New<Qux>/);
  });

  forEachCompiler((label, c) => {
    test(`${label}: they compile`, () => {
      expect(compile(c).names).toBe("");
    });
  });
});

// Graph v1.0: an identifierUriRestriction (its isStateSetByMicrosoft computed and not nullable) is in a
// tenantAppManagementPolicy's applicationRestrictions (Graph's PATCH /policies/defaultAppManagementPolicy).
const g = describeWithGraph("nested-writes Graph");

const uris = (restriction: Record<string, unknown>) => ({ applicationRestrictions: { identifierUris: { nonDefaultUriAddition: restriction } } });
const put = { isEnabled: true, ...uris({ state: "enabled", excludeAppsReceivingV2Tokens: true }) };
const GRAPH_LINES = [
  `await updateTenantAppManagementPolicy(client, policy, ${JSON.stringify(put)}, { replace: true });`,
  `await updateTenantAppManagementPolicy(client, policy, ${JSON.stringify({ ...put, ...uris({ state: "enabled", isStateSetByMicrosoft: false }) })}, { replace: true });`,
  `await updateTenantAppManagementPolicy(client, policy, ${JSON.stringify(uris({ state: "disabled" }))});`,
];

const GRAPH_HEAD = `import * as rt from "./runtime.js";
import { updateTenantAppManagementPolicy } from "./microsoft.graph.requests.js";
import type { TenantAppManagementPolicy } from "./microsoft.graph.types.js";

declare const client: rt.Client;
const policy = rt.at<TenantAppManagementPolicy>("/policies/defaultAppManagementPolicy");

export async function usage(): Promise<void> {`;

g("Graph v1.0: identifierUriRestriction.isStateSetByMicrosoft in a tenantAppManagementPolicy", () => {
  test("the validator accepts a PUT without it, and refuses one with it", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(graphDir, "microsoft.graph.validators")) as { validateTenantAppManagementPolicy: (x: unknown, o: object) => { errors: { path: string }[] } };
    expect(v.validateTenantAppManagementPolicy(put, { mode: "replace" }).errors).toEqual([]);
    const computed = { ...put, ...uris({ state: "enabled", isStateSetByMicrosoft: false }) };
    expect(v.validateTenantAppManagementPolicy(computed, { mode: "replace" }).errors.map((e) => e.path)).toEqual(["/applicationRestrictions/identifierUris/nonDefaultUriAddition/isStateSetByMicrosoft"]);
    expect(v.validateTenantAppManagementPolicy(uris({ state: "disabled" }), { mode: "update" }).errors).toEqual([]);
  });

  forEachCompiler((label, c) => {
    test(`${label}: the PUT without it compiles (it was required before), the one with it does not`, () => {
      const errorLines = compile(c).graph.split("\n").filter((l) => l.startsWith("usage.ts"));
      expect(errorLines).toEqual([expect.stringMatching(new RegExp(`^usage\\.ts\\(${GRAPH_HEAD.split("\n").length + 2},.*isStateSetByMicrosoft`))]);
    });
  });
});
