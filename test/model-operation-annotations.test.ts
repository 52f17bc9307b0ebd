// CSDL XML §14.2.1 / CSDL JSON §14.2: an <Annotations> block (a `$Annotations` member) whose Target
// names an operation applies to all its overloads (`ns.f`) or to one (`ns.f(…)`: a bound action's
// binding parameter type, an unbound action's `()`, a function's parameter types; or, as Graph writes
// them, all an action's parameter types), or to a parameter of them (`ns.f/p`, `ns.f(…)/p`), as the
// inline form does: doc comments, Core.OptionalParameter. Before, they were kept by target and never read.
import * as fs from "node:fs";
import { generate } from "../generator/generate";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { edmx, schema } from "./helpers/csdl";
import { docOf } from "./helpers/doc-of";

const CORE = "Org.OData.Core.V1";
const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;
const desc = (text: string, term = "Description") => `<Annotation Term="${CORE}.${term}" String="${text}"/>`;
const block = (target: string, inner: string) => `<Annotations Target="${target}">${inner}</Annotations>`;

const OPERATIONS = `
  <EntityType Name="item">${KEYED}</EntityType>
  <EntityType Name="other">${KEYED}</EntityType>
  <Action Name="act" IsBound="true"><Parameter Name="b" Type="T.item"/><Parameter Name="x" Type="Edm.String"/></Action>
  <Action Name="act" IsBound="true"><Parameter Name="b" Type="Collection(T.other)"/><Parameter Name="x" Type="Edm.String"/></Action>
  <Action Name="reset"/>
  <Function Name="f"><Parameter Name="n" Type="Edm.Int32" Nullable="false"/><ReturnType Type="Edm.String"/></Function>
  <Function Name="f"><Parameter Name="s" Type="Edm.String" Nullable="false"/><ReturnType Type="Edm.String"/></Function>
  <EntityContainer Name="C"><EntitySet Name="items" EntityType="T.item"/><EntitySet Name="others" EntityType="T.other"/>
    <ActionImport Name="reset" Action="T.reset"/><FunctionImport Name="f" Function="T.f"/></EntityContainer>`;

const XML = edmx(schema("T", `${OPERATIONS}
  ${block("T.act(T.item)", desc("Acts on an item."))}
  ${block("self.act(Collection(self.other), Edm.String)", desc("Acts on others."))}
  ${block("T.act", desc("Every act.", "LongDescription"))}
  ${block("T.reset()", desc("Resets."))}
  ${block("T.f(Edm.Int32)", desc("By number."))}
  ${block("T.f(Edm.Int32)/n", `<Annotation Term="${CORE}.OptionalParameter"/>`)}
  ${block("T.f/s", desc("The text."))}
  ${block("T.f(Edm.Boolean)", desc("No such overload."))}`, "self"));

// The same in CSDL JSON, with the same target strings.
const JSON_DOC = JSON.stringify({
  $Version: "4.01",
  T: {
    $Alias: "self",
    item: { $Kind: "EntityType", $Key: ["id"], id: {} },
    other: { $Kind: "EntityType", $Key: ["id"], id: {} },
    act: [
      { $Kind: "Action", $IsBound: true, $Parameter: [{ $Name: "b", $Type: "T.item" }, { $Name: "x", $Nullable: true }] },
      { $Kind: "Action", $IsBound: true, $Parameter: [{ $Name: "b", $Type: "T.other", $Collection: true }, { $Name: "x", $Nullable: true }] },
    ],
    reset: [{ $Kind: "Action" }],
    f: [
      { $Kind: "Function", $Parameter: [{ $Name: "n", $Type: "Edm.Int32" }], $ReturnType: { $Nullable: true } },
      { $Kind: "Function", $Parameter: [{ $Name: "s" }], $ReturnType: { $Nullable: true } },
    ],
    C: {
      $Kind: "EntityContainer",
      items: { $Collection: true, $Type: "T.item" },
      others: { $Collection: true, $Type: "T.other" },
      reset: { $Action: "T.reset" },
      f: { $Function: "T.f" },
    },
    $Annotations: {
      "T.act(T.item)": { [`@${CORE}.Description`]: "Acts on an item." },
      "self.act(Collection(self.other), Edm.String)": { [`@${CORE}.Description`]: "Acts on others." },
      "T.act": { [`@${CORE}.LongDescription`]: "Every act." },
      "T.reset()": { [`@${CORE}.Description`]: "Resets." },
      "T.f(Edm.Int32)": { [`@${CORE}.Description`]: "By number." },
      "T.f(Edm.Int32)/n": { [`@${CORE}.OptionalParameter`]: {} },
      "T.f/s": { [`@${CORE}.Description`]: "The text." },
      "T.f(Edm.Boolean)": { [`@${CORE}.Description`]: "No such overload." },
    },
  },
}, null, 2);

