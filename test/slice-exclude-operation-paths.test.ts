/**
 * An `--exclude` URL path that ends in an operation — a bound action or function, or an operation
 * import at the service root — leaves that operation out, as an `--include` path of the same form
 * selects it. Before, such an exclude matched (no error) and removed nothing.
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("user", `<NavigationProperty Name="notes" Type="Collection(t.note)" ContainsTarget="true"/>`)}
  ${keyed("note")}
  <ComplexType Name="stats"><Property Name="n" Type="Edm.Int32"/></ComplexType>
  <Function Name="getStats"><ReturnType Type="t.stats"/></Function>
  <Action Name="ping" IsBound="true"><Parameter Name="it" Type="t.user"/></Action>
  <Action Name="wave" IsBound="true"><Parameter Name="it" Type="t.user"/></Action>
  <Action Name="archive" IsBound="true"><Parameter Name="it" Type="t.note"/></Action>
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <Singleton Name="me" Type="t.user"/>
    <FunctionImport Name="getStats" Function="t.getStats"/>
  </EntityContainer>`,
    "a",
  ),
);

function slice(include: string[], exclude: string[], why?: string[]) {
  const r = generate({ inputs: [{ file: "t.xml", content: DOC }], include, exclude, why });
  const ops = r.model.schemas.flatMap((s) => s.operations.map((o) => o.name)).sort();
  const imports = r.model.schemas.flatMap((s) => s.containers.flatMap((c) => c.imports.map((i) => i.name)));
  return { ops, imports, types: [...r.model.types.keys()].sort(), why: r.slice?.why, diagnostics: r.diagnostics };
}

describe("an --exclude URL path that ends in an operation", () => {
  test("a bound operation: left out of the operations its selected type brings", () => {
    expect(slice(["/users/**"], []).ops).toEqual(["archive", "ping", "wave"]);
    expect(slice(["/users/**"], ["/users/{id}/ping"]).ops).toEqual(["archive", "wave"]);
    // Named as an include names it: qualified, by alias, on a route below.
    expect(slice(["/users/**"], ["/me/t.ping"]).ops).toEqual(["archive", "wave"]);
    expect(slice(["/users/**"], ["/users/{id}/a.ping", "/users/{id}/notes/{id}/archive"]).ops).toEqual(["wave"]);
    expect(slice(["t.user"], ["/me/ping"]).ops).toEqual(["wave"]);
  });

  test("an operation import: left out, with the types only it needed", () => {
    const all = slice(["/**"], []);
    expect(all.ops).toContain("getStats");
    expect(all.imports).toEqual(["getStats"]);
    const cut = slice(["/**"], ["/getStats"]);
    expect(cut.ops).not.toContain("getStats");
    expect(cut.imports).toEqual([]);
    expect(cut.types).not.toContain("t.stats");
    expect(slice(["/*"], ["/get*"]).imports).toEqual([]);
  });

  test("an --include that names the operation keeps it", () => {
    expect(slice(["t.user", "t.ping"], ["/me/ping"]).ops).toEqual(["ping", "wave"]);
    expect(slice(["/me/ping"], ["/users/{id}/ping"]).ops).toEqual(["ping"]);
  });

  test("--why names the exclude", () => {
    const why = slice(["/users/**"], ["/users/{id}/ping"], ["t.ping"]).why;
    expect(why?.[0]?.answers[0]?.chain).toEqual([{ name: "action t.ping", reason: "not in the slice: --exclude /users/{id}/ping leaves it out" }]);
  });

  test("a star does not stand for an operation's name, in an --exclude as in an --include", () => {
    expect(slice(["/users/**"], ["/users/{id}/*"]).ops).toEqual(["ping", "wave"]);
  });
});
