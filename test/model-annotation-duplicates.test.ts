// CSDL 4.01 §3.6: a model element has at most one annotation per term and qualifier. When a document
// (or two) applies one twice, the first read is kept — the element's own before any <Annotations>
// block's, blocks in document order, documents in the order given — and each later one is a warning
// (ODG104) at it, naming where the first is. Through the real CLI; the generated code shows the winner.
import { where } from "./helpers/cli";
import { generateDocs } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";

const DESCRIPTION = "Org.OData.Core.V1.Description";
const desc = (text: string, qualifier?: string) => `<Annotation Term="${DESCRIPTION}"${qualifier ? ` Qualifier="${qualifier}"` : ""} String="${text}"/>`;
const block = (target: string, inner: string, qualifier?: string) => `<Annotations Target="${target}"${qualifier ? ` Qualifier="${qualifier}"` : ""}>${inner}</Annotations>`;
const type = (inner = "", prop = "") => `<ComplexType Name="t">${inner}<Property Name="p" Type="Edm.String">${prop}</Property></ComplexType>`;
const line = (xml: string, needle: string, nth = 0) => where(xml, needle, nth).split(":")[0];
const twice = (file: string, at: string, target: string, first: string, what = DESCRIPTION) =>
  `${file}:${at}: warning ODG104: ${what} is applied to ${target} twice (CSDL §3.6: once per term and qualifier); the first, at ${first}, is kept and this one ignored [${target}]`;

