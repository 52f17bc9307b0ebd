/**
 * A navigation property a slice leaves out (its target type is not kept) is still the service's:
 * a read may expand it and a body may bind it (`manager@odata.bind`). The slice's validators let
 * both through (the binding's form still checked), where the full output checks them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { GENERATED } from "./helpers/generated";
import { keyed } from "./helpers/csdl";

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      ${keyed("user", `
        <Property Name="name" Type="Edm.String"/>
        <NavigationProperty Name="manager" Type="t.person"/>
        <NavigationProperty Name="owner" Type="t.person" Nullable="false"/>
        <NavigationProperty Name="notes" Type="Collection(t.note)"/>
      `)}
      ${keyed("person")}
      ${keyed("note")}
      <EntityContainer Name="c">
        <EntitySet Name="users" EntityType="t.user"/>
        <EntitySet Name="people" EntityType="t.person"/>
        <EntitySet Name="notes" EntityType="t.note"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

interface Result {
  valid: boolean;
  errors: { path: string; message: string }[];
}
interface Validators {
  validateUser(v: unknown, options?: { strict?: boolean; mode?: "read" | "create" | "update" | "replace" }): Result;
}

function write(tag: string, include?: string[]): { v: Validators; types: string } {
  const result = generate({ inputs: [{ file: "left-out-navigation.xml", content: CSDL }], include });
  const dir = path.join(GENERATED, tag);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { v: require(path.join(dir, "t.validators")), types: result.files.get("t.types.ts") ?? "" };
}

const sliced = write("left-out-navigation-slice", ["t.user"]);
const full = write("left-out-navigation-full");
const errors = (r: Result) => r.errors.map((e) => `${e.path}: ${e.message}`);

describe("a navigation property whose target a slice leaves out", () => {
  test("the slice's types do not declare it", () => {
    expect(sliced.types).not.toMatch(/\bmanager\??:/);
    expect(full.types).toMatch(/\bmanager\??:/);
  });

  test("a create or update body may bind it, as it may in the full output", () => {
    const body = { name: "Ann", "manager@odata.bind": "people/p1", "owner@odata.bind": "people/p2", "notes@odata.bind": ["notes/n1"] };
    for (const mode of ["create", "update"] as const) {
      expect([mode, errors(full.v.validateUser(body, { mode }))]).toEqual([mode, []]);
      expect([mode, errors(sliced.v.validateUser(body, { mode }))]).toEqual([mode, []]);
    }
    expect(errors(sliced.v.validateUser({ "manager@odata.bind": null }, { mode: "update" }))).toEqual([]);
  });

  test("the binding's form is still checked by the navigation property's cardinality", () => {
    const body = { "manager@odata.bind": ["people/p1"], "owner@odata.bind": null, "notes@odata.bind": "notes/n1" };
    expect(errors(sliced.v.validateUser(body, { mode: "create" }))).toEqual(errors(full.v.validateUser(body, { mode: "create" })));
    expect(errors(sliced.v.validateUser(body, { mode: "create" }))).toHaveLength(3);
  });

  test("a binding of a name the type has no navigation property for is still an error", () => {
    expect(errors(sliced.v.validateUser({ "manger@odata.bind": "people/p1" }, { mode: "create" }))).toEqual([
      "/manger@odata.bind: manger is not a navigation property (did you mean manager@odata.bind?)",
    ]);
  });

  test("a read may expand it: its value is let through unchecked, whatever strict says", () => {
    const read = { id: "u1", manager: { id: "p1" }, owner: { id: "p2" }, notes: [{ id: "n1" }] };
    expect(errors(sliced.v.validateUser(read))).toEqual([]);
    expect(errors(sliced.v.validateUser({ id: "u1", manager: 42 }))).toEqual([]);
    expect(errors(sliced.v.validateUser({ id: "u1", extra: 1 }))).toEqual(["/extra: unknown property extra"]);
  });
});
