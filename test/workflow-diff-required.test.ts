/**
 * `odatagen diff` on a new non-nullable property: a PUT's body (`replace: true`) is the whole entity,
 * so the generated body type and the validators' replace mode require it, unless it is computed,
 * immutable or a stream; a create's body is partial. Checked against the real compiler too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { entity, one, wrap } from "./helpers/diff";
import { forEachCompiler, runTscCases, type Compiler } from "./helpers/typecheck";

const CORE = "Org.OData.Core.V1";
const prop = (annotation = "", facets = 'Type="Edm.String" Nullable="false"') => `<Property Name="zip" ${facets}>${annotation}</Property>`;
const set = '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>';
const replaced = "required when replacing d.t (PUT, replace: true; the validators' replace mode asks for it too); a create may leave it out";

test("a new non-nullable entity property breaks a PUT's body, with or without a DefaultValue, a collection too; computed, immutable, a stream or nullable do not", () => {
  expect(one(entity(""), entity(prop()))).toEqual([["added", "d.t/zip", `property added: Edm.String, not nullable: ${replaced}`, true]]);
  expect(one(entity(""), entity(prop("", 'Type="Edm.Int32" Nullable="false" DefaultValue="3"')))).toEqual([["added", "d.t/zip", `property added: Edm.Int32, not nullable: ${replaced}`, true]]);
  expect(one(entity(""), entity(prop("", 'Type="Collection(Edm.String)" Nullable="false"')))).toEqual([["added", "d.t/zip", `property added: Collection(Edm.String), not nullable: ${replaced}`, true]]);
  expect(one(entity(""), entity(prop(`<Annotation Term="${CORE}.Computed"/>`)))).toEqual([["added", "d.t/zip", "property added: Edm.String, not nullable: Core.Computed, so no create or replace body sends it", false]]);
  expect(one(entity(""), entity(prop(`<Annotation Term="${CORE}.Immutable"/>`)))).toEqual([["added", "d.t/zip", "property added: Edm.String, not nullable: Core.Immutable, so a replace body (PUT) leaves it out and a create may", false]]);
  expect(one(entity(""), entity(prop("", 'Type="Edm.Stream" Nullable="false"')))).toEqual([["added", "d.t/zip", "property added: Edm.Stream, not nullable", false]]);
  expect(one(entity(""), entity(prop("", 'Type="Edm.String"')))).toEqual([["added", "d.t/zip", "property added: Edm.String", false]]);
});

test("a new non-nullable complex property says where it is required; an immutable one not in a PUT", () => {
  const complex = (extra: string) => `<ComplexType Name="addr"><Property Name="street" Type="Edm.String"/>${extra}</ComplexType>`;
  const create = "a create's unless it is a collection or has a DefaultValue";
  expect(one(complex(""), complex(prop()))).toEqual([["added", "d.addr/zip", `property added: Edm.String, not nullable: required in d.addr values a body writes (a PUT's; ${create})`, true]]);
  expect(one(complex(""), complex(prop(`<Annotation Term="${CORE}.Immutable"/>`)))).toEqual([
    ["added", "d.addr/zip", `property added: Edm.String, not nullable: required in d.addr values a create body writes (${create}; Core.Immutable: a PUT leaves it out)`, true],
  ]);
});

/** The old version's client code, compiled against the new version's generated code. */
const USAGE = `
import * as rt from "./runtime.js";
import { createT, ts, updateT } from "./d.requests.js";
import type { T } from "./d.types.js";
declare const client: rt.Client;
declare const ref: rt.EntityRef<T, null>;
export async function use(): Promise<void> {
  await createT(client, ts(), { name: "n" });
  await updateT(client, ref, { name: "n" });
  await updateT(client, ref, { name: "n" }, { replace: true });
}
`;

function generated(props: string): string {
  const dir = scratch();
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(entity(`<Property Name="name" Type="Edm.String"/>${props}`) + set) }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

forEachCompiler((label: string, c: Compiler) => {
  test(`${label}: the generated code agrees: only the PUT's body needs the new property, and only where diff says it breaks`, () => {
    const [before, plain, computed, immutable] = runTscCases(c, ["", prop(), prop(`<Annotation Term="${CORE}.Computed"/>`), prop(`<Annotation Term="${CORE}.Immutable"/>`)].map((p) => ({ from: [generated(p)], usage: USAGE })));
    expect(before.output).toBe("");
    expect(plain.output).toMatch(/^usage\.ts\(10,\d+\): error TS2345: [^\n]*'Replacement<T, "id", never, \{\}>'/);
    expect(plain.output).toContain("Property 'zip' is missing");
    expect(plain.output.match(/error TS/g)).toHaveLength(1);
    expect(computed.output).toBe("");
    expect(immutable.output).toBe("");
  });
});
