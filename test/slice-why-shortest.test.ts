/**
 * `--why` names, of every route by which the slice keeps a type, one that really keeps it and a
 * shortest one: not the include of a type an --exclude cuts (kept only as a base type), not an
 * operation bound to a selected type where the type's own property needs it, not a subtype of an
 * abstract type where a property needs the subtype itself; a subtype comes with a type kept as a
 * value (not the base-type route to it), and a bound operation with a type a pattern selects (not
 * the URL path it is also on). On a small document, and on Graph v1.0 (where the callRecords
 * slice's answers, checked by hand against the metadata, are pinned as they were before).
 */
import * as fs from "node:fs";
import { generate, type GenerateOptions } from "../generator/generate";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("base")}
  <EntityType Name="user" BaseType="t.base"><Property Name="addr" Type="t.addr"/></EntityType>
  <ComplexType Name="addr"><Property Name="line" Type="Edm.String"/></ComplexType>
  <Action Name="move" IsBound="true"><Parameter Name="it" Type="t.user"/><Parameter Name="to" Type="t.addr"/></Action>
  <ComplexType Name="shape" Abstract="true"/>
  <ComplexType Name="circle" BaseType="t.shape"><Property Name="nest" Type="t.nest"/></ComplexType>
  <ComplexType Name="square" BaseType="t.shape"/>
  <ComplexType Name="nest"><Property Name="inner" Type="t.shape"/></ComplexType>
  ${keyed("drawing", `<Property Name="any" Type="t.shape"/><Property Name="round" Type="t.circle"/>`)}
  ${keyed("doc")}
  <EntityType Name="memo" BaseType="t.doc"><NavigationProperty Name="notes" Type="Collection(t.note)" ContainsTarget="true"/></EntityType>
  ${keyed("note")}
  <Function Name="preview" IsBound="true"><Parameter Name="it" Type="t.memo"/><ReturnType Type="Edm.String"/></Function>
  <EntityContainer Name="c"><EntitySet Name="memos" EntityType="t.memo"/></EntityContainer>`,
  ),
);

function chain(options: Omit<GenerateOptions, "inputs">, name: string, inputs = [{ file: "shortest.xml", content: DOC }]) {
  const r = generate({ inputs, ...options, why: [name] });
  const answer = r.slice?.why?.[0]?.answers[0];
  expect(answer?.kept).toBe(true);
  return answer?.chain.map((s) => `${s.name}: ${s.reason}`);
}

describe("--why names a route that keeps the type, and a shortest one", () => {
  test("a type an --include names and an --exclude cuts is kept as a base type: that is the reason, not the include", () => {
    expect(chain({ include: ["t.user", "t.base"], exclude: ["t.base"] }, "t.base")).toEqual([
      "t.base: the base type of t.user",
      "t.user: selected by --include t.user",
    ]);
  });

  test("so does ODG303's list of the kept types below an excluded base type", () => {
    const doc = edmx(schema("k", `<ComplexType Name="base"/><ComplexType Name="mid" BaseType="k.base"/><ComplexType Name="leaf" BaseType="k.mid"/>`));
    const r = generate({ inputs: [{ file: "bases.xml", content: doc }], include: ["k.leaf", "k.mid"], exclude: ["k.base", "k.mid"] });
    expect(r.diagnostics.filter((d) => d.code === "ODG303" && d.path === "k.base").map((d) => d.message.split(", and ")[0])).toEqual([
      "k.base is excluded (--exclude k.base) but kept: it is the base type of k.mid (the base type of k.leaf)",
    ]);
  });

  test("the type of a selected type's property, not of a parameter of an operation bound to it", () => {
    expect(chain({ include: ["t.user"] }, "t.addr")).toEqual(["t.addr: the type of property addr of t.user", "t.user: selected by --include t.user"]);
  });

  test("the type of a property, not a subtype of an abstract type another property holds", () => {
    expect(chain({ include: ["t.drawing"] }, "t.circle")).toEqual(["t.circle: the type of property round of t.drawing", "t.drawing: selected by --include t.drawing"]);
  });

  test("a subtype of an abstract type comes by the route that keeps that type as a value, not as a base type", () => {
    // t.shape is first the base type of t.circle; only t.nest's property holds its values, which are t.square among others.
    expect(chain({ include: ["t.circle"] }, "t.shape")).toEqual(["t.shape: the base type of t.circle", "t.circle: selected by --include t.circle"]);
    expect(chain({ include: ["t.circle"] }, "t.square")).toEqual([
      "t.square: a subtype of t.shape, which is abstract: its values are subtypes",
      "t.shape: the type of property inner of t.nest",
      "t.nest: the type of property nest of t.circle",
      "t.circle: selected by --include t.circle",
    ]);
  });

  test("an operation bound to a subtype --include-derived selects comes by that subtype's selection, not the URL path it is on", () => {
    const options = { include: ["t.doc", "/memos/{id}/notes"], includeDerived: true };
    expect(chain(options, "t.memo")).toEqual(["t.memo: on the URL path /memos, on the way to what --include /memos/{id}/notes selects"]);
    expect(chain(options, "t.preview")).toEqual([
      "function t.preview: bound to t.memo, which the slice selects",
      "t.memo: a subtype of t.doc (--include-derived)",
      "t.doc: selected by --include t.doc",
    ]);
  });
});

describeWithGraph("slice-why-shortest on Graph")("--why on Graph v1.0", () => {
  const inputs = () => [{ file: GRAPH, content: fs.readFileSync(GRAPH, "utf8") }];

  test("user's assignedLicenses property, not assignLicense's parameter; an excluded entity as callRecord's base type, not its include", () => {
    expect(chain({ include: ["microsoft.graph.user"] }, "microsoft.graph.assignedLicense", inputs())).toEqual([
      "microsoft.graph.assignedLicense: the type of property assignedLicenses of microsoft.graph.user",
      "microsoft.graph.user: selected by --include microsoft.graph.user",
    ]);
    const include = ["/communications/callRecords/**", "microsoft.graph.entity"];
    expect(chain({ include, exclude: ["microsoft.graph.entity"] }, "microsoft.graph.entity", inputs())).toEqual([
      "microsoft.graph.entity: the base type of microsoft.graph.callRecords.callRecord",
      "microsoft.graph.callRecords.callRecord: addressed by /communications/callRecords (--include /communications/callRecords/**)",
    ]);
  });

  test("the callRecords slice: chains checked against the metadata, and a type left out says by which --exclude", () => {
    const r = generate({
      inputs: inputs(),
      include: ["/communications/callRecords/**"],
      exclude: ["microsoft.graph.callRecords.media"],
      why: ["microsoft.graph.callRecords.clientUserAgent", "microsoft.graph.callRecords.media", "microsoft.graph.callRecords.participantEndpoint", "microsoft.graph.entity"],
    });
    const said = (r.slice?.why ?? []).flatMap((w) => w.answers.map((a) => [a.name, a.kept, a.chain.map((s) => s.reason)]));
    expect(said).toEqual([
      [
        "microsoft.graph.callRecords.clientUserAgent",
        true,
        [
          "a subtype of microsoft.graph.callRecords.userAgent, which is abstract: its values are subtypes",
          "the type of property userAgent of microsoft.graph.callRecords.endpoint",
          "the type of property callee of microsoft.graph.callRecords.session",
          "addressed by /communications/callRecords/{id}/sessions (--include /communications/callRecords/**)",
        ],
      ],
      ["microsoft.graph.callRecords.media", false, ["not in the slice: --exclude microsoft.graph.callRecords.media leaves it out"]],
      [
        "microsoft.graph.callRecords.participantEndpoint",
        false,
        [
          "not in the slice: a subtype of microsoft.graph.callRecords.endpoint, which is kept (--include-derived keeps subtypes); its values are checked as microsoft.graph.callRecords.endpoint, without the properties it adds (by the validators, and by checkerFor given its name), and typed as microsoft.graph.callRecords.endpoint with its @odata.type",
        ],
      ],
      [
        "microsoft.graph.entity",
        true,
        ["the base type of microsoft.graph.callRecords.callRecord", "addressed by /communications/callRecords (--include /communications/callRecords/**)"],
      ],
    ]);
  });
});
