/** `odatagen diff`: model changes between two versions of a spec, each marked breaking or not. */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { copySpec, runCli, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { diff, entity, one, writeDoc } from "./helpers/diff";

const withEntity = entity;
/**
 * A container whose imports call these unbound operations of `d`: the request functions call an
 * unbound operation through its imports only, so one no import calls breaks nothing (workflow-diff-uncalled).
 */
const imports = (...names: string[]) => {
  const each = (n: string) => (n === "f" ? `<FunctionImport Name="${n}" Function="d.${n}"/>` : `<ActionImport Name="${n}" Action="d.${n}"/>`);
  return `<EntityContainer Name="c">${names.map(each).join("")}</EntityContainer>`;
};

/** Edits the text of one element block, found by its opening tag. */
function inBlock(xml: string, open: string, close: string, edit: (block: string) => string): string {
  const start = xml.indexOf(open);
  const end = xml.indexOf(close, start) + close.length;
  if (start < 0 || end < start) throw new Error(`no ${open}`);
  return xml.slice(0, start) + edit(xml.slice(start, end)) + xml.slice(end);
}

describe("odatagen diff on two versions of the callRecords spec", () => {
  test("a property removed and one added: exactly those two changes, the removal breaking; major bump", async () => {
    const dir = scratch();
    const before = copySpec("graph-callrecords.xml", dir, (t) => t, "v1.xml");
    // The property goes with the <Annotations> block that describes it (else a warning: its Target names nothing).
    const after = copySpec("graph-callrecords.xml", dir, (t) =>
      inBlock(t, '<EntityType Name="session"', "</EntityType>", (b) =>
        b.replace('        <Property Name="isTest" Type="Edm.Boolean" />\n', "").replace(
          '<Property Name="modalities"',
          '<Property Name="joinWebUrl" Type="Edm.String" />\n        <Property Name="modalities"',
        ),
      ).replace(/<Annotations Target="microsoft\.graph\.callRecords\.session\/isTest">[\s\S]*?<\/Annotations>\s*/, ""), "v2.xml");
    const r = await runCliInProcess(["diff", before, after, "--json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.changes).toEqual([
      { kind: "removed", element: "property", path: "microsoft.graph.callRecords.session/isTest", detail: "property removed (was Edm.Boolean)", breaking: true },
      { kind: "added", element: "property", path: "microsoft.graph.callRecords.session/joinWebUrl", detail: "property added: Edm.String", breaking: false },
    ]);
    expect(result.bump).toBe("major");

    const text = await runCliInProcess(["diff", before, after], dir);
    expect(text.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^breaking\s+removed\s+property\s+microsoft\.graph\.callRecords\.session\/isTest: property removed/),
      expect.stringMatching(/^ok\s+added\s+property\s+microsoft\.graph\.callRecords\.session\/joinWebUrl: property added/),
      "2 change(s), 1 breaking; suggested bump: major",
    ]);
    // Breaking changes under --fail-on-breaking have their own exit code, 3 (1 is a version that cannot be read), as the
    // OS sees it from the binary.
    const failed = runCli(["diff", before, after, "--fail-on-breaking"], dir);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toBe("odatagen: breaking changes (--fail-on-breaking)\n");
    expect((await runCliInProcess(["diff", before, after, "--fail-on-breaking", "--json"], dir)).code).toBe(3);
    expect((await runCliInProcess(["diff", before, before], dir)).stdout.trim()).toBe("0 change(s), 0 breaking; suggested bump: none");
  });

  test("a broken version is reported as diagnostics, exit 1 (with --fail-on-breaking too); a missing argument is a usage error", async () => {
    const dir = scratch();
    const good = copySpec("graph-callrecords.xml", dir);
    const bad = path.join(dir, "bad.xml");
    fs.writeFileSync(bad, "<edmx:Edmx");
    const r = await runCliInProcess(["diff", good, bad], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.xml:\d+:\d+: error ODG002/);
    expect(r.stdout).toBe("");
    // With --json, stdout is JSON all the same: the errors that stopped the comparison.
    const json = await runCliInProcess(["diff", good, bad, "--json"], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ errors: [expect.objectContaining({ code: "ODG002", severity: "error", file: "bad.xml", line: 1 })] });
    // --fail-on-breaking does not turn a version that cannot be read into a breaking change (3).
    const failing = await runCliInProcess(["diff", good, bad, "--fail-on-breaking"], dir);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/bad\.xml:\d+:\d+: error ODG002/);
    expect(failing.stderr).not.toMatch(/breaking changes/);
    // diff has no --fail-on-warnings (its warnings never fail it): a usage error, 2.
    expect((await runCliInProcess(["diff", good, good, "--fail-on-warnings"], dir)).code).toBe(2);
    expect((await runCliInProcess(["diff", good], dir)).code).toBe(2);
  });

  test("a broken version's notes (severity info) are not printed, as generate prints them only with --verbose", async () => {
    const dir = scratch();
    const good = copySpec("graph-callrecords.xml", dir);
    // An error (a type not defined) and a note (a term odatagen does not read, applied twice: ODG104 info).
    const autoExpand = '<Annotation Term="Org.OData.Core.V1.AutoExpand" Bool="true" />';
    const unread = '<Annotation Term="Org.OData.Core.V1.IsURL" />';
    const bad = copySpec("graph-callrecords.xml", dir, (t) =>
      t.replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="microsoft.graph.callRecords.missing" />')
        .replace(autoExpand, `${autoExpand}\n        ${unread}\n        ${unread}`), "bad.xml");
    const notes = (await runCliInProcess(["generate", "-i", bad, "-o", "gen", "--verbose"], dir)).stderr;
    expect(notes).toMatch(/: info ODG104: Org\.OData\.Core\.V1\.IsURL is applied/);
    const r = await runCliInProcess(["diff", good, bad], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/bad\.xml:\d+:\d+: error ODG103: type microsoft\.graph\.callRecords\.missing is not defined/)]);
  });
});

