/**
 * The small CSDL fixtures in test/fixtures and their golden outputs in test/golden/<fixture>/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/generate";
import { STATIC_FILES } from "../../generator/emit/emit";

export const FIXTURES_DIR = path.join(__dirname, "..", "fixtures");
export const GOLDEN_DIR = path.join(__dirname, "..", "golden");

/** Microsoft Graph v1.0 in ../shared/corpus beside the project (absent outside the team). */
export const GRAPH = path.resolve(__dirname, "..", "..", "..", "shared", "corpus", "graph-v1.0-clean.xml");

/** `describe` when Graph's metadata is present, else `describe.skip` after a visible warning naming `what`. */
export function describeWithGraph(what: string): jest.Describe {
  if (fs.existsSync(GRAPH)) return describe;
  console.warn(`SKIPPED ${what} tests: ${GRAPH} is absent`);
  return describe.skip;
}

/** Fixture names (file names without `.xml`), sorted. */
export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".xml")).map((f) => f.slice(0, -4)).sort();
}

/** Everything generate() emits for a fixture, keyed by output path. */
export function generateFixture(name: string): Map<string, string> {
  const file = `${name}.xml`;
  return generate({ inputs: [{ file, content: fs.readFileSync(path.join(FIXTURES_DIR, file), "utf8") }] }).files;
}

/**
 * The files that have goldens: the per-namespace modules and the index. The runtime files copied
 * verbatim from templates/static are the same for every fixture and are not kept as goldens.
 */
export function goldenFiles(all: Map<string, string>): Map<string, string> {
  return new Map([...all].filter(([f]) => !STATIC_FILES.includes(f)));
}

/** Which emitter a golden file belongs to. */
export function emitterOf(file: string): string {
  const m = /\.(types|validators|requests)\.ts$/.exec(file);
  return m ? m[1] : file.replace(/\.ts$/, "");
}

/** Files under a directory, as relative paths, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, "");
  return out.sort();
}
