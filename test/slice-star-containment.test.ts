/**
 * A `**` in a URL path pattern goes on across contained navigation properties (CSDL 4.01 §8.4
 * `ContainsTarget`: the target lives under the path) but not below one that is not contained: such a
 * property may be the last segment a `**` matches (its target is kept, with its bound operations),
 * and the target's own API is addressed from its entity set. Segments written out (`*` included) are
 * followed, and where a `**` stopped is said once per pattern, as a note (ODG305).
 */
import * as fs from "node:fs";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { expectSameAsFullSlice, generationErrors } from "./helpers/slice-reference";

const CSDL = edmx(
  schema(
    "t",
    `
    ${keyed("user", `
      <NavigationProperty Name="manager" Type="t.user"/>
      <NavigationProperty Name="messages" Type="Collection(t.message)" ContainsTarget="true"/>
      <NavigationProperty Name="drive" Type="t.drive"/>
      <NavigationProperty Name="photo" Type="t.photo"/>
    `)}
    ${keyed("message", `
      <NavigationProperty Name="from" Type="t.user"/>
      <NavigationProperty Name="attachments" Type="Collection(t.attachment)" ContainsTarget="true"/>
    `)}
    ${keyed("attachment", `<NavigationProperty Name="owner" Type="t.user"/>`)}
    ${keyed("photo")}
    ${keyed("drive", `<NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true"/>`)}
    ${keyed("item", `
      <NavigationProperty Name="workbook" Type="t.workbook" ContainsTarget="true"/>
      <NavigationProperty Name="createdBy" Type="t.user"/>
    `)}
    ${keyed("workbook")}
    <Action Name="send" IsBound="true"><Parameter Name="it" Type="t.message"/></Action>
    <Function Name="recent" IsBound="true"><Parameter Name="it" Type="t.drive"/><ReturnType Type="Collection(Edm.String)"/></Function>
    <Action Name="preview" IsBound="true"><Parameter Name="it" Type="t.item"/></Action>
    <EntityContainer Name="c">
      <Singleton Name="me" Type="t.user"/>
      <EntitySet Name="users" EntityType="t.user"/>
      <EntitySet Name="drives" EntityType="t.drive"/>
    </EntityContainer>`,
  ),
);

const run = (include: string[], exclude: string[] = []) => generate({ inputs: [{ file: "t.xml", content: CSDL }], include, exclude });
const kept = (include: string[], exclude: string[] = []) => [...run(include, exclude).model.types.keys()].sort();
const operations = (include: string[]) => run(include).model.schemas.flatMap((s) => s.operations.map((op) => op.name)).sort();
const notes = (include: string[]) =>
  run(include)
    .diagnostics.filter((d) => d.code === "ODG305" && !d.message.startsWith("slice keeps"))
    .map((d) => `${d.path}: ${d.message}`);

describe("`**` stops at navigation that is not contained", () => {
  test("it goes on across contained navigation, and keeps the target of one that is not contained, not what lies below it", () => {
    // The drive (not contained) is kept, with its bound function; its items (contained in the drive) are not.
    expect(kept(["/me/**"])).toEqual(["t.attachment", "t.drive", "t.message", "t.photo", "t.user"]);
    expect(operations(["/me/**"])).toEqual(["recent", "send"]);
    expectSameAsFullSlice("t.xml", CSDL, { include: ["/me/**"] });
  });

  test("a segment written out is followed, by a name or by `*`, and the `**` after it walks on by the same rule", () => {
    expect(kept(["/me/drive/**"])).toEqual(["t.drive", "t.item", "t.user", "t.workbook"]);
    expect(operations(["/me/drive/**"])).toEqual(["preview", "recent"]);
    expect(kept(["/me/*/**"])).toContain("t.workbook");
    // `**` may end at the drive: `items` is written out after it.
    expect(kept(["/me/**/items"])).toEqual(["t.drive", "t.item", "t.user"]);
    // From the drive's entity set, its own API.
    expect(kept(["/drives/**"])).toEqual(["t.drive", "t.item", "t.user", "t.workbook"]);
  });

  test("an --exclude's `**` stops there too: one written through the property cuts below it", () => {
    expect(generationErrors(CSDL, { include: ["/me/drive/**"], exclude: ["/me/**/workbook"] })).toEqual([
      "0:0 --exclude /me/**/workbook matches no URL path of the service: its `**` stops at 1 navigation property that is not contained below which it would match more " +
        "(/me/drive): `**` does not go on below it; write a path through it out to go on (/me/drive/**/workbook, which reaches t.workbook (/me/drive/items/{id}/workbook))",
    ]);
    expect(kept(["/me/drive/**"], ["/me/drive/**/workbook"])).not.toContain("t.workbook");
  });

  test("where a pattern's `**` stopped is said once, with up to three of the properties and the path that goes on", () => {
    expect(notes(["/me/**"])).toEqual([
      "/me/**: --include /me/** stops at 4 navigation properties that are not contained (/me/manager, /me/drive, /me/messages/{id}/from and 1 more): " +
        "`**` keeps their targets but does not go on below them; write a path through one out to go on (/me/manager/**)",
    ]);
    // A target with nothing below it (the photo) is no stop; one property, however many paths reach it.
    expect(notes(["/me/messages/**"])).toEqual([
      "/me/messages/**: --include /me/messages/** stops at 2 navigation properties that are not contained (/me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): " +
        "`**` keeps their targets but does not go on below them; write a path through one out to go on (/me/messages/{id}/from/**)",
    ]);
    expect(notes(["/me/drive/items/{id}/**"])).toEqual([
      "/me/drive/items/{id}/**: --include /me/drive/items/{id}/** stops at 1 navigation property that is not contained (/me/drive/items/{id}/createdBy): " +
        "`**` keeps its target but does not go on below it; write a path through it out to go on (/me/drive/items/{id}/createdBy/**)",
    ]);
    expect(notes(["/me/drive/items/{id}/workbook"])).toEqual([]);
  });

  test("a `**` with more of the pattern after it: only the stops below which the rest matches, and a pattern through one that reaches it", () => {
    // Below /me/manager (a user) lie its messages' attachments; /me/drive and the senders lead to none but through a user.
    expect(notes(["/me/**/attachments/**"])).toEqual([
      "/me/**/attachments/**: --include /me/**/attachments/** stops at 3 navigation properties that are not contained below which it would match more " +
        "(/me/manager, /me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): `**` does not go on below them, where it would reach only types and operations the slice keeps already",
    ]);
    // A pattern through one keeps the path past it (to attachments the slice keeps already: the note suggests none).
    expect(generate({ inputs: [{ file: "t.xml", content: CSDL }], include: ["/me/manager/**/attachments/**"], why: ["/me/manager/messages/{id}/attachments"] }).slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "addressed by /me/manager/messages/{id}/attachments (--include /me/manager/**/attachments/**)",
    );
    // Past /me/drive, `items` itself goes on: the stops named are those past which more is matched (the manager's drive's items).
    expect(notes(["/me/**/items"])).toEqual([
      "/me/**/items: --include /me/**/items stops at 3 navigation properties that are not contained below which it would match more (/me/manager, /me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): " +
        "`**` does not go on below them, where it would reach only types and operations the slice keeps already",
    ]);
    // A stop below which the rest matches nothing is no note, and its target is not kept: past an item's creator, a workbook lies only below the creator's drive, where a `**` stops again.
    expect(notes(["/drives/**/workbook"])).toEqual([]);
    expect(kept(["/drives/**/workbook"])).toEqual(["t.drive", "t.item", "t.workbook"]);
  });

  test("a pattern ending in a bound operation: the stops below which it would name the operation by a path it does not match, and a pattern through one", () => {
    expect(notes(["/me/**/send"])).toEqual([
      "/me/**/send: --include /me/**/send stops at 3 navigation properties that are not contained below which it would match more (/me/manager, /me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): " +
        "`**` does not go on below them, where it would reach only types and operations the slice keeps already",
    ]);
    // A pattern through one names the action by the path past it (the one /me/messages/{id}/send names: the note suggests none).
    expect(generate({ inputs: [{ file: "t.xml", content: CSDL }], include: ["/me/manager/**/send"], why: ["t.send"] }).slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "named by /me/manager/messages/{id}/send (--include /me/manager/**/send)",
    );
    // By its qualified name too; and the error of one that matches nothing (an item's action lies only below the drive).
    expect(notes(["/me/**/t.send"])).toEqual([expect.stringContaining("(/me/manager, /me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): `**` does not go on below them, where it would reach only types and operations the slice keeps already")]);
    expect(generationErrors(CSDL, { include: ["/me/**/preview"] })).toEqual([
      "0:0 --include /me/**/preview matches no URL path of the service (preview is an operation bound to t.item): its `**` stops at 1 navigation property that is not contained below which it would match more " +
        "(/me/drive): `**` does not go on below it; write a path through it out to go on (/me/drive/**/preview, which reaches action t.preview (/me/drive/items/{id}/preview))",
    ]);
  });

  test("a stop is named when any path past it is one the pattern does not match, not only the first path to each type", () => {
    // Past /me/drive the first path to an item, /me/drive/items, is the pattern's own; /me/drive/list/items is not (to an item, which the slice keeps already).
    const lists = edmx(
      schema(
        "t",
        `
        ${keyed("user", `<NavigationProperty Name="drive" Type="t.drive"/>`)}
        ${keyed("drive", `
          <NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true"/>
          <NavigationProperty Name="list" Type="t.list" ContainsTarget="true"/>
        `)}
        ${keyed("list", `<NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true"/>`)}
        ${keyed("item")}
        <EntityContainer Name="c"><Singleton Name="me" Type="t.user"/></EntityContainer>`,
      ),
    );
    const said = generate({ inputs: [{ file: "t.xml", content: lists }], include: ["/me/**/items"] }).diagnostics.filter((d) => d.code === "ODG305" && !d.message.startsWith("slice keeps"));
    expect(said.map((d) => d.message)).toEqual([
      "--include /me/**/items stops at 1 navigation property that is not contained below which it would match more (/me/drive): `**` does not go on below it, where it would reach only types and operations the slice keeps already",
    ]);
  });

  test("with several includes, a stop below which another include keeps all the pattern would match is not named", () => {
    // `/me/manager/**` keeps the manager's messages' attachments; `/me/manager` keeps only the manager.
    const withNotes = (include: string[]) => run(include).diagnostics.filter((d) => d.code === "ODG305" && d.path === include[0]).map((d) => d.message);
    expect(withNotes(["/me/**/attachments/**", "/me/manager/**"])).toEqual([
      "--include /me/**/attachments/** stops at 2 navigation properties that are not contained below which it would match more (/me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): " +
        "`**` does not go on below them, where it would reach only types and operations the slice keeps already",
    ]);
    expect(withNotes(["/me/**/attachments/**", "/me/manager"])).toEqual([expect.stringContaining("stops at 3 navigation properties that are not contained below which it would match more (/me/manager, ")]);
    // Past every stop another include keeps it all: no note.
    expect(withNotes(["/me/**/items", "/me/manager/drive/items", "/me/messages/**/drive/items"])).toEqual([]);
  });

  test("a pattern that matches nothing because its `**` stopped says so, in its error", () => {
    expect(generationErrors(CSDL, { include: ["/me/**/workbook"] })).toEqual([
      "0:0 --include /me/**/workbook matches no URL path of the service: its `**` stops at 1 navigation property that is not contained below which it would match more " +
        "(/me/drive): `**` does not go on below it; write a path through it out to go on (/me/drive/**/workbook, which reaches t.workbook (/me/drive/items/{id}/workbook))",
    ]);
    expect(kept(["/me/drive/**/workbook"])).toEqual(["t.drive", "t.item", "t.user", "t.workbook"]);
  });
});

