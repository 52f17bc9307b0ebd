// Core.AlternateKeys read into the model (generator/model/alternate-keys.ts): from CSDL XML and CSDL
// JSON, inline and by <Annotations>, on an entity type (inherited by its subtypes), an entity set and
// a navigation property; each mistake a warning (ODG106) at its <Annotation>, naming the element path,
// and the key left out.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { navigationAlternateKeys, setAlternateKeys, typeAlternateKeys, type AlternateKey } from "../generator/model/alternate-keys";
import { scratch } from "./helpers/cli";
import { buildOk, edmx, entity, schema } from "./helpers/csdl";
import { xmlToCsdlJson } from "./helpers/csdl-json";

const names = (keys: AlternateKey[]) => keys.map((k) => k.parts.map((p) => `${p.alias}=${p.name}:${p.property.type.type.qualifiedName}`).join(","));
const ref = (name: string, alias?: string) => `<Record><PropertyValue Property="Name" PropertyPath="${name}"/>${alias === undefined ? "" : `<PropertyValue Property="Alias" String="${alias}"/>`}</Record>`;
const alt = (...keys: string[][]) =>
  `<Annotation Term="Org.OData.Core.V1.AlternateKeys"><Collection>${keys.map((k) => `<Record><PropertyValue Property="Key"><Collection>${k.join("")}</Collection></PropertyValue></Record>`).join("")}</Collection></Annotation>`;

const TYPES = (app = "", extra = "") => `
  <EntityType Name="app"><Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="appId" Type="Edm.Guid"/><Property Name="serial" Type="Edm.Int64"/>
    <Property Name="home" Type="ns.place"/><Property Name="tags" Type="Collection(Edm.String)"/>
    <NavigationProperty Name="owners" Type="Collection(ns.user)">${extra}</NavigationProperty>${app}</EntityType>
  <EntityType Name="special" BaseType="ns.app"><Property Name="code" Type="Edm.String"/>${alt([ref("code")])}</EntityType>
  <EntityType Name="user"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="mail" Type="Edm.String"/><Property Name="upn" Type="Edm.String"/></EntityType>
  <ComplexType Name="place"><Property Name="city" Type="Edm.String"/></ComplexType>
  <EntityContainer Name="svc"><EntitySet Name="apps" EntityType="ns.app"/><EntitySet Name="users" EntityType="ns.user"/></EntityContainer>`;

const run = (xml: string) =>
  generate({ inputs: [{ file: "alt.xml", content: xml }], requests: false, validators: false }).diagnostics.map((d) => [d.severity, d.code, d.line, d.column, d.path, d.message]);