test("generate after a spec change prints the model changes (summary kept in node_modules/.cache/odatagen)", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const spec = copySpec("graph-callrecords.xml", dir);
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] }));
  const first = await runCliInProcess(["generate"], dir);
  expect(first.code).toBe(0);
  expect(first.stdout).not.toMatch(/model changes/);
  fs.copyFileSync(spec, path.join(dir, "old.xml"));
  const isTest = '<Property Name="isTest" Type="Edm.Boolean" />';
  fs.writeFileSync(spec, inBlock(fs.readFileSync(spec, "utf8"), '<EntityType Name="session"', "</EntityType>", (b) =>
    b.replace(isTest, '<Property Name="isTest" Type="Edm.Boolean" Nullable="false" />\n<Property Name="roomName" Type="Edm.String" />')));
  const r = await runCliInProcess(["generate"], dir);
  expect(r.code).toBe(0);
  // The changes in the format `odatagen diff` prints them, non-breaking ones too.
  const diff = (await runCliInProcess(["diff", "old.xml", "graph-callrecords.xml"], dir)).stdout.trim().split("\n");
  expect(diff).toEqual([
    "breaking  changed property            microsoft.graph.callRecords.session/isTest: became non-nullable",
    "ok        added   property            microsoft.graph.callRecords.session/roomName: property added: Edm.String",
    "2 change(s), 1 breaking; suggested bump: major",
  ]);
  const said = r.stdout.trim().split("\n").slice(-3);
  expect(said).toEqual([`odatagen: calls: model changes: ${diff[2]}`, `  ${diff[0]}`, `  ${diff[1]}`]);
  // A run where only the generator's options changed is not a spec change.
  expect((await runCliInProcess(["generate", "--key-as-segment"], dir)).stdout).not.toMatch(/model changes/);
});