describe("--why for what a `**` stopped before", () => {
  test("a type below a navigation property that is not contained: the route the `**` would take, where it stopped, and the pattern that goes on", () => {
    const answers = (include: string[], name: string) => generate({ inputs: [{ file: "t.xml", content: CSDL }], include, why: [name] }).slice?.why?.[0]?.answers.map((a) => `${a.name}: ${a.chain.map((c) => c.reason).join(" <- ")}`);
    expect(answers(["/me/**"], "t.item")).toEqual([
      "t.item: not in the slice: --include /me/** reaches it by /me/drive/items only through a navigation property that is not contained, /me/drive, where its `**` stops: " +
        "it keeps the property's target but does not go on below it; write the path through it out to go on (/me/drive/**)",
    ]);
    // Two stops on the way (the message's sender, then the sender's drive): both written out; an operation bound to the type says so too.
    expect(answers(["/me/messages/**"], "t.preview")).toEqual([
      "action t.preview: not in the slice: it is bound to t.item, which the slice leaves out: --include /me/messages/** reaches it by /me/messages/{id}/from/drive/items only through " +
        "navigation properties that are not contained, /me/messages/{id}/from and /me/messages/{id}/from/drive, where its `**` stops: it keeps their targets but does not go on below them; " +
        "write the path through them out to go on (/me/messages/{id}/from/drive/**)",
    ]);
    // The pattern it names keeps the type.
    expect(kept(["/me/messages/{id}/from/drive/**"])).toContain("t.item");
    // A type kept as a stop's target is answered as kept; one no pattern reaches, as before.
    expect(answers(["/me/**"], "t.drive")).toEqual(["t.drive: addressed by /me/drive (--include /me/**)"]);
    expect(answers(["/me/messages/**"], "t.workbook")).toEqual([
      "t.workbook: not in the slice: --include /me/messages/** reaches it by /me/messages/{id}/from/drive/items/{id}/workbook only through navigation properties that are not contained, " +
        "/me/messages/{id}/from and /me/messages/{id}/from/drive, where its `**` stops: it keeps their targets but does not go on below them; write the path through them out to go on (/me/messages/{id}/from/drive/**)",
    ]);
    expect(answers(["/drives/{id}/items"], "t.attachment")).toEqual(["t.attachment: not in the slice: nothing the slice keeps needs it"]);
  });
});

