/**
 * `odatagen diff --no-validators` / `--no-requests`: the modules a project generates. A moved type's
 * line names only the modules the output has, and a change that breaks only a module the project
 * does not generate (a MaxLength only the validators check, a bound operation's new parameter
 * without request functions) is listed as not breaking, saying why. A key's change, a lost HasStream
 * and a navigation property that became non-nullable are judged by the modules a real generation
 * of the two versions changes, and by what the changed validators do.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { compareSummaries, summarize } from "../generator";
import { runCli, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { GENERATED } from "./helpers/generated";

const keyed = '<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>';

function doc(schemas: Record<string, string>, version = "4.0"): string {
  const body = Object.entries(schemas)
    .map(([ns, s]) => `<Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${s}</Schema>`)
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="${version}" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>${body}</edmx:DataServices></edmx:Edmx>`;
}

type Change = { path: string; detail: string; breaking: boolean };

/** `odatagen diff --json` with `flags` (run in this process: the file runs ~90 of them): its changes. */
async function changes(v1: string, v2: string, flags: string[] = []): Promise<Change[]> {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "v1.xml"), v1);
  fs.writeFileSync(path.join(dir, "v2.xml"), v2);
  const r = await runCliInProcess(["diff", "v1.xml", "v2.xml", "--json", ...flags], dir);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout).changes;
}

const COMBINATIONS: [string, string[], { validators: boolean; requests: boolean }][] = [
  ["both", [], { validators: true, requests: true }],
  ["--no-validators", ["--no-validators"], { validators: false, requests: true }],
  ["--no-requests", ["--no-requests"], { validators: true, requests: false }],
  ["neither", ["--no-validators", "--no-requests"], { validators: false, requests: false }],
];

describe("a moved type's line names the modules the output has", () => {
  // `thing` (entity: all three modules) and `spot` (complex, no request names) move from `a` to `b`.
  const service = (ns: string) =>
    doc({ [ns]: `<EntityType Name="thing">${keyed}</EntityType><ComplexType Name="spot"><Property Name="x" Type="Edm.String"/></ComplexType>`,
      d: `<EntityType Name="u">${keyed}<Property Name="p" Type="${ns}.spot"/></EntityType><EntityContainer Name="c"><EntitySet Name="us" EntityType="d.u"/></EntityContainer>` });

  test.each(COMBINATIONS)("%s", async (_name, flags, options) => {
    const moved = await changes(service("a"), service("b"), flags);
    const out = generate({ inputs: [{ file: "v1.xml", content: service("a") }], ...options }).files;
    const has = (m: string) => out.has(`a.${m}.ts`);
    for (const [qn, simple] of [["a.thing", "Thing"], ["a.spot", "Spot"]]) {
      const line = moved.find((c) => c.path === qn)!;
      expect(line.breaking).toBe(true);
      // Every module named exists in an output generated with those options and exports the type's names.
      const named = line.detail.match(/from a\.(?:\{([a-z,]+)\}|([a-z]+))\.js/)!;
      const modules = (named[1] ?? named[2]).split(",");
      for (const m of modules) expect([qn, m, has(m)]).toEqual([qn, m, true]);
      const exporting = ["types", "validators", "requests"].filter((m) => new RegExp(`^export .*\\b\\w*${simple}\\w*\\b`, "m").test(out.get(`a.${m}.ts`) ?? ""));
      expect([qn, modules]).toEqual([qn, exporting]);
      // checkerFor (checkers.ts, generated with the validators) finds a checker by the name as a string.
      expect(line.detail.includes(`checkerFor("${qn}") finds nothing now: name it "b.${qn.slice(2)}"`)).toBe(options.validators);
      expect(out.has("checkers.ts")).toBe(options.validators);
    }
  });
});

