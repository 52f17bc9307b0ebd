/**
 * Output folders to compile in one program, with their runtime modules (STATIC_FILES: `runtime.ts`,
 * `validation.ts`, `edm.ts`, ~400 KB, the same in every output and importing only each other) read
 * once: in a copy of each folder, a runtime module the same as the first folder's becomes
 * `export * from "../static-shared/<module>.js"`, so the compiler checks one copy of them rather
 * than one per output, with the same declarations for the modules that import them. One that
 * differs stays the folder's own, and so do all of a folder's whose modules augment a module
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
  const canonical = new Map<string, string>();
  const written: string[] = [];
  dirs.forEach((dir, i) => {
    const into = path.join(to, String(i));
    fs.mkdirSync(into);
    const augments = augmentsModules(dir);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      let own = text;
      if (STATIC_FILES.includes(f) && !augments) {
        if (!canonical.has(f)) {
          canonical.set(f, text);
          fs.writeFileSync(path.join(shared, f), text);
          written.push(path.join(shared, f));
        }
        if (canonical.get(f) === text) own = `export * from "../static-shared/${f.replace(/\.ts$/, ".js")}";\n`;
      }
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
