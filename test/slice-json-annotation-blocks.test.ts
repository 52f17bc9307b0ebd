// A slice of a CSDL JSON document applies exactly the `$Annotations` blocks a slice of its XML twin
// applies (generate's readDeferred): none whose target is a type the slice leaves out (or a member
// of one), so a mistake in such a type is not reported, and the others in document order, as
// without slicing. So does a slice of an XML document whose blocks are read in place, not deferred.
import { GenerationError } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { expectSameAsFullSlice } from "./helpers/slice-reference";

const DESCRIPTION = "Org.OData.Core.V1.Description";

// A.Person's Name has a type no schema defines; the action A.Reset needs nothing of Person.
const XML = edmx([
  schema("A", `${keyed("Person", '<Property Name="Name" Type="A.Nope"/>')}
  ${keyed("Kept", '<Property Name="label" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.LongDescription" String="own"/></Property>')}
  <Action Name="Reset"><Parameter Name="k" Type="A.Kept"/></Action>
  <Annotations Target="A.Person/Name"><Annotation Term="${DESCRIPTION}" String="the name"/></Annotations>
  <Annotations Target="A.Person"><Annotation Term="${DESCRIPTION}" Int="not a string"/></Annotations>
  <Annotations Target="A.Kept/label"><Annotation Term="${DESCRIPTION}" String="block"/></Annotations>
  <EntityContainer Name="C"><ActionImport Name="Reset" Action="A.Reset"/></EntityContainer>`),
  schema("B", `<ComplexType Name="X"><Property Name="p" Type="Edm.String"/></ComplexType>`),
]);
const JSON_TWIN = xmlToCsdlJson("d.xml", XML);

function errors(file: string, content: string, options: Omit<GenerateOptions, "inputs">): string[] {
  try {
    generate({ inputs: [{ file, content }], ...options });
    return [];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path}`);
  }
}

test("a slice leaving out a type with a mistake succeeds from CSDL JSON as from CSDL XML", () => {
  expect(JSON_TWIN).toContain('"A.Person/Name"');
  for (const include of [["A.Reset"], ["/Reset"], ["B.*"]]) {
    expect(errors("d.xml", XML, { include })).toEqual([]);
    expect(errors("d.json", JSON_TWIN, { include })).toEqual([]);
  }
  // A slice keeping Person reports its mistake from either form.
  expect(errors("d.xml", XML, { include: ["A.Person"] })).toEqual(["ODG103 A.Person/Name"]);
  expect(errors("d.json", JSON_TWIN, { include: ["A.Person"] })).toEqual(["ODG103 A.Person/Name"]);
});

test("so does an XML document whose DOCTYPE declares entities (its blocks are read in place, as JSON's)", () => {
  const withEntities = XML.replace("?>", '?>\n<!DOCTYPE edmx:Edmx [<!ENTITY name "the name">]>').replace('String="the name"', 'String="&name;"');
  expect(errors("d.xml", withEntities, { include: ["A.Reset"] })).toEqual([]);
  expect(errors("d.xml", withEntities, { include: ["A.Person"] })).toEqual(["ODG103 A.Person/Name"]);
});

test("a JSON slice gives kept elements the annotations, in the order, of the whole document and of the XML slice", () => {
  const json = expectSameAsFullSlice("d.json", JSON_TWIN.replace('"A.Nope"', '"Edm.String"'), { include: ["A.Reset"] });
  const xml = generate({ inputs: [{ file: "d.xml", content: XML }], include: ["A.Reset"] }).files;
  expect([...json.keys()]).toEqual([...xml.keys()]);
  for (const [name, text] of xml) expect({ name, text: json.get(name)?.replace(/d\.json/g, "d.xml") }).toEqual({ name, text });
  expect(generate({ inputs: [{ file: "d.json", content: JSON_TWIN }], include: ["A.Reset"] }).model.types.get("A.Kept")).toMatchObject({
    properties: [{ name: "id" }, { name: "label", annotations: [{ value: { value: "own" } }, { value: { value: "block" } }] }],
  });
});

test("blocks of a JSON and an XML document on one element apply in the inputs' order, sliced or not", () => {
  const block = (value: string) => `<Annotations Target="A.Kept"><Annotation Term="${DESCRIPTION}" String="${value}"/></Annotations>`;
  const main = XML.replace('<Property Name="Name" Type="A.Nope"/>', "").replace("<EntityContainer", `${block("from the XML")}\n<EntityContainer`);
  const other = xmlToCsdlJson("o.xml", edmx(schema("O", `<ComplexType Name="Y"/>\n${block("from the JSON")}`)));
  const description = (options: Omit<GenerateOptions, "inputs">, inputs: GenerateOptions["inputs"]) =>
    generate({ inputs, ...options }).model.types.get("A.Kept")?.annotations.find((a) => a.term === DESCRIPTION)?.value;
  for (const [inputs, first] of [
    [[{ file: "m.xml", content: main }, { file: "o.json", content: other }], "from the XML"],
    [[{ file: "o.json", content: other }, { file: "m.xml", content: main }], "from the JSON"],
  ] as const) {
    expect(description({}, [...inputs])).toMatchObject({ value: first });
    expect(description({ include: ["A.Reset"] }, [...inputs])).toMatchObject({ value: first });
  }
});

test("a mistake inside a left-out type's $Annotations target is not reported by a slice, as inside XML's <Annotations> block; kept, it is", () => {
  const json = JSON_TWIN.replace('"A.Person": {', '"A.Person": { "$Foo": 1,');
  const xml = XML.replace(`<Annotation Term="${DESCRIPTION}" Int="not a string"/>`, `<Annotation Term="${DESCRIPTION}" Int="not a string" Foo="1"/>`);
  expect(json).not.toBe(JSON_TWIN);
  expect(xml).not.toBe(XML);
  const shown = (file: string, content: string, include: string[]) => {
    try {
      return generate({ inputs: [{ file, content }], include }).diagnostics.filter((d) => d.code === "ODG112").map((d) => d.path);
    } catch (e) {
      if (!(e instanceof GenerationError)) throw e;
      return e.diagnostics.filter((d) => d.code === "ODG112").map((d) => d.path);
    }
  };
  expect(shown("d.xml", xml, ["A.Reset"])).toEqual([]);
  expect(shown("d.json", json, ["A.Reset"])).toEqual([]);
  expect(shown("d.xml", xml, ["A.Person"])).toEqual([`A.Person/@${DESCRIPTION}`]);
  expect(shown("d.json", json, ["A.Person"])).toEqual(["A.Person"]);
});
