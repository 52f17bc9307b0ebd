// The element path given for XML that could not be parsed.
import { elementPathAt } from "../generator/parse/element-path";

const doc = `<?xml version="1.0"?>
<!-- <Schema Namespace="not.this"> -->
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="e"><Member Name="a" /></EnumType>
      <EntityType Name="thing">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false">
          <Annotation Term="Core.Description" String="a > b" />
`;

test.each([
  ["before any element", "<?xml", ""],
  ["inside the root", "<edmx:DataServices>", "Edmx"],
  ["inside DataServices (a commented-out tag does not count)", `<Schema Namespace="ns"`, "Edmx/DataServices"],
  ["inside a schema", "<EnumType", "ns"],
  ["after a closed enum, inside the entity type", "<Key>", "ns.thing"],
  ["inside an element with no Name", "<PropertyRef", "ns.thing/Key"],
  ["inside a property (an attribute value may hold '>')", "<Annotation", "ns.thing/id"],
  ["at the end", "\u0000", "ns.thing/id"],
])("%s → %j", (_label, at, expected) => {
  const offset = at === "\u0000" ? doc.length : doc.indexOf(at);
  expect(offset).toBeGreaterThanOrEqual(0);
  expect(elementPathAt(doc, offset)).toBe(expected);
});

test("outside any schema, the open tags are listed", () => {
  expect(elementPathAt("<a><b x='1'><c/>", 16)).toBe("a/b");
});

describe("inside an <Annotations> block: its Target, as the reader names the element; an <Annotation> as @Term", () => {
  const annotations = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="other" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <Annotations Target="ns.group/members">
        <Annotation Term="Core.Description" String="done" />
        <Annotation Term="Capabilities.InsertRestrictions">
          <Record>
            <PropertyValue Property="Insertable" Bool="false" />
`;
  test.each([
    ["a block's first annotation", `<Annotation Term="Core.Description"`, "ns.group/members"],
    ["inside an annotation's record", "<PropertyValue", "ns.group/members/@Capabilities.InsertRestrictions/Record"],
    ["the input ending inside the block", "\u0000", "ns.group/members/@Capabilities.InsertRestrictions/Record"],
  ])("%s → %j", (_label, at, expected) => {
    const offset = at === "\u0000" ? annotations.length : annotations.indexOf(at);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(elementPathAt(annotations, offset)).toBe(expected);
  });

  test("an annotation of a property", () => {
    const text = doc.replace(`<Annotation Term="Core.Description" String="a > b" />`, `<Annotation Term="Core.Description">\n<String>`);
    expect(elementPathAt(text, text.indexOf("<String>"))).toBe("ns.thing/id/@Core.Description");
  });
});
