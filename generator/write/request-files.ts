/**
 * The files of requests a service's `include` names (`@requests.har`, see passes/slice/request-patterns.ts),
 * read as its inputs are (write/uptodate.ts `readInputs`: line ends as LF, hashed as the manifest
 * records them). Recorded in the manifest beside the documents references led to (`followed`), so
 * that the prebuild check finds the output out of date when a file of requests changes.
 */
import * as path from "node:path";
import type { ResolvedService } from "../config/types";
import { Codes, type Diagnostic, type Place } from "../diagnostics";
import type { RequestFile } from "../passes/slice/request-patterns";
import type { ManifestInput } from "./manifest";
import { unreadableDiagnostics } from "./unreadable-inputs";
import { expandGlob, isGlob } from "./request-globs";
import { inputDigest, readInputs } from "./uptodate";
import { recordedInputPath } from "./manifest";
import { display } from "./within";

/** An `include` entry that names a file of requests. */
export const isRequestFile = (pattern: string): boolean => pattern.startsWith("@");

/** What names files of requests: a service's `include` entries, the folder they are read from, where they are written, and its output folder (the manifest records the files from there). */
export type RequestFilesOwner = Pick<ResolvedService, "include" | "includeBase" | "includePlaces" | "out">;

/** A file of requests an `include` entry names: its absolute path, where the entry is written, and the entry's glob where one matched it. */
export interface NamedRequestFile {
  path: string;
  place: Place | undefined;
  glob?: string;
}

/**
 * The request files of `service`'s include entries: absolute paths from its folder (the config's,
 * else the working one), each with where it is written; a glob's (`@src/**\/*.ts`,
 * write/request-globs.ts), the files it matches now. `unmatched`: the globs that match none, or
 * cannot be walked, with why.
 */
export function expandRequestFiles(service: RequestFilesOwner): {
  files: NamedRequestFile[];
  unmatched: { glob: string; place: Place | undefined; problem?: string }[];
  /** The folders the globs' walks entered. */
  folders: string[];
} {
  const from = service.includeBase ?? process.cwd();
  const files: NamedRequestFile[] = [];
  const folders: string[] = [];
  const unmatched: { glob: string; place: Place | undefined; problem?: string }[] = [];
  const seen = new Set<string>();
  (service.include ?? []).forEach((p, k) => {
    if (!isRequestFile(p)) return;
    const place = service.includePlaces?.[k];
    if (!isGlob(p)) {
      const file = path.resolve(from, p.slice(1));
      if (!seen.has(file)) [seen.add(file), files.push({ path: file, place })];
      return;
    }
    const found = expandGlob(from, p.slice(1), [service.out]);
    if ("problem" in found) return void unmatched.push({ glob: p.slice(1), place, problem: found.problem });
    // Walked, even where it matched nothing: a file added there is watched for.
    folders.push(...found.folders);
    if (!found.files.length) unmatched.push({ glob: p.slice(1), place });
    for (const file of found.files) if (!seen.has(file)) [seen.add(file), files.push({ path: file, place, glob: p.slice(1) })];
  });
  return { files, unmatched, folders };
}

/** The request files of `service`'s include entries, globs expanded (expandRequestFiles). */
export function requestFilesOf(service: RequestFilesOwner): NamedRequestFile[] {
  return expandRequestFiles(service).files;
}

export type ReadRequestFiles = { ok: true; files: RequestFile[]; records: ManifestInput[] } | { ok: false; diagnostics: Diagnostic[] };

export function readRequestFiles(service: RequestFilesOwner): ReadRequestFiles {
  const { files: named, unmatched } = expandRequestFiles(service);
  if (unmatched.length) {
    const from = service.includeBase ?? process.cwd();
    return {
      ok: false,
      diagnostics: unmatched.map((u) => ({
        code: Codes.sliceEmpty,
        severity: "error" as const,
        message: `--include @${u.glob} matches no file${u.problem ? `: ${u.problem}` : ` (from ${display(from)})`}`,
        ...(u.place ?? { file: display(from), line: 0, column: 0, path: "" }),
      })),
    };
  }
  if (!named.length) return { ok: true, files: [], records: [] };
  const read = readInputs(service.out, named.map((n) => n.path));
  const placeOf = (file: string) => named.find((n) => n.path === file)?.place;
  if (read.unreadable.length) return { ok: false, diagnostics: unreadableDiagnostics(read.unreadable, placeOf, "the file of requests") };
  const files = read.contents.map((c, i) => ({ ...c, place: named[i].place, ...(named[i].glob !== undefined ? { glob: named[i].glob } : {}) }));
  return { ok: true, files, records: read.records.map((r) => ({ ...r, followed: true as const })) };
}

/**
 * What a run given `files` (readRequestFiles') read besides them: the modules its programs import
 * request helpers from (parse/requests/imported-helpers.ts), recorded as the files of requests are
 * (followed, by their hash), and the paths looked at in vain on the way (`lookedFor`: one there
 * later is read instead), so that a change to `graph.ts` alone makes `app.ts`'s slice again;
 * `files`, all of them, to watch. None where the run read no program's imports.
 */
export function programModuleRecords(outDir: string, files: readonly RequestFile[]): { inputs: ManifestInput[]; lookedFor: string[]; files: string[] } {
  if (!files.length) return { inputs: [], lookedFor: [], files: [] };
  const { programModulesRead } = require("../parse/requests/imported-helpers") as typeof import("../parse/requests/imported-helpers");
  const modules = programModulesRead(files);
  if (!modules) return { inputs: [], lookedFor: [], files: [] };
  // What the run writes is none of its inputs: a program importing the generated modules (`./gen/….requests.js`)
  // looks for them there, and the run that made them would otherwise find its next run's inputs changed.
  const out = path.resolve(outDir) + path.sep;
  const outside = (file: string) => !path.resolve(file).startsWith(out);
  const lookedFor = [...new Set(modules.lookedFor)].filter(outside);
  const fromDisk = modules.fromDisk.filter((m) => outside(m.file));
  const inputs = fromDisk.map((m) => ({ file: recordedInputPath(outDir, m.file), sha256: inputDigest(m.bytes), followed: true as const }));
  return { inputs, lookedFor: lookedFor.map((f) => recordedInputPath(outDir, f)), files: [...fromDisk.map((m) => m.file), ...lookedFor] };
}