describe("breaking-change rules", () => {

  test("nullability: becoming non-nullable breaks; a property that became nullable breaks its reads, a parameter does not", () => {
    expect(one(entity('<Property Name="p" Type="Edm.String"/>'), entity('<Property Name="p" Type="Edm.String" Nullable="false"/>'))).toEqual([
      ["changed", "d.t/p", "became non-nullable", true],
    ]);
    // `p: string` becomes `p?: string | null`: `t.p.length` no longer compiles (TS18048, TS18049).
    expect(one(entity('<Property Name="p" Type="Edm.String" Nullable="false"/>'), entity('<Property Name="p" Type="Edm.String"/>'))).toEqual([
      ["changed", "d.t/p", "became nullable: its reads are optional and typed | null", true],
    ]);
    const complex = (n: string) => `<ComplexType Name="c"><Property Name="end" Type="Edm.DateTimeOffset"${n}/></ComplexType>`;
    expect(one(complex(' Nullable="false"'), complex(""))).toEqual([["changed", "d.c/end", "became nullable: its reads are optional and typed | null", true]]);
    const list = (n: string) => entity(`<Property Name="p" Type="Collection(Edm.String)"${n}/>`);
    expect(one(list(' Nullable="false"'), list(""))).toEqual([["changed", "d.t/p", "became nullable: its reads are optional", true]]);
    // A stream property is optional in reads either way.
    const stream = (n: string) => entity(`<Property Name="s" Type="Edm.Stream"${n}/>`);
    expect(one(stream(' Nullable="false"'), stream(""))).toEqual([["changed", "d.t/s", "became nullable", false]]);
    // A parameter that may be null takes all it took.
    const act = (n: string) => `<Action Name="go"><Parameter Name="x" Type="Edm.String"${n}/></Action>${imports("go")}`;
    expect(one(act(' Nullable="false"'), act(""))).toEqual([
      ["changed", "d.go()/x", "became nullable", false],
      ["changed", "d.go()/x", "parameter became optional", false],
    ]);
  });

  test("types: narrowed breaks (Int64 → Int32, shorter MaxLength, String → Int32), widened does not while the TypeScript type stays", () => {
    const p = (type: string) => entity(`<Property Name="p" Type="${type}"/>`);
    expect(diff(p("Edm.Int64"), p("Edm.Int32")).changes[0]).toMatchObject({ detail: "type Edm.Int64 → Edm.Int32", breaking: true });
    expect(diff(p("Edm.Int16"), p("Edm.Int32")).changes[0]).toMatchObject({ detail: "type Edm.Int16 → Edm.Int32 (widened)", breaking: false });
    expect(diff(p("Edm.Int64"), p("Edm.Decimal")).changes[0]).toMatchObject({ detail: "type Edm.Int64 → Edm.Decimal (widened)", breaking: false });
    // More values, but `number` becomes `number | string` (or `| SpecialFloat`): code reading it no longer compiles.
    for (const wider of ["Edm.Int64", "Edm.Decimal", "Edm.Double"])
      expect(diff(p("Edm.Int32"), p(wider)).changes[0]).toMatchObject({ detail: `type Edm.Int32 → ${wider}`, breaking: true });
    expect(diff(p("Edm.String"), p("Edm.Int32")).changes[0]).toMatchObject({ breaking: true });
    expect(one(entity('<Property Name="p" Type="Edm.String" MaxLength="40"/>'), entity('<Property Name="p" Type="Edm.String" MaxLength="20"/>'))).toEqual([
      ["changed", "d.t/p", "type Edm.String(40) → Edm.String(20) (narrowed)", true],
    ]);
    expect(diff(p("Edm.String"), p("Collection(Edm.String)")).changes[0]).toMatchObject({ breaking: true });
  });

  test("enum members: removed or renumbered breaks, added does not; a removed type breaks", () => {
    const e = (members: string) => `<EnumType Name="color">${members}</EnumType>`;
    expect(one(e('<Member Name="red" Value="0"/><Member Name="blue" Value="1"/>'), e('<Member Name="red" Value="0"/><Member Name="green" Value="2"/>'))).toEqual([
      ["removed", "d.color/blue", "enum member removed", true],
      ["added", "d.color/green", "enum member added (= 2)", false],
    ]);
    expect(one(e('<Member Name="red" Value="0"/>'), e('<Member Name="red" Value="1"/>'))).toEqual([["changed", "d.color/red", "value 0 → 1", true]]);
    // An evolvable enum's member added after its unknownFutureValue reaches only a request asking for it; one before it, any.
    const evolvable = '<Member Name="red" Value="0"/><Member Name="unknownFutureValue" Value="5"/>';
    expect(one(e(evolvable), e(`${evolvable}<Member Name="green" Value="6"/><Member Name="blue" Value="1"/>`))).toEqual([
      ["added", "d.color/green", "enum member added (= 6), after unknownFutureValue: sent only to a request preferring include-unknown-enum-members", false],
      ["added", "d.color/blue", "enum member added (= 1)", false],
    ]);
    // Int64 values beyond 2^53 are compared by their digits: a number would hold both as 9007199254740992.
    const big = (members: string) => `<EnumType Name="big" UnderlyingType="Edm.Int64">${members}</EnumType>`;
    expect(one(big('<Member Name="x" Value="9007199254740993"/>'), big('<Member Name="x" Value="9007199254740992"/>'))).toEqual([
      ["changed", "d.big/x", "value 9007199254740993 → 9007199254740992", true],
    ]);
    expect(one(big('<Member Name="x" Value="9007199254740993"/>'), big('<Member Name="x" Value="9007199254740993"/>'))).toEqual([]);
    const r = diff(e('<Member Name="red"/>') + entity(""), entity(""));
    expect(r.changes).toEqual([{ kind: "removed", element: "type", path: "d.color", detail: "enum type removed", breaking: true }]);
    expect(r.bump).toBe("major");
  });

  test("type definitions are called so, as CSDL names them: added, removed, and become another kind of type", () => {
    const td = (name: string, underlying = "Edm.String") => `<TypeDefinition Name="${name}" UnderlyingType="${underlying}"/>`;
    const lines = (a: string, b: string) => diff(a + entity(""), b + entity("")).changes.map((c) => [c.path, c.detail]);
    expect(lines(td("gone"), td("new"))).toEqual([
      ["d.gone", "type definition removed"],
      ["d.new", "type definition added"],
    ]);
    expect(lines(td("code"), '<EnumType Name="code"><Member Name="x"/></EnumType>')).toEqual([["d.code", "was a type definition, now an enum type"]]);
    expect(lines('<ComplexType Name="spot"/>', '<EntityType Name="spot"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>')).toEqual([
      ["d.spot", "was a complex type, now an entity type"],
    ]);
  });

  test("navigation and operations: removal and a new parameter callers must give break; additions do not (minor bump)", () => {
    const nav = '<NavigationProperty Name="next" Type="d.t"/>';
    expect(one(entity("", nav), entity(""))).toEqual([["removed", "d.t/next", "navigation property removed (was d.t)", true]]);
    const add = diff(entity(""), entity("", nav));
    expect(add.changes.map((c) => c.breaking)).toEqual([false]);
    expect(add.bump).toBe("minor");
    const fn = (params: string) => entity("") + `<Function Name="f">${params}<ReturnType Type="Edm.String"/></Function>${imports("f")}`;
    expect(one(fn(""), fn('<Parameter Name="x" Type="Edm.Int32" Nullable="false"/>'))).toEqual([["changed", "d.f()", "parameter x added (required)", true]]);
    // A function's nullable parameter must still be given; only Core.OptionalParameter ones may be left out.
    expect(one(fn(""), fn('<Parameter Name="x" Type="Edm.Int32"/>'))).toEqual([["changed", "d.f()", "parameter x added (required)", true]]);
    const optional = '<Parameter Name="x" Type="Edm.Int32"><Annotation Term="Org.OData.Core.V1.OptionalParameter"/></Parameter>';
    // The first parameter breaks even so: params then comes before options (workflow-diff-first-parameter.test.ts).
    const first = "the first: its function now takes params before options, so a call that passes options no longer compiles";
    expect(one(fn(""), fn(optional))).toEqual([["changed", "d.f()", `parameter x added (optional), ${first}`, true]]);
    const y = '<Parameter Name="y" Type="Edm.Int32" Nullable="false"/>';
    expect(one(fn(y), fn(y + optional))).toEqual([["changed", "d.f()", "parameter x added (optional)", false]]);
    expect(one(fn('<Parameter Name="x" Type="Edm.Int32"/>'), fn(optional))).toEqual([["changed", "d.f()/x", "parameter became optional", false]]);
    expect(one(fn(optional), fn('<Parameter Name="x" Type="Edm.Int32"/>'))).toEqual([["changed", "d.f()/x", "parameter became required", true]]);
    // An action's nullable parameter is optional: Nullable="false" makes it required, one change.
    const nullableAct = (nullable: string) => `<Action Name="a"><Parameter Name="x" Type="Edm.Int32"${nullable}/></Action>${imports("a")}`;
    expect(one(nullableAct(""), nullableAct(' Nullable="false"'))).toEqual([["changed", "d.a()/x", "parameter became required and non-nullable", true]]);
    // An action's nullable parameter may be left out (the service reads null).
    const act = (params: string) => entity("") + `<Action Name="a">${params}</Action>${imports("a")}`;
    expect(one(act(y), act(y + '<Parameter Name="x" Type="Edm.Int32"/>'))).toEqual([["changed", "d.a()", "parameter x added (optional)", false]]);
    expect(one(act(""), act('<Parameter Name="x" Type="Edm.Int32"/>'))).toEqual([["changed", "d.a()", `parameter x added (optional), ${first}`, true]]);
    expect(one(act(""), act('<Parameter Name="x" Type="Edm.Int32" Nullable="false"/>'))).toEqual([["changed", "d.a()", "parameter x added (required)", true]]);
    expect(one(fn(""), entity("") + imports())).toEqual([
      ["removed", "d.f()", "function removed", true],
      ["removed", "f", "function import removed", true],
    ]);
  });

  test("a change that adds something callers can use is a minor bump; MaxLength max is no MaxLength", () => {
    const bump = (a: string, b: string) => diff(a, b).bump;
    const fn = (params: string) => `<Function Name="f">${params}<ReturnType Type="Edm.String"/></Function>${imports("f")}`;
    const act = (params: string) => `<Action Name="a">${params}</Action>${imports("a")}`;
    const optional = '<Parameter Name="x" Type="Edm.Int32"><Annotation Term="Org.OData.Core.V1.OptionalParameter"/></Parameter>';
    // A new optional parameter beside others, or one callers may now leave out: the call gains a form.
    const y = '<Parameter Name="y" Type="Edm.Int32" Nullable="false"/>';
    expect(bump(act(y), act(y + '<Parameter Name="x" Type="Edm.Int32"/>'))).toBe("minor");
    expect(bump(fn(y), fn(y + optional))).toBe("minor");
    expect(bump(fn('<Parameter Name="x" Type="Edm.Int32"/>'), fn(optional))).toBe("minor");
    // A key on a key-less type (byKey), a media entity (its stream's calls).
    const keyed = (key: string, extra = "") => `<EntityType Name="t"${extra}>${key}<Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>`;
    const key = '<Key><PropertyRef Name="id"/></Key>';
    expect(bump(keyed(""), keyed(key))).toBe("minor");
    expect(bump(keyed(key), keyed(key, ' HasStream="true"'))).toBe("minor");
    const p = (facet: string) => entity(`<Property Name="p" Type="Edm.String"${facet}/>`) + fn(`<Parameter Name="x" Type="Edm.String"${facet}/>`);
    // Only what is accepted changes: a patch.
    expect(bump(p(' MaxLength="9"'), p(""))).toBe("patch");
    // XML's MaxLength="max" and JSON's absent $MaxLength mean the same: no change; a number against either is one.
    expect(one(p(' MaxLength="max"'), p(""))).toEqual([]);
    expect(one(p(""), p(' MaxLength="max"'))).toEqual([]);
    expect(one(p(' MaxLength="max"'), p(' MaxLength="40"'))).toEqual([
      ["changed", "d.t/p", "type Edm.String → Edm.String(40) (narrowed)", true],
      ["changed", "d.f()/x", "type Edm.String → Edm.String(40) (narrowed)", true],
    ]);
    // A summary kept by an older version recorded `max`.
    const dir = scratch();
    const kept = JSON.parse(summaryToJson(loadSummary([writeDoc(dir, "a.xml", p(""))])));
    kept.types["d.t"].properties.p.maxLength = "max";
    expect(compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([writeDoc(dir, "b.xml", p(""))])).changes).toEqual([]);
  });

  test("a new overload is an addition: the operation that was there is matched by its parameters", () => {
    const f = (params: string) => `<Function Name="f">${params}<ReturnType Type="Edm.String"/></Function>`;
    const x = '<Parameter Name="x" Type="Edm.Int32" Nullable="false"/>';
    // One import calls every overload (an unbound operation no import calls has no generated code: workflow-diff-uncalled).
    const entity = (props: string) => withEntity(props) + imports("f");
    const y = '<Parameter Name="y" Type="Edm.String" Nullable="false"/>';
    expect(one(entity("") + f(x), entity("") + f(x) + f(y))).toEqual([["added", "d.f()[y]", "function added", false]]);
    expect(one(entity("") + f(x) + f(y), entity("") + f(x))).toEqual([["removed", "d.f()[y]", "function removed", true]]);
    // Matched by parameters, then compared: a parameter's changed type still shows.
    expect(one(entity("") + f(x), entity("") + f(x.replace("Int32", "String")) + f(y))).toEqual([
      ["changed", "d.f()[x]/x", "type Edm.Int32 → Edm.String", true],
      ["added", "d.f()[y]", "function added", false],
    ]);
  });

  test("a property moved up to a base type is still the type's: not removed", () => {
    const types = (base: string, derived: string) => `<EntityType Name="b">${base}</EntityType><EntityType Name="t" BaseType="d.b">${derived}</EntityType>`;
    const seat = '<Property Name="seat" Type="Edm.String"/>';
    const keyed = '<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>';
    expect(one(types(keyed, seat), types(keyed + seat, ""))).toEqual([
      ["added", "d.b/seat", "property added: Edm.String", false],
      ["changed", "d.t/seat", "now inherited from d.b", false],
    ]);
    // Moved and narrowed: the change of type still breaks.
    expect(one(types(keyed, seat), types(keyed + seat.replace("Edm.String", "Edm.Int32"), ""))).toContainEqual(["changed", "d.t/seat", "type Edm.String → Edm.Int32", true]);
  });

  test("a type moved to another namespace under its name is one breaking change, moved, its members compared as a kept type's", async () => {
    // Schemas `a` and `b` (aliases `A`, `B`), and `c` holding `extra`; `place` is in `from`.
    const two = (from: string, placeProps: string, extra = "") => {
      const place = `<ComplexType Name="place"><Property Name="city" Type="Edm.String"/>${placeProps}</ComplexType>`;
      const schemaOf = (ns: string, body: string) => `<Schema Namespace="${ns}" Alias="${ns.toUpperCase()}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`;
      return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
${schemaOf("a", `${from === "a" ? place : ""}<ComplexType Name="other"/>`)}${schemaOf("b", from === "b" ? place : "")}${extra && schemaOf("c", extra)}</edmx:DataServices></edmx:Edmx>`;
    };
    const dir = scratch();
    const note = '<Property Name="note" Type="Edm.String"/>';
    const v1 = path.join(dir, "v1.xml");
    const v2 = path.join(dir, "v2.xml");
    fs.writeFileSync(v1, two("a", note));
    fs.writeFileSync(v2, two("b", ""));
    const r = await runCliInProcess(["diff", v1, v2, "--json"], dir);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      changes: [
        { kind: "changed", element: "type", path: "a.place", detail: "complex type moved to b.place: code importing its names from a.{types,validators}.js must import them from b.{types,validators}.js; checkerFor(\"a.place\") finds nothing now: name it \"b.place\"", breaking: true },
        { kind: "removed", element: "property", path: "b.place/note", detail: "property removed (was Edm.String)", breaking: true },
      ],
      breaking: 2,
      bump: "major",
    });
    const text = await runCliInProcess(["diff", v1, v2, "--fail-on-breaking"], dir);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/^breaking  changed type                a\.place: complex type moved to b\.place/m);
    // Same shape: the move alone.
    fs.writeFileSync(v2, two("b", note));
    expect(JSON.parse((await runCliInProcess(["diff", v1, v2, "--json"], dir)).stdout).changes).toEqual([expect.objectContaining({ path: "a.place", detail: expect.stringMatching(/^complex type moved to b\.place/) })]);
    // Two new types of that name and kind: which one it went to cannot be told.
    fs.writeFileSync(v2, two("b", note, '<ComplexType Name="place"/>'));
    expect(JSON.parse((await runCliInProcess(["diff", v1, v2, "--json"], dir)).stdout).changes).toEqual([
      expect.objectContaining({ kind: "removed", path: "a.place", breaking: true }),
      expect.objectContaining({ kind: "added", path: "b.place", breaking: false }),
      expect.objectContaining({ kind: "added", path: "c.place", breaking: false }),
    ]);
  });

  test("a moved type's line names the modules as the output does, and a subtype's @odata.type", async () => {
    // `animal` and its subtype `bird` move from `zoo` to `aux.models`, whose file stem is `aux-.models` (a Windows device name).
    const doc = (ns: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="animal" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>` +
      `<EntityType Name="bird" BaseType="${ns}.animal"/><ComplexType Name="tag"/></Schema>${ns === "zoo" ? "" : '<Schema Namespace="zoo" xmlns="http://docs.oasis-open.org/odata/ns/edm"/>'}</edmx:DataServices></edmx:Edmx>`;
    const dir = scratch();
    const v1 = path.join(dir, "v1.xml");
    const v2 = path.join(dir, "v2.xml");
    fs.writeFileSync(v1, doc("zoo"));
    fs.writeFileSync(v2, doc("aux.models"));
    const r = await runCliInProcess(["diff", v1, v2], dir);
    expect(r.stdout.split("\n").filter((l) => l.includes("moved"))).toEqual([
      "breaking  changed type                zoo.tag: complex type moved to aux.models.tag: code importing its names from zoo.{types,validators}.js must import them from aux-.models.{types,validators}.js; checkerFor(\"zoo.tag\") finds nothing now: name it \"aux.models.tag\"",
      "breaking  changed type                zoo.animal: entity type moved to aux.models.animal: code importing its names from zoo.{types,validators,requests}.js must import them from aux-.models.{types,validators,requests}.js, and a body's @odata.type changes from #zoo.animal to #aux.models.animal; checkerFor(\"zoo.animal\") finds nothing now: name it \"aux.models.animal\"",
      "breaking  changed type                zoo.bird: entity type moved to aux.models.bird: code importing its names from zoo.{types,validators,requests}.js must import them from aux-.models.{types,validators,requests}.js, and a body's @odata.type changes from #zoo.bird to #aux.models.bird; checkerFor(\"zoo.bird\") finds nothing now: name it \"aux.models.bird\"",
    ]);
  });

  test("what names a moved type by its new name is no change of its own; another change to it still is", async () => {
    // `place` (complex) and `thing` (entity) in schema `from`; `d` names them everywhere a type is named.
    const service = (from: string, changed = false) => {
      const schemaOf = (ns: string, body: string) => `<Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`;
      const keyed = '<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>';
      const moving = `<ComplexType Name="place"><Property Name="city" Type="Edm.String"/></ComplexType><EntityType Name="thing">${keyed}</EntityType>`;
      const d = `<EntityType Name="site">${keyed}<Property Name="at" Type="${from}.place"/><Property Name="stops" Type="Collection(${from}.place)"/>` +
        `<Property Name="home" Type="${from}.place"${changed ? "" : ' Nullable="false"'}/><Property Name="list" Type="${changed ? `Collection(${from}.place)` : `${from}.place`}"/>` +
        `<NavigationProperty Name="thing" Type="${from}.thing"/></EntityType>` +
        `<ComplexType Name="spot" BaseType="${from}.place"/>` +
        `<Action Name="go"><Parameter Name="to" Type="${from}.place"/><ReturnType Type="${from}.place"/></Action>` +
        `<Function Name="count" IsBound="true"><Parameter Name="it" Type="${from}.thing"/><ReturnType Type="Edm.Int32"/></Function>` +
        `<EntityContainer Name="c"><EntitySet Name="sites" EntityType="d.site"/><EntitySet Name="things" EntityType="${from}.thing"/></EntityContainer>`;
      return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
${schemaOf("a", `${from === "a" ? moving : ""}<ComplexType Name="other"/>`)}${schemaOf("b", from === "b" ? moving : "")}${schemaOf("d", d)}</edmx:DataServices></edmx:Edmx>`;
    };
    const dir = scratch();
    const v1 = path.join(dir, "v1.xml");
    const v2 = path.join(dir, "v2.xml");
    fs.writeFileSync(v1, service("a"));
    const moves = [
      // `place` has a subtype (`d.spot`): a body may name it in @odata.type.
      { kind: "changed", element: "type", path: "a.place", detail: "complex type moved to b.place: code importing its names from a.{types,validators}.js must import them from b.{types,validators}.js, and a body's @odata.type changes from #a.place to #b.place; checkerFor(\"a.place\") finds nothing now: name it \"b.place\"", breaking: true },
      { kind: "changed", element: "type", path: "a.thing", detail: "entity type moved to b.thing: code importing its names from a.{types,validators,requests}.js must import them from b.{types,validators,requests}.js; checkerFor(\"a.thing\") finds nothing now: name it \"b.thing\"", breaking: true },
    ];
    // Properties, a collection of it, a navigation property, a base type, a parameter, a return type,
    // an entity set and a function bound to it, all naming the moved types by their new names: the moves alone.
    fs.writeFileSync(v2, service("b"));
    const r = await runCliInProcess(["diff", v1, v2, "--json"], dir);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ changes: moves, breaking: 2, bump: "major" });
    // A use that also became nullable, or a collection, still says so.
    fs.writeFileSync(v2, service("b", true));
    const text = (await runCliInProcess(["diff", v1, v2], dir)).stdout.split("\n").filter((l) => l.includes("d."));
    expect(text).toEqual([
      "breaking  changed property            d.site/home: became nullable: its reads are optional and typed | null",
      "breaking  changed property            d.site/list: type a.place → Collection(b.place)",
    ]);
  });

  test("function and action imports: each is a generated function, so removing or repointing one breaks", () => {
    const ops = '<Function Name="f"><ReturnType Type="Edm.String"/></Function><Function Name="g"><ReturnType Type="Edm.String"/></Function><Action Name="a"/>';
    const c = (imports: string) => entity("") + ops + `<EntityContainer Name="c">${imports}</EntityContainer>`;
    const all = '<FunctionImport Name="F" Function="d.f"/><ActionImport Name="A" Action="d.a"/>';
    expect(one(c(all), c('<FunctionImport Name="F" Function="d.f"/>'))).toEqual([["removed", "A", "action import removed", true]]);
    expect(one(c(all), c(all.replace('Name="F"', 'Name="F2"')))).toEqual([
      ["removed", "F", "function import removed", true],
      ["added", "F2", "function import added (of d.f)", false],
    ]);
    expect(one(c(all), c(all.replace('Function="d.f"', 'Function="d.g"')))).toEqual([["changed", "F", "was function import of d.f, now function import of d.g", true]]);
  });

  test("a new non-nullable property of a complex type breaks code that builds its values (of an entity type: workflow-diff-required)", () => {
    const complex = (extra: string) => `<ComplexType Name="addr"><Property Name="street" Type="Edm.String"/>${extra}</ComplexType>`;
    expect(one(complex(""), complex('<Property Name="zip" Type="Edm.String" Nullable="false"/>'))).toEqual([
      ["added", "d.addr/zip", "property added: Edm.String, not nullable: required in d.addr values a body writes (a PUT's, and a create's: it is not a collection and has no DefaultValue)", true],
    ]);
    expect(one(complex(""), complex('<Property Name="zip" Type="Edm.String"/>'))).toEqual([["added", "d.addr/zip", "property added: Edm.String", false]]);
  });

  test("a summary kept by an older version has no imports: they are not compared", () => {
    const c = entity("") + '<Action Name="a"/><EntityContainer Name="c"><ActionImport Name="A" Action="d.a"/></EntityContainer>';
    const dir = scratch();
    const a = writeDoc(dir, "a.xml", c);
    const b = writeDoc(dir, "b.xml", entity("") + '<Action Name="a"/><EntityContainer Name="c"/>');
    const kept = JSON.parse(summaryToJson(loadSummary([a]))) as { imports?: unknown };
    expect(kept.imports).toEqual({ A: { kind: "action import", operation: "d.a", namespace: "d" } });
    delete kept.imports;
    const older = summaryFromJson(JSON.stringify(kept));
    expect(older.imports).toBeUndefined();
    expect(compareSummaries(older, loadSummary([b])).changes).toEqual([]);
  });

  test("keys, media entities and ETags: what changes the generated client's calls breaks", () => {
    const keyed = (refs: string, extra = "") =>
      `<EntityType Name="t"${extra}><Key>${refs}</Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="rev" Type="Edm.Int32" Nullable="false"/></EntityType>` +
      '<EntityType Name="u" BaseType="d.t"/>';
    const id = '<PropertyRef Name="id"/>';
    const both = '<PropertyRef Name="id"/><PropertyRef Name="rev"/>';
    // Reported once, at the type that declares the key (not again at the derived type that inherits it).
    expect(one(keyed(id), keyed(both))).toEqual([["changed", "d.t", "key (id) → (id, rev)", true]]);
    // One key property for another of the same type: byKey's callers still compile, so the line says what they now address.
    const twin = (key: string) =>
      `<EntityType Name="t"><Key><PropertyRef Name="${key}"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>` +
      '<Property Name="email" Type="Edm.String" Nullable="false"/><Property Name="rev" Type="Edm.Int32" Nullable="false"/></EntityType>';
    expect(one(twin("id"), twin("email"))).toEqual([
      ["changed", "d.t", "key (id) → (email): id, no longer a key, is required by the validators' replace mode (a PUT's body); byKey still takes a value of Edm.String, so a call that passes id compiles as before and now looks the entity up by email", true],
    ]);
    // Of another type, the compiler finds each call.
    expect(one(twin("id"), twin("rev"))).toEqual([["changed", "d.t", "key (id) → (rev): id, no longer a key, is required by the validators' replace mode (a PUT's body)", true]]);
    expect(one(keyed(id), keyed(id, ' HasStream="true"'))).toEqual([["changed", "d.t", "became a media entity (HasStream)", false]]);
    expect(one(keyed(id, ' HasStream="true"'), keyed(id))).toEqual([["changed", "d.t", "no longer a media entity (HasStream)", true]]);
    // A key-less type that gains a key gains collections.
    const keyless = '<EntityType Name="t"><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="rev" Type="Edm.Int32" Nullable="false"/></EntityType><EntityType Name="u" BaseType="d.t"/>';
    expect(one(keyless, keyed(id))).toEqual([["changed", "d.t", "key () → (id)", false]]);
    const set = (annotation: string) => keyed(id) + `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t">${annotation}</EntitySet></EntityContainer>`;
    const etag = '<Annotation Term="Org.OData.Core.V1.OptimisticConcurrency"><Collection><PropertyPath>rev</PropertyPath></Collection></Annotation>';
    expect(one(set(""), set(etag))).toEqual([["changed", "ts", "changes now need an ETag (Core.OptimisticConcurrency)", true]]);
    expect(one(set(etag), set(""))).toEqual([["changed", "ts", "changes no longer need an ETag", false]]);
    // A singleton that may be null (CSDL 4.01 §13.3.3) has its reads typed | null.
    const single = (nullable: string) => keyed(id) + `<EntityContainer Name="c"><Singleton Name="me" Type="d.t"${nullable}/></EntityContainer>`;
    expect(one(single(""), single(' Nullable="true"'))).toEqual([["changed", "me", "may now be null (Nullable): its reads are typed | null", true]]);
    expect(one(single(' Nullable="true"'), single(' Nullable="false"'))).toEqual([["changed", "me", "may no longer be null (Nullable)", false]]);
    expect(one(single(""), single(' Nullable="false"'))).toEqual([]);
    // So is a single-valued navigation property that became nullable (its getX resolves null on 204).
    const nav = (nullable: string) => entity("", `<NavigationProperty Name="n" Type="d.t"${nullable}/>`);
    expect(one(nav(' Nullable="false"'), nav(""))).toEqual([["changed", "d.t/n", "became nullable: its reads are typed | null", true]]);
    expect(one(nav(""), nav(' Nullable="false"'))).toEqual([["changed", "d.t/n", "became non-nullable", true]]);
  });

  test("a summary kept by an older version (without keys, streams or ETags) compares without reporting them", () => {
    const file = writeDoc(scratch(), "a.xml", entity("") + '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>');
    const now = loadSummary([file]);
    const old = summaryFromJson(summaryToJson(now).replace(/,"key":\[[^\]]*\],"hasStream":false/g, "").replace(/,"etag":false/g, ""));
    expect(old.types.get("d.t")?.key).toBeUndefined();
    expect(old.entrySets.get("ts")?.etag).toBeUndefined();
    expect(compareSummaries(old, now).changes).toEqual([]);
  });
});

