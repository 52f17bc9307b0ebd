// Names chosen to collide with the identifiers odatagen generates (test/helpers/colliding-names.ts):
// every such document either gets diagnostics or generates code that compiles under the strict
// options — one tsc run over all of them — and whose validators check each property with its own
// check. This is how a facet wrapper and an imported check that were both `checkStringL10`, and a
// derived type redeclaring its base's property, were found. A seeded slice of each document (one
// type, a namespace or an entity set's URL path, with or without derived types and navigation
// targets) compiles in the same run: slicing drops types that imports and dispatch lists named.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { DiagnosticBag, GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { buildModel } from "../generator/model/build";
import { allProperties } from "../generator/model/rules";
import type { Model, ModelType, StructuredType, TypeRef } from "../generator/model/types";
import { readCsdlXml } from "../generator/parse/xml";
import { assignNames } from "../generator/passes/names";
import { collidingNamesDocument } from "./helpers/colliding-names";
import { GENERATED } from "./helpers/generated";
import { random } from "./helpers/random";
import { mirrorSharingStatic } from "./helpers/static-shared";
import { anyCompiler, runTsc } from "./helpers/typecheck";

const DOCUMENTS = 40;
const root = path.join(GENERATED, "names-collide");
fs.rmSync(root, { recursive: true, force: true });

const generated: { seed: number; content: string; dir: string; files: Map<string, string>; model: Model }[] = [];
const refused: string[] = [];
for (let seed = 1; seed <= DOCUMENTS; seed++) {
  const content = collidingNamesDocument(seed);
  try {
    const { files, model } = generate({ inputs: [{ file: `doc${seed}.xml`, content }] });
    const dir = path.join(root, String(seed));
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
    generated.push({ seed, content, dir, files, model });
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    refused.push(`${seed}: ${e.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)[0]}`);
  }
}

/** One seeded slice per document that generates. */
const slices: { seed: number; include: string[]; dir: string; kept: number; of: number }[] = [];
const slicesRefused: string[] = [];
for (const { seed, content, model } of generated) {
  const rnd = random(seed * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const types = model.schemas.flatMap((sc) => sc.types.map((t) => t.qualifiedName));
  const sets = model.schemas.flatMap((sc) => sc.containers.flatMap((c) => [...c.entitySets, ...c.singletons].map((x) => `/${x.name}/**`)));
  const include = [pick([pick(types), `${pick(model.schemas).namespace}.*`, sets.length ? pick(sets) : pick(types)])];
  const options = { include, includeDerived: rnd() < 0.4, includeNavigation: rnd() < 0.4 };
  try {
    const { files, slice } = generate({ inputs: [{ file: `doc${seed}.xml`, content }], ...options });
    const dir = path.join(root, `${seed}-slice`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
    slices.push({ seed, include, dir, kept: slice?.types ?? -1, of: slice?.ofTypes ?? -1 });
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    slicesRefused.push(`${seed} ${JSON.stringify(options)}: ${e.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)[0]}`);
  }
}

test("most documents generate (the rest are refused with a diagnostic, never a crash)", () => {
  expect(generated.length).toBeGreaterThanOrEqual(DOCUMENTS * 0.6);
  for (const r of refused) expect(r).toMatch(/^\d+: ODG\d{3} /);
});

test("each document that generates also slices, and most slices leave types out", () => {
  // Every pattern names something the document has, so a slice is never refused.
  expect(slicesRefused).toEqual([]);
  expect(slices.length).toBe(generated.length);
  for (const s of slices) expect(s.kept).toBeGreaterThan(0);
  expect(slices.filter((s) => s.kept < s.of).length).toBeGreaterThanOrEqual(slices.length / 2);
});

test("what they generate, whole and sliced, compiles under the strict options", () => {
  const c = anyCompiler();
  // The outputs' runtime modules (the same in each) are checked once, not once per output.
  const mirror = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-names-collide-"));
  try {
    const files = mirrorSharingStatic([...generated, ...slices].map(({ dir }) => dir), mirror);
    const r = runTsc(c, mirror, files);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  } finally {
    fs.rmSync(mirror, { recursive: true, force: true });
  }
});

/** A value of the type: the first enum member, a nested object for a complex type (null from depth 3). */
function valueOf(t: ModelType, depth: number): unknown {
  if (t.kind === "enum") return t.members[0]?.name ?? null;
  if (t.kind === "typedef") return valueOf(t.underlying, depth);
  if (t.kind !== "primitive") return depth > 2 ? null : payload(t, depth + 1);
  const values: Record<string, unknown> = { String: "s", Int32: 1, Decimal: 1.5, Guid: "01234567-89ab-cdef-0123-456789abcdef",
    DateTimeOffset: "2020-01-01T00:00:00Z", Binary: "AQID", Boolean: true, Double: 2.5 };
  if (!(t.name in values)) throw new Error(`no sample value for Edm.${t.name}`);
  return values[t.name];
}
const sample = (r: TypeRef, depth: number) => (r.collection ? [] : valueOf(r.type, depth));
/** Every property declared or inherited, with a valid value (the documents' facets allow these). */
function payload(t: StructuredType, depth = 0): Record<string, unknown> {
  return Object.fromEntries(allProperties(t).map((p) => [p.name, sample(p.type, depth)]));
}

/**
 * A module as CommonJS. Every output has the same runtime files (runtime.ts alone is ~200 KB), so a
 * text is transpiled once: 20 times over, they were most of this test's time.
 */
const transpiled = new Map<string, string>();
function transpile(text: string): string {
  let js = transpiled.get(text);
  if (js === undefined) {
    js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    transpiled.set(text, js);
  }
  return js;
}

test("a valid value passes each type's validator, and a wrong value in any one property fails it", () => {
  const problems: string[] = [];
  let types = 0;
  for (const { seed, content, dir, files } of generated.slice(0, 20)) {
    // The validators as JavaScript, beside the TypeScript (their imports name `./x.js`).
    const js = path.join(dir, "js");
    fs.mkdirSync(js);
    for (const [name, text] of files) fs.writeFileSync(path.join(js, name.replace(/\.ts$/, ".js")), transpile(text));
    const diags = new DiagnosticBag();
    const model = buildModel([readCsdlXml("d.xml", content, diags)!], diags);
    const names = assignNames(model, diags);
    for (const schema of model.schemas) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const validators = require(path.join(js, `${schema.namespace}.validators.js`)) as Record<string, (v: unknown) => boolean>;
      for (const t of schema.types) {
        if ((t.kind !== "complex" && t.kind !== "entity") || t.abstract) continue;
        types++;
        const is = validators[`is${names.type(t)}`] as (v: unknown) => boolean;
        const good = payload(t);
        if (!is(good)) problems.push(`${seed} ${t.qualifiedName}: refused ${JSON.stringify(good)}`);
        for (const p of allProperties(t))
          if (is({ ...good, [p.name]: p.type.collection ? "not a list" : { wrong: [1] } })) problems.push(`${seed} ${t.qualifiedName}/${p.name}: a wrong value passed`);
      }
    }
  }
  expect(types).toBeGreaterThan(100);
  expect(problems).toEqual([]);
});
