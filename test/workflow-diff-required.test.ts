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
import { forEachCompiler, runTscCases, type Compiler, type TscResult } from "./helpers/typecheck";

const CORE = "Org.OData.Core.V1";
const prop = (annotation = "", facets = 'Type="Edm.String" Nullable="false"') => `<Property Name="zip" ${facets}>${annotation}</Property>`;
const set = '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>';
const replaced = "required when replacing d.t (PUT, replace: true; the validators' replace mode asks for it too); a create may leave it out";

test("a new non-nullable entity property breaks a PUT's body, with or without a DefaultValue, a collection too; computed, immutable, a stream or nullable do not", () => {
  expect(one(entity(""), entity(prop()))).toEqual([["added", "d.t/zip", `property added: Edm.String, not nullable: ${replaced}`, true]]);
  expect(one(entity(""), entity(prop("", 'Type="Edm.Int32" Nullable="false" DefaultValue="3"')))).toEqual([["added", "d.t/zip", `property added: Edm.Int32, not nullable: ${replaced}`, true]]);
  expect(one(entity(""), entity(prop("", 'Type="Collection(Edm.String)" Nullable="false"')))).toEqual([["added", "d.t/zip", `property added: Collection(Edm.String), not nullable: ${replaced}`, true]]);
  expect(one(entity(""), entity(prop(`<Annotation Term="${CORE}.Computed"/>`)))).toEqual([["added", "d.t/zip", "property added: Edm.String, not nullable: Core.Computed, so no create or replace body sends it", false]]);
  expect(one(entity(""), entity(prop(`<Annotation Term="${CORE}.Immutable"/>`)))).toEqual([["added", "d.t/zip", "property added: Edm.String, not nullable: Core.Immutable, so a create may leave it out, and a replace body (PUT) leaves it out", false]]);
  expect(one(entity(""), entity(prop("", 'Type="Edm.Stream" Nullable="false"')))).toEqual([
    ["added", "d.t/zip", "property added: Edm.Stream, not nullable: a stream, so no body sends it (its value is written to its own URL)", false],
  ]);
  expect(one(entity(""), entity(prop("", 'Type="Edm.String"')))).toEqual([["added", "d.t/zip", "property added: Edm.String", false]]);
});

test("a new non-nullable key property says why it breaks no body: a PUT's and a create's may leave a key out", () => {
  const keyed = `<EntityType Name="t"><Key><PropertyRef Name="id"/><PropertyRef Name="zip"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>${prop()}</EntityType>`;
  expect(one(entity(""), keyed)).toContainEqual([
    "added", "d.t/zip", "property added: Edm.String, not nullable: a key, so a create may leave it out, and so may a replace body (PUT), as the URL names the entity", false,
  ]);
});

test("a new non-nullable complex property says where it is required: a create's only when it is not a collection and has no DefaultValue; an immutable one not in a PUT", () => {
  const complex = (extra: string) => `<ComplexType Name="addr"><Property Name="street" Type="Edm.String"/>${extra}</ComplexType>`;
  const immutable = `<Annotation Term="${CORE}.Immutable"/>`;
  const added = (label: string, detail: string) => [["added", "d.addr/zip", `property added: ${label}, not nullable: ${detail}`, true]];
  const create = "it is not a collection and has no DefaultValue";
  expect(one(complex(""), complex(prop()))).toEqual(added("Edm.String", `required in d.addr values a body writes (a PUT's, and a create's: ${create})`));
  expect(one(complex(""), complex(prop(immutable)))).toEqual(added("Edm.String", `required in d.addr values a create body writes (${create}; Core.Immutable: a PUT leaves it out)`));
  const collection = 'Type="Collection(Edm.String)" Nullable="false"';
  const defaulted = 'Type="Edm.Int32" Nullable="false" DefaultValue="3"';
  expect(one(complex(""), complex(prop("", collection)))).toEqual(
    added("Collection(Edm.String)", "required in d.addr values a PUT's body writes (a create's may leave it out, as it is a collection)"),
  );
  expect(one(complex(""), complex(prop("", defaulted)))).toEqual(added("Edm.Int32", "required in d.addr values a PUT's body writes (a create's may leave it out, as it has a DefaultValue)"));
  expect(one(complex(""), complex(prop(immutable, defaulted)))).toEqual(
    added("Edm.Int32", "required in values typed as d.addr (Core.Immutable: a PUT leaves it out; a create may, as it has a DefaultValue)"),
  );
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

function generated(props: string, more = ""): string {
  const dir = scratch();
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(entity(`<Property Name="name" Type="Edm.String"/>${props}`) + more + set) }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** The old version's client code writing a complex value, `d.addr` before it gained `zip`. */
const COMPLEX_USAGE = `
import * as rt from "./runtime.js";
import { createT, ts, updateT } from "./d.requests.js";
import type { T } from "./d.types.js";
declare const client: rt.Client;
declare const ref: rt.EntityRef<T, null>;
export async function use(): Promise<void> {
  await createT(client, ts(), { home: { street: "s" } });
  await updateT(client, ref, { home: { street: "s" } }, { replace: true });
}
`;

const ENTITY_CASES = ["", prop(), prop(`<Annotation Term="${CORE}.Computed"/>`), prop(`<Annotation Term="${CORE}.Immutable"/>`)];
const HOME = '<Property Name="home" Type="d.addr"/>';
const addr = (zip: string) => `<ComplexType Name="addr"><Property Name="street" Type="Edm.String"/>${zip}</ComplexType>`;
const ZIPS = ["", prop(), prop("", 'Type="Collection(Edm.String)" Nullable="false"'), prop("", 'Type="Edm.Int32" Nullable="false" DefaultValue="3"')];

forEachCompiler((label: string, c: Compiler) => {
  /**
   * Both tests' cases (the entity's four, then the complex value's four) compiled in one tsc run
   * (one compiler start, its lib checked once), made by the first test that asks; each case's
   * diagnostics are its own (runTscCases).
   */
  let compiled: TscResult[] | undefined;
  const all = () =>
    (compiled ??= runTscCases(c, [
      ...ENTITY_CASES.map((p) => ({ from: [generated(p)], usage: USAGE })),
      ...ZIPS.map((z) => ({ from: [generated(HOME, addr(z))], usage: COMPLEX_USAGE })),
    ]));

  test(`${label}: the generated code agrees: only the PUT's body needs the new property, and only where diff says it breaks`, () => {
    const [before, plain, computed, immutable] = all().slice(0, 4);
    expect(before.output).toBe("");
    expect(plain.output).toMatch(/^usage\.ts\(10,\d+\): error TS2345: [^\n]*'Replacement<T, "id", never, \{\}>'/);
    expect(plain.output).toContain("Property 'zip' is missing");
    expect(plain.output.match(/error TS/g)).toHaveLength(1);
    expect(computed.output).toBe("");
    expect(immutable.output).toBe("");
  });

  test(`${label}: a complex value's new non-nullable property is required in a create's body only where diff says so (not a collection, no DefaultValue)`, () => {
    const [before, plain, collection, defaulted] = all().slice(4);
    expect(before.output).toBe("");
    const lines = (r: { output: string }) => [...r.output.matchAll(/^usage\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
    expect(lines(plain)).toEqual([8, 9]);
    expect(lines(collection)).toEqual([9]);
    expect(lines(defaulted)).toEqual([9]);
  });
});
