// CSDL JSON as input: the same generated output as the same metadata in CSDL XML (the corpus twins,
// and fixtures written as JSON by test/helpers/csdl-json.ts), diagnostics at line:column with the
// element's path, and a JSON reader that keeps positions and survives hostile input.
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticBag, formatDiagnostic, GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { readCsdl } from "../generator/parse/read";
import { parseJson, type JsonObject } from "../generator/parse/json-values";
import { SourceText } from "../generator/parse/source";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { scratch } from "./helpers/cli";

const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");

/**
 * generate() of one input, its result or what it threw; the last two kept, since each twin's output
 * is then asked for its diagnostics (`output` and `diagnosticsOf` of the same input and include).
 */
const lastRuns: { key: string; run: { result: ReturnType<typeof generate> } | { thrown: unknown } }[] = [];
function generated(file: string, content: string, include?: string[]): ReturnType<typeof generate> {
  const key = JSON.stringify([file, content, include]);
  let found = lastRuns.find((r) => r.key === key);
  if (!found) {
    let run: (typeof lastRuns)[number]["run"];
    try {
      run = { result: generate({ inputs: [{ file, content }], include }) };
    } catch (e) {
      run = { thrown: e };
    }
    found = { key, run };
    lastRuns.unshift(found);
    lastRuns.length = Math.min(lastRuns.length, 2);
  }
  if ("thrown" in found.run) throw found.run.thrown;
  return found.run.result;
}

/** Generated files with the source name in headers taken out. */
function output(file: string, content: string, include?: string[]): Map<string, string> {
  const files = generated(file, content, include).files;
  return new Map([...files].map(([k, v]) => [k, v.split(file).join("<input>")]));
}

/**
 * generate()'s diagnostics (code, severity, path and message; a place named in a message without its
 * line), thrown or not, sorted: a slice of XML reports some as it reads an element, JSON's as it declares it.
 */
function diagnosticsOf(content: string, include?: string[]): string[] {
  const show = (d: { code: string; severity: string; path: string; message: string }) => `${d.code} ${d.severity} ${d.path}: ${d.message.replace(/spec:\d+/g, "spec")}`;
  try {
    return generated("spec", content, include).diagnostics.map(show).sort();
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.map(show).sort();
  }
}

/**
 * An XML document's diagnostics in the words the same mistakes get in its JSON twin (model/wording.ts):
 * the ones these fixtures and corpus documents make.
 */
