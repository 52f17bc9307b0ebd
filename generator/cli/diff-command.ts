/** `odatagen diff`: model changes between two versions of a service's CSDL, breaking or not. */
import { parseAcceptance, settleAcceptances, type Acceptance } from "../accept-warnings";
import { Codes, GenerationError, type Diagnostic } from "../diagnostics";
import { compareSummaries } from "../diff/compare";
import { loadVersion } from "../diff/load";
import { outputsOf, type OptionalModule } from "../diff/outputs";
import type { SliceOptions } from "../passes/slice/slice";
import { isRequestFile, readRequestFiles } from "../write/request-files";
import { versionLabel, versionWarnings } from "./diff-warnings";
import { withConfig } from "./diff-config";
import { EXIT_BREAKING, EXIT_INPUT, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { stopWhileLoadingConfig } from "./signals";
import { changeLines, changeSummary } from "./model-changes";
import { referenceChains } from "./reference-chain";
import { err, out, printDiagnostics, SHOWN_DIAGNOSTICS } from "./style";

export interface DiffArgs {
  /** The documents of each version, read together as `generate --input` reads them. */
  old: string[];
  new: string[];
  json: boolean;
  "fail-on-breaking": boolean;
  /** Read the local documents each version's references name (true, the default), or only the documents given. */
  "follow-references"?: boolean;
  /** Print every error and warning, not the first SHOWN_DIAGNOSTICS. */
  verbose?: boolean;
  /** Compare the slice these keep of each version (as `generate --include …` makes it). */
  include?: string[];
  exclude?: string[];
  "include-derived"?: boolean;
  "include-navigation"?: boolean;
  /** The folder `include`'s `@file` entries are read from: the config's (diff-config.ts); else the working folder. */
  includeBase?: string;
  /** The modules the project generates (`--no-validators`, `--no-requests`): absent, both. */
  validators?: boolean;
  requests?: boolean;
  /** Take the options not given as flags from this config's service (diff-config.ts). */
  config?: string;
  service?: string;
  /** The modules the config's service leaves out, with where it says so (diff-config.ts); the others left out were by a flag. */
  leftOutBy?: Partial<Record<OptionalModule, string>>;
  /** The service's accepted warnings (its config's acceptWarnings): printed with --verbose only, as generate prints them. */
  acceptWarnings?: string[];
}

/** `diff`, with the options of a config's service when `--config` or `--service` names one (exit 2 on its problems). */
export async function runDiffWithConfig(args: DiffArgs): Promise<number> {
  // A `.mjs`/`.ts` config runs the user's code, which may take long: Ctrl+C then stops as generate's does.
  const loaded = stopWhileLoadingConfig();
  const resolved = await withConfig(args).finally(loaded);
  if (!resolved.ok) {
    for (const e of resolved.errors) err.print(`odatagen: ${e}`);
    return EXIT_USAGE;
  }
  return runDiff(resolved.args);
}

/** Why each module `args` leave out is left out: the config's words (`leftOutBy`), else its flag's name. */
function leftOutBy(args: DiffArgs): Partial<Record<OptionalModule, string>> {
  const because: Partial<Record<OptionalModule, string>> = {};
  for (const m of ["validators", "requests"] as const) if (args[m] === false) because[m] = args.leftOutBy?.[m] ?? `--no-${m}`;
  return because;
}

/**
 * Compares `args.old` with `args.new` and prints the changes; `named` gives a diagnostic the file
 * names the user knows (fetch --diff's old version is a temporary copy of the saved files).
 */
export function runDiff(args: DiffArgs, named: (d: Diagnostic) => Diagnostic = (d) => d): number {
  let result;
  const oldWarnings: Diagnostic[] = [];
  const newWarnings: Diagnostic[] = [];
  const follow = { off: args["follow-references"] === false };
  try {
    const slice = sliceOf(args);
    const oldErrors: Diagnostic[] = [];
    const newErrors: Diagnostic[] = [];
    const before = loadVersion(args.old, follow).summary(slice, oldWarnings, oldErrors);
    const after = loadVersion(args.new, follow).summary(slice, newWarnings, newErrors);
    const errors = sliceErrors(oldErrors, newErrors);
    if (errors.length) throw new GenerationError(errors);
    result = compareSummaries(before, after, outputsOf(args, leftOutBy(args)));
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    // Notes (severity info) describe metadata whose reading is right; diff does not print them,
    // but those saying which references led to a followed document with an error, as generate does.
    const all = e.diagnostics.map(named);
    const problems = all.filter((d) => d.severity !== "info");
    printDiagnostics([...problems, ...referenceChains(problems, all)], shown(args));
    // A program reading --json gets JSON either way: no changes, and the problems that stopped it.
    if (args.json) out.print(JSON.stringify({ errors: all.filter((d) => d.severity === "error") }, null, 2));
    return EXIT_INPUT;
  }
  // A version missing a referenced document has its types read as Edm.Untyped (ODG110): say so,
  // once for a warning both versions have, naming the version it is of.
  const warnings = versionWarnings(shownWarnings(oldWarnings.map(named), args), shownWarnings(newWarnings.map(named), args));
  const labels = new Map(warnings.map((w) => [w.diagnostic, versionLabel(w) + (w.diagnostic.accepted === undefined ? "" : `; accepted: ${w.diagnostic.accepted}`)]));
  printDiagnostics(warnings.map((w) => w.diagnostic), { labelOf: (d) => labels.get(d) ?? "", ...shown(args) });
  if (args.json) out.print(JSON.stringify(result, null, 2));
  else {
    const s = out.style;
    for (const line of changeLines(result, s)) out.print(line);
    for (const note of result.notes ?? []) out.print(note);
    out.print(changeSummary(result, s));
  }
  if (result.breaking && args["fail-on-breaking"]) {
    err.print("odatagen: breaking changes (--fail-on-breaking)");
    // Its own code, so CI can tell "the API broke" from "a version could not be read" (EXIT_INPUT).
    return EXIT_BREAKING;
  }
  return EXIT_OK;
}

/** A version's warnings to print: those `args.acceptWarnings` accept left out but with --verbose, which names the entry (`accepted: ODG103`). */
function shownWarnings(warnings: Diagnostic[], args: DiffArgs): Diagnostic[] {
  const entries = (args.acceptWarnings ?? []).map(parseAcceptance).filter((a): a is Acceptance => typeof a !== "string");
  if (!entries.length) return warnings;
  const marked = warnings.map((d) => ({ ...d }));
  settleAcceptances(marked, entries, "none");
  return args.verbose ? marked : marked.filter((d) => d.accepted === undefined);
}

/** At most SHOWN_DIAGNOSTICS lines of problems, or all of them with --verbose. */
function shown(args: DiffArgs): { limit?: number; rest?: string } {
  return args.verbose ? {} : { limit: SHOWN_DIAGNOSTICS, rest: "--verbose prints them all" };
}

/** The slice `args` ask for; its `@file` includes read as files of requests (from the config's folder, else the working one), or a GenerationError. */
function sliceOf(args: DiffArgs): SliceOptions | undefined {
  if (!args.include?.length && !args.exclude?.length) return undefined;
  const include = args.include ?? [];
  // Globs expanded as generate expands them (write/request-files.ts).
  const requests = readRequestFiles({ include, includeBase: args.includeBase ?? process.cwd(), out: process.cwd() });
  if (!requests.ok) throw new GenerationError(requests.diagnostics);
  const patterns = include.filter((p) => !isRequestFile(p));
  return { include: patterns, exclude: args.exclude, includeDerived: args["include-derived"], includeNavigation: args["include-navigation"], ...(requests.files.length && { includeRequests: requests.files }) };
}

/**
 * The slice's errors of both versions: a pattern that matches nothing in one version but something
 * in the other (a type added or removed) is no error, as the comparison shows that change; one
 * that matches nothing in either is (ODG302 of the old version, once), as are malformed patterns.
 */
function sliceErrors(oldErrors: readonly Diagnostic[], newErrors: readonly Diagnostic[]): Diagnostic[] {
  const empty = (list: readonly Diagnostic[]) => new Set(list.filter((d) => d.code === Codes.sliceEmpty).map((d) => d.path));
  const oldEmpty = empty(oldErrors);
  const newEmpty = empty(newErrors);
  const both = (d: Diagnostic) => d.code !== Codes.sliceEmpty || (oldEmpty.has(d.path) && newEmpty.has(d.path));
  const seen = new Set(oldErrors.map((d) => d.message));
  return [...oldErrors.filter(both), ...newErrors.filter((d) => d.code !== Codes.sliceEmpty && !seen.has(d.message))];
}