describe("--why for a navigation target left out names the URL path that keeps it", () => {
  test("through the property, from where a path reached the kept type; a type no path reaches names the flag alone", () => {
    const reason = (include: string[], name: string) => generate({ inputs: [{ file: "t.xml", content: CSDL }], include, why: [name] }).slice?.why?.[0]?.answers[0]?.chain[0]?.reason;
    expect(reason(["/me/messages"], "t.attachment")).toBe(
      "not in the slice: the target of navigation property attachments of t.message, which is kept: --include /me/messages/{id}/attachments keeps it (--include-navigation keeps every navigation target, transitively)",
    );
    expect(kept(["/me/messages", "/me/messages/{id}/attachments"])).toContain("t.attachment");
    expect(reason(["t.message"], "t.attachment")).toBe("not in the slice: the target of navigation property attachments of t.message, which is kept (--include-navigation keeps navigation targets)");
  });
});

describe("the walks that only find what to suggest report no problem of the types they read", () => {
  // A device's category carries an annotation with a member its term does not have (ODG102), read
  // with the device's members; its gadget (contained) has one too, read only past the /me/devices stop.
  const odd = (name: string) =>
    `<NavigationProperty Name="${name}" Type="t.category"><Annotation Term="Org.OData.Capabilities.V1.NavigationRestrictions"><Record><PropertyValue Property="Referenceable" Bool="true"/></Record></Annotation></NavigationProperty>`;
  const DOC = edmx(
    schema(
      "t",
      `
      ${keyed("user", `<NavigationProperty Name="devices" Type="Collection(t.device)"/><NavigationProperty Name="events" Type="Collection(t.event)" ContainsTarget="true"/>`)}
      ${keyed("device", `${odd("category")}<NavigationProperty Name="gadgets" Type="Collection(t.gadget)" ContainsTarget="true"/>`)}
      ${keyed("gadget", `${odd("kind")}<NavigationProperty Name="owner" Type="t.user"/>`)}
      ${keyed("category")}
      ${keyed("event")}
      <EntityContainer Name="c"><Singleton Name="me" Type="t.user"/></EntityContainer>`,
    ),
  );
  const problems = (include: string[], why?: string[]) =>
    generate({ inputs: [{ file: "t.xml", content: DOC }], include, why })
      .diagnostics.filter((d) => d.code === "ODG102")
      .map((d) => d.path);

  test("--why's walk through a kept type's navigation property to the target it names", () => {
    const result = generate({ inputs: [{ file: "t.xml", content: DOC }], include: ["/me"], why: ["t.device"] });
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toContain("--include /me/devices keeps it");
    expect(problems(["/me"], ["t.device"])).toEqual([]);
    // Kept, the device's problem is reported.
    expect(problems(["/me/devices"])).toEqual(["t.device/category/@Org.OData.Capabilities.V1.NavigationRestrictions/Referenceable"]);
  });

  test("the walks past a `**`'s stops", () => {
    // The slice's own walk reads the device (a stop) but not its gadgets, which only the pattern past the stop reaches.
    expect(problems(["/me/**/events"])).toEqual(["t.device/category/@Org.OData.Capabilities.V1.NavigationRestrictions/Referenceable"]);
    expect(problems(["/me/devices/**/events"])).toContain("t.gadget/kind/@Org.OData.Capabilities.V1.NavigationRestrictions/Referenceable");
  });

  test("--why's walks past a stop and through a URL path it is given", () => {
    // Asking why the gadget is left out walks past the stop again, and a URL path is walked to find what it addresses.
    expect(problems(["/me/**/events"], ["t.gadget"])).toEqual(problems(["/me/**/events"]));
    expect(problems(["/me"], ["/me/devices/{id}/gadgets"])).toEqual([]);
  });
});

