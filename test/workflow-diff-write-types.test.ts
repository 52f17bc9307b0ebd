/**
 * `odatagen diff` on a write type that goes: a type's `XInput` (or `XCreateInput` and
 * `XUpdateInput`) is a name of its namespace's requests module, there only while a body writes the
 * type otherwise than a read gives it (emit/write-types.ts). Code naming it (`rt.New<TInput>`) no
 * longer compiles once the last property a body leaves out is sent again. Checked against the real
 * compiler too; compared between two summaries of format 13 only.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { entity, one, wrap, writeDoc } from "./helpers/diff";
import { forEachCompiler, runTscCases, type Compiler } from "./helpers/typecheck";

const COMPUTED = '<Annotation Term="Org.OData.Core.V1.Computed"/>';
const IMMUTABLE = '<Annotation Term="Org.OData.Core.V1.Immutable"/>';
const stamp = (terms: string) => `<Property Name="stamp" Type="Edm.String">${terms}</Property>`;
const code = (terms: string) => `<Property Name="code" Type="Edm.String">${terms}</Property>`;

test("a write type that goes breaks the request functions; one that comes does not", () => {
  expect(one(entity(stamp(COMPUTED)), entity(stamp("")))).toEqual([
    ["changed", "d.t", "its write type …Input in the requests module is gone (now none): code naming it no longer compiles", true],
    ["changed", "d.t/stamp", "no longer Core.Computed: it may be sent", false],
  ]);
  expect(one(entity(stamp(COMPUTED) + code(IMMUTABLE)), entity(stamp(COMPUTED) + code("")))).toEqual([
    ["changed", "d.t", "its write types …CreateInput and …UpdateInput in the requests module are gone (now …Input): code naming them no longer compiles", true],
    ["changed", "d.t/code", "no longer Core.Immutable: it may be changed", false],
  ]);
  // A complex type's goes too; gaining one is no change of its own.
  const addr = (terms: string) => `<ComplexType Name="addr">${stamp(terms)}</ComplexType>`;
  expect(one(addr(COMPUTED) + entity('<Property Name="home" Type="d.addr"/>'), addr("") + entity('<Property Name="home" Type="d.addr"/>'))).toEqual([
    ["changed", "d.addr", "its write type …Input in the requests module is gone (now none): code naming it no longer compiles", true],
    ["changed", "d.addr/stamp", "no longer Core.Computed: it may be sent", false],
    ["changed", "d.t", "its write type …Input in the requests module is gone (now none): code naming it no longer compiles", true],
  ]);
  expect(one(entity(stamp("")), entity(stamp(COMPUTED))).map((c) => c[3])).toEqual([true]);
});

test("a summary kept by an older version (format 12) has no write types: they are not compared", () => {
  const dir = scratch();
  const kept = JSON.parse(summaryToJson(loadSummary([writeDoc(dir, "a.xml", entity(stamp(COMPUTED)))]))) as { format: number; types: Record<string, { writeTypes?: string[] }> };
  expect(kept.types["d.t"]!.writeTypes).toEqual(["Input"]);
  kept.format = 12;
  delete kept.types["d.t"]!.writeTypes;
  const changes = compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([writeDoc(dir, "b.xml", entity(stamp("")))])).changes;
  expect(changes.map((c) => c.detail)).toEqual(["no longer Core.Computed: it may be sent"]);
});

/** The old version's client code, naming the write type of `d.t`. */
const USAGE = `
import * as rt from "./runtime.js";
import { createT, ts, type TInput } from "./d.requests.js";
declare const client: rt.Client;
export async function use(): Promise<void> {
  const body: rt.New<TInput> = { id: "a" };
  await createT(client, ts(), body);
}
`;

function generated(props: string): string {
  const dir = scratch();
  const set = '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>';
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(entity(props) + set) }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

forEachCompiler((label: string, c: Compiler) => {
  test(`${label}: the generated code agrees: code naming the write type compiles while it is there`, () => {
    const [before, after] = runTscCases(c, [stamp(COMPUTED), stamp("")].map((p) => ({ from: [generated(p)], usage: USAGE })));
    expect(before.output).toBe("");
    expect(after.output).toMatch(/^usage\.ts\(3,\d+\): error TS2\d+: [^\n]*TInput/);
  });
});
