// CSDL XML 4.01 §4.1–4.3: the rules of <edmx:Reference>, <edmx:Include> and <edmx:IncludeAnnotations>,
// through the real CLI. A broken reference is a warning and the output is written; what following a
// reference to a local file reads is cli-follow-references.test.ts's.
import { where } from "./helpers/cli";
import { generateDocs } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";

const TYPE = `<ComplexType Name="t"><Property Name="p" Type="Edm.String"/></ComplexType>`;
const ref = (uri: string, inner: string) => `<edmx:Reference Uri="${uri}">${inner}</edmx:Reference>\n`;
const include = (ns: string, alias?: string) => `<edmx:Include Namespace="${ns}"${alias ? ` Alias="${alias}"` : ""}/>`;

describe("edmx:Reference rules (warnings: nothing generated depends on a reference)", () => {
  test("a reference that includes nothing is ODG102 at the reference", async () => {
    const xml = edmx(schema("ns", TYPE), ref("empty.xml", "") + ref("core.xml", include("Org.OData.Core.V1")));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `a.xml:${where(xml, "<edmx:Reference")}: warning ODG102: <edmx:Reference Uri="empty.xml"> includes nothing (CSDL XML §4.1: it must hold an edmx:Include or edmx:IncludeAnnotations) [Reference]`,
    ]);
    expect(r.read("ns.types.ts")).toContain("export interface T");
  });

  test("a namespace included twice, by two references or by one, is ODG104 at the later include, naming the first", async () => {
    const xml = edmx(schema("ns", TYPE), ref("a.xml", include("other.ns", "o")) + ref("b.xml", include("other.ns") + include("third.ns") + include("third.ns")));
    const r = await generateDocs([["main.xml", xml]]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `main.xml:${where(xml, `<edmx:Include Namespace="other.ns"`, 1)}: warning ODG104: namespace other.ns is included twice; the first <edmx:Include> is at main.xml:${where(xml, "<edmx:Include").split(":")[0]} (CSDL XML §4.2: a namespace is included once) [other.ns]`,
      `main.xml:${where(xml, `<edmx:Include Namespace="third.ns"`, 1)}: warning ODG104: namespace third.ns is included twice; the first <edmx:Include> is at main.xml:${where(xml, `<edmx:Include Namespace="third.ns"`).split(":")[0]} (CSDL XML §4.2: a namespace is included once) [third.ns]`,
    ]);
  });

  test("a namespace included and also declared by a schema of the document is ODG104; the schema is read", async () => {
    const xml = edmx(schema("ns", TYPE), ref("self.xml", include("ns", "self")));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `a.xml:${where(xml, "<edmx:Include")}: warning ODG104: namespace ns is included from "self.xml" and declared by a schema of this document, which is what is read (CSDL §5: a namespace is unique in a document) [ns]`,
    ]);
    expect(r.read("ns.types.ts")).toContain("export interface T");
  });

  test("two references with one Uri are ODG104 at the second", async () => {
    const xml = edmx(schema("ns", TYPE), ref("core.xml", include("A.ns")) + ref("core.xml", include("B.ns")));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.lines).toEqual([
      `a.xml:${where(xml, "<edmx:Reference", 1)}: warning ODG104: a second <edmx:Reference Uri="core.xml">; the first is at a.xml:${where(xml, "<edmx:Reference").split(":")[0]} (CSDL XML §4.1: two references may not have one Uri) [Reference]`,
    ]);
  });

  test("an include's alias is checked with the schemas': for two namespaces, or another namespace's name, it is an error (ODG104) at the include", async () => {
    const twice = edmx(schema("ns", TYPE, "x"), ref("o.xml", include("other.ns", "x")));
    const r1 = await generateDocs([["a.xml", twice]]);
    expect(r1.code).toBe(1);
    expect(r1.lines).toEqual([`a.xml:${where(twice, "<Schema")}: error ODG104: alias x stands for both other.ns and ns [ns]`]);
    const named = edmx(schema("ns", TYPE), ref("o.xml", include("other.ns", "ns")));
    const r2 = await generateDocs([["a.xml", named]]);
    expect(r2.code).toBe(1);
    expect(r2.lines).toEqual([`a.xml:${where(named, "<edmx:Include")}: error ODG104: alias ns of other.ns is also the name of a namespace [other.ns]`]);
  });

  test("an alias may be the name of a namespace only another document declares or includes (CSDL XML §4.2): it means its namespace in its document, and payloads do not read it", async () => {
    // a.xml calls other.ns "C"; namespace C is c.xml's, which a.xml does not include.
    const a = edmx(schema("main", `<ComplexType Name="holder"><Property Name="x" Type="C.t"/><Property Name="y" Type="other.ns.t"/></ComplexType>`), ref("o.xml", include("other.ns", "C")));
    const o = edmx(schema("other.ns", TYPE), ref("c.xml", include("C")));
    const c = edmx(schema("C", `<ComplexType Name="u"/>`));
    const r = await generateDocs([["a.xml", a], ["o.xml", o], ["c.xml", c]]);
    expect({ code: r.code, lines: r.lines }).toEqual({ code: 0, lines: [] });
    expect(r.read("main.types.ts")).toMatch(/x\?: T \| null;\n  y\?: T \| null;/);
    // "#C.u" in a payload is namespace C's type: the alias is not among the service's.
    expect(r.read("checkers.ts")).toContain("aliases: {}");
  });
});