describe("--why for a type a pattern with two `**` reaches only through stops", () => {
  // /r/**/x/**: t leads to an x; it lies behind the stop s1 (/r/s1/m/m2/t, 5 segments) and behind
  // the stop s2 (/r/a/b/c/s2/n/t, 7), five segments down the contained a, b, c: walked after s1 but
  // before what lies below s1, that route found t first.
  // The pattern matches /r/x.
  const TWO = edmx(
    schema(
      "w",
      `
    ${keyed("root", `
      <NavigationProperty Name="a" Type="w.a" ContainsTarget="true"/>
      <NavigationProperty Name="s1" Type="w.s1"/>
      <NavigationProperty Name="x" Type="w.x" ContainsTarget="true"/>
    `)}
    ${keyed("a", `<NavigationProperty Name="b" Type="w.b" ContainsTarget="true"/>`)}
    ${keyed("b", `<NavigationProperty Name="c" Type="w.c" ContainsTarget="true"/>`)}
    ${keyed("c", `<NavigationProperty Name="s2" Type="w.s2"/>`)}
    ${keyed("s1", `<NavigationProperty Name="m" Type="w.m" ContainsTarget="true"/>`)}
    ${keyed("m", `<NavigationProperty Name="m2" Type="w.m2" ContainsTarget="true"/>`)}
    ${keyed("m2", `<NavigationProperty Name="t" Type="w.t" ContainsTarget="true"/>`)}
    ${keyed("s2", `<NavigationProperty Name="n" Type="w.n" ContainsTarget="true"/>`)}
    ${keyed("n", `<NavigationProperty Name="t" Type="w.t" ContainsTarget="true"/>`)}
    ${keyed("t", `<NavigationProperty Name="x" Type="w.x" ContainsTarget="true"/>`)}
    ${keyed("x")}
    <EntityContainer Name="service"><Singleton Name="r" Type="w.root"/></EntityContainer>
  `,
    ),
  );
  test("names the route through the fewest stops with the fewest segments, not the first found", () => {
    const result = generate({ inputs: [{ file: "w.xml", content: TWO }], include: ["/r/**/x/**"], why: ["w.t"] });
    expect(result.model.types.has("w.t")).toBe(false);
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "not in the slice: --include /r/**/x/** reaches it by /r/s1/m/m2/t only through a navigation property that is not contained, /r/s1, where its `**` stops: " +
        "it does not go on below it; write the path through it out to go on (/r/s1/**/x/**)",
    );
  });
  test("the property where the `**` stopped, left out since the pattern's rest lies below it, is answered so, and its target is not said to be kept", () => {
    const result = generate({ inputs: [{ file: "w.xml", content: TWO }], include: ["/r/**/x/**"], why: ["w.s1"] });
    expect(result.model.types.has("w.s1")).toBe(false);
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "not in the slice: --include /r/**/x/** reaches it by /r/s1 only through a navigation property that is not contained, /r/s1, where its `**` stops: " +
        "it does not go on below it; write the path through it out to go on (/r/s1/**/x/**)",
    );
  });
});

