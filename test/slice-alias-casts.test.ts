/**
 * A cast segment of a URL path pattern may name its type by the schema's alias, as an operation
 * segment may (`/users/{id}/a.admin`), and an `--exclude` written with the namespace applies to an
 * `--include` written with the alias, and the other way round.
 */
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("user", `<NavigationProperty Name="notes" Type="Collection(t.note)" ContainsTarget="true"/>`)}
  <EntityType Name="admin" BaseType="t.user">
    <NavigationProperty Name="reports" Type="Collection(t.report)" ContainsTarget="true"/>
  </EntityType>
  ${keyed("note")}
  ${keyed("report")}
  <Action Name="ping" IsBound="true"><Parameter Name="it" Type="t.user"/></Action>
  <EntityContainer Name="c"><EntitySet Name="users" EntityType="t.user"/></EntityContainer>`,
    "a",
  ),
);

function kept(include: string[], exclude: string[] = []): string[] | string {
  try {
    return [...generate({ inputs: [{ file: "t.xml", content: DOC }], include, exclude }).model.types.keys()].sort();
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ");
  }
}

describe("a cast segment named by the schema's alias", () => {
  test("selects as the namespace-qualified cast does", () => {
    expect(kept(["/users/{id}/a.admin/reports"])).toEqual(["t.admin", "t.report", "t.user"]);
    expect(kept(["/users/{id}/a.admin/reports"])).toEqual(kept(["/users/{id}/t.admin/reports"]));
  });

  test("an operation named by alias in an --include is cut by an --exclude that names it by namespace", () => {
    const ops = (include: string[], exclude: string[]) => {
      try {
        return generate({ inputs: [{ file: "t.xml", content: DOC }], include, exclude }).model.schemas.flatMap((s) => s.operations.map((o) => o.name));
      } catch (e) {
        if (!(e instanceof GenerationError)) throw e;
        return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
      }
    };
    expect(ops(["/users/{id}/a.ping"], [])).toEqual(["ping"]);
    expect(ops(["/users/{id}/a.ping"], ["/users/{id}/t.ping"])).toEqual([
      "--include /users/{id}/a.ping matches only URL paths that --exclude /users/{id}/t.ping leaves out",
    ]);
  });

  test("an --exclude cuts an --include whichever way each names the schema", () => {
    expect(kept(["/users/{id}/a.admin/**"], ["/users/{id}/t.admin/reports"])).toEqual(["t.admin", "t.note", "t.user"]);
    expect(kept(["/users/{id}/t.admin/**"], ["/users/{id}/a.admin/reports"])).toEqual(["t.admin", "t.note", "t.user"]);
  });
});