describe("reading", () => {
  test("inline on a type, by <Annotations> on a type, a set and a navigation property, through a complex property; a subtype inherits them", () => {
    const model = buildOk(edmx(schema("ns", `${TYPES(alt([ref("appId")]), alt([ref("upn")]))}
      <Annotations Target="self.app">${alt([ref("serial"), ref("home/city", "city")])}</Annotations>
      <Annotations Target="ns.svc/users">${alt([ref("mail", "email")])}</Annotations>`, "self")));
    const app = entity(model, "ns.app");
    // The type's own first, then the block's (CSDL §3.6 would have one annotation; the second is reported, ODG104).
    expect(names(typeAlternateKeys(app))).toEqual(["appId=appId:Edm.Guid"]);
    expect(names(typeAlternateKeys(entity(model, "ns.special")))).toEqual(["appId=appId:Edm.Guid", "code=code:Edm.String"]);
    const c = model.container!;
    expect(names(setAlternateKeys(c.entitySets[1], c.qualifiedName))).toEqual(["email=mail:Edm.String"]);
    expect(names(setAlternateKeys(c.entitySets[0], c.qualifiedName))).toEqual(["appId=appId:Edm.Guid"]);
    expect(names(navigationAlternateKeys(app.navigationProperties[0]))).toEqual(["upn=upn:Edm.String"]);
  });

  test("by an <Annotations> block alone: a composite key, one through a complex property by its Alias", () => {
    const model = buildOk(edmx(schema("ns", `${TYPES()}<Annotations Target="ns.app">${alt([ref("serial"), ref("home/city", "city")], [ref("appId")])}</Annotations>`)));
    expect(names(typeAlternateKeys(entity(model, "ns.app")))).toEqual(["serial=serial:Edm.Int64,city=home/city:Edm.String", "appId=appId:Edm.Guid"]);
  });

  test("CSDL JSON: inline and in $Annotations, as XML has them", () => {
    const key = (...refs: object[]) => ({ Key: refs });
    const json = {
      $Version: "4.01",
      $EntityContainer: "ns.svc",
      ns: {
        app: {
          $Kind: "EntityType", $Key: ["id"], id: {}, appId: { $Type: "Edm.Guid", $Nullable: true }, uniqueName: { $Nullable: true },
          "@Org.OData.Core.V1.AlternateKeys": [key({ Name: { $PropertyPath: "appId" }, Alias: "appId" })],
        },
        svc: { $Kind: "EntityContainer", apps: { $Collection: true, $Type: "ns.app" } },
        $Annotations: { "ns.svc/apps": { "@Org.OData.Core.V1.AlternateKeys": [key({ Name: { $PropertyPath: "uniqueName" } })] } },
      },
    };
    const r = generate({ inputs: [{ file: "alt.json", content: JSON.stringify(json) }], validators: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.files.get("ns.requests.ts")).toContain("rt.CollectionRef<\n  App,\n  string | { appId: string; uniqueName?: never } | { uniqueName: string; appId?: never }\n>");
    expect(r.files.get("ns.requests.ts")).toContain('rt.alternateKeys(rt.key("id", rt.edmString), [[["appId", rt.edmGuid]], [["uniqueName", rt.edmString]]])');
  });
});

describe("mistakes: a warning at the <Annotation>, the key left out", () => {
  test("each problem with its line, column and element path", () => {
    const xml = edmx(schema("ns", `${TYPES(
      alt([ref("appid")], [], [ref("tags")], [ref("home")], [ref("home/city")], [ref("appId"), ref("serial", "appId")], [ref("id")], [ref("serial", "a*b")], [ref("serial", "serial-no")]),
      `<Annotation Term="Org.OData.Core.V1.AlternateKeys" String="appId"/>`,
    )}`));
    const at = (i: number) => `ns.app/@Org.OData.Core.V1.AlternateKeys/${i}`;
    const left = "; the alternate key is left out";
    expect(run(xml)).toEqual([
      ["warning", "ODG106", 9, 154, `${at(0)}/Key/0`, `alternate key 1 of ns.app: property appid is not a property of ns.app (did you mean appId?)${left}`],
      ["warning", "ODG106", 9, 154, at(1), `alternate key 2 of ns.app has no properties (Core.AlternateKey: its Key lists them)${left}`],
      ["warning", "ODG106", 9, 154, `${at(2)}/Key/0`, `alternate key 3 of ns.app: property tags is a collection-valued property of ns.app (CSDL 4.01 §6.5: key properties are single-valued)${left}`],
      ["warning", "ODG106", 9, 154, `${at(3)}/Key/0`, `alternate key 4 of ns.app: property home has type ns.place, which has no key literal (CSDL 4.01 §6.5: a key is made of primitive properties)${left}`],
      ["warning", "ODG106", 9, 154, `${at(4)}/Key/0`, `alternate key 5 of ns.app: property home/city is a path, which needs an Alias (Core.PropertyRef: the name the URL gives it)${left}`],
      ["warning", "ODG106", 9, 154, `${at(5)}/Key/1`, `alternate key 6 of ns.app names appId twice${left}`],
      ["warning", "ODG106", 9, 154, at(6), `alternate key 7 of ns.app names the same properties as the key of ns.app (id), so a call could not tell them apart${left}`],
      ["warning", "ODG106", 9, 154, `${at(7)}/Key/0`, `alternate key 8 of ns.app: alias "a*b" of property serial is empty or holds a control character, a line break, "*", a quote, a parenthesis, a bidirectional control or half of a surrogate pair (Core.PropertyRef: a simple identifier)${left}`],
      ["warning", "ODG106", 9, 154, `${at(8)}/Key/0`, `alternate key 9 of ns.app: alias "serial-no" of property serial is not a simple identifier (Core.PropertyRef: a letter or "_", then letters, digits or "_"); it is kept, quoted in byKey's type and percent-encoded in the URL`],
      ["warning", "ODG106", 9, 66, "ns.app/owners/@Org.OData.Core.V1.AlternateKeys", "Org.OData.Core.V1.AlternateKeys on ns.app/owners is not a collection of Core.AlternateKey records (Core vocabulary); it is ignored, so byKey takes no alternate key here"],
    ]);
    const model = buildOk(xml);
    // Only the last is kept: quoted in the type, percent-encoded by the runtime.
    expect(names(typeAlternateKeys(entity(model, "ns.app")))).toEqual(["serial-no=serial:Edm.Int64"]);
  });

  test("CSDL JSON: at the annotation's member", () => {
    const json = {
      $Version: "4.01",
      $EntityContainer: "ns.svc",
      ns: {
        app: { $Kind: "EntityType", $Key: ["id"], id: {}, appId: { $Nullable: true }, "@Org.OData.Core.V1.AlternateKeys": [{ Key: [{ Name: { $PropertyPath: "appid" } }] }] },
        svc: { $Kind: "EntityContainer", apps: { $Collection: true, $Type: "ns.app" } },
      },
    };
    const r = generate({ inputs: [{ file: "alt.json", content: JSON.stringify(json, null, 2) }], validators: false });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column, d.path])).toEqual([
      ["warning", "ODG106", "alt.json", 14, 7, "ns.app/@Org.OData.Core.V1.AlternateKeys/0/Key/0"],
    ]);
    expect(r.files.get("ns.requests.ts")).toContain("rt.CollectionRef<App, string>");
  });

  test("a property of type Edm.Untyped as written is a warning, in CSDL XML and JSON, whole or sliced, as in the key; one read as Edm.Untyped for a type already reported is not reported again", () => {
    const xml = (type: string) => edmx(schema("ns", `${TYPES(alt([ref("ext")]))}`.replace(`<Property Name="appId"`, `<Property Name="ext" Type="${type}" Nullable="false"/><Property Name="appId"`)));
    const message = "alternate key 1 of ns.app: property ext has type Edm.Untyped, which CSDL 4.01 §6.5 does not allow in a key (an enum type, a type definition or Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32, Int64, SByte, String or TimeOfDay); it is kept and written as a string literal ('…'), so byKey takes a string";
    for (const [file, content, include] of [["alt.xml", xml("Edm.Untyped"), undefined], ["alt.json", xmlToCsdlJson("alt.xml", xml("Edm.Untyped")), undefined], ["alt.xml", xml("Edm.Untyped"), ["/apps"]]] as const) {
      const r = generate({ inputs: [{ file, content }], validators: false, ...(include ? { include: [...include] } : {}) });
      expect(r.diagnostics.filter((d) => d.severity !== "info").map((d) => [d.severity, d.code, d.path, d.message])).toEqual([["warning", "ODG106", "ns.app/@Org.OData.Core.V1.AlternateKeys/0/Key/0", message]]);
      expect(r.files.get("ns.requests.ts")).toContain('rt.alternateKeys(rt.key("id", rt.edmString), [[["ext", rt.edmString]]])');
    }
    for (const include of [undefined, ["/apps"]])
      expect(generate({ inputs: [{ file: "alt.xml", content: xml("Edm.Strin") }], validators: false, include }).diagnostics.filter((d) => d.severity !== "info").map((d) => d.code)).toEqual(["ODG108"]);
  });

  test("hostile aliases: one that would end the key is left out; any other is quoted in the type and percent-encoded in the URL", () => {
    const xml = edmx(schema("ns", `${TYPES(alt([ref("serial", "a')/x?y=(")], [ref("serial", "serial no/&amp;")]))}`));
    const r = generate({ inputs: [{ file: "alt.xml", content: xml }], validators: false });
    expect(r.diagnostics.map((d) => d.message.replace(/ \(Core.*$/, ""))).toEqual([
      `alternate key 1 of ns.app: alias "a')/x?y=(" of property serial is empty or holds a control character, a line break, "*", a quote, a parenthesis, a bidirectional control or half of a surrogate pair`,
      `alternate key 2 of ns.app: alias "serial no/&" of property serial is not a simple identifier`,
    ]);
    const requests = r.files.get("ns.requests.ts") ?? "";
    expect(requests).toContain('rt.CollectionRef<App, string | { "serial no/&": number | bigint | string }>');
    expect(requests).toContain('rt.alternateKeys(rt.key("id", rt.edmString), [[["serial no/&", rt.edmInt64]]])');
    const dir = scratch();
    for (const [name, text] of r.files) fs.writeFileSync(path.join(dir, name), text);
    const api = require(path.join(dir, "ns.requests")) as { apps(): { byKey(k: unknown): { path: string } } };
    expect(api.apps().byKey({ "serial no/&": 5 }).path).toBe("/apps(serial%20no%2F%26=5)");
  });

  test("a term applied twice to a set keeps the first and warns (ODG104), as for the other terms the generated code reads", () => {
    const xml = edmx(schema("ns", `${TYPES()}<Annotations Target="ns.svc/users">${alt([ref("mail")])}</Annotations><Annotations Target="ns.svc/users">${alt([ref("upn")])}</Annotations>`));
    expect(run(xml).map(([s, code]) => [s, code])).toEqual([["warning", "ODG104"]]);
  });
});