describe("--why for a type below what a far stop reaches first, and a nearer one by a shorter route", () => {
  // /r/**/x/**: p is the target of the stop s2, seven segments down (/r/b1/b2/b3/b4/s2), found there
  // across a stop before m is walked; m, the target of the nearer stop s1, holds it too (/r/a/s1/p).
  // Both go through one stop: u below p is explained by the shorter route.
  const FAR = edmx(
    schema(
      "w",
      `
    ${keyed("root", `
      <NavigationProperty Name="a" Type="w.a" ContainsTarget="true"/>
      <NavigationProperty Name="b1" Type="w.b1" ContainsTarget="true"/>
      <NavigationProperty Name="x" Type="w.x" ContainsTarget="true"/>
    `)}
    ${keyed("a", `<NavigationProperty Name="s1" Type="w.m"/>`)}
    ${keyed("m", `<NavigationProperty Name="p" Type="w.p" ContainsTarget="true"/>`)}
    ${keyed("b1", `<NavigationProperty Name="b2" Type="w.b2" ContainsTarget="true"/>`)}
    ${keyed("b2", `<NavigationProperty Name="b3" Type="w.b3" ContainsTarget="true"/>`)}
    ${keyed("b3", `<NavigationProperty Name="b4" Type="w.b4" ContainsTarget="true"/>`)}
    ${keyed("b4", `<NavigationProperty Name="s2" Type="w.p"/>`)}
    ${keyed("p", `<NavigationProperty Name="q" Type="w.u" ContainsTarget="true"/>`)}
    ${keyed("u", `<NavigationProperty Name="x" Type="w.x" ContainsTarget="true"/>`)}
    ${keyed("x")}
    <EntityContainer Name="service"><Singleton Name="r" Type="w.root"/></EntityContainer>
  `,
    ),
  );
  test("names the shorter route through as many stops", () => {
    const result = generate({ inputs: [{ file: "w.xml", content: FAR }], include: ["/r/**/x/**"], why: ["w.u"] });
    expect(result.model.types.has("w.u")).toBe(false);
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "not in the slice: --include /r/**/x/** reaches it by /r/a/s1/p/q only through a navigation property that is not contained, /r/a/s1, where its `**` stops: " +
        "it does not go on below it; write the path through it out to go on (/r/a/s1/**/x/**)",
    );
  });
});

