/** `odatagen generate`: one run over every service (or a watch loop), printed. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "../diagnostics";
import { isOpenWarning } from "../accept-warnings";
import { linkTarget, regenerate, type Mode, type RegenerateOutcome } from "../write/regenerate";
import type { WriteReport } from "../write/write";
import { readOrUndefined } from "../write/plan";
import { MANIFEST } from "../write/manifest";
import { editsDir } from "../write/edits";
import { listPlan, listedLine } from "./plan-list";
import { prereadStreams } from "../write/uptodate";
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { resolveServices, type ServiceFlags } from "./services";
import { countLine, err, out, printDiagnostics, SHOWN_DIAGNOSTICS } from "./style";
import { referenceChains } from "./reference-chain";
import { printModelChanges, printModelChangesUnknown } from "./model-changes";
import { shortDiff } from "./text-diff";
import { listenForInterrupt, signalExitCode, stopWhileLoadingConfig } from "./signals";
import { startedUp, stopWhileStarting } from "./start-signals";
import { InterruptedError } from "../write/interrupt";
import { leadsOut } from "../write/within";
import { leftOutputs } from "../write/config-outputs";

/** The flags yargs parses for `generate`: the service flags, plus the kebab-case ones and the modes. */
export interface GenerateArgs extends Pick<ServiceFlags, "input" | "out" | "config" | "service" | "include" | "exclude"> {
  "include-derived"?: boolean;
  "include-navigation"?: boolean;
  /** Explain why the slice keeps (or leaves out) what these name patterns match. */
  why?: string[];
  "key-as-segment"?: boolean;
  "unqualified-operations"?: boolean;
  validators?: boolean;
  requests?: boolean;
  "complete-reads"?: boolean;
  "follow-references"?: boolean;
  emit?: "ts" | "js";
  /** Warnings accepted for each service run (replacing the config's acceptWarnings). */
  "accept-warning"?: string[];
  check: boolean;
  watch: boolean;
  "dry-run": boolean;
  clean: boolean;
  force: boolean;
  "fail-on-warnings": boolean;
  quiet: boolean;
  /** Print notes (severity info) too; an up-to-date output is generated again in memory to find them. */
  verbose?: boolean;
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
  const modes = (["check", "watch", "dry-run"] as const).filter((m) => args[m]);
  if (modes.length > 1) {
    err.print(`odatagen: --${modes.join(" and --")} cannot be used together`);
    return EXIT_USAGE;
  }
  if (args.quiet && args.verbose) {
    err.print("odatagen: --quiet and --verbose cannot be used together: --quiet prints only problems, --verbose notes too");
    return EXIT_USAGE;
  }
  const loaded = stopWhileLoadingConfig();
  const resolved = await resolveServices({
    input: args.input, out: args.out, config: args.config, service: args.service,
    include: args.include, exclude: args.exclude, keyAsSegment: args["key-as-segment"],
    unqualifiedOperations: args["unqualified-operations"],
    includeDerived: args["include-derived"], includeNavigation: args["include-navigation"],
    validators: args.validators, requests: args.requests, completeReads: args["complete-reads"],
    followReferences: args["follow-references"], emit: args.emit, acceptWarning: args["accept-warning"],
  }).finally(loaded);
  if (!resolved.ok) {
    for (const e of resolved.errors) err.print(`odatagen: ${e}`);
    return EXIT_USAGE;
  }
  if (args.watch && args.why?.length) {
    err.print("odatagen: --why cannot be used with --watch");
    return EXIT_USAGE;
  }
  if (args.watch) {
    // Loaded only for --watch.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { watch } = require("./watch") as typeof import("./watch");
    return watch(args, resolved.services, resolved.configFile);
  }
  const mode: Mode = args.check ? "check" : args["dry-run"] ? "dry-run" : "write";
  // --why needs the slice computed: an up-to-date output is generated again in memory (and left as it is).
  const why = args.why?.length ? args.why : undefined;
  const force = args.force || args["fail-on-warnings"] || why !== undefined || args.verbose === true;
  const failOnWarnings = args["fail-on-warnings"];
  // A pipe or FIFO input is read before the lock is taken; Ctrl+C while it waits for its writer is
  // answered by start-signals.ts (interrupted, nothing written). A terminal's is read blocking, which
  // only the signal's default action can end: the start-up handler goes first, and comes back for a
  // FIFO read after it (`-i /dev/stdin -i <(curl …)`).
  const beforeRead = (blocking: boolean) => (blocking ? startedUp() : stopWhileStarting());
  for (const service of resolved.services) await prereadStreams(service.inputs, beforeRead);
  const interrupt = listenForInterrupt();
  const outcomes: RegenerateOutcome[] = [];
  try {
    for (const service of resolved.services)
      outcomes.push(await regenerate({ service, mode, removeStale: args.clean, force, why, failOnWarnings, onWait: waitNotice, checkpoint: interrupt.checkpoint }));
    await interrupt.checkpoint();
  } catch (e) {
    if (!(e instanceof InterruptedError)) throw e;
    const code = printOutcomes(outcomes, mode, args);
    const stopped = resolved.services[outcomes.length];
    if (!stopped) {
      // Nothing was left undone: the run's own result stands.
      err.print(`odatagen: ${e.signal} arrived after every service was done; nothing was stopped`);
      return code;
    }
    const where = `${stopped.name}: not generated; ${fs.existsSync(stopped.out) ? `${shown(stopped.out)} left as it was` : `nothing written to ${shown(stopped.out)}`}`;
    err.print(`odatagen: interrupted (${e.signal}); ${where}`);
    return signalExitCode(e.signal);
  } finally {
    interrupt.stop();
  }
  const code = printOutcomes(outcomes, mode, args);
  if (resolved.configFile && resolved.configOuts) printLeftOutputs(resolved.configFile, leftOutputs(resolved.configFile, resolved.configOuts, mode === "write"), mode);
  return code;
}