describe("a change that breaks only a module the project does not generate is not breaking", () => {
  const entity = (extra = "", ops = "") =>
    doc({ d: `<EntityType Name="t">${keyed}<Property Name="n" Type="Edm.String" MaxLength="10"/><Property Name="m" Type="Edm.Decimal" Precision="10" Scale="2"/>${extra}</EntityType>` +
      `<Action Name="poke" IsBound="true"><Parameter Name="it" Type="d.t"/>${ops}</Action><EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><EntitySet Name="gone" EntityType="d.t"/></EntityContainer>` });
  const base = entity();
  const computed = '<Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/>';
  // Each change, and whether it breaks with [both, --no-validators, --no-requests, neither].
  // `from`: the old version, when not `base`.
  const cases: [string, string, boolean[], string?][] = [
    ["a shorter MaxLength (only the validators check it)", base.replace('MaxLength="10"', 'MaxLength="5"'), [true, false, true, false]],
    ["a smaller Precision (only the validators check it)", base.replace('Precision="10"', 'Precision="5"'), [true, false, true, false]],
    ["a property that became Core.Computed (the validators, and the write types of the requests module)", base.replace('MaxLength="10"/>', `MaxLength="10">${computed}</Property>`), [true, true, true, false]],
    ["a new non-nullable entity property (a replace body's)", entity('<Property Name="z" Type="Edm.String" Nullable="false"/>'), [true, true, true, false]],
    // As a new one: the entity's interface is read, not built (a complex type's would break its interface).
    ["an entity property that became non-nullable (a replace body's)", base.replace('MaxLength="10"/>', 'MaxLength="10" Nullable="false"/>'), [true, true, true, false]],
    ["a bound action's new required parameter (its request function)", entity("", '<Parameter Name="q" Type="Edm.String" Nullable="false"/>'), [true, true, false, false]],
    // The validators check no operation parameter: a parameter's narrowed facet breaks its request function only.
    ["a bound action's parameter with a shorter MaxLength (its request function, not the validators)", entity("", '<Parameter Name="q" Type="Edm.String" MaxLength="5"/>'), [true, true, false, false], entity("", '<Parameter Name="q" Type="Edm.String" MaxLength="10"/>')],
    ["an entity set removed (its request functions)", base.replace('<EntitySet Name="gone" EntityType="d.t"/>', ""), [true, true, false, false]],
    ["a property removed (the types module)", base.replace('<Property Name="m" Type="Edm.Decimal" Precision="10" Scale="2"/>', ""), [true, true, true, true]],
  ];

  test.each(cases)("%s", async (_name, v2, breaks, from = base) => {
    for (const [i, [name, flags]] of COMBINATIONS.entries()) {
      const found = await changes(from, v2, flags);
      expect([name, found.length]).toEqual([name, 1]);
      expect([name, found[0].breaking]).toEqual([name, breaks[i]]);
      // Not breaking only for what the output lacks: the line says which module it would have broken.
      if (breaks[0] && !breaks[i]) expect(found[0].detail).toMatch(/; it breaks only the (validators|request functions)( and the request functions)?, which are not generated \(--no-(validators|requests)( --no-requests)?\)$/);
      else expect(found[0].detail).not.toMatch(/not generated/);
    }
  });

  test("a new entity property's line names where it is required among the modules generated", async () => {
    const details: string[] = [];
    for (const [, flags] of COMBINATIONS) details.push((await changes(base, entity('<Property Name="z" Type="Edm.String" Nullable="false"/>'), flags))[0].detail);
    const what = "property added: Edm.String, not nullable: ";
    expect(details).toEqual([
      `${what}required when replacing d.t (PUT, replace: true; the validators' replace mode asks for it too); a create may leave it out`,
      `${what}required when replacing d.t (PUT, replace: true); a create may leave it out`,
      `${what}required by the validators' replace mode (a PUT's body: the whole d.t); a create may leave it out`,
      `${what}required when replacing d.t (PUT, replace: true); a create may leave it out; it breaks only the validators and the request functions, which are not generated (--no-validators --no-requests)`,
    ]);
  });

  test("the metadata's Version 4.01 → 4.0 breaks bodies: the validators and the write types", async () => {
    const v = (version: string) => doc({ d: `<EntityType Name="t">${keyed}<NavigationProperty Name="o" Type="d.t"/></EntityType><EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>` }, version);
    const lines: Change[] = [];
    for (const [, flags] of COMBINATIONS) lines.push((await changes(v("4.01"), v("4.0"), flags))[0]);
    expect(lines.map((c) => c.breaking)).toEqual([true, true, true, false]);
    // Said of what the output has: the body types (requests module), the validators.
    expect(lines.map((c) => c.detail.slice(c.detail.indexOf("(p@bind) ") + 9, c.detail.indexOf("; write")))).toEqual([
      "no longer compiles and the validators refuse it", "no longer compiles", "is refused by the validators", "no longer compiles and the validators refuse it",
    ]);
  });

  test("a container moved to another namespace names no requests module without the request functions", async () => {
    const home = (ns: string) => doc({ d: `<EntityType Name="t">${keyed}</EntityType><Action Name="go"/>`, [ns]: '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><ActionImport Name="go" Action="d.go"/></EntityContainer>' });
    const note = "its container is now in f; it breaks only the request functions, which are not generated (--no-requests)";
    expect((await changes(home("e"), home("f"), ["--no-requests"])).map((c) => [c.path, c.detail, c.breaking])).toEqual([
      ["go", note, false],
      ["ts", note, false],
    ]);
    expect((await changes(home("e"), home("f"))).map((c) => c.detail)).toEqual([expect.stringMatching(/^code importing its function from e\.requests\.js/), expect.stringMatching(/^code importing/)]);
  });

  test("an import whose operation moved names no function without the request functions", async () => {
    const ops = (ns: string) => doc({ d: `<EntityType Name="t">${keyed}</EntityType>`, [ns]: '<Action Name="go"/>', e: `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><ActionImport Name="go" Action="${ns}.go"/></EntityContainer>` });
    expect(await changes(ops("a"), ops("b"), ["--no-requests"])).toEqual([{ kind: "changed", element: "action import", path: "go", detail: "its action moved from a.go to b.go", breaking: false }]);
    expect(await changes(ops("a"), ops("b"))).toEqual([{ kind: "changed", element: "action import", path: "go", detail: "its action moved from a.go to b.go: its generated function and its URL stay as they were", breaking: false }]);
  });

  test("a bound operation moved to another namespace names no module without the request functions", async () => {
    const moved = (ns: string) => doc({ d: `<EntityType Name="t">${keyed}</EntityType>`, [ns]: '<Action Name="poke" IsBound="true"><Parameter Name="it" Type="d.t"/></Action>' });
    expect(await changes(moved("a"), moved("b"), ["--no-requests"])).toEqual([
      { kind: "changed", element: "operation", path: "a.poke(d.t)", detail: "action moved to b.poke: no generated code names it (the request functions are not generated: --no-requests)", breaking: false },
    ]);
  });
});