function inJsonWords(diagnostics: string[]): string[] {
  return diagnostics.map((d) => d.replace("<Function> has no <ReturnType>", "a function has no $ReturnType").replace(/\(edmx:Reference Uri=/g, "($Reference member ")
    .replace(/NavigationPropertyBinding Target (\S+)/g, (_, target: string) => `$NavigationPropertyBinding target ${JSON.stringify(target)}`)
    .replace(/NavigationPropertyBinding Path (\S+)/g, (_, path: string) => `$NavigationPropertyBinding member ${JSON.stringify(path)}`));
}

/** The lines in which two outputs differ, as `file: - xml | + json`. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const f of new Set([...a.keys(), ...b.keys()])) {
    const x = (a.get(f) ?? "(missing)").split("\n");
    const y = (b.get(f) ?? "(missing)").split("\n");
    for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push(`${f}: - ${x[i]} | + ${y[i]}`);
  }
  return out;
}

function read(text: string, file = "in.json") {
  const diags = new DiagnosticBag();
  const doc = readCsdl(file, text, diags);
  return { doc, diags: diags.items.map((d) => [d.code, d.severity, `${d.line}:${d.column}`, d.path, d.message]) };
}

const twins = fs.existsSync(CORPUS) ? ["odata-csdl-example", "oasis-csdl-miscellaneous-v4.01"] : [];
if (!twins.length) console.warn(`SKIPPED: ${CORPUS} is absent (../shared/corpus), so the CSDL JSON corpus twins are not compared`);
const twinTest = twins.length ? test.each(twins) : test.skip.each(["(no corpus)"]);

describe("the same metadata as CSDL JSON and CSDL XML generates the same code", () => {
  twinTest("corpus twin %s", (name) => {
    const xml = output(`${name}.xml`, fs.readFileSync(path.join(CORPUS, `${name}.xml`), "utf8"));
    const json = output(`${name}.json`, fs.readFileSync(path.join(CORPUS, `${name}.json`), "utf8"));
    expect(json.size).toBeGreaterThan(3);
    // CSDL XML's absent Scale is 0, CSDL JSON's `variable`: JSON writes `$Scale: 0` both where XML
    // wrote Scale="0" and where it left Scale out, which the validators read leniently (README,
    // "What is checked"); JSON's 0 is read so, and the one type definition that wrote 0 differs
    // (IntegerDecimal, and a property of that type with a Precision of its own), in the validators and
    // in the doc comments that say what the facets allow (three parameters with Precision and Scale 0).
    const decimal = "org.example.requests.ts: -     /** Edm.Decimal (up to 4 digits, none after the point) */ | +     /** Edm.Decimal (up to 4 digits before the point) */";
    const known = name === "oasis-csdl-miscellaneous-v4.01"
      ? ["Model1.types.ts: -  * Type definition `Model1.IntegerDecimal` (Edm.Decimal, no digits after the point). | +  * Type definition `Model1.IntegerDecimal` (Edm.Decimal).",
        "Model1.validators.ts: -   vr.checkDecimal(v, ctx, key, undefined, 0); | +   vr.checkDecimal(v, ctx, key);",
        "Model1.validators.ts: -   vr.checkDecimal(v, ctx, key, 20, 0); | +   vr.checkDecimal(v, ctx, key, 20);",
        decimal, decimal, decimal]
      : [];
    expect(differences(xml, json)).toEqual(known);
  });

  test("a CSDL JSON document written by hand, as the spec writes it, and its XML twin: the same code and no diagnostics", () => {
    // The annotations the generated code reads (Core.Description, Computed, Immutable, Revisions,
    // OptionalParameter, OptimisticConcurrency, KeyAsSegmentSupported) in place, in $Annotations,
    // qualified and annotated; enum members as strings; each facet and default.
    const run = (file: string) => {
      const r = generate({ inputs: [{ file: "spec", content: fs.readFileSync(path.join(FIXTURES_DIR, "csdl-json", file), "utf8") }] });
      return { files: r.files, diagnostics: r.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`) };
    };
    const xml = run("twin.xml");
    const json = run("twin.json");
    expect(json.diagnostics).toEqual([]);
    expect(xml.diagnostics).toEqual([]);
    expect(differences(xml.files, json.files)).toEqual([]);
    const types = json.files.get("Twin.Shop.types.ts") ?? "";
    expect(types).toContain("@deprecated Use Note");
    expect(types).toContain("@deprecated Always midnight");
    expect(types).toContain("The category's name");
    expect(json.files.get("Twin.Shop.validators.ts")).toContain('vr.p(o["Since"], ctx, "Since", vr.checkTimeOfDay, vr.COMPUTED | vr.NULLABLE');
  });

  test("a container that lists a function import before an action import: the request functions in XML's order", () => {
    // TripPin's container: FunctionImport, then ActionImport. XML lists action imports first.
    const xml = `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="n">
  <Function Name="near"><ReturnType Type="Edm.String"/></Function>
  <Action Name="reset"/>
  <EntityContainer Name="c"><FunctionImport Name="near" Function="n.near"/><ActionImport Name="reset" Action="n.reset"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
    const json = `{ "$Version": "4.0", "$EntityContainer": "n.c", "n": {
  "near": [{ "$Kind": "Function", "$ReturnType": { "$Nullable": true } }],
  "reset": [{ "$Kind": "Action" }],
  "c": { "$Kind": "EntityContainer", "near": { "$Function": "n.near" }, "reset": { "$Action": "n.reset" } } } }`;
    const requests = output("spec", json).get("n.requests.ts") ?? "";
    expect(requests.indexOf("export function reset(")).toBeLessThan(requests.indexOf("export function near("));
    expect(differences(output("spec", xml), output("spec", json))).toEqual([]);
  });

  const converted = fs.existsSync(CORPUS)
    ? ["trippin-v4.xml", "northwind-v4.xml", "oasis-containment-v4.xml", "aspnetcore-library-v4.xml", "graph-beta-securityCopilot-excerpt.xml", "vocab-org-odata-core-v1.xml", "sap-cloud-sdk-api-test-srv-v4.edmx"]
    : [];
  (converted.length ? test.each(converted) : test.skip.each(["(no corpus)"]))("corpus document %s, written as CSDL JSON", (file) => {
    const text = fs.readFileSync(path.join(CORPUS, file), "utf8").replace(/ Precision="0"/g, "");
    const xml = output("spec", text);
    const json = xmlToCsdlJson(file, text);
    expect(differences(xml, output("spec", json))).toEqual([]);
    expect(xml.size).toBeGreaterThan(3);
    // SAP's test service is in OData V2's XML namespaces and has XML attributes CSDL does not define:
    // XML-only warnings, which its JSON form cannot carry.
    if (!file.startsWith("sap-")) for (const include of [undefined, ["**"]]) expect(diagnosticsOf(json, include)).toEqual(inJsonWords(diagnosticsOf(text, include)));
  });

  (fs.existsSync(CORPUS) ? test : test.skip)("Graph v1.0 written as CSDL JSON: the same lines, its operations' overloads together", () => {
    // CSDL JSON writes an operation's overloads as one array, where Graph's XML has other
    // operations between them: the request functions come in that order. Graph also names a complex
    // type and a function `image`, which one JSON object cannot hold both of: the function is renamed.
    const text = fs.readFileSync(path.join(CORPUS, "graph-v1.0-clean.xml"), "utf8").replace(/<(Function|Action) Name="image"/g, '<$1 Name="image_op"');
    const sorted = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k, v.split("\n").sort().join("\n")]));
    const xml = output("spec", text);
    const json = output("spec", xmlToCsdlJson("graph.xml", text));
    expect(differences(sorted(xml), sorted(json))).toEqual([]);
    expect(differences(xml, json).length).toBeGreaterThan(0);
  });

  test.each(["enums", "inheritance", "orders", "trippin-lite", "validation", ...fs.readdirSync(path.join(FIXTURES_DIR, "requests")).filter((f) => f.endsWith(".xml")).map((f) => `requests/${f.slice(0, -4)}`)])("fixture %s, written as CSDL JSON", (name) => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, `${name}.xml`), "utf8");
    const json = xmlToCsdlJson(`${name}.xml`, text);
    expect(json).toContain('"$Version"');
    // JSON's `$Precision: 0` on a temporal type, and a Decimal's `$Scale: 0`, are read as XML's absent
    // Precision and Scale (leniently; see asXmlFacets): converters write them for that, so XML's
    // declared 0 reads as absent when written as JSON.
    const lenient = (xml: string) => xml.replace(/ (Precision|Scale)="0"/g, "");
    const a = output("spec", lenient(text));
    expect(differences(a, output("spec", json))).toEqual([]);
    expect(a.size).toBeGreaterThan(3);
    // The same diagnostics too, whole and in a slice of everything (which reads types lazily).
    for (const include of [undefined, ["**"]]) expect(diagnosticsOf(json, include)).toEqual(inJsonWords(diagnosticsOf(lenient(text), include)));
  });

  test.each(["requests/restrictions", "requests/query-restrictions", "requests/custom-query-options"])("fixture %s as CSDL JSON writes paths, plain strings: what the restrictions say is read", (name) => {
    // CSDL JSON 4.01 ("Navigation Property Path", "Property Path") writes such a path as a string (the
    // OASIS examples: "NonUpdatableNavigationProperties": ["Supplier"]); the term's type says it is a path.
    const text = fs.readFileSync(path.join(FIXTURES_DIR, `${name}.xml`), "utf8").replace(/ (Precision|Scale)="0"/g, "");
    const json = xmlToCsdlJson(`${name}.xml`, text).replace(/\{\s*"\$(?:Navigation)?PropertyPath":\s*("(?:[^"\\]|\\.)*")\s*\}/g, "$1");
    expect(json).not.toContain("PropertyPath");
    expect(differences(output("spec", text), output("spec", json))).toEqual([]);
  });

  test("a slice of a JSON document reports nothing of the enum types and operations it leaves out, as the slice of its XML twin", () => {
    // An enum type naming a member twice (an error) and two overloads that clash (a warning), neither
    // of which the slice /ts/** keeps; and a block annotating a parameter of an operation it keeps.
    const xml = `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="e">
  <EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
  <EnumType Name="en"><Member Name="A" Value="1"/><Member Name="A" Value="2"/></EnumType>
  <Function Name="f"><Parameter Name="p" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Function>
  <Function Name="f"><Parameter Name="p" Type="Edm.Int32"/><ReturnType Type="Edm.Int32"/></Function>
  <Action Name="go" IsBound="true"><Parameter Name="b" Type="e.t"/><Parameter Name="n" Type="Edm.Int32"/></Action>
  <Annotations Target="e.go/n"><Annotation Term="Org.OData.Core.V1.OptionalParameter"><Record/></Annotation></Annotations>
  <EntityContainer Name="c"><EntitySet Name="ts" EntityType="e.t"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
    const json = `{ "$Version": "4.0", "$EntityContainer": "e.c", "e": {
  "t": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" } },
  "en": { "$Kind": "EnumType", "A": 1, "A": 2 },
  "f": [{ "$Kind": "Function", "$Parameter": [{ "$Name": "p", "$Type": "Edm.Int32", "$Nullable": true }], "$ReturnType": { "$Nullable": true } },
    { "$Kind": "Function", "$Parameter": [{ "$Name": "p", "$Type": "Edm.Int32", "$Nullable": true }], "$ReturnType": { "$Type": "Edm.Int32", "$Nullable": true } }],
  "go": [{ "$Kind": "Action", "$IsBound": true, "$Parameter": [{ "$Name": "b", "$Type": "e.t", "$Nullable": true }, { "$Name": "n", "$Type": "Edm.Int32", "$Nullable": true }] }],
  "$Annotations": { "e.go/n": { "@Org.OData.Core.V1.OptionalParameter": {} } },
  "c": { "$Kind": "EntityContainer", "ts": { "$Collection": true, "$Type": "e.t" } } } }`;
    expect(diagnosticsOf(xml, ["/ts/**"]).filter((d) => !d.startsWith("ODG305"))).toEqual([]);
    expect(diagnosticsOf(json, ["/ts/**"]).filter((d) => !d.startsWith("ODG305"))).toEqual([]);
    const sliced = output("spec", json, ["/ts/**"]);
    expect(differences(output("spec", xml, ["/ts/**"]), sliced)).toEqual([]);
    expect(sliced.get("e.requests.ts")).toContain('"n"?: number | null');
    // The whole document still reports both, in either form.
    expect(diagnosticsOf(json).map((d) => d.slice(0, 6))).toEqual(["ODG104", "ODG104"]);
  });

  test("a slice (--include) of a JSON document is the slice of its XML twin", () => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), "utf8");
    const json = xmlToCsdlJson("trippin-lite.xml", text);
    for (const include of [["/People/**"], ["Travel.Lite.Airline"]]) {
      const sliced = output("spec", json, include);
      expect(differences(output("spec", text, include), sliced)).toEqual([]);
      expect(sliced.size).toBeLessThan(output("spec", json).size + 1);
    }
  });

  test("a slice of a JSON document applies each type's own annotations once, as the slice of its XML twin (no 'applied twice' warning)", () => {
    const run = (file: string, include: string[]) => {
      const r = generate({ inputs: [{ file: "spec", content: fs.readFileSync(path.join(FIXTURES_DIR, "csdl-json", file), "utf8") }], include });
      return { files: r.files, diagnostics: r.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`) };
    };
    for (const include of [["Twin.Shop.*"], ["/Products/**"]]) {
      const xml = run("twin.xml", include);
      const json = run("twin.json", include);
      expect(json.diagnostics).toEqual(xml.diagnostics);
      expect(differences(xml.files, json.files)).toEqual([]);
      expect(json.files.get("Twin.Shop.types.ts")).toContain("Anything sold");
    }
  });

  test("odatagen diff finds no change between a document and its JSON twin", () => {
    const dir = scratch();
    const text = fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8");
    fs.writeFileSync(path.join(dir, "orders.xml"), text);
    fs.writeFileSync(path.join(dir, "orders.json"), xmlToCsdlJson("orders.xml", text));
    const before = loadSummary([path.join(dir, "orders.xml")]);
    expect(compareSummaries(before, loadSummary([path.join(dir, "orders.json")])).changes).toEqual([]);
    fs.writeFileSync(path.join(dir, "orders.json"), xmlToCsdlJson("orders.xml", text.replace(/<Property Name="(\w+)" Type="Edm.String"/, '<Property Name="$1" Type="Edm.Int32"')));
    expect(compareSummaries(before, loadSummary([path.join(dir, "orders.json")])).changes.length).toBeGreaterThan(0);
  });
});

