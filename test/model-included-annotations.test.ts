// CSDL XML 4.01 §4.3, CSDL JSON 4.01 §4.3: edmx:IncludeAnnotations / $IncludeAnnotations select which
// annotation blocks of a followed document apply (model/included-annotations.ts); a document given
// as an input keeps all its annotations.
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { edmx, keyed, schema } from "./helpers/csdl";
import { createFollower, generate, type GenerateResult } from "../generator";
import type { StructuredType } from "../generator/model/types";

const CORE = "Org.OData.Core.V1";
const VALIDATION = "Org.OData.Validation.V1";
const vocabularies = `<edmx:Reference Uri="https://example.com/Core.xml"><edmx:Include Namespace="${CORE}" Alias="Core"/></edmx:Reference>
<edmx:Reference Uri="https://example.com/Validation.xml"><edmx:Include Namespace="${VALIDATION}" Alias="Validation"/></edmx:Reference>\n`;

/** The service: `A.Order` (name, qty, qty2) and `A.Other.Thing` (p), referencing `b.xml` with `selections`. */
const service = (selections: string) =>
  edmx(
    [
      schema("A", `${keyed("Order", `<Property Name="name" Type="Edm.String"/><Property Name="qty" Type="Edm.Int32"/><Property Name="qty2" Type="Edm.Int32"/>`)}
<EntityContainer Name="C"><EntitySet Name="Orders" EntityType="A.Order"/></EntityContainer>`),
      schema("A.Other", `<ComplexType Name="Thing"><Property Name="p" Type="Edm.String"/></ComplexType>`),
    ],
    `<edmx:Reference Uri="b.xml">${selections}</edmx:Reference>\n`,
  );

/** An annotations-only document as SAP publishes them: its own aliases for the service and the vocabularies. */
const annotationsOnly = edmx(
  schema("B.Annotations", `<Annotations Target="SVC.Order/name"><Annotation Term="Core.Description" String="the name"/></Annotations>
<Annotations Target="SVC.Order/qty"><Annotation Term="Validation.Minimum" Qualifier="Tablet" Int="5"/><Annotation Term="Validation.Minimum" Int="1"/></Annotations>
<Annotations Target="SVC.Order/qty2" Qualifier="Tablet"><Annotation Term="Validation.Maximum" Int="9"/></Annotations>
<Annotations Target="SVC.Order/qty2"><Annotation Term="Core.Computed" Bool="maybe"/></Annotations>
<Annotations Target="A.Other.Thing/p"><Annotation Term="Core.Description" String="other"/></Annotations>
<Annotations Target="SVC.Order/nothing"><Annotation Term="Validation.Pattern" String="x"/></Annotations>`),
  `<edmx:Reference Uri="a.xml"><edmx:Include Namespace="A" Alias="SVC"/><edmx:Include Namespace="A.Other"/></edmx:Reference>\n${vocabularies}`,
);

/** Runs `given` (written to a scratch folder with `files`), following references. */
function run(files: Record<string, string>, given: string[], include?: string): GenerateResult {
  const dir = scratch();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const inputs = given.map((name) => ({ file: path.join(dir, name), content: files[name] }));
  return generate({ inputs, follow: createFollower(inputs.map((i) => i.file)).follow, include });
}

