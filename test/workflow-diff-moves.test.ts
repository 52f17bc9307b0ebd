/**
 * `odatagen diff` on what moved to another namespace: a type's line names every module its names
 * are exported from, a moved type's doc comments are compared with its own, and an operation or an
 * import moved with its operation or container says what changed for a caller, once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { runCli, scratch } from "./helpers/cli";

const keyed = '<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>';
const described = (text: string) => `<Annotation Term="Org.OData.Core.V1.Description" String="${text}"/>`;

/** A document of the given schemas (namespace → body). */
function doc(schemas: Record<string, string>): string {
  const body = Object.entries(schemas)
    .map(([ns, s]) => `<Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${s}</Schema>`)
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>${body}</edmx:DataServices></edmx:Edmx>`;
}

/** Runs `odatagen diff --json` on two documents; returns its changes. */
function changes(v1: string, v2: string): { kind: string; element: string; path: string; detail: string; breaking: boolean }[] {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "v1.xml"), v1);
  fs.writeFileSync(path.join(dir, "v2.xml"), v2);
  const r = runCli(["diff", "v1.xml", "v2.xml", "--json"], dir);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout).changes;
}

describe("a type moved to another namespace", () => {
  // In namespace `ns`: an entity type, a complex type a body writes otherwise (a computed property:
  // it has a write type), a plain complex type, an enum and a type definition; `d` uses them all.
  const types = (ns: string) =>
    `<EntityType Name="thing">${keyed}</EntityType>` +
    `<ComplexType Name="stamp"><Property Name="at" Type="Edm.DateTimeOffset"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/></Property></ComplexType>` +
    `<ComplexType Name="spot"><Property Name="x" Type="Edm.String"/></ComplexType>` +
    `<EnumType Name="hue"><Member Name="red"/></EnumType><TypeDefinition Name="code" UnderlyingType="Edm.String"/>` +
    `<Annotations Target="${ns}.spot/x">${described("The x.")}</Annotations>`;
  const user = (ns: string) =>
    `<EntityType Name="u">${keyed}<Property Name="s" Type="${ns}.stamp"/><Property Name="p" Type="${ns}.spot"/><Property Name="h" Type="${ns}.hue"/><Property Name="c" Type="${ns}.code"/>` +
    `<NavigationProperty Name="t" Type="${ns}.thing"/></EntityType><EntityContainer Name="c"><EntitySet Name="us" EntityType="d.u"/></EntityContainer>`;
  const service = (ns: string) => doc({ [ns]: types(ns), d: user(ns) });

  test("its line names every module that exports its names, as the output has them", () => {
    const lines = changes(service("a"), service("b")).map((c) => [c.path, c.detail, c.breaking]);
    expect(lines).toEqual([
      ["a.hue", "enum type moved to b.hue: code importing its names from a.{types,validators}.js must import them from b.{types,validators}.js; checkerFor(\"a.hue\") finds nothing now: name it \"b.hue\"", true],
      ["a.code", "type definition moved to b.code: code importing its names from a.{types,validators}.js must import them from b.{types,validators}.js; checkerFor(\"a.code\") finds nothing now: name it \"b.code\"", true],
      ["a.stamp", "complex type moved to b.stamp: code importing its names from a.{types,validators,requests}.js must import them from b.{types,validators,requests}.js; checkerFor(\"a.stamp\") finds nothing now: name it \"b.stamp\"", true],
      ["a.spot", "complex type moved to b.spot: code importing its names from a.{types,validators}.js must import them from b.{types,validators}.js; checkerFor(\"a.spot\") finds nothing now: name it \"b.spot\"", true],
      ["a.thing", "entity type moved to b.thing: code importing its names from a.{types,validators,requests}.js must import them from b.{types,validators,requests}.js; checkerFor(\"a.thing\") finds nothing now: name it \"b.thing\"", true],
    ]);
    // The modules named are those of the generated output whose exports name the type
    // (Thing, isThing, getThing, ThingNavigation; StampInput; checkHue, HueValues; checkCode).
    const out = generate({ inputs: [{ file: "v1.xml", content: service("a") }] }).files;
    const exporting = (name: string) =>
      ["types", "validators", "requests"].filter((m) => new RegExp(`^export .*\\b\\w*${name}\\w*\\b`, "m").test(out.get(`a.${m}.ts`) ?? ""));
    const named = (detail: string) => detail.match(/from a\.\{([a-z,]+)\}\.js/)![1].split(",");
    for (const [qn, detail] of lines) {
      const simple = String(qn).slice(2);
      expect([qn, named(String(detail))]).toEqual([qn, exporting(simple[0].toUpperCase() + simple.slice(1))]);
    }
  });

  test("its doc comments are compared with its own, and so are its members", () => {
    // Moved, and the type's and its property's descriptions changed: the move and one documentation line.
    const reworded = (ns: string) => service(ns).replace("The x.", "The y.").replace('<EntityType Name="thing">', `<EntityType Name="thing">${described("A thing.")}`);
    const moved = changes(service("a"), reworded("b"));
    expect(moved.filter((c) => c.element !== "type")).toEqual([
      { kind: "changed", element: "documentation", path: "2 elements", detail: "description or deprecation changed (doc comments only): b.spot/x, b.thing", breaking: false },
    ]);
    // The same change without the move is the same line, under the type's kept name.
    expect(changes(service("a"), reworded("a"))).toEqual([
      { kind: "changed", element: "documentation", path: "2 elements", detail: "description or deprecation changed (doc comments only): a.spot/x, a.thing", breaking: false },
    ]);
    // Moved with a property added, one removed and one retyped: each listed under its new name.
    const reshaped = service("b").replace('<Property Name="x" Type="Edm.String"/>', '<Property Name="x" Type="Edm.Int32"/>').replace('<EntityType Name="thing">' + keyed, `<EntityType Name="thing">${keyed}<Property Name="n" Type="Edm.String"/>`);
    const before = service("a").replace('<Property Name="at"', '<Property Name="gone" Type="Edm.String"/><Property Name="at"');
    expect(changes(before, reshaped).filter((c) => c.element !== "type").map((c) => [c.kind, c.path, c.detail])).toEqual([
      ["removed", "b.stamp/gone", "property removed (was Edm.String)"],
      ["changed", "b.spot/x", "type Edm.String → Edm.Int32"],
      ["added", "b.thing/n", "property added: Edm.String"],
    ]);
  });
});

describe("operations and imports moved to another namespace", () => {
  // Operations in `ns` (an action and a function called through imports, an action bound to `d.t`),
  // the container in `home`.
  const ops = (ns: string) =>
    `<Action Name="go"><Parameter Name="to" Type="Edm.String"/></Action><Function Name="count"><ReturnType Type="Edm.Int32"/></Function>` +
    `<Action Name="poke" IsBound="true"><Parameter Name="it" Type="d.t"/></Action><Action Name="lone"/>`;
  const container = (ns: string) =>
    `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><ActionImport Name="go" Action="${ns}.go"/><FunctionImport Name="count" Function="${ns}.count"/></EntityContainer>`;
  const service = (ns: string, home = "d") => {
    const schemas: Record<string, string> = { d: `<EntityType Name="t">${keyed}</EntityType>` };
    schemas[ns] = (schemas[ns] ?? "") + ops(ns);
    schemas[home] = (schemas[home] ?? "") + container(ns);
    return doc(schemas);
  };

  test("an import whose operation moved says so once: its function and URL stay; a bound operation's function moves", () => {
    expect(changes(service("a"), service("b"))).toEqual([
      { kind: "changed", element: "operation", path: "a.poke(d.t)", detail: "action moved to b.poke: code importing its function from a.requests.js must import it from b.requests.js", breaking: true },
      { kind: "changed", element: "operation", path: "a.lone()", detail: "action moved to b.lone: no generated code names it (an unbound action is called through its imports, and none calls it)", breaking: false },
      { kind: "changed", element: "action import", path: "go", detail: "its action moved from a.go to b.go: its generated function and its URL stay as they were", breaking: false },
      { kind: "changed", element: "function import", path: "count", detail: "its function moved from a.count to b.count: its generated function and its URL stay as they were", breaking: false },
    ]);
    // Bound to a type that moved with it: matched by the type's new name.
    const bound = (ns: string) => doc({ [ns]: `<EntityType Name="t">${keyed}</EntityType><Function Name="f" IsBound="true"><Parameter Name="it" Type="${ns}.t"/><ReturnType Type="Edm.Int32"/></Function>` });
    expect(changes(bound("a"), bound("b")).map((c) => [c.path, c.detail])).toEqual([
      ["a.t", "entity type moved to b.t: code importing its names from a.{types,validators,requests}.js must import them from b.{types,validators,requests}.js; checkerFor(\"a.t\") finds nothing now: name it \"b.t\""],
      ["a.f(a.t)", "function moved to b.f: code importing its function from a.requests.js must import it from b.requests.js"],
    ]);
    // Its signature is still compared, under its new name.
    const more = service("b").replace('<Parameter Name="to" Type="Edm.String"/>', '<Parameter Name="to" Type="Edm.String"/><Parameter Name="why" Type="Edm.String" Nullable="false"/>');
    expect(changes(service("a"), more)).toContainEqual({ kind: "changed", element: "operation", path: "b.go()", detail: "parameter why added (required)", breaking: true });
  });

  test("a container in another namespace moves its sets' and imports' functions to that namespace's requests module", () => {
    const module = "code importing its function from d.requests.js must import it from e.requests.js (its container is now in e)";
    expect(changes(service("a"), service("a", "e"))).toEqual([
      { kind: "changed", element: "action import", path: "go", detail: module, breaking: true },
      { kind: "changed", element: "function import", path: "count", detail: module, breaking: true },
      { kind: "changed", element: "entity set", path: "ts", detail: module, breaking: true },
    ]);
    // With the operations moved too: one line per import still.
    expect(changes(service("a"), service("b", "e")).filter((c) => c.element.endsWith("import"))).toEqual([
      { kind: "changed", element: "action import", path: "go", detail: `its action moved from a.go to b.go; ${module}`, breaking: true },
      { kind: "changed", element: "function import", path: "count", detail: `its function moved from a.count to b.count; ${module}`, breaking: true },
    ]);
  });

  const note =
    "note: the old version's model summary was kept by an earlier odatagen, without containers' namespaces or complex types' names in the requests module: " +
    "a set, singleton or import whose container moved to another namespace is not listed, and a moved complex type's line may leave out its requests module";

  test("a summary kept by an older version has no containers' namespaces: they are not compared, and a note says so", () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "v1.xml"), service("a"));
    fs.writeFileSync(path.join(dir, "v2.xml"), service("a", "e"));
    const kept = JSON.parse(summaryToJson(loadSummary([path.join(dir, "v1.xml")]))) as { format: number; imports: Record<string, { namespace?: string }>; entrySets: Record<string, { namespace?: string }> };
    expect(kept.imports.go.namespace).toBe("d");
    for (const x of [...Object.values(kept.imports), ...Object.values(kept.entrySets)]) delete x.namespace;
    kept.format = 4;
    const result = compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([path.join(dir, "v2.xml")]));
    expect(result.changes).toEqual([]);
    expect(result.notes).toEqual([note]);
    // Without the requests modules, what it lacks names nothing the project has: no note.
    const without = compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([path.join(dir, "v2.xml")]), { validators: true, requests: false });
    expect([without.changes, without.notes]).toEqual([[], undefined]);
    // Both of this version's format: compared, and no note.
    const fresh = compareSummaries(summaryFromJson(summaryToJson(loadSummary([path.join(dir, "v1.xml")]))), loadSummary([path.join(dir, "v2.xml")]));
    expect([fresh.changes.length, fresh.notes]).toEqual([3, undefined]);
  });

  test("generate prints the note once, with the model changes, after a summary an older version kept", () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, "node_modules"));
    const spec = path.join(dir, "s.xml");
    fs.writeFileSync(spec, service("a"));
    expect(runCli(["generate", "-i", "s.xml", "-o", "gen"], dir).code).toBe(0);
    const cache = path.join(dir, "node_modules", ".cache", "odatagen");
    const [file] = fs.readdirSync(cache).filter((f) => f.endsWith(".model.json"));
    // As a version before containers' namespaces were kept wrote it.
    const kept = JSON.parse(fs.readFileSync(path.join(cache, file), "utf8")) as { format: number; imports: Record<string, { namespace?: string }>; entrySets: Record<string, { namespace?: string }> };
    for (const x of [...Object.values(kept.imports), ...Object.values(kept.entrySets)]) delete x.namespace;
    kept.format = 4;
    fs.writeFileSync(path.join(cache, file), JSON.stringify(kept));
    fs.writeFileSync(spec, service("a", "e"));
    const r = runCli(["generate", "-i", "s.xml", "-o", "gen"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`odatagen: gen: model changes: 0 change(s), 0 breaking; suggested bump: none\n  ${note}\n`);
    expect(r.stdout.split(note).length).toBe(2);
  });
});