describe("CSDL JSON's defaults are read as CSDL JSON defines them", () => {
  const doc = `{
  "$Version": "4.01",
  "n": {
    "t": { "$Kind": "ComplexType",
      "a": {},
      "b": { "$Nullable": true, "$Collection": true },
      "c": { "$Type": "Edm.Decimal" },
      "d": { "$Type": "Edm.Decimal", "$Scale": 2, "$Precision": 5 },
      "e": { "$Type": "Edm.DateTimeOffset", "$Precision": 0 },
      "@Core.Description": "T"
    },
    "k": { "$Kind": "EnumType", "$IsFlags": true, "A": 1, "A@Core.Description": "a", "B": 2 },
    "f": [{ "$Kind": "Function", "$Parameter": [{ "$Name": "p", "$Type": "n.t", "$Nullable": true }], "$ReturnType": {} }],
    "c": { "$Kind": "EntityContainer", "s": { "$Type": "n.t" }, "i": { "$Function": "n.f" } },
    "$Annotations": { "n.t/a": { "@Core.Description#q": "A", "@Core.Description#q@Core.Description": "not read" } }
  }
}`;

  test("$Type Edm.String, $Nullable false, a Decimal's $Scale variable; XML's defaults left out", () => {
    const { doc: raw, diags } = read(doc);
    expect(diags).toEqual([]);
    const s = raw!.schemas[0];
    const props = s.complexTypes[0].properties.map((p) => [p.name, p.type, p.nullable, p.scale, p.precision]);
    expect(props).toEqual([
      ["a", "Edm.String", "false", undefined, undefined],
      ["b", "Collection(Edm.String)", "true", undefined, undefined],
      ["c", "Edm.Decimal", "false", "variable", undefined],
      ["d", "Edm.Decimal", "false", "2", "5"],
      ["e", "Edm.DateTimeOffset", "false", undefined, undefined],
    ]);
    expect(s.complexTypes[0].annotations.map((a) => [a.term, a.value])).toEqual([["Core.Description", { kind: "constant", type: "String", value: "T" }]]);
    expect(s.enumTypes[0]).toMatchObject({ isFlags: "true", members: [{ name: "A", value: "1", annotations: [{ term: "Core.Description" }] }, { name: "B", value: "2", annotations: [] }] });
    expect(s.functions[0]).toMatchObject({ kind: "function", parameters: [{ name: "p", type: "n.t", nullable: "true" }], returnType: { type: "Edm.String", nullable: "false" } });
    expect(s.containers[0].singletons.map((x) => [x.name, x.type, x.nullable])).toEqual([["s", "n.t", undefined]]);
    expect(s.containers[0].imports.map((x) => [x.kind, x.name, x.operation])).toEqual([["function", "i", "n.f"]]);
    expect(s.annotationGroups.map((g) => [g.target, g.annotations.map((a) => [a.term, a.qualifier])])).toEqual([["n.t/a", [["Core.Description", "q"]]]]);
  });

  test("members are located at their names (line:column)", () => {
    const { doc: raw } = read(doc);
    const source = raw!.schemas[0].at.source;
    const where = (offset: number) => `${source.position(offset).line}:${source.position(offset).column}`;
    expect(where(raw!.schemas[0].at.offset)).toBe("3:3");
    expect(raw!.schemas[0].complexTypes[0].properties.map((p) => where(p.at.offset))).toEqual(["5:7", "6:7", "7:7", "8:7", "9:7"]);
    expect(where(raw!.schemas[0].functions[0].parameters[0].at.offset)).toBe("13:49");
  });

  test("an enum member's annotation is read whether it comes before or after the member (JSON's members have no order)", () => {
    const { doc: raw, diags } = read(`{ "$Version": "4.01", "n": { "e": { "$Kind": "EnumType", "A@Core.Description": "a", "A": 1, "B": 2, "B@Core.Description#q": "b" } } }`);
    expect(diags).toEqual([]);
    expect(raw!.schemas[0].enumTypes[0].members.map((m) => [m.name, m.annotations.map((a) => [a.term, a.qualifier, a.value])])).toEqual([
      ["A", [["Core.Description", undefined, { kind: "constant", type: "String", value: "a" }]]],
      ["B", [["Core.Description", "q", { kind: "constant", type: "String", value: "b" }]]],
    ]);
  });

  test("$DefaultValue null is no default value (not the text \"null\"), as a property without DefaultValue in XML; on one not nullable a warning", () => {
    const json = `{ "$Version": "4.01", "n": {
      "t": { "$Kind": "ComplexType", "a": { "$DefaultValue": null }, "b": { "$Nullable": true, "$DefaultValue": null }, "c": { "$DefaultValue": "x" } },
      "k": { "$Kind": "Term", "$DefaultValue": null } } }`;
    const { doc: raw, diags } = read(json);
    // As XML's DefaultValue="null" on a property that is not nullable.
    expect(diags).toEqual([["ODG102", "warning", "2:62", "n.t/a", "$DefaultValue is null, which a (not nullable) cannot hold; it is ignored"]]);
    expect(raw!.schemas[0].complexTypes[0].properties.map((p) => p.defaultValue)).toEqual([undefined, undefined, "x"]);
    expect(raw!.schemas[0].terms[0].defaultValue).toBeUndefined();
    const xml = `<edmx:Edmx Version="4.01" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
      <Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="t"><Property Name="a" Type="Edm.String" Nullable="false" />
      <Property Name="b" Type="Edm.String" /><Property Name="c" Type="Edm.String" Nullable="false" DefaultValue="x" /></ComplexType>
      <Term Name="k" Type="Edm.String" Nullable="false" /></Schema></edmx:DataServices></edmx:Edmx>`;
    expect(differences(output("spec", xml), output("spec", json))).toEqual([]);
  });

  test("$EntityContainer names the service's container when a document has two; one it does not define is a warning", () => {
    const doc = (name: string) => `{ "$Version": "4.01", "$EntityContainer": "${name}", "n": {
      "e": { "$Kind": "EntityType", "$Key": ["id"], "id": {} },
      "Old": { "$Kind": "EntityContainer", "olds": { "$Collection": true, "$Type": "n.e" } },
      "Main": { "$Kind": "EntityContainer", "mains": { "$Collection": true, "$Type": "n.e" } } } }`;
    const r = generate({ inputs: [{ file: "in.json", content: doc("n.Main") }] });
    expect(r.model.container?.qualifiedName).toBe("n.Main");
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ["ODG104", "n.Old", "a second entity container n.Old (CSDL §13: a service has exactly one; n.Main at in.json:4 is the service's); it is left out"],
    ]);
    expect(read(doc("n.Mian")).diags).toEqual([
      ["ODG103", "warning", "1:43", "(document)", '$EntityContainer names "n.Mian", which is no entity container of this document (CSDL JSON §4: the namespace-qualified name of the service\'s container); did you mean n.Main?'],
    ]);
  });

  test("Core.Revisions Kind as CSDL JSON may write it (Deprecated, or its value 2) gives @deprecated", () => {
    for (const kind of ['"Deprecated"', '"2"', "2", '"Org.OData.Core.V1.RevisionKind/Deprecated"']) {
      const json = `{ "$Version": "4.01", "n": { "t": { "$Kind": "ComplexType",
        "p": { "@Org.OData.Core.V1.Revisions": [{ "Kind": ${kind}, "Description": "gone" }] } } } }`;
      expect([kind, output("in.json", json).get("n.types.ts")]).toEqual([kind, expect.stringContaining("@deprecated gone")]);
    }
  });

  test("an integer annotation value beyond Edm.Int64 is a Decimal constant, not reported as a bad Int", () => {
    const json = `{ "$Version": "4.01", "n": { "t": { "$Kind": "ComplexType", "p": { "$Type": "Edm.Decimal", "@Org.OData.Validation.V1.Maximum": 123456789012345678901234567890, "@Org.OData.Validation.V1.Minimum": -9223372036854775808 } } } }`;
    const r = generate({ inputs: [{ file: "in.json", content: json }] });
    expect(r.diagnostics).toEqual([]);
    expect(r.model.schemas[0].types[0].kind === "complex" && r.model.schemas[0].types[0].properties[0].annotations.map((a) => a.value)).toEqual([
      { kind: "constant", type: "Decimal", value: "123456789012345678901234567890" },
      { kind: "constant", type: "Int", value: "-9223372036854775808" },
    ]);
  });
});

