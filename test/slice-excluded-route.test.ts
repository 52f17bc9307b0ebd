/**
 * An `--exclude` of a type on the route to what an `--include` URL path selects (`--include
 * /me/messages --exclude microsoft.graph.user`): the slice has no path builder through it, so the
 * selected part cannot be addressed as the pattern wrote it; a warning says so.
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("user", `<NavigationProperty Name="messages" Type="Collection(t.message)" ContainsTarget="true"/>`)}
  ${keyed("message")}
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
  ),
);

const run = (include: string[], exclude: string[]) => generate({ inputs: [{ file: "route.xml", content: DOC }], include, exclude });

describe("an --exclude of a type on the route to an --include path", () => {
  test("is a warning at the excluded type, naming the route and the pattern", () => {
    const r = run(["/me/messages"], ["t.user"]);
    expect(r.model.types.has("t.message")).toBe(true);
    const warnings = r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.code} ${d.path}: ${d.message}`);
    expect(warnings).toEqual([
      "ODG304 t.user: t.user is on the URL path /me, on the way to what --include /me/messages selects, but --exclude t.user leaves it out: the slice has no path builder that reaches it",
    ]);
    expect(r.diagnostics.find((d) => d.code === "ODG304")?.line).toBeGreaterThan(0);
  });

  test("no warning when the exclude is not on the route; a path with wildcards (it explores) is warned of at the pattern, not at the type", () => {
    expect(run(["/me/messages"], ["t.message"]).diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    // Every path /me/* matches goes through /me's user: said of the pattern (slice-excluded-wildcard-route.test.ts).
    expect(run(["/me/*"], ["t.user"]).diagnostics.filter((d) => d.severity === "warning").map((d) => d.path)).toEqual(["/me/*"]);
  });
});