describe("a key, HasStream and a navigation property's Nullable are judged by the modules they change", () => {
  // d.t: properties id and id2 (neither nullable), a navigation property o; d.x: a complex type with one.
  const service = ({ key = ["id"], stream = false, o = "", xo = "" }: { key?: string[]; stream?: boolean; o?: string; xo?: string }) =>
    doc({ d: `<EntityType Name="t"${stream ? ' HasStream="true"' : ""}><Key>${key.map((k) => `<PropertyRef Name="${k}"/>`).join("")}</Key>` +
      `<Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="id2" Type="Edm.Int32" Nullable="false"/><Property Name="x" Type="d.x"/><NavigationProperty Name="o" Type="d.u"${o}/></EntityType>` +
      `<ComplexType Name="x"><NavigationProperty Name="o" Type="d.u"${xo}/></ComplexType><EntityType Name="u">${keyed}</EntityType>` +
      '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><EntitySet Name="us" EntityType="d.u"/></EntityContainer>' });
  const notNull = ' Nullable="false"';
  // Each change, the modules a generation of each version with all three differs in, and whether
  // it breaks with [both, --no-validators, --no-requests, neither].
  const cases: [string, string, string, string[], boolean[]][] = [
    // byKey's parameter and the path builders change; the validators' replace mode now requires id2.
    ["a key that lost a property", service({ key: ["id", "id2"] }), service({ key: ["id"] }), ["validators", "requests"], [true, true, true, false]],
    ["a key of other properties", service({ key: ["id"] }), service({ key: ["id2"] }), ["validators", "requests"], [true, true, true, false]],
    // The validators' replace mode now lets a PUT leave id2 out: it refuses nothing it took.
    ["a key that gained a property", service({ key: ["id"] }), service({ key: ["id", "id2"] }), ["validators", "requests"], [true, true, false, false]],
    ["a key in another order", service({ key: ["id", "id2"] }), service({ key: ["id2", "id"] }), ["requests"], [true, true, false, false]],
    // Only its media request function (tContent) goes.
    ["an entity type that lost HasStream", service({ stream: true }), service({}), ["requests"], [true, true, false, false]],
    // The interface's read narrows (U | null → U); the validators and the body types refuse a null.
    ["an entity type's navigation property that became non-nullable", service({}), service({ o: notNull }), ["types", "validators", "requests"], [true, true, true, false]],
    // A complex value's interface is built by code: `{ o: null }` no longer compiles.
    ["a complex type's navigation property that became non-nullable", service({}), service({ xo: notNull }), ["types", "validators", "requests"], [true, true, true, true]],
  ];
  const MODULES = ["types", "validators", "requests"];

  test.each(cases)("%s", async (_name, v1, v2, changed, breaks) => {
    const [before, after] = [v1, v2].map((v) => generate({ inputs: [{ file: "v.xml", content: v }] }).files);
    expect(MODULES.filter((m) => before.get(`d.${m}.ts`) !== after.get(`d.${m}.ts`))).toEqual(changed);
    for (const [i, [name, flags, options]] of COMBINATIONS.entries()) {
      const found = await changes(v1, v2, flags);
      expect([name, found.length]).toEqual([name, 1]);
      expect([name, found[0].breaking]).toEqual([name, breaks[i]]);
      // Breaking only where the output has a module the change breaks; else the line says which it would have broken.
      if (breaks[i]) expect(changed.some((m) => m === "types" || options[m as "validators" | "requests"])).toBe(true);
      if (breaks[0] && !breaks[i]) expect(found[0].detail).toMatch(/; it breaks only the (validators|request functions)( and the request functions)?, which are not generated \(--no-(validators|requests)( --no-requests)?\)$/);
      else expect(found[0].detail).not.toMatch(/not generated/);
    }
  });

  test("a config's service that leaves out the request functions judges them so too, saying where", () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "v1.xml"), service({ key: ["id", "id2"], stream: true }));
    fs.writeFileSync(path.join(dir, "v2.xml"), service({ key: ["id2", "id"], o: notNull }));
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "api", input: "v1.xml", out: "gen", options: { requests: false } }] }));
    const r = runCli(["diff", "v1.xml", "v2.xml", "--json", "--service", "api"], dir);
    expect(r.stderr).toBe("");
    const because = "which are not generated (requests: false in service api of odatagen.config.json)";
    expect((JSON.parse(r.stdout).changes as Change[]).map((c) => [c.path, c.detail, c.breaking])).toEqual([
      ["d.t", `key (id, id2) → (id2, id); it breaks only the request functions, ${because}`, false],
      ["d.t", `no longer a media entity (HasStream); it breaks only the request functions, ${because}`, false],
      // The validators, generated, refuse a null they took.
      ["d.t/o", "became non-nullable", true],
    ]);
  });

  /** The validators generated from `v`, loaded (test/.generated/<tag>). */
  const validators = (v: string, tag: string): Record<string, (v: unknown, o?: object) => { valid: boolean; errors: { message: string }[] }> => {
    const dir = path.join(GENERATED, `diff-outputs-${tag}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of generate({ inputs: [{ file: "v.xml", content: v }] }).files) fs.writeFileSync(path.join(dir, name), content);
    return require(path.join(dir, "d.validators"));
  };

  test("a key that lost a property: the validators refuse a PUT's body without it, which they took, and the line says so", async () => {
    const put = { id: "a", x: null };
    const [was, now] = [validators(service({ key: ["id", "id2"] }), "key-before"), validators(service({ key: ["id"] }), "key-after")];
    expect(was.validateT(put, { mode: "replace" })).toEqual({ valid: true, errors: [] });
    expect(now.validateT(put, { mode: "replace" }).errors.map((e) => e.message)).toEqual(["required property id2 is missing"]);
    // A key gained is one more property a PUT may leave out: the old validators refuse what the new take.
    expect(now.validateT({ id: "a", id2: 1, x: null }, { mode: "replace" }).valid).toBe(true);
    expect(was.validateT({ id2: 1, x: null }, { mode: "replace" }).valid).toBe(true);
    expect((await changes(service({ key: ["id", "id2"] }), service({ key: ["id"] }), ["--no-requests"]))[0].detail).toBe(
      "key (id, id2) → (id): id2, no longer a key, is required by the validators' replace mode (a PUT's body)",
    );
    expect((await changes(service({ key: ["id", "id2"] }), service({ key: ["id"] }), ["--no-validators"]))[0].detail).toBe("key (id, id2) → (id)");
  });

  test("a navigation property that became non-nullable: an entity's read narrows, the validators refuse a null they took", () => {
    const [before, after] = [service({}), service({ o: notNull })].map((v) => generate({ inputs: [{ file: "v.xml", content: v }] }).files.get("d.types.ts")!.split("\n"));
    // Code reading t.o compiles as before (a comparison with null too); no body is built from the interface alone.
    expect(before.length).toBe(after.length);
    expect(before.flatMap((l, i) => (l === after[i] ? [] : [[l, after[i]]]))).toEqual([["  o?: U | null;", "  o?: U;"]]);
    const [was, now] = [validators(service({}), "nav-before"), validators(service({ o: notNull }), "nav-after")];
    expect(was.validateT({ o: null }, { mode: "update" }).valid).toBe(true);
    expect(now.validateT({ o: null }, { mode: "update" }).errors.map((e) => e.message)).toEqual(["o cannot be null"]);
  });
});

describe("diff --config / --service: the options of a config's service", () => {
  const v1 = doc({ d: `<EntityType Name="t">${keyed}<Property Name="n" Type="Edm.String" MaxLength="10"/></EntityType><Action Name="poke" IsBound="true"><Parameter Name="it" Type="d.t"/></Action>` });
  const v2 = v1.replace('MaxLength="10"', 'MaxLength="5"').replace('<Parameter Name="it" Type="d.t"/>', '<Parameter Name="it" Type="d.t"/><Parameter Name="q" Type="Edm.String" Nullable="false"/>');
  const setUp = (services: unknown[]) => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "v1.xml"), v1);
    fs.writeFileSync(path.join(dir, "v2.xml"), v2);
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services }));
    return dir;
  };
  const breaking = async (dir: string, flags: string[]) => {
    const r = await runCliInProcess(["diff", "v1.xml", "v2.xml", "--json", ...flags], dir);
    expect(r.stderr).toBe("");
    return (JSON.parse(r.stdout).changes as Change[]).map((c) => [c.path, c.breaking]);
  };

  test("its validators and requests options, a flag given overriding them; no config is read without --config or --service", async () => {
    const dir = setUp([{ name: "api", input: "v1.xml", out: "gen", options: { requests: false } }]);
    expect(await breaking(dir, ["--config", "odatagen.config.json"])).toEqual([["d.t/n", true], ["d.poke(d.t)", false]]);
    expect(await breaking(dir, ["--service", "api"])).toEqual([["d.t/n", true], ["d.poke(d.t)", false]]);
    expect(await breaking(dir, ["--service", "api", "--requests", "--no-validators"])).toEqual([["d.t/n", false], ["d.poke(d.t)", true]]);
    expect(await breaking(dir, [])).toEqual([["d.t/n", true], ["d.poke(d.t)", true]]);
  });

  test("a module the config's service leaves out is said to be left out there, one a flag leaves out by the flag", async () => {
    const dir = setUp([{ name: "api", input: "v1.xml", out: "gen", options: { requests: false } }]);
    const details = async (flags: string[]) => {
      const r = await runCliInProcess(["diff", "v1.xml", "v2.xml", "--json", ...flags], dir);
      return (JSON.parse(r.stdout).changes as Change[]).map((c) => [c.path, c.detail]);
    };
    const param = "parameter q added (required)";
    expect(await details(["--service", "api"])).toEqual([
      ["d.t/n", expect.not.stringContaining("it breaks only")],
      ["d.poke(d.t)", `${param}; it breaks only the request functions, which are not generated (requests: false in service api of odatagen.config.json)`],
    ]);
    expect(await details(["--service", "api", "--no-validators"])).toEqual([
      ["d.t/n", expect.stringMatching(/; it breaks only the validators, which are not generated \(--no-validators\)$/)],
      ["d.poke(d.t)", `${param}; it breaks only the request functions, which are not generated (requests: false in service api of odatagen.config.json)`],
    ]);
    const moved = (ns: string) => doc({ d: `<EntityType Name="t">${keyed}</EntityType>`, [ns]: '<Action Name="poke" IsBound="true"><Parameter Name="it" Type="d.t"/></Action>' });
    fs.writeFileSync(path.join(dir, "v1.xml"), moved("a"));
    fs.writeFileSync(path.join(dir, "v2.xml"), moved("b"));
    expect(await details(["--config", "odatagen.config.json"])).toEqual([
      ["a.poke(d.t)", "action moved to b.poke: no generated code names it (the request functions are not generated: requests: false in service api of odatagen.config.json)"],
    ]);
  });

  test("outputs that do not say why a module is left out (generate's and --watch's model changes, the library) name no flag", () => {
    const summary = (text: string) => summarize(generate({ inputs: [{ file: "v.xml", content: text }] }).model);
    const [change] = compareSummaries(summary(v1), summary(v2), { validators: true, requests: false }).changes.filter((c) => c.path === "d.poke(d.t)");
    expect(change.detail).toBe("parameter q added (required); it breaks only the request functions, which are not generated");
  });

  test("a config of several services needs --service; a name it lacks is a usage error", async () => {
    const dir = setUp([{ name: "api", input: "v1.xml", out: "gen" }, { name: "lite", input: "v1.xml", out: "gen2", options: { validators: false } }]);
    expect(await breaking(dir, ["--service", "lite"])).toEqual([["d.t/n", false], ["d.poke(d.t)", true]]);
    const several = await runCliInProcess(["diff", "v1.xml", "v2.xml", "--config", "odatagen.config.json"], dir);
    expect([several.code, several.stderr]).toEqual([2, "odatagen: the config has 2 services (api, lite): pick the one to compare for with --service\n"]);
    const unknown = await runCliInProcess(["diff", "v1.xml", "v2.xml", "--service", "lit"], dir);
    expect([unknown.code, unknown.stderr]).toEqual([2, "odatagen: --service: no service named lit; did you mean lite? (have api, lite)\n"]);
  });
});