/**
 * A folder the config no longer writes that still holds odatagen's output (write/config-outputs.ts):
 * a note, even with --quiet (code importing from it compiles against types nothing updates), and
 * not a difference `--check` fails on (it checks what the config writes). In check's and dry-run's
 * report on stdout; after a write on stderr, with the other notices about the output.
 */
function printLeftOutputs(configFile: string, left: string[], mode: Mode): void {
  const print = mode === "write" ? err.print : out.print;
  for (const dir of left)
    print(`odatagen: note: ${shown(dir)} holds output odatagen wrote (${MANIFEST}) that no service of ${shown(configFile)} writes any more (its out changed, or it was removed): delete the folder, and move code that imports from it to the new output`);
}

/** Prints a run's outcomes and returns its exit code. */
export function printOutcomes(outcomes: RegenerateOutcome[], mode: Mode, args: Pick<GenerateArgs, "quiet" | "fail-on-warnings" | "clean" | "verbose">): number {
  // A diagnostic about the run's options (a slice pattern that matches nothing, --why without a
  // slice) has no file to tell the services apart by: with several services it names its own.
  const several = new Set(outcomes.map((o) => o.service.name)).size > 1;
  // An accepted warning is printed only with --verbose (marked so), and counted apart.
  const diags: Diagnostic[] = outcomes.flatMap((o) => {
    const shownHere = o.diagnostics.filter((d) => (d.severity !== "info" && d.accepted === undefined) || args.verbose);
    // An error in a followed document comes with the notes saying which references led to it.
    if (!args.verbose) shownHere.push(...referenceChains(shownHere, o.diagnostics));
    return shownHere.map((d) => (several && !d.file ? { ...d, message: `${o.service.name}: ${d.message}` } : d));
  });
  const accepted = outcomes.reduce((n, o) => n + o.diagnostics.filter((d) => d.accepted !== undefined).length, 0);
  const labelOf = (d: Diagnostic) => (d.accepted === undefined ? "" : `accepted: ${d.accepted}`);
  printDiagnostics(diags, args.verbose ? { labelOf } : { limit: SHOWN_DIAGNOSTICS, rest: "--verbose prints them all" });
  let stale = 0;
  for (const o of outcomes) {
    printWhy(o);
    const where = shown(o.service.out);
    const ms = `${o.ms.toFixed(0)} ms`;
    if (o.recovered === "restored-backup") err.print(`odatagen: ${o.service.name}: restored ${where} from an interrupted run`);
    if (o.leftovers) err.print(`odatagen: ${o.service.name}: an interrupted run left a staging or backup folder beside ${where}; the next generate cleans it up`);
    if (o.status === "failed") {
      const kept = fs.existsSync(o.service.out) ? `${where} left as it was` : `nothing written to ${where}`;
      err.print(`odatagen: ${o.service.name}: not generated${o.failedOnWarnings ? " (--fail-on-warnings)" : ""}; ${kept}`);
      continue;
    }
    if (o.status === "up-to-date") {
      if (!args.quiet) out.print(`odatagen: ${o.service.name}: up to date (${ms})`);
      continue;
    }
    if (o.status === "written" && o.report) {
      const r = o.report;
      const slice = o.result?.slice;
      const sliced = slice ? ` (slice: ${slice.types} of ${slice.ofTypes} types, ${slice.operations} of ${slice.ofOperations} operations)` : "";
      if (!args.quiet)
        out.print(`odatagen: ${o.service.name}${sliced}: ${o.files?.size ?? 0} files in ${where} (${r.written.length} written, ${r.unchanged.length} unchanged, ${r.removed.length} removed${manifestWritten(r)}) in ${ms}`);
      if (!args.quiet) printUnlisted(o, where, "left alone, now and by later runs, which do not name them again");
      const mc = o.modelChanges;
      if (mc === "unknown" && !args.quiet) printModelChangesUnknown(o.service.name);
      else if (mc && mc !== "unknown" && (mc.changes.length || mc.notes) && !args.quiet) printModelChanges(o.service.name, mc);
      if (r.kept.length) err.print(`odatagen: ${o.service.name}: kept ${r.kept.length} stale generated file(s) (--no-clean): ${r.kept.join(", ")}`);
      for (const e of r.edited)
        err.print(`odatagen: ${shown(path.join(o.service.out, e.file))} was edited since the last run; ${e.removed ? "it is removed (no longer generated)" : "the edit is overwritten"}, a copy kept as ${shown(e.copy)}`);
      continue;
    }
    const plan = o.plan!;
    const removing = args.clean ? plan.stale : [];
    const listed = listPlan(plan, removing, shown(editsDir(linkTarget(o.service.out))));
    const manifest = plan.manifestProblem;
    if (mode === "dry-run") {
      if (!args.quiet) {
        out.print(`odatagen: ${o.service.name}: would write ${plan.added.length + plan.changed.length + (manifest ? 1 : 0)}, remove ${removing.length}, leave ${plan.unchanged.length} unchanged in ${where}`);
        for (const f of listed) out.print(listedLine(f, out.style));
        printUnlisted(o, where);
      }
      continue;
    }
    // --check
    const differ = listed.length;
    if (!differ) {
      if (!args.quiet) {
        out.print(`odatagen: ${o.service.name}: ${where} is up to date (${ms})`);
        printUnlisted(o, where);
      }
      continue;
    }
    // The report is the command's result, on stdout as a whole (as --dry-run's list and diff's are):
    // problems in the input stay on stderr.
    stale += differ;
    const s = out.style;
    out.print(`odatagen: ${o.service.name}: ${differ} file(s) in ${where} differ from a fresh run:`);
    for (const f of listed) {
      out.print(listedLine(f, s));
      if (!f.diff) continue;
      const before = readOrUndefined(path.join(o.service.out, f.file))?.toString("utf8") ?? "";
      for (const line of shortDiff(before, o.files!.get(f.file)!)) out.print(`      ${line.startsWith("-") ? s.red(line) : line.startsWith("+") ? s.green(line) : s.dim(line)}`);
    }
    if (!args.quiet) printUnlisted(o, where);
  }
  const errors = diags.some((d) => d.severity === "error") || outcomes.some((o) => o.status === "failed" && !o.failedOnWarnings);
  const failOnWarnings = args["fail-on-warnings"] && diags.some(isOpenWarning);
  if (diags.length || accepted) err.print(`odatagen: ${countLine(diags)}${accepted ? ` (${accepted} accepted)` : ""}`);
  if (stale) out.print(`odatagen: --check: output is stale; run \`odatagen generate\` and commit the result`);
  if (failOnWarnings && !errors) err.print("odatagen: failing on warnings (--fail-on-warnings)");
  return errors || stale || failOnWarnings ? EXIT_INPUT : EXIT_OK;
}

