/**
 * URL path patterns through a complex property (URL Conventions §4.6; the ABNF's `complexPath` goes
 * on to a navigation property of the complex type): Graph's
 * `/identity/conditionalAccess/policies/{id}/grantControls/authenticationStrength`, as its
 * documentation writes it, selects what it addresses; `**` walks through such properties, and an
 * `--exclude` path through one cuts there.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { expectSameAsFullSlice, generationErrors } from "./helpers/slice-reference";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const CSDL = edmx(
  schema(
    "t",
    `
    ${keyed("strength", `<Property Name="level" Type="Edm.Int32"/>`)}
    ${keyed("location")}
    <ComplexType Name="grantControls">
      <Property Name="operator" Type="Edm.String"/>
      <NavigationProperty Name="authenticationStrength" Type="t.strength"/>
    </ComplexType>
    <ComplexType Name="conditions"><Property Name="grant" Type="t.grantControls"/></ComplexType>
    <ComplexType Name="note"><Property Name="text" Type="Edm.String"/></ComplexType>
    ${keyed("policy", `
      <Property Name="grantControls" Type="t.grantControls"/>
      <Property Name="conditions" Type="t.conditions"/>
      <Property Name="history" Type="Collection(t.grantControls)"/>
      <Property Name="note" Type="t.note"/>
      <NavigationProperty Name="locations" Type="Collection(t.location)"/>
    `)}
    <Function Name="usage" IsBound="true"><Parameter Name="it" Type="t.strength"/><ReturnType Type="Edm.String"/></Function>
    <EntityContainer Name="c">
      <EntitySet Name="policies" EntityType="t.policy"/>
    </EntityContainer>`,
  ),
);

const slice = (include: string[], exclude: string[] = []) => generate({ inputs: [{ file: "t.xml", content: CSDL }], include, exclude });
const kept = (include: string[], exclude: string[] = []) => [...slice(include, exclude).model.types.keys()].sort();
const errors = (include: string[], exclude: string[] = []) => generationErrors(CSDL, { include, exclude });

describe("URL paths through a complex property", () => {
  test("a path through a complex property to a navigation property selects its target, with its operations", () => {
    const include = ["/policies/{id}/grantControls/authenticationStrength"];
    // The policy's property types come with it, as for any kept type.
    expect(kept(include)).toEqual(["t.conditions", "t.grantControls", "t.note", "t.policy", "t.strength"]);
    const requests = slice(include).files.get("t.requests.ts") ?? "";
    expect(requests).toMatch(/export function policyGrantControls\(/);
    expect(requests).toMatch(/export function grantControlsAuthenticationStrength\(/);
    // Addressed: the API of the type there (its bound function) comes along.
    expect(requests).toMatch(/export function usage\(/);
    expectSameAsFullSlice("t.xml", CSDL, { include });
  });

  test("through nested complex properties, and with a key predicate as documentation writes one", () => {
    expect(kept(["/policies('p1')/conditions/grant/authenticationStrength"])).toContain("t.strength");
  });

  test("`**` walks through complex properties that lead to navigation properties", () => {
    expect(kept(["/policies/**"])).toEqual(["t.conditions", "t.grantControls", "t.location", "t.note", "t.policy", "t.strength"]);
    expectSameAsFullSlice("t.xml", CSDL, { include: ["/policies/**"] });
  });

  test("an --exclude path through a complex property cuts there", () => {
    expect(kept(["/policies/**"], ["/policies/{id}/grantControls/authenticationStrength", "/policies/{id}/conditions/**"])).not.toContain("t.strength");
    expect(kept(["/policies/**"], ["/policies/{id}/grantControls/authenticationStrength"])).toContain("t.strength"); // still through conditions/grant
    expect(errors(["/policies/{id}/grantControls/authenticationStrength"], ["/policies/{id}/grantControls"])).toEqual([
      "0:0 --include /policies/{id}/grantControls/authenticationStrength matches only URL paths that --exclude /policies/{id}/grantControls leaves out",
    ]);
  });

  test("a collection of complex values, or one that leads to no navigation property, is no way through", () => {
    expect(errors(["/policies/{id}/history/authenticationStrength"])).toEqual([
      expect.stringMatching(/^0:0 --include \/policies\/\{id\}\/history\/authenticationStrength matches no URL path of the service/),
    ]);
    expect(errors(["/policies/{id}/note"])).toEqual([expect.stringMatching(/^0:0 --include \/policies\/\{id\}\/note matches no URL path of the service/)]);
  });

  test("a misspelt complex property is respelt in the hint", () => {
    expect(errors(["/policies/{id}/grantcontrols/authenticationStrength"])).toEqual([
      "0:0 --include /policies/{id}/grantcontrols/authenticationStrength matches no URL path of the service (did you mean /policies/{id}/grantControls/authenticationStrength?)",
    ]);
  });

  test("the slice compiles under tsc --strict", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-complex-paths-"));
    try {
      for (const [name, text] of slice(["/policies/{id}/conditions/grant/authenticationStrength"]).files) fs.writeFileSync(path.join(dir, name), text);
      const r = runTsc(anyCompiler(), dir, tsFiles(dir));
      expect(r.output).toBe("");
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
