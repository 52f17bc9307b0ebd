// CSDL XML lets an entity type hold one <Key> and an action or function one <ReturnType>
// (CSDL XML 4.01 §6.5, §12.8). A second was left out unsaid, so the generated code used the first
// key or result type whichever the service meant; now it is an error at its place, in a whole run
// and in a slice (whose type and operation bodies are read later), as a member given twice in one
// CSDL JSON object is.
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

const TYPE = `<EntityType Name="product">
      <Key><PropertyRef Name="id"/></Key>
      <Key><PropertyRef Name="code"/></Key>
      <Property Name="id" Type="Edm.Int32" Nullable="false"/>
      <Property Name="code" Type="Edm.String" Nullable="false"/>
    </EntityType>`;
const FUNCTION = `<Function Name="count">
      <ReturnType Type="Edm.Int32"/>
      <ReturnType Type="Edm.String"/>
    </Function>`;
const CONTAINER = `<EntityContainer Name="c"><EntitySet Name="products" EntityType="ns.product"/><FunctionImport Name="count" Function="ns.count"/></EntityContainer>`;
const XML = edmx(schema("ns", `${TYPE}\n    ${FUNCTION}\n    ${CONTAINER}`));

function errorsOf(include?: string[]): Diagnostic[] {
  try {
    generate({ inputs: [{ file: "s.xml", content: XML }], ...(include ? { include } : {}) });
  } catch (e) {
    if (e instanceof GenerationError) return e.diagnostics.filter((d) => d.severity === "error");
    throw e;
  }
  throw new Error("generated");
}

const lineOf = (text: string) => XML.split("\n").findIndex((l) => l.includes(text)) + 1;

test.each([
  ["the whole document", undefined],
  ["a slice", ["ns.product", "ns.count"]],
])("a second <Key> or <ReturnType> is an error at its place (%s)", (_, include) => {
  expect(errorsOf(include).sort((a, b) => a.line - b.line).map((d) => [d.code, d.line, d.path, d.message])).toEqual([
    ["ODG104", lineOf(`<PropertyRef Name="code"/>`), "ns.product/Key",
      `a second <Key>, the first at s.xml:${lineOf(`<PropertyRef Name="id"/>`)}: an entity type has at most one key (CSDL XML 4.01 §6.5); which one the service means is not known; keep one`],
    ["ODG104", lineOf(`Type="Edm.String"/>`), "ns.count/$ReturnType",
      `a second <ReturnType>, the first at s.xml:${lineOf(`Type="Edm.Int32"/>`)}: an action or function returns at most one type (CSDL XML 4.01 §12.8); which one the service means is not known; keep one`],
  ]);
});

test("one of each is read as before", () => {
  const one = XML.replace(`<Key><PropertyRef Name="code"/></Key>`, "").replace(`<ReturnType Type="Edm.String"/>`, "");
  const { files } = generate({ inputs: [{ file: "s.xml", content: one }] });
  expect(files.get("ns.requests.ts")).toContain(`rt.key("id", rt.edmInt32)`);
});
