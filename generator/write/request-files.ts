/**
 * The files of requests a service's `include` names (`@requests.har`, see passes/slice/request-patterns.ts),
 * read as its inputs are (write/uptodate.ts `readInputs`: line ends as LF, hashed as the manifest
 * records them). Recorded in the manifest beside the documents references led to (`followed`), so
 * that the prebuild check finds the output out of date when a file of requests changes.
 */
import * as path from "node:path";
import type { ResolvedService } from "../config/types";
import type { Diagnostic, Place } from "../diagnostics";
import type { RequestFile } from "../passes/slice/request-patterns";
import type { ManifestInput } from "./manifest";
import { unreadableDiagnostics } from "./unreadable-inputs";
import { readInputs } from "./uptodate";

/** An `include` entry that names a file of requests. */
export const isRequestFile = (pattern: string): boolean => pattern.startsWith("@");

/** The request files of `service`'s include entries: absolute paths from its folder (the config's, else the working one), each with where it is written. */
export function requestFilesOf(service: ResolvedService): { path: string; place: Place | undefined }[] {
  const from = service.includeBase ?? process.cwd();
  return (service.include ?? []).flatMap((p, k) => (isRequestFile(p) ? [{ path: path.resolve(from, p.slice(1)), place: service.includePlaces?.[k] }] : []));
}

export type ReadRequestFiles = { ok: true; files: RequestFile[]; records: ManifestInput[] } | { ok: false; diagnostics: Diagnostic[] };

export function readRequestFiles(service: ResolvedService): ReadRequestFiles {
  const named = requestFilesOf(service);
  if (!named.length) return { ok: true, files: [], records: [] };
  const read = readInputs(service.out, named.map((n) => n.path));
  const placeOf = (file: string) => named.find((n) => n.path === file)?.place;
  if (read.unreadable.length) return { ok: false, diagnostics: unreadableDiagnostics(read.unreadable, placeOf, "the file of requests") };
  const files = read.contents.map((c, i) => ({ ...c, place: named[i].place }));
  return { ok: true, files, records: read.records.map((r) => ({ ...r, followed: true as const })) };
}
