// CSDL §14.2: an <Annotations Target="ns.Container/Name"> block (a CSDL JSON `$Annotations` member)
// naming an entity set or singleton adds its annotations to it, as if written on the <EntitySet> or
// <Singleton>: its Core.Description, LongDescription and deprecation (Core.Revisions) are its root
// function's doc comment. Before, the block's were kept by target and never read by the doc comment.
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";
import { docOf } from "./helpers/doc-of";

const CORE = "Org.OData.Core.V1";
const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;
const desc = (text: string, term = "Description") => `<Annotation Term="${CORE}.${term}" String="${text}"/>`;
const block = (target: string, inner: string) => `<Annotations Target="${target}">${inner}</Annotations>`;
const revisions = (reason: string) =>
  `<Annotation Term="${CORE}.Revisions"><Collection><Record><PropertyValue Property="Kind" EnumMember="${CORE}.RevisionKind/Deprecated"/><PropertyValue Property="Description" String="${reason}"/></Record></Collection></Annotation>`;

// `items` described in line and by a block (another term); `me` and `olds` by blocks only, through
// the schema's alias; `olds` deprecated in line.
const XML = edmx(schema("T", `
  <EntityType Name="item">${KEYED}</EntityType>
  <EntityContainer Name="C">
    <EntitySet Name="items" EntityType="T.item">${desc("All the items.")}</EntitySet>
    <EntitySet Name="olds" EntityType="T.item">${revisions("Use items")}</EntitySet>
    <Singleton Name="me" Type="T.item"/>
  </EntityContainer>
  ${block("T.C/items", desc("Items, newest first.", "LongDescription"))}
  ${block("self.C/me", `${desc("The signed-in item.")}${revisions("Use items('me')")}`)}
  ${block("self.C/olds", desc("The old items."))}`, "self"));

const JSON_DOC = JSON.stringify({
  $Version: "4.01",
  T: {
    $Alias: "self",
    item: { $Kind: "EntityType", $Key: ["id"], id: {} },
    C: {
      $Kind: "EntityContainer",
      items: { $Collection: true, $Type: "T.item", [`@${CORE}.Description`]: "All the items." },
      olds: { $Collection: true, $Type: "T.item", [`@${CORE}.Revisions`]: [{ Kind: "Deprecated", Description: "Use items" }] },
      me: { $Type: "T.item" },
    },
    $Annotations: {
      "T.C/items": { [`@${CORE}.LongDescription`]: "Items, newest first." },
      "self.C/me": { [`@${CORE}.Description`]: "The signed-in item.", [`@${CORE}.Revisions`]: [{ Kind: "Deprecated", Description: "Use items('me')" }] },
      "self.C/olds": { [`@${CORE}.Description`]: "The old items." },
    },
  },
}, null, 2);

const run = (file: string, content: string, include?: string[]) => generate({ inputs: [{ file, content }], include });

describe.each([["r.xml", XML], ["r.json", JSON_DOC]])("annotations on entity sets and singletons (%s)", (file, content) => {
  test.each([["whole", undefined], ["sliced", ["T.item"]]])("%s: a set's or singleton's description and deprecation, in line or by a block, are its root function's doc comment", (_, include) => {
    const r = run(file, content, include);
    expect(r.diagnostics.filter((d) => d.code.startsWith("ODG1"))).toEqual([]);
    const code = r.files.get("T.requests.ts") as string;
    expect(docOf(code, "items")).toBe("/**\n * All the items.\n *\n * Items, newest first.\n *\n * The `items` entity set (`/items`).\n */\n");
    expect(docOf(code, "olds")).toBe("/**\n * The old items.\n *\n * The `olds` entity set (`/olds`).\n *\n * @deprecated Use items\n */\n");
    expect(docOf(code, "me")).toBe("/**\n * The signed-in item.\n *\n * The `me` singleton (`/me`).\n *\n * @deprecated Use items('me')\n */\n");
  });
});

test("a term written on the set and by a block: the set's own is kept, the block's reported (ODG104)", () => {
  const xml = edmx(schema("T", `<EntityType Name="item">${KEYED}</EntityType>
    <EntityContainer Name="C"><EntitySet Name="items" EntityType="T.item">${desc("in line")}</EntitySet></EntityContainer>
    ${block("T.C/items", desc("by a block"))}`));
  const r = run("d.xml", xml);
  expect(docOf(r.files.get("T.requests.ts") as string, "items")).toBe("/**\n * in line\n *\n * The `items` entity set (`/items`).\n */\n");
  expect(r.diagnostics.filter((d) => d.code === "ODG104").map((d) => d.path)).toEqual(["T.C/items"]);
});