const run = (file: string, content: string, include?: string[]) => generate({ inputs: [{ file, content }], include });

describe.each([["t.xml", XML], ["t.json", JSON_DOC]])("out-of-line annotations on operations (%s)", (file, content) => {
  const r = run(file, content);
  const code = r.files.get("T.requests.ts") as string;

  test("a bound action's overload by its binding parameter type (spec) or by all its parameter types (Graph), and all overloads by name", () => {
    expect(docOf(code, "act")).toBe("/**\n * Acts on an item.\n *\n * Every act.\n *\n * Action `T.act`, bound to `T.item`.\n */\n");
    expect(docOf(code, "otherAct")).toBe("/**\n * Acts on others.\n *\n * Every act.\n *\n * Action `T.act`, bound to a collection of `T.other`.\n */\n");
  });

  test("an unbound action by `()`; a function's overload by its parameter types; a parameter of one overload or of all", () => {
    expect(docOf(code, "reset")).toContain(" * Resets.\n");
    expect(docOf(code, "f")).toContain(" * By number.\n");
    expect(docOf(code, "fWithS")).not.toContain("By number.");
    expect(code).toContain(`export function fWithS(\n  client: rt.Client,\n  params: {\n    /** The text. */\n    "s": string;\n  },\n`);
    // Core.OptionalParameter out of line makes the parameter optional, as inline.
    expect(code).toContain(`export function f(\n  client: rt.Client,\n  params: { "n"?: number } = {},\n`);
  });

  test("a target naming no overload is a warning at the block (ODG103), and applies to none", () => {
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([["warning", "ODG103", "T.f(Edm.Boolean)"]]);
    expect(r.diagnostics[0].message).toContain("(no overload of T.f is T.f(Edm.Boolean): a function's is named by all its parameter types, an action's by its binding parameter's type)");
    expect([...r.files.values()].join("")).not.toContain("No such overload.");
  });

  test("a slice that keeps an operation gives it the same annotations", () => {
    const item = run(file, content, ["T.item"]).files.get("T.requests.ts") as string;
    expect(docOf(item, "act")).toBe(docOf(code, "act"));
    const f = run(file, content, ["T.f"]).files.get("T.requests.ts") as string;
    expect(docOf(f, "f")).toBe(docOf(code, "f"));
    expect(f).toContain(`params: { "n"?: number } = {}`);
    expect(f).toContain(`/** The text. */`);
  });
});

// ODG103 names the overload in the resolved form (the target as written begins the message, once);
// one that names an overload left out for a first one's parameter names (ODG104) says so, and where.
const DROPPED_XML = edmx(schema("T", `<EntityType Name="item">${KEYED}</EntityType>
  <Function Name="g"><Parameter Name="n" Type="Edm.Int32" Nullable="false"/><ReturnType Type="Edm.String"/></Function>
  <Function Name="g"><Parameter Name="n" Type="Edm.String" Nullable="false"/><ReturnType Type="Edm.String"/></Function>
  ${block("self.g(Edm.String)", desc("The dropped one."))}
  ${block("T.g(self.item)", desc("No such overload."))}
  <EntityContainer Name="C"><EntitySet Name="items" EntityType="T.item"/></EntityContainer>`, "self"));
