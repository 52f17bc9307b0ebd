/**
 * An enum may hold members differing only by their letters' case (`Red` and `RED`: CSDL names are
 * case-sensitive). A value naming neither says the one whose case it keeps most of
 * (literal-forms.ts nearestMember), in a key, a parameter, a $filter and a body's note alike; one
 * naming either exactly is taken.
 */
import { urlCalls } from "../generator/url-calls";

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="lit" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="Color"><Member Name="Red" Value="0"/><Member Name="RED" Value="1"/><Member Name="Green" Value="2"/></EnumType>
      <EntityType Name="T"><Key><PropertyRef Name="c"/></Key><Property Name="c" Type="lit.Color" Nullable="false"/><Property Name="d" Type="lit.Color"/></EntityType>
      <Function Name="f"><Parameter Name="c" Type="lit.Color"/><ReturnType Type="Edm.Int32"/></Function>
      <EntityContainer Name="C"><EntitySet Name="ts" EntityType="lit.T"/><FunctionImport Name="f" Function="lit.f"/></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

function answers(requests: { method: string; path: string; body?: unknown }[]): string[] {
  const read = urlCalls({ inputs: [{ file: "case.xml", content: CSDL }] }, requests);
  return read.results.map((r) => (r.ok ? (r.call.code.split("\n").find((l) => l.startsWith("// the body's")) ?? r.call.call) : r.problem));
}

test("a value naming no member says the member differing only by case whose case it keeps most of; an exact one is taken", () => {
  expect(
    answers([
      { method: "GET", path: "/ts('rED')" },
      { method: "GET", path: "/ts('red')" },
      { method: "GET", path: "/f(c='rED')" },
      { method: "GET", path: "/ts?$filter=d eq 'rED'" },
      { method: "GET", path: "/ts?$filter=d in ('Red', lit.Color'ReD')" },
      { method: "PATCH", path: "/ts('Red')", body: { d: "rED" } },
      { method: "GET", path: "/ts('RED')" },
      { method: "GET", path: "/ts?$filter=d eq 'RED' or d eq 'Red'" },
    ]),
  ).toEqual([
    "GET /ts('rED'): the key of a lit.T is a lit.Color: 'rED' is no member of lit.Color (Red, RED, Green); did you mean RED?",
    "GET /ts('red'): the key of a lit.T is a lit.Color: 'red' is no member of lit.Color (Red, RED, Green); did you mean Red?",
    "GET /f(c='rED'): parameter c of lit.f is a lit.Color: 'rED' is no member of lit.Color (Red, RED, Green); did you mean RED?",
    "GET /ts: $filter=d eq 'rED': d is a lit.Color, which has no member rED; did you mean RED?",
    "GET /ts: $filter=d in ('Red', lit.Color'ReD'): d is a lit.Color, which has no member ReD; did you mean Red?",
    "// the body's d: rED is no member of lit.Color as the metadata writes it; did you mean RED? The generated type takes RED alone, and the body is sent as written (a service reading members case-sensitively refuses rED).",
    'const result = await getT(client, target);',
    'const result = await listTs(client, target, { filter: (t) => t.d.eq("RED").or(t.d.eq("Red")) });',
  ]);
});