describe("--why names only the stops a route could not go on without", () => {
  // /me/**/items/**: the `**` stops at /me/drive (not contained), but the literal `items` goes on past
  // it, and the slice keeps /me/drive/items: a route through it crosses only the item's createdBy.
  test("a stop the pattern's next literal carries the path past is not named, and the pattern that goes on is", () => {
    const result = generate({ inputs: [{ file: "t.xml", content: CSDL }], include: ["/me/**/items/**"], why: ["t.message", "t.item"] });
    expect(result.model.types.has("t.item")).toBe(true);
    expect(result.model.types.has("t.message")).toBe(false);
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "not in the slice: --include /me/**/items/** reaches it by /me/drive/items/{id}/createdBy/messages only through a navigation property that is not contained, /me/drive/items/{id}/createdBy, " +
        "where its `**` stops: it keeps the property's target but does not go on below it; write the path through it out to go on (/me/drive/items/{id}/createdBy/**)",
    );
    expect(result.slice?.why?.[1]?.answers[0]?.chain[0]?.reason).toBe("addressed by /me/drive/items (--include /me/**/items/**)");
  });
});

describeWithGraph("--why where Graph's `/education/**` stops")("--why on Graph v1.0 where `/education/**` stops", () => {
  test("the education API's slice leaves out the group's workbooks and calendars: --why says where its `**` stopped, and what goes on", () => {
    const result = generate({ inputs: [{ file: "graph.xml", content: fs.readFileSync(GRAPH, "utf8") }], include: ["/education/**"], why: ["microsoft.graph.calendar", "microsoft.graph.workbook"] });
    const reasons = result.slice?.why?.map((w) => w.answers[0]?.chain[0]?.reason);
    expect(reasons?.[0]).toBe(
      "not in the slice: --include /education/** reaches it by /education/classes/{id}/group/calendar only through a navigation property that is not contained, /education/classes/{id}/group, " +
        "where its `**` stops: it keeps the property's target but does not go on below it; write the path through it out to go on (/education/classes/{id}/group/**)",
    );
    expect(reasons?.[1]).toMatch(/^not in the slice: --include \/education\/\*\* reaches it by \/education\/classes\/\{id\}\/group\/.*\/workbook only through navigation properties that are not contained, \/education\/classes\/\{id\}\/group and .*; write the path through them out to go on \(\/education\/classes\/\{id\}\/group\/.*\/\*\*\)$/);
  });
});