const DROPPED_JSON = JSON.stringify({
  $Version: "4.01",
  T: {
    $Alias: "self",
    item: { $Kind: "EntityType", $Key: ["id"], id: {} },
    g: [
      { $Kind: "Function", $Parameter: [{ $Name: "n", $Type: "Edm.Int32" }], $ReturnType: {} },
      { $Kind: "Function", $Parameter: [{ $Name: "n" }], $ReturnType: {} },
    ],
    C: { $Kind: "EntityContainer", items: { $Collection: true, $Type: "T.item" } },
    $Annotations: {
      "self.g(Edm.String)": { [`@${CORE}.Description`]: "The dropped one." },
      "T.g(self.item)": { [`@${CORE}.Description`]: "No such overload." },
    },
  },
}, null, 2);

describe.each([["d.xml", DROPPED_XML], ["d.json", DROPPED_JSON]])("ODG103 for an overload left out or written with an alias (%s)", (file, content) => {
  test("a target naming an overload ODG104 left out says so and where; an alias's target is named resolved", () => {
    const r = run(file, content);
    // The place ODG104 reports the overload it leaves out at.
    const droppedLine = r.diagnostics.find((d) => d.code === "ODG104")?.line;
    const blocks = file.endsWith(".xml") ? ['<Annotations Target="self.g(Edm.String)">', '<Annotations Target="T.g(self.item)">'] : ['$Annotations member "self.g(Edm.String)"', '$Annotations member "T.g(self.item)"'];
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path, d.message])).toEqual([
      ["warning", "ODG104", "T.g", expect.stringMatching(/^unbound function T\.g has two overloads with the parameters \(n\) .*; this one is left out$/)],
      ["warning", "ODG103", "self.g(Edm.String)", `${blocks[0]} names no element of the model (T.g(Edm.String) is the overload at ${file}:${droppedLine}, left out by ODG104 as an earlier overload of T.g has its parameter names); its annotations are ignored`],
      ["warning", "ODG103", "T.g(self.item)", `${blocks[1]} names no element of the model (no overload of T.g is T.g(T.item): a function's is named by all its parameter types, an action's by its binding parameter's type); its annotations are ignored`],
    ]);
    expect([...r.files.values()].join("")).not.toMatch(/The dropped one\.|No such overload\./);
  });

  test("a slice keeping the function reports the block naming its left-out overload as the whole run does; leaving the function out, it reports neither", () => {
    const codes = (x: ReturnType<typeof run>) => x.diagnostics.map((d) => [d.code, d.path, d.message]);
    const whole = codes(run(file, content)).filter(([code, p]) => code === "ODG104" || p === "self.g(Edm.String)");
    expect(whole.map(([code]) => code)).toEqual(["ODG104", "ODG103"]);
    // The slice reads the overloads' parameters and the blocks after choosing what it keeps.
    expect(codes(run(file, content, ["T.g"])).filter(([code, p]) => code === "ODG104" || p === "self.g(Edm.String)")).toEqual(whole);
    // Left out, the block goes with the overload, reported by neither form: a left-out element's
    // problems are not the slice's (a CSDL JSON document's blocks are applied as XML's deferred ones).
    const left = codes(run(file, content, ["T.item"])).filter(([code, p]) => code === "ODG104" || p === "self.g(Edm.String)");
    expect(left).toEqual([]);
  });
});

// An import's own annotations, in line or by `<Annotations Target="ns.Container/Name">` (a
// `$Annotations` member), describe its generated function, before the operation's own description.
const IMPORTS_XML = edmx(schema("T", `
  <Action Name="run"/>
  <Function Name="count">${desc("The count function.")}<ReturnType Type="Edm.Int32"/></Function>
  <EntityContainer Name="C">
    <ActionImport Name="start" Action="T.run">${desc("Starts it (in line).")}</ActionImport>
    <FunctionImport Name="count" Function="T.count"/>
  </EntityContainer>
  ${block("self.C/count", desc("Counts them (block)."))}
  ${block("self.C/start", `<Annotation Term="${CORE}.Revisions"><Collection><Record><PropertyValue Property="Kind" EnumMember="${CORE}.RevisionKind/Deprecated"/><PropertyValue Property="Description" String="Use count"/></Record></Collection></Annotation>`)}`, "self"));