describe("a term applied twice to one target with one qualifier", () => {
  test("inline twice: the first is kept", async () => {
    const xml = edmx(schema("ns", type("", desc("first") + desc("second"))));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([twice("a.xml", where(xml, "<Annotation", 1), "ns.t/p", `a.xml:${line(xml, "<Annotation")}`)]);
    expect(r.read("ns.types.ts")).toContain("/** first */");
    expect(r.read("ns.types.ts")).not.toContain("second");
  });

  test("inline and in an <Annotations> block (even one written before the element): the element's own is kept", async () => {
    const xml = edmx(schema("ns", block("ns.t", desc("from the block")) + type(desc("inline"))));
    // A slice reads the type's content and the block later, each when it needs them: the same one is kept.
    for (const slice of [[], ["--include", "ns.t"]]) {
      const r = await generateDocs([["a.xml", xml]], slice);
      expect(r.lines).toEqual([twice("a.xml", where(xml, "<Annotation "), "ns.t", `a.xml:${line(xml, "<Annotation ", 1)}`)]);
      expect(r.read("ns.types.ts")).toContain("inline");
      expect(r.read("ns.types.ts")).not.toContain("from the block");
    }
  });

  test("two <Annotations> blocks in one document: the first in document order, so swapping them swaps the winner (as the README says)", async () => {
    const one = block("ns.t/p", desc("one"));
    const two = block("self.t/p", desc("two"));
    for (const [first, second, kept, dropped] of [[one, two, "one", "two"], [two, one, "two", "one"]]) {
      const xml = edmx(schema("ns", type() + first + second, "self"));
      const r = await generateDocs([["a.xml", xml]]);
      expect(r.lines).toEqual([twice("a.xml", where(xml, "<Annotation ", 1), "ns.t/p", `a.xml:${line(xml, "<Annotation ")}`)]);
      expect(r.read("ns.types.ts")).toContain(`/** ${kept} */`);
      expect(r.read("ns.types.ts")).not.toContain(dropped);
    }
  });

  test("in two input documents: the first in the order given", async () => {
    const shared = edmx(schema("shared", type()));
    const a = edmx(schema("a", block("shared.t", desc("from a"))));
    const b = edmx(schema("b", block("shared.t", desc("from b"))));
    const ab = await generateDocs([["shared.xml", shared], ["a.xml", a], ["b.xml", b]]);
    expect(ab.lines).toEqual([twice("b.xml", where(b, "<Annotation "), "shared.t", `a.xml:${line(a, "<Annotation ")}`)]);
    expect(ab.read("shared.types.ts")).toContain("from a");
    const ba = await generateDocs([["shared.xml", shared], ["b.xml", b], ["a.xml", a]]);
    expect(ba.lines).toEqual([twice("a.xml", where(a, "<Annotation "), "shared.t", `b.xml:${line(b, "<Annotation ")}`)]);
    expect(ba.read("shared.types.ts")).toContain("from b");
  });

  test("a block's Qualifier counts as its annotations' own; other qualifiers are other annotations", async () => {
    const xml = edmx(schema("ns", type("", desc("plain") + desc("inline", "Phone")) + block("ns.t/p", desc("block"), "Phone") + block("ns.t/p", desc("tablet", "Tablet"))));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.lines).toEqual([twice("a.xml", where(xml, `<Annotation Term="${DESCRIPTION}" String="block"`), "ns.t/p", `a.xml:${line(xml, "<Annotation ")}`, `${DESCRIPTION} with Qualifier Phone`)]);
    expect(r.read("ns.types.ts")).toContain("/** plain */");
  });

  test("on the entity container, inline and in a block: the element's own decides the key style (before, either one's true made keys segments)", async () => {
    const term = "Org.OData.Capabilities.V1.KeyAsSegmentSupported";
    const xml = edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityContainer Name="svc"><EntitySet Name="es" EntityType="ns.e"/><Annotation Term="${term}" Bool="false"/></EntityContainer>
      ${block("ns.svc", `<Annotation Term="${term}" Bool="true"/>`)}`));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.lines).toEqual([twice("a.xml", where(xml, "<Annotation ", 1), "ns.svc", `a.xml:${line(xml, "<Annotation ")}`, term)]);
    expect(r.read("ns.requests.ts")).toContain(`rt.key("id", rt.edmString)`);
  });

  test("a term no generated line depends on (Graph's ReadRestrictions): a note, not printed, so --fail-on-warnings passes", async () => {
    const term = "Org.OData.Capabilities.V1.ReadRestrictions";
    const restriction = (readable: boolean) => `<Annotation Term="${term}"><Record><PropertyValue Property="Readable" Bool="${readable}"/></Record></Annotation>`;
    const xml = edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityContainer Name="svc"><EntitySet Name="es" EntityType="ns.e">${restriction(true)}</EntitySet></EntityContainer>
      ${block("ns.svc/es", restriction(false))}`));
    const r = await generateDocs([["a.xml", xml]], ["--fail-on-warnings"]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([]);
    // The same shape with a term the generated code reads is a warning, and fails the run.
    const etag = "Org.OData.Core.V1.OptimisticConcurrency";
    const read = await generateDocs([["a.xml", xml.split(term).join(etag)]], ["--fail-on-warnings"]);
    expect(read.code).toBe(1);
    expect(read.lines).toEqual([expect.stringContaining(`warning ODG104: ${etag} is applied to ns.svc/es twice`)]);
  });

  test("a slice keeps the same one, and says so", async () => {
    const xml = edmx(schema("ns", type() + block("ns.t/p", desc("one")) + block("ns.t/p", desc("two")) + `<ComplexType Name="other"/>`));
    const full = await generateDocs([["a.xml", xml]]);
    const slice = await generateDocs([["a.xml", xml]], ["--include", "ns.t"]);
    expect(slice.lines).toEqual(full.lines);
    expect(slice.lines).toHaveLength(1);
    expect(slice.read("ns.types.ts")).toContain("/** one */");
    expect(slice.read("ns.types.ts")).not.toContain("two");
  });

  test("overloads of an operation each have their own annotations", async () => {
    const xml = edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityType Name="f"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <Action Name="go" IsBound="true"><Parameter Name="it" Type="ns.e">${desc("it")}</Parameter>${desc("go e")}</Action>
      <Action Name="go" IsBound="true"><Parameter Name="it" Type="ns.f">${desc("it")}</Parameter>${desc("go f")}${desc("again")}</Action>`));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.lines).toEqual([twice("a.xml", where(xml, `${desc("again")}`), "ns.go", `a.xml:${line(xml, desc("go f"))}`)]);
  });
});