describe("edmx:IncludeAnnotations selects nothing: every input's annotations apply", () => {
  const vocabulary = edmx(schema("shared", `${TYPE}
    <Annotations Target="shared.t"><Annotation Term="Org.OData.Core.V1.Description" String="from the shared document"/></Annotations>
    <Annotations Target="shared.t/p"><Annotation Term="Org.OData.Core.V1.Description" Qualifier="Phone" String="qualified"/><Annotation Term="Org.OData.Core.V1.LongDescription" String="long text"/></Annotations>`));

  test("a reference holding only IncludeAnnotations is valid, and annotations its filter leaves out still apply", async () => {
    // Only Display terms with Qualifier Tablet are "included"; Core.Description and Core.LongDescription still apply.
    const main = edmx(schema("main", `<ComplexType Name="holder"><Property Name="t" Type="shared.t"/></ComplexType>`),
      ref("shared.xml", include("shared") + `<edmx:IncludeAnnotations TermNamespace="org.example.display" Qualifier="Tablet" TargetNamespace="main"/>`) +
      ref("shared-annotations.xml", `<edmx:IncludeAnnotations TermNamespace="org.example.display"/>`));
    const r = await generateDocs([["main.xml", main], ["shared.xml", vocabulary]]);
    expect({ code: r.code, lines: r.lines }).toEqual({ code: 0, lines: [] });
    const types = r.read("shared.types.ts");
    expect(types).toContain("from the shared document");
    expect(types).toContain("long text");
  });
});

