/**
 * A slice pattern that names a type as documentation and the generated code do, without its
 * namespace (`session`, `Session`, `callRecords.session`), matches nothing, since patterns match
 * qualified names: ODG302 suggests the qualified names that end in it, for --include, --exclude and
 * --why alike.
 */
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { sliceErrors as errorsOf } from "./helpers/slice-errors";

const hint = (flag: string, pattern: string, want: string) =>
  `${flag} ${pattern} matches no type, operation or namespace (did you mean ${want}?)`;

describe("a name without its namespace: the qualified names that end in it", () => {
  test.each([
    ["session", "microsoft.graph.callRecords.session"],
    ["Session", "microsoft.graph.callRecords.session"],
    ["callRecords.session", "microsoft.graph.callRecords.session"],
    ["identity", "microsoft.graph.identity"],
  ])("--include %s", (pattern, want) => {
    expect(errorsOf([pattern])).toEqual([hint("--include", pattern, want)]);
  });

  test("in an --exclude too", () => {
    expect(errorsOf(["microsoft.graph.callRecords.session"], ["userAgent"])).toEqual([
      hint("--exclude", "userAgent", "microsoft.graph.callRecords.userAgent"),
    ]);
  });

  // Four namespaces with an `item`, one with an `Item`: three named, the exact spelling's first.
  const DOC = edmx(["a", "b", "c", "d"].map((ns) => schema(ns, keyed("item"))).concat(schema("e", keyed("Item"))));
  const run = (options: { include?: string[]; why?: string[] }) => generate({ inputs: [{ file: "items.xml", content: DOC }], ...options });

  test("several: three named, the rest counted", () => {
    let error: unknown;
    try {
      run({ include: ["item"] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenerationError);
    expect((error as GenerationError).diagnostics.filter((d) => d.code === "ODG302").map((d) => d.message)).toEqual([
      hint("--include", "item", "a.item, b.item, c.item or one of 2 more names ending in .item"),
    ]);
  });

  test("--why's warning has the hint", () => {
    const r = run({ include: ["a.item"], why: ["Item"] });
    expect(r.diagnostics.filter((d) => d.code === "ODG302").map((d) => d.message)).toEqual([
      "--why Item matches no type or operation (did you mean e.Item, a.item, b.item or one of 2 more names ending in .Item?)",
    ]);
  });

  test("the start of namespaces but none itself: the glob that takes them all", () => {
    expect(errorsOf(["microsoft"])).toEqual([hint("--include", "microsoft", "microsoft.**")]);
    expect(errorsOf(["microsoft.graph.callRecords."])).toEqual([
      hint("--include", "microsoft.graph.callRecords.", "microsoft.graph.callRecords.**"),
    ]);
    const doc = edmx([schema("contoso.api.v1", keyed("item")), schema("contoso.api.v2", keyed("thing"))]);
    const r = generate({ inputs: [{ file: "api.xml", content: doc }], include: ["contoso.api.v1"], why: ["contoso.api"] });
    expect(r.diagnostics.filter((d) => d.code === "ODG302").map((d) => d.message)).toEqual([
      "--why contoso.api matches no type or operation (did you mean contoso.api.**?)",
    ]);
  });

  test("no hint for a glob, nor for a name no qualified name ends in", () => {
    expect(errorsOf(["*.sesion"])).toEqual(["--include *.sesion matches no type, operation or namespace"]);
    expect(errorsOf(["meeting"])).toEqual(["--include meeting matches no type, operation or namespace"]);
  });
});
