/**
 * The note (ODG304, info) on what an --include path with wildcards keeps only through a type an
 * --exclude name leaves out counts every route the pattern's walk takes to each type, not only the
 * first one found: a type past the excluded type on a route other than the excluded type's first is
 * named (with the route to the excluded type on its way), and one that a route through no excluded
 * type also reaches is not.
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("r", `<NavigationProperty Name="b" Type="t.g"/><NavigationProperty Name="a" Type="t.g" ContainsTarget="true"/><NavigationProperty Name="k" Type="t.k" ContainsTarget="true"/>`)}
  ${keyed("g", `<NavigationProperty Name="leaf" Type="t.leaf" ContainsTarget="true"/>`)}
  ${keyed("k")}
  ${keyed("leaf")}
  ${keyed("s", `<NavigationProperty Name="h" Type="t.h" ContainsTarget="true"/><NavigationProperty Name="x" Type="t.x" ContainsTarget="true"/><NavigationProperty Name="w" Type="t.w" ContainsTarget="true"/>`)}
  ${keyed("h", `<NavigationProperty Name="mid" Type="t.mid" ContainsTarget="true"/><NavigationProperty Name="w" Type="t.w" ContainsTarget="true"/>`)}
  ${keyed("x", `<NavigationProperty Name="mid" Type="t.mid" ContainsTarget="true"/>`)}
  ${keyed("mid", `<NavigationProperty Name="h" Type="t.h" ContainsTarget="true"/>`)}
  ${keyed("w")}
  <EntityContainer Name="c">
    <Singleton Name="r" Type="t.r"/>
    <Singleton Name="s" Type="t.s"/>
  </EntityContainer>`,
  ),
);

const notes = (include: string[], exclude: string[]) =>
  generate({ inputs: [{ file: "routes.xml", content: DOC }], include, exclude })
    .diagnostics.filter((d) => d.code === "ODG304" && d.message.startsWith("--include"))
    .map((d) => `${d.severity} ${d.path}: ${d.message}`);

describe("the note on what a wildcard include keeps only through an excluded type", () => {
  test("names a type past the excluded type by a route other than the excluded type's first (/r/b, where `**` stops), with the route on its way (/r/a)", () => {
    expect(notes(["/r/**"], ["t.g"])).toEqual([
      "info /r/**: --include /r/** reaches 1 type the slice keeps (t.leaf) only by URL paths through t.g (/r/a), which --exclude t.g leaves out: no path builder reaches it",
    ]);
  });

  test("does not name a type whose first route goes through the excluded type when a route through none reaches it too (/s/x/mid beside /s/h/mid)", () => {
    // t.mid's first route is /s/h/mid; /s/x/mid reaches it through no excluded type, on the way to /s/x/mid/h/w.
    expect(notes(["/s/**/w"], ["t.h"])).toEqual([]);
    // Without that other route, it is named.
    expect(notes(["/s/**/w"], ["t.h", "t.x"])).toEqual([
      "info /s/**/w: --include /s/**/w reaches 1 type the slice keeps (t.mid) only by URL paths through t.h (/s/h), which --exclude t.h leaves out: no path builder reaches it",
    ]);
  });
});