describe("mistakes in CSDL JSON are reported where they are, with the XML reader's codes", () => {
  const wrap = (schema: string) => `{\n  "$Version": "4.0",\n  "n": {\n${schema}\n  }\n}\n`;
  test.each([
    ["not well-formed: a missing comma", `{\n  "$Version": "4.0"\n  "n": {}\n}`, [["ODG002", "error", "3:3", "$Version", "not well-formed JSON: expected ',' or '}' after a property value, found '\"'"]]],
    ["not well-formed: cut short in a type", `{\n  "$Version": "4.0",\n  "n": {\n    "t": { "$Kind": "ComplexType", "p": { "$Type": "Edm.String"`, [["ODG002", "error", "4:64", "n.t/p", "not well-formed JSON: expected ',' or '}' after a property value, found the end of the file"]]],
    ["JSON that is not CSDL JSON (ODG003)", `{ "value": [] }`, [["ODG003", "error", "1:1", "(document)", "the input is JSON but not CSDL JSON (it has no $Version member): give odatagen a CSDL XML or CSDL JSON document ($metadata)"]]],
    ["a JSON array, after a byte-order mark and blank lines (ODG003)", `\ufeff\n\n  [1, 2]`, [["ODG003", "error", "3:3", "(document)", "the input is a JSON array, not CSDL JSON: a CSDL JSON document is one object with a $Version member (CSDL JSON §4.1): give odatagen a CSDL XML or CSDL JSON document ($metadata)"]]],
    ["a JSON array holding a CSDL JSON document (ODG003, where that object starts)", `[\n  {},\n  { "$Version": "4.0", "n": {} }\n]`, [["ODG003", "error", "1:1", "(document)", "the input is a JSON array, not CSDL JSON: a CSDL JSON document is one object with a $Version member (CSDL JSON §4.1); the object at 3:3 in it is one: give odatagen that object alone"]]],
    ["an OData error response saved in place of the metadata (ODG003, its code and message)", `{"error":{"code":"InvalidAuthenticationToken","message":"Access token is empty.","innerError":{}}}`, [["ODG003", "error", "1:1", "(document)", "the input is an OData error response, not metadata (InvalidAuthenticationToken: Access token is empty.): the service refused the request for its $metadata; give odatagen a CSDL XML or CSDL JSON document ($metadata)"]]],
    ["OData 2.0's error response, its message an object (ODG003)", `{"error":{"code":"005056A509B11EE1","message":{"lang":"en","value":"Resource not found"}}}`, [["ODG003", "error", "1:1", "(document)", "the input is an OData error response, not metadata (005056A509B11EE1: Resource not found): the service refused the request for its $metadata; give odatagen a CSDL XML or CSDL JSON document ($metadata)"]]],
    ["a JSON string, read as JSON, not as XML (ODG003)", `"hello"`, [["ODG003", "error", "1:1", "(document)", "the input is JSON but not CSDL JSON (it has no $Version member): give odatagen a CSDL XML or CSDL JSON document ($metadata)"]]],
    ["CSDL JSON of OData V3 (ODG005)", `{ "$Version": "3.0" }`, [["ODG005", "error", "1:15", "Edmx", 'CSDL JSON $Version "3.0" is not supported: odatagen reads OData V4 metadata (4.0 or 4.01)']]],
    ["no schema (ODG004)", `{ "$Version": "4.0" }`, [["ODG004", "error", "1:1", "Edmx", "the document has no schema (a member named by a namespace, whose value is an object)"]]],
  ])("%s", (_name, text, want) => {
    const { doc, diags } = read(text);
    expect(doc).toBeUndefined();
    expect(diags).toEqual(want);
  });

  test.each([
    ["a misspelt $Kind (ODG112, the element ignored)", `    "t": { "$Kind": "ComplexTyp" }`,
      [["ODG112", "warning", "4:21", "n.t", '$Kind "ComplexTyp" is not a kind CSDL JSON defines inside a schema: t is ignored (did you mean ComplexType?)']]],
    ["a $Kind of the wrong place (ODG112)", `    "t": { "$Kind": "Property" }`,
      [["ODG112", "warning", "4:21", "n.t", '$Kind "Property" is not a kind CSDL JSON defines inside a schema: t is ignored']]],
    ["an unknown $ member (ODG112, did you mean)", `    "t": { "$Kind": "ComplexType", "p": { "$Nulable": true } }`,
      [["ODG112", "warning", "4:43", "n.t/p", "$Nulable is not a member CSDL JSON defines on a property: it is ignored (did you mean $Nullable?)"]]],
    ["a $Type that is not a string (ODG102)", `    "t": { "$Kind": "ComplexType", "p": { "$Type": 5 } }`,
      [["ODG102", "error", "4:52", "n.t/p", "$Type must be a string, not the number 5"]]],
    ["a navigation property without $Type (ODG101)", `    "t": { "$Kind": "EntityType", "$Key": ["id"], "id": {}, "x": { "$Kind": "NavigationProperty" } }`,
      [["ODG101", "error", "4:61", "n.t/x", "x has no $Type member"]]],
    ["a schema member without $Kind (ODG101)", `    "t": {}`, [["ODG101", "error", "4:5", "n.t", "t has no $Kind member"]]],
    ["an operation written as an object", `    "f": { "$Kind": "Function" }`,
      [["ODG102", "error", "4:5", "n.f", "f is an Function written as an object: CSDL JSON writes an operation as an array of its overloads"]]],
    ["an entity set's $Collection that is not true (ODG102; a singleton has none)", `    "t": { "$Kind": "EntityType", "$Key": ["id"], "id": {} },\n    "C": { "$Kind": "EntityContainer", "S": { "$Collection": false, "$Type": "n.t" } }`,
      [["ODG102", "error", "5:62", "n.C/S", "an entity set's $Collection must be true, not false (a singleton has no $Collection)"]]],
    ["a boolean that is not one: read by the model's rule (ODG102 warning)", `    "t": { "$Kind": "ComplexType", "$Abstract": "yes" }`, []],
    ["a $Type written as XML writes a collection (ODG102 warning: read as $Collection: true, with or without it)", `    "t": { "$Kind": "ComplexType", "p": { "$Type": "Collection(Edm.Int32)" }, "q": { "$Collection": true, "$Type": "Collection(n.t)" } }`,
      [["ODG102", "warning", "4:52", "n.t/p", '$Type: "Collection(Edm.Int32)" is not a qualified type name (CSDL JSON writes a collection as $Collection: true); read as $Type: "Edm.Int32" with $Collection: true'],
        ["ODG102", "warning", "4:116", "n.t/q", '$Type: "Collection(n.t)" is not a qualified type name (CSDL JSON writes a collection as $Collection: true); read as $Type: "n.t" with $Collection: true']]],
  ])("%s", (_name, schema, want) => {
    const { diags } = read(wrap(schema));
    expect(diags).toEqual(want);
  });

  test("generate() stops on an error in a JSON input with file:line:column", () => {
    const text = wrap(`    "t": { "$Kind": "ComplexType", "p": { "$Type": "n.missing" } }`);
    try {
      generate({ inputs: [{ file: "svc.json", content: text }] });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(GenerationError);
      expect((e as GenerationError).diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.path])).toEqual([["ODG103", "svc.json", 4, 36, "n.t/p"]]);
    }
  });

  test("a $ member given twice in one object is an error at the second (JSON does not say which counts), as XML's attribute given twice", () => {
    const { diags } = read(wrap(`    "t": { "$Kind": "EntityType", "$Key": ["id"], "id": {}, "$Key": ["x"],
      "x": { "$Type": "Edm.Int32", "$Nullable": true, "$Type": "Edm.Guid" } },
    "$Alias": "a", "$Alias": "b"`));
    expect(diags).toEqual([
      ["ODG104", "error", "4:61", "n.t", "$Key is given twice in one object (first at 4:35); JSON does not say which one counts: keep one"],
      ["ODG104", "error", "5:55", "n.t/x", "$Type is given twice in one object (first at 5:14); JSON does not say which one counts: keep one"],
      ["ODG104", "error", "6:20", "n", "$Alias is given twice in one object (first at 6:5); JSON does not say which one counts: keep one"],
    ]);
  });

  test("a $ member given twice in an operation's parameter or return type has the path the reader gives them (n.f/a, n.f/$ReturnType)", () => {
    const { diags } = read(wrap(`    "f": [{ "$Kind": "Function", "$Parameter": [{ "$Name": "a", "$Type": "Edm.String" }, { "$Name": "b", "$Type": "Edm.String", "$Type": "Edm.Int32" }],
      "$ReturnType": { "$Type": "Edm.String", "$Nullable": true, "$Nullable": false } }]`));
    expect(diags.map((d) => [d[0], d[3], d[4].split(" ")[0]])).toEqual([["ODG104", "n.f/b", "$Type"], ["ODG104", "n.f/$ReturnType", "$Nullable"]]);
  });

  test("a $ member given twice inside an $Annotations target has the target's path, not the namespace again (A.Person/@Term)", () => {
    const { diags } = read(wrap(`    "t": { "$Kind": "ComplexType" },
    "$Annotations": { "n.t": { "@Org.OData.Core.V1.Description": { "$Path": "x", "$Path": "y" } } }`));
    expect(diags.map((d) => [d[0], d[3]])).toEqual([["ODG104", "n.t/@Org.OData.Core.V1.Description"]]);
    const cut = read(wrap(`    "$Annotations": { "n.t": { "@Org.OData.Core.V1.Description": { "$Path": "x"`).slice(0, -9));
    expect(cut.diags.map((d) => [d[0], d[3]])).toEqual([["ODG002", "n.t/@Org.OData.Core.V1.Description"]]);
  });

  test("an empty name or an empty required value is ODG101, as XML's empty attribute", () => {
    const { diags } = read(`{ "$Version": "4.01", "$Reference": { "": { "$Include": [{ "$Namespace": "" }] } },
  "n": {
    "": { "$Kind": "ComplexType" },
    "t": { "$Kind": "ComplexType", "": {} },
    "e": { "$Kind": "EnumType", "": 1 },
    "k": { "$Kind": "EntityType", "$Key": [""], "id": {} },
    "d": { "$Kind": "TypeDefinition", "$UnderlyingType": "" },
    "f": [{ "$Kind": "Function", "$Parameter": [{ "$Name": "" }], "$ReturnType": { "$Type": "" } }],
    "c": { "$Kind": "EntityContainer", "": { "$Collection": true, "$Type": "n.k" }, "s": { "$Type": "" }, "i": { "$Function": "" } },
    "$Annotations": { "": { "@Core.Description": "x" } }
  },
  "": { "x": { "$Kind": "ComplexType" } }, "": 5
}`);
    expect(diags.filter((d) => d[0] === "ODG101" || d[3] === "(document)")).toEqual([
      ["ODG101", "error", "1:39", "Reference", "a $Reference member (a document's URI) has an empty name"],
      ["ODG101", "error", "1:74", "Reference/Include", "an $Include has an empty $Namespace"],
      ["ODG101", "error", "3:5", "n", "a schema element has an empty name"],
      ["ODG101", "error", "4:36", "n.t", "a property has an empty name"],
      ["ODG101", "error", "5:33", "n.e", "an enum member has an empty name"],
      ["ODG101", "error", "6:44", "n.k/Key", "an item of $Key names no property (an empty string)"],
      ["ODG101", "error", "7:58", "n.d", "d has an empty $UnderlyingType"],
      ["ODG101", "error", "8:60", "n.f", "a parameter has an empty $Name"],
      ["ODG101", "error", "8:93", "n.f/$ReturnType", "$ReturnType has an empty $Type"],
      ["ODG101", "error", "9:40", "n.c", "an entity set, singleton or import has an empty name"],
      ["ODG101", "error", "9:101", "n.c/s", "s has an empty $Type"],
      ["ODG101", "error", "9:127", "n.c/i", "i has an empty $Function"],
      ["ODG101", "error", "10:23", "n", "an $Annotations member (a target path) has an empty name"],
      ["ODG101", "error", "12:3", "Schema", "a schema (a member of the document, named by its namespace) has an empty name"],
      ["ODG101", "error", "12:44", "Schema", "a schema (a member of the document, named by its namespace) has an empty name"],
      ["ODG102", "error", "12:48", "(document)", '"" must be an object, not the number 5'],
    ]);
  });

  test("a name that holds half of a surrogate pair (a \\ud800 escape) is refused, and printed as its escape", () => {
    const text = wrap(`    "t\\ud800": { "$Kind": "ComplexType", "p\\udc00q": {} }`);
    try {
      generate({ inputs: [{ file: "svc.json", content: text }] });
      throw new Error("no error");
    } catch (e) {
      expect((e as GenerationError).diagnostics.map(formatDiagnostic)).toEqual([
        'svc.json:4:5: error ODG102: type name "t\\ud800" holds half of a UTF-16 surrogate pair, which is no Unicode character (CSDL §15.2: names are simple identifiers) [n.t\\ud800]',
        'svc.json:4:42: error ODG102: property name "p\\udc00q" holds half of a UTF-16 surrogate pair, which is no Unicode character (CSDL §15.2: names are simple identifiers) [n.t\\ud800/p\\udc00q]',
      ]);
    }
  });
});

