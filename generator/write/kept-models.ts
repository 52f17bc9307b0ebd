/**
 * The model summaries of the last few generations of an output, kept in the tool cache beside its
 * stat cache so that a regeneration after a spec change can say what changed in the model. Each is
 * kept under the hash of the manifest of the output it was generated with, and a change is
 * reported only against the summary of the manifest in the output folder now: the output a branch
 * switch, a `git checkout` or a deleted folder left there has a manifest of its own, and comparing
 * with whatever was generated last would report changes that the output on disk never had.
 * Best effort: no cache folder, or an unreadable one, means no report.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { GenerateResult } from "../generate";
import type { DiffResult } from "../diff/compare";
import { manifestText, readManifest, sha256, type Manifest } from "./manifest";
import { cacheSibling } from "./statcache";

/** The URL options the output was generated with, and whether it has validators and request functions. */
type UrlOptions = { keyAsSegment?: boolean; unqualifiedOperations?: boolean; validators?: boolean; requests?: boolean };

/** How many summaries are kept per output folder: the new one and those of outputs it may be switched back to. */
const KEPT = 3;

/** Model changes after a regeneration: those since the output that was there, or `unknown` when no summary of it was kept. */
export type ModelChanges = DiffResult | "unknown";

/** A short name for the output a manifest describes: its inputs, options, generator and files. */
function basis(m: Manifest): string {
  return sha256(manifestText(m)).slice(0, 16);
}

/**
 * After a write: keeps the summary of the model just generated, under the manifest just written, and,
 * when the spec changed, compares it with the summary kept for `previous` (the manifest the output
 * folder held before the write; none for a first generation, which reports nothing). `urls`: the
 * URL options the output was generated with, so that a spec change they override is no change, and
 * its modules (a change that breaks only a module it does not have is not breaking).
 */
export function keepModel(outDir: string, result: GenerateResult, previous: Manifest | undefined, specChanged: boolean, urls: UrlOptions = {}): ModelChanges | undefined {
  const written = readManifest(outDir);
  const file = written && cacheSibling(outDir, `.${basis(written)}.model.json`);
  if (!file) return undefined;
  // The summaries' code is loaded here, not with this module: an output with no cache folder (no
  // node_modules above it) keeps none, and only a spec change compares two.
  const { summarize, summaryFromJson, summaryToJson } = require("../diff/summary") as typeof import("../diff/summary");
  const now = summarize(result.model, { keyAsSegment: urls.keyAsSegment, unqualifiedOperations: urls.unqualifiedOperations });
  let changes: ModelChanges | undefined;
  if (specChanged && previous) {
    const before = cacheSibling(outDir, `.${basis(previous)}.model.json`)!;
    // Loaded outside the try: a module of ours that fails to load is a defect to report, not a summary to take as unknown.
    const { compareSummaries } = require("../diff/compare") as typeof import("../diff/compare");
    const { outputsOf } = require("../diff/outputs") as typeof import("../diff/outputs");
    try {
      changes = compareSummaries(summaryFromJson(fs.readFileSync(before, "utf8")), now, outputsOf(urls));
    } catch {
      changes = "unknown";
    }
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, summaryToJson(now));
    prune(file);
  } catch {
    // best effort
  }
  return changes;
}

/** Removes all but the `KEPT` most recently written summaries of this output (and the one file an older version kept). */
function prune(file: string): void {
  const dir = path.dirname(file);
  const key = path.basename(file).split(".")[0];
  const mine = fs.readdirSync(dir).filter((f) => f.startsWith(`${key}.`) && f.endsWith(".model.json"));
  const legacy = `${key}.model.json`;
  const byAge = mine
    .filter((f) => f !== legacy)
    .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  const old = [...byAge.slice(KEPT).map((e) => e.f), ...(mine.includes(legacy) ? [legacy] : [])];
  for (const f of old) if (f !== path.basename(file)) fs.rmSync(path.join(dir, f), { force: true });
}
