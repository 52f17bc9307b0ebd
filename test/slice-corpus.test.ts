// Every real document of ../shared/corpus that generates cleanly, sliced by each namespace, type,
// operation and container child (by name and by URL path): what the lazy slice emits (deferred
// annotation blocks, type and enum contents, operations past their first parameter) must equal
// slicing the fully read model. Graph itself is covered by slice-lazy.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { GenerationError } from "../generator/diagnostics";
import { expectSameAsFullSlice, readFullModel } from "./helpers/slice-reference";

const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.(xml|edmx|json)$/.test(f) && !f.startsWith("graph-v1.0")) : [];
if (!files.length) console.warn(`SKIPPED: ${CORPUS} is absent (../shared/corpus), so the corpus slices are not compared`);
const corpusTest = files.length ? test.each(files) : test.skip.each(["(no corpus)"]);

corpusTest("%s: every slice equals slicing the fully read model", (file) => {
  const content = fs.readFileSync(path.join(CORPUS, file), "utf8");
  let model;
  try {
    model = generate({ inputs: [{ file, content }] }).model;
  } catch (e) {
    // A document with errors of its own (OData v2, undefined references) has nothing to slice.
    expect(e).toBeInstanceOf(GenerationError);
    return;
  }
  const patterns: string[][] = [];
  for (const s of model.schemas) {
    // A namespace with only a container (or nothing) selects nothing: an error of its own (slice.test.ts).
    if (s.types.length + s.operations.length > 0) patterns.push([s.namespace]);
    for (const t of s.types) patterns.push([t.qualifiedName]);
    for (const o of s.operations) patterns.push([o.qualifiedName]);
    for (const c of s.containers) for (const e of [...c.entitySets, ...c.singletons, ...c.imports]) patterns.push([`/${e.name}/**`], [`/${e.name}`]);
  }
  // The reference read once for all the slices: slicing copies what it keeps and leaves the model as it was.
  const full = readFullModel(file, content);
  for (const include of patterns) expectSameAsFullSlice(file, content, { include }, full);
  expect(patterns.length).toBeGreaterThan(0);
}, 120000);
