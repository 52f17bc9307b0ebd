/**
 * `odatagen diff` on a non-nullable property that loses Core.Computed or Core.Immutable: a body
 * that left it out must now give it (a PUT's: the whole entity; a complex value's create), as if it
 * were added (test/workflow-diff-required.test.ts). Checked against the real compiler too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { entity, one, one as compared, wrap } from "./helpers/diff";
import { forEachCompiler, runTscCases, type Compiler } from "./helpers/typecheck";

const COMPUTED = '<Annotation Term="Org.OData.Core.V1.Computed"/>';
const IMMUTABLE = '<Annotation Term="Org.OData.Core.V1.Immutable"/>';
const zip = (terms: string, facets = 'Type="Edm.String" Nullable="false"') => `<Property Name="zip" ${facets}>${terms}</Property>`;
const addr = (terms: string) => `<ComplexType Name="addr"><Property Name="street" Type="Edm.String"/>${zip(terms)}</ComplexType>`;
const replaced = "required when replacing d.t (PUT, replace: true; the validators' replace mode asks for it too); a create may leave it out";

test("an entity property that is no longer computed or immutable, not nullable, breaks a PUT's body; nullable, or still left out of a PUT, it does not", () => {
  const t = (terms: string, facets?: string) => entity(zip(terms, facets));
  // Only zip's lines: d.t's write types that go with it have theirs (workflow-diff-write-types.test.ts).
  const one = (a: string, b: string) => compared(a, b).filter((c) => c[1] !== "d.t");
  expect(one(t(COMPUTED), t(""))).toEqual([["changed", "d.t/zip", `no longer Core.Computed: it may be sent, and, not nullable, it is ${replaced}`, true]]);
  expect(one(t(IMMUTABLE), t(""))).toEqual([["changed", "d.t/zip", `no longer Core.Immutable: it may be changed, and, not nullable, it is ${replaced}`, true]]);
  expect(one(t(COMPUTED + IMMUTABLE), t(""))).toEqual([
    ["changed", "d.t/zip", `no longer Core.Computed: it may be sent, and, not nullable, it is ${replaced}`, true],
    ["changed", "d.t/zip", "no longer Core.Immutable: it may be changed", false],
  ]);
  // Still immutable: a PUT leaves it out, and a create may.
  expect(one(t(COMPUTED + IMMUTABLE), t(IMMUTABLE))).toEqual([["changed", "d.t/zip", "no longer Core.Computed: it may be sent", false]]);
  expect(one(t(COMPUTED, 'Type="Edm.String"'), t("", 'Type="Edm.String"'))).toEqual([["changed", "d.t/zip", "no longer Core.Computed: it may be sent", false]]);
});

test("a complex property that is no longer computed is required where a body writes the value; one that stays immutable, in a create's", () => {
  expect(one(addr(COMPUTED), addr(""))).toEqual([
    ["changed", "d.addr/zip", "no longer Core.Computed: it may be sent, and, not nullable, it is required in d.addr values a body writes (a PUT's, and a create's: it is not a collection and has no DefaultValue)", true],
  ]);
  expect(one(addr(COMPUTED + IMMUTABLE), addr(IMMUTABLE))).toEqual([
    ["changed", "d.addr/zip", "no longer Core.Computed: it may be sent, and, not nullable, it is required in d.addr values a create body writes (it is not a collection and has no DefaultValue; Core.Immutable: a PUT leaves it out)", true],
  ]);
});

/** The old version's client code: a create and a PUT of `d.t`, without `zip` (the service wrote it). */
const USAGE = `
import * as rt from "./runtime.js";
import { createT, ts, updateT } from "./d.requests.js";
import type { T } from "./d.types.js";
declare const client: rt.Client;
declare const ref: rt.EntityRef<T, null>;
export async function use(): Promise<void> {
  await createT(client, ts(), { name: "n", home: { street: "s" } });
  await updateT(client, ref, { name: "n", home: { street: "s" } }, { replace: true });
}
`;

function generated(own: string, inAddr: string): string {
  const dir = scratch();
  const props = `<Property Name="name" Type="Edm.String"/><Property Name="home" Type="d.addr"/>${own}`;
  const set = '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>';
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(entity(props) + addr(inAddr) + set) }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

forEachCompiler((label: string, c: Compiler) => {
  test(`${label}: the generated code agrees: the bodies need the property where diff says it breaks`, () => {
    const versions: [own: string, inAddr: string][] = [
      [zip(COMPUTED), COMPUTED + IMMUTABLE], // before
      [zip(""), COMPUTED + IMMUTABLE], // the entity's zip no longer computed
      [zip(COMPUTED), IMMUTABLE], // addr's zip no longer computed, still immutable
      [zip(COMPUTED + IMMUTABLE), COMPUTED + IMMUTABLE], // still left out of both
    ];
    const [before, entityZip, addrZip, still] = runTscCases(c, versions.map(([own, inAddr]) => ({ from: [generated(own, inAddr)], usage: USAGE })));
    const lines = (r: { output: string }) => [...r.output.matchAll(/^usage\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
    expect(before.output).toBe("");
    expect(lines(entityZip)).toEqual([9]);
    expect(entityZip.output).toContain("Property 'zip' is missing");
    expect(lines(addrZip)).toEqual([8]);
    expect(still.output).toBe("");
  });
});