describe("navigation property bindings: which entity set a navigation leads to, and so whether calls through it need an ETag", () => {
  const etag = '<Annotation Term="Org.OData.Core.V1.OptimisticConcurrency"><Collection><PropertyPath>rev</PropertyPath></Collection></Annotation>';
  const person =
    '<EntityType Name="person"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="rev" Type="Edm.Int32" Nullable="false"/>' +
    '<NavigationProperty Name="Friends" Type="Collection(d.person)"/><NavigationProperty Name="Best" Type="d.person"/></EntityType>';
  /** People (ETags), Plain and Others (none), the singleton Me; `bindings` maps a set to its bindings' XML. */
  const service = (bindings: Record<string, string> = {}, alias = "") => {
    const b = (n: string) => bindings[n] ?? "";
    return person +
      `<EntityContainer Name="c"><EntitySet Name="People" EntityType="d.person">${etag}${b("People")}</EntitySet>` +
      `<EntitySet Name="Plain" EntityType="d.person">${b("Plain")}</EntitySet><EntitySet Name="Others" EntityType="d.person">${b("Others")}</EntitySet>` +
      `<Singleton Name="Me" Type="d.person">${b("Me")}</Singleton></EntityContainer>${alias}`;
  };
  const bind = (p: string, target: string) => `<NavigationPropertyBinding Path="${p}" Target="${target}"/>`;

  test("the QA repro: a binding added to a set with ETags breaks (--fail-on-breaking fails); removed, it does not", async () => {
    const dir = scratch();
    const v1 = writeDoc(dir, "v1.xml", service());
    const v2 = writeDoc(dir, "v2.xml", service({ Others: bind("Friends", "People") }));
    const diff = async (from: string, to: string) => {
      const r = await runCliInProcess(["diff", from, to, "--fail-on-breaking"], dir);
      return { code: r.code, stdout: r.stdout.trim().split("\n"), stderr: r.stderr };
    };
    expect(await diff(v1, v2)).toEqual({
      code: 3,
      stdout: [
        "breaking  added   navigation binding  Others/Friends: binding added (→ People); updates and deletes through it now need an ETag (People has Core.OptimisticConcurrency)",
        "1 change(s), 1 breaking; suggested bump: major",
      ],
      stderr: "odatagen: breaking changes (--fail-on-breaking)\n",
    });
    expect(await diff(v2, v1)).toEqual({
      code: 0,
      stdout: [
        "ok        removed navigation binding  Others/Friends: binding removed (was → People): what it leads to is in no known entity set; updates and deletes through it no longer need an ETag",
        "1 change(s), 0 breaking; suggested bump: patch",
      ],
      stderr: "",
    });
    expect(JSON.parse((await runCliInProcess(["diff", v1, v2, "--json"], dir)).stdout).changes).toEqual([
      {
        kind: "added", element: "navigation binding", path: "Others/Friends", breaking: true,
        detail: "binding added (→ People); updates and deletes through it now need an ETag (People has Core.OptimisticConcurrency)",
      },
    ]);
  });

  test("added, removed and retargeted: breaking exactly when a call through the binding now needs an ETag", () => {
    // To a set without ETags: an addition (minor), on a singleton too.
    const plain = diff(service(), service({ Others: bind("Friends", "Plain"), Me: bind("Best", "Plain") }));
    expect(plain.changes.map((c) => [c.kind, c.element, c.path, c.detail, c.breaking])).toEqual([
      ["added", "navigation binding", "Others/Friends", "binding added (→ Plain)", false],
      ["added", "navigation binding", "Me/Best", "binding added (→ Plain)", false],
    ]);
    expect(plain.bump).toBe("minor");
    // Retargeted to a set with ETags breaks; away from one does not.
    expect(one(service({ Others: bind("Friends", "Plain") }), service({ Others: bind("Friends", "People") }))).toEqual([
      ["changed", "Others/Friends", "target Plain → People; updates and deletes through it now need an ETag (People has Core.OptimisticConcurrency)", true],
    ]);
    expect(one(service({ Others: bind("Friends", "People") }), service({ Others: bind("Friends", "Plain") }))).toEqual([
      ["changed", "Others/Friends", "target People → Plain; updates and deletes through it no longer need an ETag", false],
    ]);
    // Removed: the navigation leads to no known set; nothing that was accepted is refused.
    expect(one(service({ Others: bind("Friends", "Plain") }), service())).toEqual([
      ["removed", "Others/Friends", "binding removed (was → Plain): what it leads to is in no known entity set", false],
    ]);
  });

  test("a binding is followed as the client follows it: through the target's own bindings, and by its target's meaning, not spelling", () => {
    // Plain's Friends lead to People: Others/Friends/Friends now needs an ETag (a cycle People → People ends).
    const chained = { Plain: bind("Friends", "People"), People: bind("Friends", "People") };
    expect(one(service(chained), service({ ...chained, Others: bind("Friends", "Plain") }))).toEqual([
      ["added", "Others/Friends", "binding added (→ Plain); updates and deletes through Others/Friends/Friends now need an ETag (People has Core.OptimisticConcurrency)", true],
    ]);
    // The same way there before: no change in what needs an ETag.
    expect(one(service({ ...chained, Others: bind("Friends", "People") }), service({ ...chained, Others: bind("Friends", "Plain") }))).toEqual([
      ["changed", "Others/Friends", "target People → Plain; updates and deletes through it no longer need an ETag", false],
    ]);
    // A target named through its container (or the schema's alias) is the same target.
    expect(one(service({ Others: bind("Friends", "People") }), service({ Others: bind("Friends", "d.c/People") }))).toEqual([]);
    const dir = scratch();
    const plainName = writeDoc(dir, "a.xml", service({ Others: bind("Friends", "People") }));
    const aliased = path.join(dir, "b.xml");
    fs.writeFileSync(aliased, fs.readFileSync(plainName, "utf8").replace('Namespace="d"', 'Namespace="d" Alias="x"').replace('Target="People"', 'Target="x.c/People"'));
    expect(compareSummaries(loadSummary([plainName]), loadSummary([aliased])).changes).toEqual([]);
  });

  test("a summary kept by an older version has no bindings: they are not compared", () => {
    const dir = scratch();
    const a = loadSummary([writeDoc(dir, "a.xml", service())]);
    const b = loadSummary([writeDoc(dir, "b.xml", service({ Others: bind("Friends", "People") }))]);
    expect(JSON.parse(summaryToJson(b)).entrySets.Others).toEqual({ kind: "entity set", type: "d.person", namespace: "d", etag: false, bindings: { Friends: "People" } });
    const older = summaryFromJson(summaryToJson(a).replace(/,"bindings":\{\}/g, ""));
    expect(older.entrySets.get("Others")?.bindings).toBeUndefined();
    expect(compareSummaries(older, b).changes).toEqual([]);
    expect(compareSummaries(a, b).changes).toHaveLength(1);
  });
});