/** The annotations of each property of `type`, as `term#qualifier`, without the vocabularies' namespaces. */
function annotated(r: GenerateResult, type = "A.Order"): Record<string, string[]> {
  const t = r.model.types.get(type) as StructuredType;
  return Object.fromEntries(
    t.properties.filter((p) => p.annotations.length).map((p) => [p.name, p.annotations.map((a) => `${a.term.replace(/^Org\.OData\.(\w+)\.V1/, "$1")}${a.qualifier ? `#${a.qualifier}` : ""}`)]),
  );
}

const shown = (r: GenerateResult) => r.diagnostics.filter((d) => d.code !== "ODG113" || d.path !== "Reference").map((d) => `${d.severity} ${d.code} ${d.path}: ${d.message.replace(/\/\S*\//g, "")}`);

test("a followed annotations-only document applies only what the references select: a term namespace, narrowed by TargetNamespace and Qualifier", () => {
  const r = run({ "a.xml": service(`<edmx:IncludeAnnotations TermNamespace="${CORE}" TargetNamespace="A"/><edmx:IncludeAnnotations TermNamespace="${VALIDATION}" Qualifier="Tablet"/>`), "b.xml": annotationsOnly }, ["a.xml"]);
  // Core: only on A's elements (not A.Other.Thing/p), so Core.Computed Bool="maybe" too, with its warning.
  expect(annotated(r)).toEqual({ name: ["Core.Description"], qty: ["Validation.Minimum#Tablet"], qty2: ["Validation.Maximum#Tablet", "Core.Computed"] });
  expect(annotated(r, "A.Other.Thing")).toEqual({});
  // The left-out Validation.Pattern on a property that does not exist is not reported.
  expect(shown(r)).toEqual([expect.stringMatching(/^warning ODG102 SVC\.Order\/qty2: Bool="maybe"/)]);
  expect(r.files.get("A.types.ts")).toContain("/** the name */");
});

test("a slice applies the blocks the references select to what it keeps, as a whole run does", () => {
  const files = { "a.xml": service(`<edmx:IncludeAnnotations TermNamespace="${CORE}" TargetNamespace="A"/><edmx:IncludeAnnotations TermNamespace="${VALIDATION}" Qualifier="Tablet"/>`), "b.xml": annotationsOnly };
  const r = run(files, ["a.xml"], "A.Order");
  expect(annotated(r)).toEqual({ name: ["Core.Description"], qty: ["Validation.Minimum#Tablet"], qty2: ["Validation.Maximum#Tablet", "Core.Computed"] });
  expect(r.files.get("A.types.ts")).toBe(run(files, ["a.xml"]).files.get("A.types.ts"));
});

test("a term namespace selected twice, with and without a qualifier, unions: every annotation of it applies", () => {
  const r = run({ "a.xml": service(`<edmx:IncludeAnnotations TermNamespace="${VALIDATION}" Qualifier="Tablet"/><edmx:IncludeAnnotations TermNamespace="${VALIDATION}"/>`), "b.xml": annotationsOnly }, ["a.xml"]);
  expect(annotated(r)).toEqual({ qty: ["Validation.Minimum#Tablet", "Validation.Minimum"], qty2: ["Validation.Maximum#Tablet"] });
  // The left-out Core.Computed Bool="maybe" is not checked; the selected block naming no property is (ODG103).
  expect(shown(r)).toEqual([expect.stringMatching(/^warning ODG103 SVC\.Order\/nothing: /)]);
  expect(r.files.get("A.validators.ts")).toMatch(/min: 1\b/);
});

test("a document both given and referenced keeps all its annotations; followed without IncludeAnnotations, none of its blocks apply", () => {
  const files = { "a.xml": service(`<edmx:IncludeAnnotations TermNamespace="${CORE}" Qualifier="None"/>`), "b.xml": annotationsOnly };
  expect(annotated(run(files, ["a.xml", "b.xml"]))).toEqual({ name: ["Core.Description"], qty: ["Validation.Minimum#Tablet", "Validation.Minimum"], qty2: ["Validation.Maximum#Tablet", "Core.Computed"] });
  expect(annotated(run(files, ["a.xml"]))).toEqual({});
});

test("an included schema comes whole, its elements' inline annotations and its blocks; the same document's other schemas' blocks need a selection", () => {
  const shared = edmx([
    schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"><Annotation Term="Core.Description" String="inline"/></Property><Property Name="zip" Type="Edm.String"/><Property Name="city" Type="Edm.String"/></ComplexType>
<Annotations Target="shared.address/zip"><Annotation Term="Core.Description" String="external"/></Annotations>`),
    schema("shared.notes", `<Annotations Target="shared.address/city"><Annotation Term="Core.Description" String="from a schema not included"/></Annotations>`),
  ], vocabularies);
  const main = (selection: string) =>
    edmx(schema("main", `${keyed("t", `<Property Name="home" Type="shared.address"/>`)}<EntityContainer Name="c"><EntitySet Name="ts" EntityType="main.t"/></EntityContainer>`), `<edmx:Reference Uri="shared.xml"><edmx:Include Namespace="shared"/>${selection}</edmx:Reference>\n`);
  const r = run({ "main.xml": main(""), "shared.xml": shared }, ["main.xml"]);
  expect(annotated(r, "shared.address")).toEqual({ street: ["Core.Description"], zip: ["Core.Description"] });
  expect(annotated(run({ "main.xml": main(""), "shared.xml": shared }, ["main.xml"], "main.t"), "shared.address")).toEqual({ street: ["Core.Description"], zip: ["Core.Description"] });
  const selected = run({ "main.xml": main(`<edmx:IncludeAnnotations TermNamespace="${CORE}"/>`), "shared.xml": shared }, ["main.xml"]);
  expect(annotated(selected, "shared.address")).toEqual({ street: ["Core.Description"], zip: ["Core.Description"], city: ["Core.Description"] });
});

describe("the selections' own mistakes, alike in CSDL XML and CSDL JSON", () => {
  const XML = `<edmx:IncludeAnnotations TermNamespace="${CORE}" Qualifier="bad-q"/><edmx:IncludeAnnotations TargetNamespace="A"/><edmx:IncludeAnnotations TermNamespace="Validation"/><edmx:IncludeAnnotations TermNamespace="No.Such"/><edmx:IncludeAnnotations TermNamespace="${CORE}" TargetNamespace="not a namespace"/>`;
  const json = (selections: unknown[]) =>
    JSON.stringify({
      $Version: "4.01",
      $Reference: { "b.xml": { $IncludeAnnotations: selections }, "https://example.com/Validation.json": { $Include: [{ $Namespace: VALIDATION, $Alias: "Validation" }] } },
      A: { Order: { $Kind: "EntityType", $Key: ["id"], id: {}, name: { $Nullable: true }, qty: { $Type: "Edm.Int32", $Nullable: true }, qty2: { $Type: "Edm.Int32", $Nullable: true } }, C: { $Kind: "EntityContainer", Orders: { $Collection: true, $Type: "A.Order" } } },
      "A.Other": { Thing: { $Kind: "ComplexType", p: { $Nullable: true } } },
    }, null, 1);
  const JSON_FORM = json([{ $TermNamespace: CORE, $Qualifier: "bad-q" }, { $TargetNamespace: "A" }, { $TermNamespace: "Validation" }, { $TermNamespace: "No.Such" }, { $TermNamespace: CORE, $TargetNamespace: "not a namespace" }]);
  const XML_SERVICE = service(XML).replace("<edmx:Reference", `${vocabularies.split("\n")[1]}\n<edmx:Reference`);

  test.each([
    ["CSDL XML", "a.xml", XML_SERVICE, ['Qualifier="bad-q"', "TermNamespace", 'TermNamespace="Validation"', "TermNamespace", 'TargetNamespace="not a namespace"'], "<edmx:IncludeAnnotations>", "CSDL XML §4.3", '<edmx:Reference Uri="b.xml">'],
    ["CSDL JSON", "a.json", JSON_FORM, ['$Qualifier: "bad-q"', "$TermNamespace", '$TermNamespace: "Validation"', "$TermNamespace", '$TargetNamespace: "not a namespace"'], "an $IncludeAnnotations item", "CSDL JSON §4.3", '$Reference member "b.xml"'],
  ])("%s", (_form, file, text, words, element, section, reference) => {
    const r = run({ [file]: text, "b.xml": annotationsOnly.replace(/Uri="a\.xml"/, `Uri="${file}"`) }, [file]);
    expect(shown(r)).toEqual([
      `warning ODG102 Reference/IncludeAnnotations: ${element}: ${words[0]} is not a simple identifier (${section}); it selects nothing`,
      `warning ODG101 Reference/IncludeAnnotations: ${element} has no ${words[1]} (${section}: it is required); it selects nothing`,
      `warning ODG102 Reference/IncludeAnnotations: ${element}: ${words[2]} is an alias, of ${VALIDATION} (${section}: it is a namespace); it is read as ${VALIDATION}`,
      `info ODG113 Reference/IncludeAnnotations: ${element} of ${reference} selects nothing: b.xml neither declares nor includes namespace No.Such (its ${words[3]})`,
      `warning ODG102 Reference/IncludeAnnotations: ${element}: ${words[4]} is not a namespace (${section}: simple identifiers separated by dots); it selects nothing`,
      expect.stringMatching(/^warning ODG103 SVC\.Order\/nothing: /),
    ]);
    // The alias selects Validation's annotations; the others select nothing.
    expect(annotated(r)).toEqual({ qty: ["Validation.Minimum#Tablet", "Validation.Minimum"], qty2: ["Validation.Maximum#Tablet"] });
  });
});
