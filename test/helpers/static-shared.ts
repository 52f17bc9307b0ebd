/**
 * Output folders to compile in one program, with their runtime modules (STATIC_FILES: `runtime.ts`,
 * `validation.ts`, `edm.ts`, ~400 KB, the same in every output and importing only each other) read
 * once: in a copy of each folder, a runtime module the same as the first folder's becomes
 * `export * from "../static-shared/<module>.js"`, so the compiler checks one copy of them rather
 * than one per output, with the same declarations for the modules that import them. A folder
 * whose runtime modules are not all the first's keeps all of them its own (one kept beside shared
 * ones would be checked against the shared), and so does a folder whose modules augment a module
 * (`declare module "./runtime.js"`: a 4.01 service's `PayloadFormat`), which would reach every
 * output sharing them. What this gives up: an object of a runtime class with private
 * members from one output fits another output's functions here; a test that mixes two outputs'
 * runtime objects must not compile them this way.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { STATIC_FILES } from "../../generator/emit/emit";

/** Copies the `.ts` files of each of `dirs` into `<to>/<i>/` (`to` must not exist), sharing their runtime modules; the `.ts` files written, sorted. */
export function mirrorSharingStatic(dirs: readonly string[], to: string): string[] {
  const shared = path.join(to, "static-shared");
  fs.mkdirSync(shared, { recursive: true });
  let canonical: Map<string, string> | undefined;
  const written: string[] = [];
  dirs.forEach((dir, i) => {
    const into = path.join(to, String(i));
    fs.mkdirSync(into);
    const files = fs.readdirSync(dir).filter((x) => x.endsWith(".ts"));
    const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
    const runtime = new Map(STATIC_FILES.filter((f) => texts.has(f)).map((f) => [f, texts.get(f) as string]));
    if (!canonical && runtime.size > 0 && !augmentsModules(dir)) {
      canonical = runtime;
      for (const [f, text] of runtime) {
        fs.writeFileSync(path.join(shared, f), text);
        written.push(path.join(shared, f));
      }
    }
    // All or none: a module kept the folder's own beside shared ones would be checked against them.
    const shares = canonical !== undefined && !augmentsModules(dir) && runtime.size === canonical.size && [...runtime].every(([f, text]) => canonical?.get(f) === text);
    for (const [f, text] of texts) {
      const own = shares && runtime.has(f) ? `export * from "../static-shared/${f.replace(/\.ts$/, ".js")}";\n` : text;
      fs.writeFileSync(path.join(into, f), own);
      written.push(path.join(into, f));
    }
  });
  return written.sort();
}

/** Whether a module of output folder `dir` but its runtime modules augments another module or the global scope (`declare module "…"`, `declare global`). */
export function augmentsModules(dir: string): boolean {
  return fs.readdirSync(dir).some((f) => f.endsWith(".ts") && !STATIC_FILES.includes(f) && /^declare (module ["']|global\b)/m.test(fs.readFileSync(path.join(dir, f), "utf8")));
}
