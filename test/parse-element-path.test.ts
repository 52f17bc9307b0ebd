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