test("an operation bound to an undefined type is left out with a warning, also when another input references its namespace", async () => {
  const first = edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType><Action Name="poke" IsBound="true"><Parameter Name="it" Type="ns.thingy"/></Action>`));
  const second = edmx(schema("other", TYPE), ref("first.xml", include("ns")));
  for (const docs of [[["first.xml", first], ["second.xml", second]], [["second.xml", second], ["first.xml", first]]] as [string, string][][]) {
    const r = await generateDocs(docs);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`first.xml:${where(first, `<Parameter Name="it"`)}: warning ODG103: action ns.poke is bound to ns.thingy, which is not defined; the action is left out [ns.poke/it]`]);
  }
});

describe("a name no type has: why, in the message", () => {
  test("a base type or navigation target in a referenced document not among the inputs is an error that names the reference", async () => {
    const types = `<EntityType Name="e" BaseType="sh.Base"/><EntityType Name="f"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><NavigationProperty Name="n" Type="sh.Other"/></EntityType>`;
    const xml = edmx(schema("ns", types), ref("shared.xml", include("sh")));
    const r = await generateDocs([["main.xml", xml]]);
    expect(r.code).toBe(1);
    const because = `: namespace sh is referenced (edmx:Reference Uri="shared.xml") but not among the inputs; the reference is not followed: there is no file shared.xml (looked for there): save the document there, or give it as an input too`;
    expect(r.lines).toEqual(
      expect.arrayContaining([
        `main.xml:${where(xml, `<EntityType Name="e"`)}: error ODG103: base type sh.Base is not defined${because} [ns.e]`,
        `main.xml:${where(xml, "<NavigationProperty")}: error ODG103: type sh.Other is not defined${because} [ns.f/n]`,
      ]),
    );
  });

  test("an entity set's or singleton's type in a referenced document not among the inputs is an error that names the reference", async () => {
    const xml = edmx(schema("ns", `<EntityContainer Name="c"><EntitySet Name="es" EntityType="sh.E"/><Singleton Name="me" Type="sh.E"/></EntityContainer>`), ref("shared.xml", include("sh")));
    const r = await generateDocs([["main.xml", xml]]);
    expect(r.code).toBe(1);
    const because = `: namespace sh is referenced (edmx:Reference Uri="shared.xml") but not among the inputs; the reference is not followed: there is no file shared.xml (looked for there): save the document there, or give it as an input too`;
    expect(r.lines).toEqual([
      `main.xml:${where(xml, "<EntitySet")}: error ODG103: type sh.E is not defined${because} [ns.c/es]`,
      `main.xml:${where(xml, "<Singleton")}: error ODG103: type sh.E is not defined${because} [ns.c/me]`,
    ]);
  });

  test("the suggestion is of the kind the place needs: an entity type for a navigation target or an entity's base type", async () => {
    const types = `<EnumType Name="colour"><Member Name="red"/></EnumType><ComplexType Name="place"><Property Name="city" Type="Edm.String"/></ComplexType>
      <EntityType Name="shop" BaseType="ns.plac"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><NavigationProperty Name="c" Type="ns.color"/></EntityType>`;
    const xml = edmx(schema("ns", types));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.lines).toEqual([
      `a.xml:${where(xml, `<EntityType Name="shop"`)}: error ODG103: base type ns.plac is not defined [ns.shop]`,
      `a.xml:${where(xml, "<NavigationProperty")}: error ODG103: type ns.color is not defined [ns.shop/c]`,
    ]);
  });

  test("a misspelt type gets the nearest name of its namespace; a misspelt Edm type the nearest primitive", async () => {
    const types = `<ComplexType Name="address"><Property Name="city" Type="Edm.Strin"/></ComplexType><ComplexType Name="person"><Property Name="home" Type="ns.adress"/></ComplexType>`;
    const xml = edmx(schema("ns", types));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.lines).toEqual([
      `a.xml:${where(xml, `<Property Name="city"`)}: warning ODG108: Edm.Strin is not an OData primitive type (did you mean Edm.String?); it is read as Edm.Untyped [ns.address/city]`,
      `a.xml:${where(xml, `<Property Name="home"`)}: error ODG103: type ns.adress is not defined (did you mean ns.address?) [ns.person/home]`,
    ]);
  });
});

describe("an edmx:Reference's own annotations (CSDL XML §4.1) are checked as any element's", () => {
  test("XML: one without a Term, a constant not of its kind, one applied twice, an unknown attribute and elements of another namespace are reported where they are written, in document order", async () => {
    const own = `<edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/><Annotation Term="Core.Description" String="a"/><Annotation Term="Org.OData.Core.V1.Description" String="b"/>` +
      `<Annotation String="x"/><Annotation Term="Core.DefaultNamespace" Bool="maybe"/><Annotation Term="Core.Description" Qualifier="q" Strng="x"><v:String xmlns:v="urn:v">x</v:String></Annotation>` +
      `<v:Annotation Term="Core.Description" xmlns:v="urn:v"/>`;
    const xml = edmx(schema("ns", TYPE), ref("core.xml", own));
    const r = await generateDocs([["a.xml", xml]]);
    expect(r.code).toBe(0);
    const edm = "http://docs.oasis-open.org/odata/ns/edm";
    expect(r.lines).toEqual([
      `a.xml:${where(xml, `<Annotation Term="Org.OData.Core.V1.Description"`)}: warning ODG104: Org.OData.Core.V1.Description is applied to Reference twice (CSDL §3.6: once per term and qualifier); the first, at a.xml:${where(xml, "<Annotation").split(":")[0]}, is kept and this one ignored [Reference]`,
      `a.xml:${where(xml, `<Annotation String=`)}: warning ODG101: <Annotation> has no Term attribute, or an empty one (CSDL XML §14.2: Term is required); the annotation is ignored [Reference]`,
      `a.xml:${where(xml, `<Annotation Term="Core.DefaultNamespace"`)}: warning ODG102: Bool="maybe" is not a boolean (true, false, 1 or 0); Org.OData.Core.V1.DefaultNamespace is read as false [Reference]`,
      `a.xml:${where(xml, "Strng=")}: warning ODG112: Strng is not an attribute CSDL defines on <Annotation>: it is ignored (did you mean String?) [Reference/@Core.Description]`,
      `a.xml:${where(xml, "<v:String")}: warning ODG102: <v:String> inside <Annotation> is in namespace urn:v, not in OData's (${edm}: CSDL XML §2.2): it is another vocabulary's element with CSDL's name <String>, and is ignored, with its content [Reference/@Core.Description]`,
      `a.xml:${where(xml, "<v:Annotation")}: warning ODG102: <v:Annotation> inside <Reference> is in namespace urn:v, not in OData's (${edm}: CSDL XML §2.2): it is another vocabulary's element with CSDL's name <Annotation>, and is ignored, with its content [Reference]`,
    ]);
  });

  test("CSDL JSON: a $Reference's @ members, the same", async () => {
    const json = `{"$Version":"4.01","$Reference":{"core.json":{"$Include":[{"$Namespace":"Org.OData.Core.V1","$Alias":"Core"}],\n"@Core.Description":"a","@Org.OData.Core.V1.Description":"b","@":1}},\n"ns":{"t":{"$Kind":"ComplexType"}}}`;
    const r = await generateDocs([["a.json", json]]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `a.json:${where(json, `"@Org.OData.Core.V1.Description"`)}: warning ODG104: Org.OData.Core.V1.Description is applied to Reference twice (CSDL §3.6: once per term and qualifier); the first, at a.json:2, is kept and this one ignored [Reference]`,
      `a.json:${where(json, `"@":`)}: warning ODG101: @ names no term; the annotation is ignored [Reference]`,
    ]);
  });
});
