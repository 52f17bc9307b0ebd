// CSDL 4.01 §12.2.1: a function's overloads with one binding differ by their (non-binding) parameter
// names — a URL names only those, so two with the same names would be two generated functions calling
// one URL (an error) — and by their ordered parameter types, and share one return type (warnings).
import { generate } from "../generator/generate";
import { build, edmx, schema } from "./helpers/csdl";

const TYPES = `<EntityType Name="person"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
  <EntityType Name="vip" BaseType="ns.person"/>`;
const fn = (name: string, params: string, ret = "Edm.Int32", bound = false) =>
  `<Function Name="${name}"${bound ? ` IsBound="true"` : ""}>${params}<ReturnType Type="${ret}"/></Function>`;
const p = (name: string, type: string) => `<Parameter Name="${name}" Type="${type}"/>`;
const report = (body: string) =>
  build(edmx(schema("ns", `${TYPES}${body}`))).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line]);

describe("function overloads", () => {
  test("overloads that differ by parameter names, or by binding type, are read silently", () => {
    expect(report([
      fn("f", p("x", "Edm.Int32")), fn("f", p("y", "Edm.String")), fn("f", p("x", "Edm.Int32") + p("y", "Edm.String")), fn("f", ""),
      fn("g", p("p", "ns.person"), "Edm.Int32", true), fn("g", p("p", "ns.vip"), "Edm.String", true),
      fn("g", p("p", "Collection(ns.person)"), "Edm.Boolean", true), fn("g", p("p", "ns.person") + p("x", "Edm.String"), "Edm.Int32", true),
      // An unbound function may share a bound one's name and parameter names.
      fn("g", ""),
    ].join("\n"))).toEqual([]);
  });

  test("unbound overloads with one set of parameter names (in any order): a warning at the later one, which is left out (one function, one URL)", () => {
    const body = `${fn("f", p("x", "Edm.Int32") + p("y", "Edm.Int32"))}\n${fn("f", p("y", "Edm.String") + p("x", "Edm.String"))}`;
    expect(report(body)).toEqual([
      ["warning", "ODG104", "ns.f", "unbound function ns.f has two overloads with the parameters (x, y) (CSDL §12.2.1: overloads differ by their parameter names; a URL names only those); the first is at test.xml:6; this one is left out", 7],
    ]);
    const model = build(edmx(schema("ns", `${TYPES}${body}<EntityContainer Name="c"><FunctionImport Name="F" Function="ns.f"/></EntityContainer>`))).model;
    expect(model.schemas[0].operations.map((o) => o.parameters.map((x) => x.type.type.qualifiedName).join())).toEqual(["Edm.Int32,Edm.Int32"]);
    expect(model.container?.imports[0].operations).toHaveLength(1);
  });

  test("bound overloads with one binding type and one set of non-binding names: the later is left out, whatever the binding parameter's name", () => {
    const body = `${fn("g", p("p", "ns.person"), "Edm.Int32", true)}\n${fn("g", p("q", "ns.person"), "Edm.Int32", true)}`;
    expect(report(body)).toEqual([
      ["warning", "ODG104", "ns.g", "function ns.g bound to ns.person has two overloads with the parameters () (CSDL §12.2.1: overloads differ by their non-binding parameter names; a URL names only those); the first is at test.xml:6; this one is left out", 7],
    ]);
    const requests = generate({ inputs: [{ file: "o.xml", content: edmx(schema("ns", `${TYPES}${body}`)) }] }).files.get("ns.requests.ts") ?? "";
    expect(requests.match(/Function `ns\.g`, bound/g)).toHaveLength(1);
  });

  test("overloads with the same parameter types in order, or with different return types, are warnings", () => {
    expect(report(`${fn("f", p("x", "Edm.Int32"))}\n${fn("f", p("y", "Edm.Int32"), "Edm.String")}`)).toEqual([
      ["warning", "ODG104", "ns.f", "unbound function ns.f has two overloads with the parameter types (Edm.Int32) in this order (CSDL §12.2.1: overloads differ by the types of their parameters too); the first is at test.xml:6", 7],
      ["warning", "ODG104", "ns.f", "unbound function ns.f returns Edm.String here and Edm.Int32 in the overload at test.xml:6 (CSDL §12.2.1: its overloads specify the same return type)", 7],
    ]);
  });

  test("a slice checks the overloads it reads, and leaves the later one out as the whole run does", () => {
    const content = edmx(schema("ns", `${TYPES}${fn("g", p("p", "ns.person"), "Edm.Int32", true)}${fn("g", p("q", "ns.person"), "Edm.String", true)}`));
    const r = generate({ inputs: [{ file: "s.xml", content }], include: ["ns.person"] });
    expect(r.diagnostics.filter((d) => d.code === "ODG104").map((d) => d.message)).toEqual([
      expect.stringMatching(/has two overloads with the parameters \(\).*; this one is left out$/),
    ]);
    expect((r.files.get("ns.requests.ts") ?? "").match(/Function `ns\.g`, bound/g)).toHaveLength(1);
  });
});
