/**
 * A request function not named as its entity set, singleton or operation import (request-names.ts)
 * is an ODG201 note naming the element and both names (request-renames.ts): a reserved word, a
 * name another root or an entity type's functions have. So is an entity type's reading or writing
 * function numbered because a root has its name, naming the root. Capitalising is the naming rule,
 * no rename.
 */
import { generate } from "../generator/generate";

const doc = (schema: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <EntityType Name="Item"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
  ${schema}
</Schema></edmx:DataServices></edmx:Edmx>`;

function notes(schema: string, include?: string[]): { notes: string[]; requests: string } {
  const r = generate({ inputs: [{ file: "n.xml", content: doc(schema) }], ...(include ? { include } : {}) });
  return { notes: r.diagnostics.filter((d) => d.code === "ODG201").map((d) => `${d.path}: ${d.message}`), requests: r.files.get("N.requests.ts") ?? "" };
}

test.each([
  ["an entity set named as a reserved word", `<EntityContainer Name="C"><EntitySet Name="class" EntityType="N.Item"/></EntityContainer>`,
    ["N.C/class: N.C/class's request function is emitted as class2 (class is taken or reserved)"], "class2"],
  ["a singleton differing from an entity set in case", `<EntityContainer Name="C"><EntitySet Name="items" EntityType="N.Item"/><Singleton Name="Items" Type="N.Item"/></EntityContainer>`,
    ["N.C/items: N.C/items's request function is emitted as items2 (items is taken or reserved)"], "items2"],
  ["an import named as an entity type's list function", `<Function Name="listItems"><ReturnType Type="Collection(N.Item)"/></Function>
    <EntityContainer Name="C"><EntitySet Name="Items" EntityType="N.Item"/><FunctionImport Name="listItems" Function="N.listItems"/></EntityContainer>`,
    ["N.listItems: N.listItems's request function (import listItems) is emitted as listItems2 (listItems is taken or reserved)"], "listItems2"],
  ["two imports differing in case", `<Action Name="reserve"/><Action Name="Reserve"/>
    <EntityContainer Name="C"><ActionImport Name="reserve" Action="N.reserve"/><ActionImport Name="Reserve" Action="N.Reserve"/></EntityContainer>`,
    ["N.Reserve: N.Reserve's request function (import Reserve) is emitted as reserve2 (reserve is taken or reserved)"], "reserve2"],
  ["a singleton named as an entity type's get function", `<EntityType Name="Part"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
    <EntityContainer Name="C"><Singleton Name="getItem" Type="N.Part"/><EntitySet Name="Items" EntityType="N.Item"/></EntityContainer>`,
    ["N.Item: N.Item's get request function is emitted as getItem2 (getItem is taken: the request function of the singleton N.C/getItem)"], "getItem2"],
  ["an entity set whose function is named as an entity type's list function; a keyless type's, which has none, is not noted", `<EntityType Name="Note"><Property Name="text" Type="Edm.String"/></EntityType>
    <EntityContainer Name="C"><EntitySet Name="ListItems" EntityType="N.Item"/><Singleton Name="listNotes" Type="N.Item"/></EntityContainer>`,
    ["N.Item: N.Item's list request function is emitted as listItems2 (listItems is taken: the request function of the entity set N.C/ListItems)"], "listItems2"],
  ["an entity set capitalised: no note", `<EntityContainer Name="C"><EntitySet Name="Items" EntityType="N.Item"/></EntityContainer>`, [], "items"],
])("%s", (_, schema, want, fn) => {
  const r = notes(schema);
  expect(r.notes).toEqual(want);
  expect(r.requests).toMatch(new RegExp(`export function ${fn}\\b`));
});

test("a slice keeping the entity type but not the root numbers its function as the full run does, and notes it (the root it leaves out unnamed)", () => {
  const schema = `<EntityType Name="Part"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
    <EntityContainer Name="C"><Singleton Name="getItem" Type="N.Part"/><EntitySet Name="Items" EntityType="N.Item"/></EntityContainer>`;
  const full = notes(schema);
  const slice = notes(schema, ["/Items/**"]);
  expect(full.requests).toMatch(/export function getItem2\b/);
  expect(slice.requests).toMatch(/export function getItem2\b/);
  expect(slice.requests).not.toMatch(/export function getItem\b/);
  expect(slice.notes).toEqual(["N.Item: N.Item's get request function is emitted as getItem2 (getItem is taken or reserved)"]);
});