describe("the JSON reader keeps positions and survives hostile input", () => {
  test("each value and member name has its offset; numbers keep their digits; escapes are decoded", () => {
    const text = `{\n  "a": [1, -2.50e3, "x\\u00e9\\"y"],\n  "b": { "c": null, "d": true }\n}`;
    const parsed = parseJson(text);
    if (!("value" in parsed)) throw new Error("not parsed");
    const root = parsed.value as JsonObject;
    const source = new SourceText("t.json", text);
    const pos = (o: number) => `${source.position(o).line}:${source.position(o).column}`;
    expect(root.members.map((m) => [m.name, pos(m.at), pos(m.value.at)])).toEqual([["a", "2:3", "2:8"], ["b", "3:3", "3:8"]]);
    expect(root.members[0].value).toMatchObject({ kind: "array", items: [{ kind: "number", text: "1" }, { kind: "number", text: "-2.50e3" }, { kind: "string", value: 'xé"y' }] });
    expect(root.members[1].value).toMatchObject({ members: [{ name: "c", value: { kind: "null" } }, { name: "d", value: { kind: "boolean", value: true } }] });
  });

  test("__proto__ and constructor are names like any other, and a name given twice is kept twice", () => {
    const { doc, diags } = read(`{ "$Version": "4.0", "__proto__": { "constructor": { "$Kind": "ComplexType", "__proto__": {}, "toString": {} } },
      "n": { "t": { "$Kind": "ComplexType" } } }`);
    expect(diags).toEqual([]);
    expect(doc?.schemas.map((s) => [s.namespace, s.complexTypes.map((t) => [t.name, t.properties.map((p) => p.name)])])).toEqual([
      ["__proto__", [["constructor", ["__proto__", "toString"]]]], ["n", [["t", []]]],
    ]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  test("deep nesting is refused at the level past the limit, a long string is read", () => {
    const deep = `{ "$Version": "4.0", "n": ${"[".repeat(100000)}${"]".repeat(100000)} }`;
    const { diags } = read(deep);
    expect(diags.map((d) => [d[0], d[2], d[4]])).toEqual([["ODG002", "1:282", "not well-formed JSON: nesting deeper than 256 levels, which odatagen does not read"]]);
    const long = "x".repeat(5_000_000);
    const { doc } = read(`{ "$Version": "4.0", "n": { "t": { "$Kind": "ComplexType", "@Core.Description": "${long}" } } }`);
    expect(doc?.schemas[0].complexTypes[0].annotations[0].value).toEqual({ kind: "constant", type: "String", value: long });
  });

  test.each([
    ["a control character in a string", `{ "$Version": "4.0\u0001" }`, "1:19", "U+0001 inside a string (write it as an escape, e.g. \\n)"],
    ["an unclosed string", `{ "$Version": "4.0 }`, "1:15", 'a string that is never closed (no ending ")'],
    ["a trailing comma", `{ "$Version": "4.0", }`, "1:22", "'}' after a comma (JSON allows no trailing comma)"],
    ["a bad escape", `{ "$Version": "4\\x" }`, "1:17", "an invalid escape in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)"],
    ["text after the value", `{ "$Version": "4.0" } x`, "1:23", "'x' after the end of the JSON value"],
  ])("%s: ODG002 at its line:column", (_name, text, where, message) => {
    const { diags } = read(text);
    expect(diags.map((d) => [d[0], d[2], d[4]])).toEqual([["ODG002", where, `not well-formed JSON: ${message}`]]);
  });
});

test("members named as every object's properties (toString, hasOwnProperty, valueOf) are read as the names they are, and an unknown one is named as written", () => {
  const content = `{"$Version":"4.01","ns":{"c":{"$Kind":"ComplexType","toString":{},"hasOwnProperty":{"$Type":"Edm.Int32","$toString":1}},"valueOf":{"$Kind":"EnumType","hasOwnProperty":1}}}`;
  const diags = new DiagnosticBag();
  const doc = readCsdl("d.json", content, diags);
  const s = doc!.schemas[0];
  expect([s.complexTypes[0].properties.map((p) => p.name), s.enumTypes.map((e) => [e.name, e.members.map((m) => m.name)])]).toEqual([["toString", "hasOwnProperty"], [["valueOf", ["hasOwnProperty"]]]]);
  expect(diags.items.map((d) => [d.code, d.line, d.column, d.path, d.message])).toEqual([
    ["ODG112", 1, content.indexOf(`"$toString"`) + 1, "ns.c/hasOwnProperty", "$toString is not a member CSDL JSON defines on a property: it is ignored"],
  ]);
});
