/**
 * An --include URL path with wildcards whose every path goes through a type an --exclude name leaves
 * out (`--include '/me/drive/**' --exclude microsoft.graph.drive`): the slice keeps what the pattern
 * addresses past that type, without the navigation properties to it; a warning names the pattern, the
 * excluded type and its route, and what is kept. One that also matches paths through no excluded type is quiet.
 */
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("user", `<NavigationProperty Name="drive" Type="t.drive" ContainsTarget="true"/>`)}
  ${keyed("group", `<NavigationProperty Name="drive" Type="t.drive" ContainsTarget="true"/>`)}
  ${keyed("drive", `<NavigationProperty Name="items" Type="Collection(t.driveItem)" ContainsTarget="true"/>`)}
  ${keyed("driveItem", `<NavigationProperty Name="children" Type="Collection(t.driveItem)" ContainsTarget="true"/><NavigationProperty Name="thumbnails" Type="Collection(t.thumbnail)" ContainsTarget="true"/>`)}
  ${keyed("thumbnail")}
  ${keyed("share", `<NavigationProperty Name="driveItem" Type="t.driveItem" ContainsTarget="true"/>`)}
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <EntitySet Name="groups" EntityType="t.group"/>
    <EntitySet Name="shares" EntityType="t.share"/>
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
  ),
);