describeWithGraph("--why where Graph's `/me/**/items/**` stops")("--why on Graph v1.0 where `/me/**/items/**` stops", () => {
  test("/me/drive, which `items` goes on past, is not named; the user who created an item is, with the pattern that goes on", () => {
    const result = generate({ inputs: [{ file: "graph.xml", content: fs.readFileSync(GRAPH, "utf8") }], include: ["/me/**/items/**"], why: ["microsoft.graph.adhocCall"] });
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      "not in the slice: --include /me/**/items/** reaches it by /me/drive/items/{id}/createdByUser/adhocCalls only through a navigation property that is not contained, /me/drive/items/{id}/createdByUser, " +
        "where its `**` stops: it keeps the property's target but does not go on below it; write the path through it out to go on (/me/drive/items/{id}/createdByUser/**)",
    );
  });
});

describeWithGraph("the pattern ODG305 suggests past Graph's stops")("on Graph v1.0, the pattern a note suggests past a stop keeps what the note says", () => {
  const content = () => fs.readFileSync(GRAPH, "utf8");
  // A pattern ending in a bound operation is noted as one ending in a navigation property is.
  test.each(["/me/**/items/**", "/sites/**/lists/**", "/groups/**/lists/**"])("%s", (include) => {
    const first = generate({ inputs: [{ file: "graph.xml", content: content() }], include: [include] });
    const note = first.diagnostics.find((d) => d.code === "ODG305" && d.message.startsWith(`--include ${include} stops at`));
    const said = note?.message.match(/ below which it would match more \((\/[^ ,]+)[ ,].*; write a path through (?:it|one) out to go on \((\S+), which reaches (action |function )?(\S+) \((\S+)\)\)$/);
    expect(said).toBeTruthy();
    const [, , suggested, operation, name, path] = said!;
    // The suggestion writes the route to a stop out, then the pattern from a `**` on; what it reaches is not in the slice yet.
    expect(path!.startsWith(suggested!.slice(0, suggested!.indexOf("/**")) + "/")).toBe(true);
    if (operation) expect(first.model.schemas.some((s) => s.operations.some((op) => op.qualifiedName === name))).toBe(false);
    else expect(first.model.types.has(name!)).toBe(false);
    const again = generate({ inputs: [{ file: "graph.xml", content: content() }], include: [suggested!], why: [operation ? name! : path!] });
    if (operation) expect(again.model.schemas.some((s) => s.operations.some((op) => op.qualifiedName === name))).toBe(true);
    else expect(again.model.types.has(name!)).toBe(true);
    expect(again.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toMatch(new RegExp(`^(addressed|named) by \\S+ \\(--include ${suggested!.replace(/[*{}]/g, "\\$&")}\\)$`));
    // The path is one the suggestion matches (as an --exclude it leaves the path out), and the pattern does not.
    expect(generationErrors(content(), { include: [path!], exclude: [suggested!] })).toEqual([`0:0 --include ${path} matches only URL paths that --exclude ${suggested} leaves out`]);
    expect(generationErrors(content(), { include: [path!], exclude: [include] })).toEqual([]);
  });
});
