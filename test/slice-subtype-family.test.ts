/**
 * Whether a concrete complex type's values are written as its `Any…` union is decided over the
 * whole service, in a slice too (passes/slice/families.ts): a slice names `AnyX`, types `isX` and
 * lists `@odata.type` as the full run does, whichever subtypes it leaves out.
 */
import { generate, type GenerateOptions } from "../generator/generate";

// `place` has a subtype `venue` that adds nothing required and a subtype `airport` that requires
// `code`, which `place` lacks: the full run writes no `AnyPlace` (a `place` value would not fit it).
// `base` has one subtype `sub` that adds nothing required: the full run writes `AnyBase`.
const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="place"><Property Name="name" Type="Edm.String" /></ComplexType>
      <ComplexType Name="venue" BaseType="t.place"><Property Name="room" Type="Edm.String" /></ComplexType>
      <ComplexType Name="airport" BaseType="t.place"><Property Name="code" Type="Edm.String" Nullable="false" /></ComplexType>
      <ComplexType Name="base"><Property Name="x" Type="Edm.String" /></ComplexType>
      <ComplexType Name="sub" BaseType="t.base"><Property Name="y" Type="Edm.String" /></ComplexType>
      <EntityType Name="event">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="at" Type="t.venue" />
        <Property Name="b" Type="t.base" />
      </EntityType>
      <EntityContainer Name="c"><EntitySet Name="events" EntityType="t.event" /></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

function output(options: Omit<GenerateOptions, "inputs"> = {}): { types: string; validators: string } {
  const files = generate({ inputs: [{ file: "t.xml", content: CSDL }], ...options }).files;
  return { types: files.get("t.types.ts")!, validators: files.get("t.validators.ts")! };
}

/** The declaration of `name` in `text`, up to the blank line after it. */
function declaration(text: string, name: string): string | undefined {
  const m = new RegExp(`^export (?:interface|type|const) ${name}\\b[\\s\\S]*?(?=\\n\\n|$)`, "m").exec(text);
  return m?.[0];
}

const full = output();
// `place` is kept only as venue's base type (airport left out); base is kept as a value, sub left out.
const slice = output({ include: ["/events"] });

test("the full run has AnyBase and no AnyPlace", () => {
  expect(declaration(full.types, "AnyBase")).toBeDefined();
  expect(declaration(full.types, "AnyPlace")).toBeUndefined();
});

test("a slice without the subtype that blocks the union still writes none, as the full run", () => {
  expect(declaration(slice.types, "AnyPlace")).toBeUndefined();
  expect(declaration(slice.types, "Place")).toEqual(declaration(full.types, "Place"));
  expect(declaration(slice.validators, "isPlace")).toEqual(declaration(full.validators, "isPlace"));
});

test("a slice that leaves out every subtype of a type with a union still writes the union, naming them", () => {
  expect(declaration(slice.types, "AnyBase")).toEqual('export type AnyBase = Base & { "@odata.type"?: "#t.base" | "#t.sub" };');
  expect(declaration(slice.types, "Base")).toEqual(declaration(full.types, "Base"));
  expect(declaration(slice.validators, "isBase")).toEqual(declaration(full.validators, "isBase"));
  expect(declaration(slice.types, "Event")).toEqual(declaration(full.types, "Event"));
});