const IMPORTS_JSON = JSON.stringify({
  $Version: "4.01",
  T: {
    $Alias: "self",
    run: [{ $Kind: "Action" }],
    count: [{ $Kind: "Function", [`@${CORE}.Description`]: "The count function.", $ReturnType: { $Type: "Edm.Int32" } }],
    C: { $Kind: "EntityContainer", start: { $Action: "T.run", [`@${CORE}.Description`]: "Starts it (in line)." }, count: { $Function: "T.count" } },
    $Annotations: {
      "self.C/count": { [`@${CORE}.Description`]: "Counts them (block)." },
      "self.C/start": { [`@${CORE}.Revisions`]: [{ Kind: "Deprecated", Description: "Use count" }] },
    },
  },
}, null, 2);

describe.each([["i.xml", IMPORTS_XML], ["i.json", IMPORTS_JSON]])("annotations on function and action imports (%s)", (file, content) => {
  test.each([["whole", undefined], ["sliced", ["T.count", "T.run"]]])("%s: an import's Core.Description and deprecation, in line or out of line, are its function's doc comment", (_, include) => {
    const r = run(file, content, include);
    expect(r.diagnostics.filter((d) => d.code.startsWith("ODG1"))).toEqual([]);
    const code = r.files.get("T.requests.ts") as string;
    expect(docOf(code, "start")).toBe("/**\n * Starts it (in line).\n *\n * Action `T.run` (imported as `/start`).\n *\n * @deprecated Use count\n */\n");
    expect(docOf(code, "count")).toBe("/**\n * Counts them (block).\n *\n * The count function.\n *\n * Function `T.count` (imported as `/count`).\n */\n");
  });
});

test("an import and its operation both deprecated: both reasons, the import's first, a reason the same as the other's once", () => {
  const revision = (reason?: string) => `<Annotation Term="${CORE}.Revisions"><Collection><Record><PropertyValue Property="Kind" EnumMember="${CORE}.RevisionKind/Deprecated"/>${reason === undefined ? "" : `<PropertyValue Property="Description" String="${reason}"/>`}</Record></Collection></Annotation>`;
  const doc = (imported?: string, own?: string) => {
    const xml = edmx(schema("T", `
      <Action Name="run">${own === undefined ? "" : revision(own === "" ? undefined : own)}</Action>
      <EntityContainer Name="C"><ActionImport Name="start" Action="T.run">${imported === undefined ? "" : revision(imported === "" ? undefined : imported)}</ActionImport></EntityContainer>`));
    return (docOf(run("d.xml", xml).files.get("T.requests.ts") as string, "start") ?? "").replace(/^[\s\S]*?(?= \* @deprecated)|\s*\*\/\n$/g, "");
  };
  expect(doc("Use count", "Replaced by run2")).toBe(" * @deprecated Use count\n * Action `T.run` itself: Replaced by run2");
  expect(doc("Use count", "Use count")).toBe(" * @deprecated Use count");
  expect(doc(undefined, "Replaced by run2")).toBe(" * @deprecated Replaced by run2");
  expect(doc("Use count", undefined)).toBe(" * @deprecated Use count");
  // A revision without a Description says no more than the other's reason.
  expect(doc("", "Replaced by run2")).toBe(" * @deprecated Replaced by run2");
  expect(doc("Use count", "")).toBe(" * @deprecated Use count");
});

test("an import repeating its operation's Description shows it once, then the operation's LongDescription", () => {
  const xml = edmx(schema("T", `
    <Function Name="count">${desc("Counts items.")}${desc("Every item, whatever its state.", "LongDescription")}<ReturnType Type="Edm.Int32"/></Function>
    <EntityContainer Name="C"><FunctionImport Name="count" Function="T.count">${desc("Counts items.")}</FunctionImport></EntityContainer>`));
  const code = run("d.xml", xml).files.get("T.requests.ts") as string;
  expect(docOf(code, "count")).toBe("/**\n * Counts items.\n *\n * Every item, whatever its state.\n *\n * Function `T.count` (imported as `/count`).\n */\n");
});