/**
 * Check, dry-run and a first write: a note (not a difference: the exit code stays) naming the files
 * in the output folder that odatagen did not write, the first ten of them, so that one left there by
 * mistake is seen (an output folder given as `src`).
 */
function printUnlisted(o: RegenerateOutcome, where: string, fate = "left alone and not checked"): void {
  const files = o.unlisted ?? [];
  if (!files.length) return;
  const shownFiles = files.slice(0, 10).join(", ") + (files.length > 10 ? `, and ${files.length - 10} more` : "");
  out.print(`odatagen: ${o.service.name}: note: ${where} also holds ${files.length} file(s) odatagen did not write, ${fate}: ${shownFiles}`);
}

/** The manifest, in a run's summary, when writing it is worth saying (WriteReport.manifest): else "". */
export function manifestWritten(r: WriteReport): string {
  const m = r.manifest;
  if (!m) return "";
  if (m.kind === "missing") return `; wrote the missing ${MANIFEST}`;
  if (m.kind === "unreadable") return `; wrote the unreadable ${MANIFEST} anew: ${m.reason}`;
  return `; updated ${MANIFEST}`;
}

/** `--why`: each answer as its chain of reasons, names aligned. Printed even with --quiet: it was asked for. */
function printWhy(o: RegenerateOutcome): void {
  const answered = new Set<string>(); // a name two patterns match is answered once
  for (const report of o.result?.slice?.why ?? []) {
    if (!report.matched) continue;
    const more = report.matched - report.answers.length;
    for (const a of report.answers) {
      if (answered.has(a.name)) continue;
      answered.add(a.name);
      out.print(`odatagen: ${o.service.name}: ${a.name} ${a.kept ? "is in the slice:" : "is not in the slice"}`);
      const width = Math.max(...a.chain.map((s) => s.name.length));
      for (const step of a.chain) out.print(a.kept ? `  ${step.name.padEnd(width)}  ${step.reason}` : `  ${step.reason.replace(/^not in the slice: /, "")}`);
    }
    if (more > 0) out.print(`odatagen: ${o.service.name}: --why ${report.pattern} matches ${more} more (the first ${report.answers.length} are shown)`);
  }
}

export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !leadsOut(rel) ? rel : p;
}

/** A wait for another odatagen's lock is said on stderr, even with --quiet: it may last minutes. */
export function waitNotice(message: string): void {
  err.print(`odatagen: ${message}`);
}