const run = (include: string[], exclude: string[]) => generate({ inputs: [{ file: "drive.xml", content: DOC }], include, exclude });
const warnings = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.severity} ${d.code} ${d.path}: ${d.message}`);

describe("an --include path with wildcards all of whose paths go through an excluded type", () => {
  test("is a warning at the pattern: the excluded type, its route, and what the slice keeps past it (as before)", () => {
    const r = run(["/me/drive/**"], ["t.drive"]);
    expect(warnings(r)).toEqual([
      "warning ODG304 /me/drive/**: --include /me/drive/** matches URL paths only through t.drive (/me/drive), which --exclude t.drive leaves out: the slice keeps the 2 types it addresses past it (t.driveItem, t.thumbnail), but not the navigation properties to t.drive, so no path builder reaches them by a path the pattern matches",
    ]);
    // The slice itself is as it was: the types past the excluded one, and no navigation to it.
    expect([...r.model.types.keys()].sort()).toEqual(["t.driveItem", "t.thumbnail", "t.user"]);
  });

  test("names each excluded type the paths go through, with the --excludes that name them", () => {
    expect(warnings(run(["/*/drive/**"], ["t.user", "t.group"]))).toEqual([
      "warning ODG304 /*/drive/**: --include /*/drive/** matches URL paths only through t.user (/users) and t.group (/groups), which --exclude t.user and t.group leave out: the slice keeps the 3 types it addresses past them (t.drive, t.driveItem, t.thumbnail), but not the navigation properties to them, so no path builder reaches them by a path the pattern matches",
    ]);
  });

  test("names an excluded type the paths go through elsewhere, though a walk found it first below another listed", () => {
    // The walk meets t.drive first at /users/{id}/drive, below t.user; /groups/{id}/drive/** goes through t.drive alone.
    expect(warnings(run(["/*/drive/**"], ["t.user", "t.drive"]))).toEqual([
      "warning ODG304 /*/drive/**: --include /*/drive/** matches URL paths only through t.user (/users) and t.drive (/groups/{id}/drive), which --exclude t.user and t.drive leave out: the slice keeps the 2 types it addresses past them (t.driveItem, t.thumbnail), but not the navigation properties to them, so no path builder reaches them by a path the pattern matches",
    ]);
    // One below another listed, and on no other path, is cut off by that one already.
    expect(warnings(run(["/me/*/**"], ["t.drive", "t.driveItem"])).find((w) => w.includes("ODG304"))).toMatch(/only through t\.drive \(\/me\/drive\), which --exclude t\.drive leaves out: /);
  });

  test("quiet when the pattern also matches a path through no excluded type, or the excluded type is not on the way", () => {
    expect(warnings(run(["/me/**"], ["t.drive"]))).toEqual([]);
    expect(warnings(run(["/**/thumbnails"], ["t.drive"]))).toEqual([]);
    expect(warnings(run(["/me/drive/**"], ["t.driveItem"]))).toEqual([]);
  });

  test("one that also matches other paths has a note (not a warning) of what it keeps only through excluded types", () => {
    const notes = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.severity === "info" && d.code === "ODG304").map((d) => `${d.path}: ${d.message}`);
    const r = run(["/me/**"], ["t.drive"]);
    expect(warnings(r)).toEqual([]);
    expect(notes(r)).toEqual([
      "/me/**: --include /me/** reaches 2 types the slice keeps (t.driveItem, t.thumbnail) only by URL paths through t.drive (/me/drive), which --exclude t.drive leaves out: no path builder reaches them",
    ]);
    // What another include reaches through no excluded type has a path builder; what one names is kept as asked.
    expect(notes(run(["/me/**", "/shares/**"], ["t.drive"]))).toEqual([]);
    expect(notes(run(["/me/**", "t.thumbnail"], ["t.drive"]))).toEqual([expect.stringMatching(/reaches 1 type the slice keeps \(t\.driveItem\) only by URL paths through t\.drive \(\/me\/drive\), .*: no path builder reaches it$/)]);
    // Nothing kept only past an excluded type: no note.
    expect(notes(run(["/**/thumbnails"], ["t.drive"]))).toEqual([]);
    expect(notes(run(["/me/**"], ["t.share"]))).toEqual([]);
  });

  test("a path without wildcards keeps its warning at the excluded type; a slice that keeps nothing has only its error", () => {
    expect(warnings(run(["/me/drive/items"], ["t.drive"]))).toEqual([
      "warning ODG304 t.drive: t.drive is on the URL path /me/drive, on the way to what --include /me/drive/items selects, but --exclude t.drive leaves it out: the slice has no path builder that reaches it",
    ]);
    let failed: GenerationError | undefined;
    try {
      run(["/me/dri*"], ["t.drive", "t.user"]);
    } catch (e) {
      if (!(e instanceof GenerationError)) throw e;
      failed = e;
    }
    const said = failed!.diagnostics.filter((d) => d.severity !== "info");
    expect(said.map((d) => `${d.severity} ${d.code}`)).toEqual(["error ODG302"]);
    expect(said[0]!.message).toMatch(/^the slice keeps nothing/);
  });

  test("--why: the excluded type is left out by its --exclude; a type kept past it names the path, and that it goes through the excluded type", () => {
    const r = generate({ inputs: [{ file: "drive.xml", content: DOC }], include: ["/me/drive/**"], exclude: ["t.drive"], why: ["t.drive", "t.thumbnail", "t.share"] });
    const said = (r.slice?.why ?? []).flatMap((w) => w.answers.map((a) => `${a.name} ${a.kept ? "kept" : "not kept"}: ${a.chain.map((c) => c.reason).join(" <- ")}`));
    expect(said).toEqual([
      "t.drive not kept: not in the slice: --exclude t.drive leaves it out",
      "t.thumbnail kept: addressed by /me/drive/items/{id}/thumbnails (--include /me/drive/**); that path goes through t.drive (/me/drive), which --exclude t.drive leaves out: no path builder follows it",
      "t.share not kept: not in the slice: nothing the slice keeps needs it",
    ]);
    // A route through no excluded type says nothing more.
    const clear = generate({ inputs: [{ file: "drive.xml", content: DOC }], include: ["/me/drive/**"], exclude: ["t.share"], why: ["t.thumbnail"] });
    expect(clear.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe("addressed by /me/drive/items/{id}/thumbnails (--include /me/drive/**)");
  });

  test("--why names a path through no excluded type when there is one, though the walk found one through an excluded type first", () => {
    const why = (include: string[], exclude: string[], names: string[]) =>
      (generate({ inputs: [{ file: "drive.xml", content: DOC }], include, exclude, why: names }).slice?.why ?? []).map((w) => `${w.answers[0]?.name}: ${w.answers[0]?.chain[0]?.reason}`);
    // The walk meets t.drive and what lies below it first under /users, which --exclude t.user cuts; /groups does not.
    expect(why(["/*/drive/**"], ["t.user"], ["t.thumbnail", "t.drive"])).toEqual([
      "t.thumbnail: addressed by /groups/{id}/drive/items/{id}/thumbnails (--include /*/drive/**)",
      "t.drive: addressed by /groups/{id}/drive (--include /*/drive/**)",
    ]);
    // On the way to what the pattern selects, as the first path was.
    expect(why(["/*/drive/items"], ["t.user"], ["t.drive"])).toEqual(["t.drive: on the URL path /groups/{id}/drive, on the way to what --include /*/drive/items selects"]);
    // Every path cut: the first, and the cut.
    expect(why(["/*/drive/**"], ["t.user", "t.group"], ["t.thumbnail"])).toEqual([
      "t.thumbnail: addressed by /users/{id}/drive/items/{id}/thumbnails (--include /*/drive/**); that path goes through t.user (/users), which --exclude t.user leaves out: no path builder follows it",
    ]);
  });
});

describe("the route the warning names for an excluded type", () => {
  // As Graph's: a user's own drive, and the drives of the sites the user follows.
  const FOLLOWED = edmx(
    schema(
      "t",
      `
  ${keyed("user", `<NavigationProperty Name="followedSites" Type="Collection(t.site)"/><NavigationProperty Name="drive" Type="t.drive" ContainsTarget="true"/>`)}
  ${keyed("site", `<NavigationProperty Name="drive" Type="t.drive" ContainsTarget="true"/>`)}
  ${keyed("drive", `<NavigationProperty Name="items" Type="Collection(t.driveItem)" ContainsTarget="true"/>`)}
  ${keyed("driveItem")}
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
  </EntityContainer>`,
    ),
  );
  const said = (include: string) =>
    generate({ inputs: [{ file: "followed.xml", content: FOLLOWED }], include: [include], exclude: ["t.drive"] })
      .diagnostics.filter((d) => d.severity === "warning" && d.code === "ODG304")
      .map((d) => d.message.replace(/, which .*/, ""));

  test("is one the pattern matches: a `*` is a navigation property, so /users/*/drive/** goes through a followed site's drive, not the user's", () => {
    expect(said("/users/*/drive/**")).toEqual(["--include /users/*/drive/** matches URL paths only through t.drive (/users/{id}/followedSites/{id}/drive)"]);
    expect(said("/users/{id}/drive/**")).toEqual(["--include /users/{id}/drive/** matches URL paths only through t.drive (/users/{id}/drive)"]);
  });
});