describe("an operation annotated inline and out of line with one term", () => {
  const xml = edmx(schema("T", `<EntityType Name="item">${KEYED}</EntityType>
    <Action Name="a" IsBound="true"><Parameter Name="b" Type="T.item"/><Parameter Name="x" Type="Edm.String">${desc("inline x")}</Parameter>${desc("inline a")}</Action>
    ${block("T.a(T.item)", desc("block a"))}${block("T.a/x", desc("block x") + desc("long x", "LongDescription"))}
    <EntityContainer Name="C"><EntitySet Name="items" EntityType="T.item"/></EntityContainer>`));

  test.each([["whole", undefined], ["sliced", ["T.item"]]])("%s: the element's own is kept, the block's reported (ODG104); other terms apply", (_, include) => {
    const r = run("d.xml", xml, include);
    // (A slice's own notes, ODG3xx, aside.)
    expect(r.diagnostics.filter((d) => d.code.startsWith("ODG1")).map((d) => [d.severity, d.code, d.path])).toEqual([["warning", "ODG104", "T.a"], ["warning", "ODG104", "T.a/x"]]);
    const code = r.files.get("T.requests.ts") as string;
    expect(docOf(code, "a")).toContain("inline a");
    expect(code).toContain("/**\n     * inline x\n     *\n     * long x\n     */");
    expect(code).not.toContain("block");
  });
});

describeWithGraph("operation annotations in Microsoft Graph v1.0")("Microsoft Graph v1.0: operation annotations out of line", () => {
  const text = () => fs.readFileSync(GRAPH, "utf8");

  test("each of the 40 Core.Description blocks on an action or function overload reaches its doc comment", () => {
    const content = text();
    const wanted = [...content.matchAll(/<Annotations Target="[^"]*\([^"]*"[^>]*>([\s\S]*?)<\/Annotations>/g)]
      .flatMap((m) => [...m[1].matchAll(/Term="Org\.OData\.Core\.V1\.Description" String="([^"]*)"/g)].map((d) => d[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&")));
    expect(wanted).toHaveLength(40);
    const r = generate({ inputs: [{ file: GRAPH, content }] });
    const code = r.files.get("microsoft.graph.requests.ts") as string;
    expect(wanted.filter((w) => !code.includes(w))).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === "ODG103" && d.path.includes("("))).toEqual([]);
  }, 120_000);

  test("a slice that keeps the type an action is bound to gives it its description", () => {
    const r = generate({ inputs: [{ file: GRAPH, content: text() }], include: ["microsoft.graph.windowsAutopilotDeviceIdentity"] });
    expect(docOf(r.files.get("microsoft.graph.requests.ts") as string, "assignUserToDevice")).toContain(" * Assigns user to Autopilot devices.\n");
  }, 120_000);
});

// A type's name is no string: a backtick or a quote in it (names CSDL forbids, odatagen takes) does
// not hide the comma after it in a target's signature.
test("a target's signature naming a type whose name has a backtick or a quote names its overload", () => {
  const doc = edmx(schema("Q", `
    <EntityType Name="back\`tick">${KEYED}</EntityType>
    <EntityType Name="it's">${KEYED}</EntityType>
    <Function Name="f" IsBound="true"><Parameter Name="it" Type="Q.back\`tick"/><Parameter Name="x" Type="Edm.String"/><ReturnType Type="Edm.String"/></Function>
    <Function Name="f" IsBound="true"><Parameter Name="it" Type="Q.back\`tick"/><Parameter Name="y" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Function>
    <Function Name="g" IsBound="true"><Parameter Name="it" Type="Q.it's"/><Parameter Name="x" Type="Edm.String"/><ReturnType Type="Edm.String"/></Function>
    <Function Name="g" IsBound="true"><Parameter Name="it" Type="Q.it's"/><Parameter Name="y" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Function>
    ${block("Q.f(Q.back`tick, Edm.String)", desc("The text one."))}
    ${block("Q.g(Q.it's, Edm.Int32)", desc("The number one."))}
    <EntityContainer Name="C"><EntitySet Name="things" EntityType="Q.back\`tick"/><EntitySet Name="its" EntityType="Q.it's"/></EntityContainer>`));
  const r = run("q.xml", doc);
  expect(r.diagnostics.filter((d) => d.code === "ODG103")).toEqual([]);
  const all = [...r.files.values()].join("");
  expect(all).toContain(" * The text one.\n");
  expect(all).toContain(" * The number one.\n");
});
