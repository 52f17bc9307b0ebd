/**
 * `generate --watch`: regenerates when an input (a document a reference led to too, or a file one
 * looked for in vain) or the config file changes. Watches the folders that hold them (editors often
 * save by renaming a new file over the old one, which a watch on the file itself would miss), debounces bursts of events, keeps running after errors, and prints what
 * changed, what was written and how long it took — plus, when a spec changed, what changed in the
 * model and whether it breaks clients.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ResolvedService } from "../config/types";
import { compareSummaries } from "../diff/compare";
import { outputsOf } from "../diff/outputs";
import { summarize, type ModelSummary } from "../diff/summary";
import { InterruptedError } from "../write/interrupt";
import { regenerate, type RegenerateOutcome } from "../write/regenerate";
import { expandRequestFiles, requestFilesOf } from "../write/request-files";
import { listenForInterrupt, stopNow, stoppingNotice } from "./signals";
import { EXIT_OK } from "./exit-codes";
import { manifestWritten, printOutcomes, shown, type GenerateArgs } from "./generate-command";
import { resolveServices, type Services } from "./services";
import { printModelChanges } from "./model-changes";
import { err, out } from "./style";

const DEBOUNCE_MS = Number(process.env.ODATAGEN_WATCH_DEBOUNCE_MS ?? 150);
/** How often the watched folders are checked for being removed or replaced. */
const FOLDER_POLL_MS = 500;
/** How long a config found empty or missing during a save is given to be written before it is read again. */
const CONFIG_SETTLE_MS = Number(process.env.ODATAGEN_WATCH_CONFIG_SETTLE_MS ?? 1000);

/**
 * Whether the config file is caught in the middle of a save: empty (no bytes, or blanks only), as an
 * editor that empties a file before writing it leaves it for a moment, or missing, as one that
 * deletes it before writing a new one does. A file that cannot be read otherwise is neither:
 * loading it says why.
 */
function unwritten(file: string): "empty" | "missing" | undefined {
  try {
    return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim() === "" ? "empty" : undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : undefined;
  }
}

export function watch(args: GenerateArgs, initial: ResolvedService[], configFile: string | undefined): Promise<number> {
  let services = initial;
  const models = new Map<string, ModelSummary>();
  const watchers = new Map<string, fs.FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  /** Per output folder, the files its inputs' references led to (read, or looked for), as its last generation found them (its files of requests, `include: ["@file"]`, are watched too). */
  const referenced = new Map<string, string[]>();
  const watchedFiles = () =>
    new Set([...services.flatMap((s) => [...s.inputs, ...(referenced.get(s.out) ?? []), ...requestFilesOf(s).map((f) => f.path)]), ...(configFile ? [configFile] : [])]);
  /**
   * The watched files that are symlinks, by the file each leads to: an edit of that file (in another
   * folder, which is watched too) is a change of the watched file. Found again at each refresh, so
   * that a link pointed elsewhere is followed from the round that reads its new target.
   */
  let linkTargets = new Map<string, string[]>();
  const findLinkTargets = () => {
    const found = new Map<string, string[]>();
    for (const f of watchedFiles()) {
      let real: string;
      try {
        real = fs.realpathSync(f);
      } catch {
        continue; // missing: its folder is watched for it to appear
      }
      if (real !== f) found.set(real, [...(found.get(real) ?? []), f]);
    }
    return found;
  };

  let stopping: (() => void) | undefined;
  /** A round (config reload and regeneration) is in progress: changes wait for it, a signal stops it at its next step. */
  let busy = false;
  /** The files whose change during the round in progress was said (each once a round). */
  const toldDuringRound = new Set<string>();
  /** The config is being reloaded: the user's `.mjs`/`.ts` config runs, and no checkpoint is near. */
  let reloading = false;
  /**
   * Set while the config reloads: called when the config changes again meanwhile, so that a reload
   * that never finishes (a top-level `await` nothing settles, which Node cannot tell while the
   * watchers keep it running) gives way to the newer version, read by the next round.
   */
  let supersede: (() => void) | undefined;
  /**
   * The config was found empty or missing (which of them), and its changes wait for it to be written
   * (or to settle as it is): only a change of the config ends the wait; other inputs' wait with it.
   */
  let settling: "empty" | "missing" | false = false;
  /** While settling: the other inputs whose change was said to wait (each said once). */
  const waitingWith = new Set<string>();
  /** While settling: the config did not change since (the settle's timer, not a write, ends the wait). */
  let settledQuietly = false;
  const interrupt = listenForInterrupt(
    () => {
      // Idle: stop now. During a round: its next checkpoint stops it, with its lock and staging
      // folder removed; while the config reloads, a second signal stops it at once.
      if (!busy) stopping?.();
      else stoppingNotice(reloading);
    },
    (signal) => {
      // Nothing is locked or staged while the config reloads (the round's regeneration comes after).
      if (reloading) stopNow(signal, "while the config was reloading; nothing was written");
    },
  );

  const run = async (first: boolean) => {
    const started = process.hrtime.bigint();
    const done: RegenerateOutcome[] = [];
    let interrupted: InterruptedError | undefined;
    for (const service of services) {
      try {
        done.push(await regenerate({ service, mode: "write", removeStale: args.clean, force: first || args["fail-on-warnings"], failOnWarnings: args["fail-on-warnings"], onWait: (m) => err.print(`odatagen: ${m}`), checkpoint: interrupt.checkpoint }));
      } catch (e) {
        if (!(e instanceof InterruptedError)) {
          err.print(`odatagen: ${service.name}: ${(e as Error).message}`);
          continue;
        }
        // The services finished before the signal stay written: what they wrote and said is printed.
        interrupted = e;
        break;
      }
    }
    // A followed document is watched as an input is, from the round that read it.
    for (const o of done) if (o.referenced) referenced.set(o.service.out, o.referenced);
    refreshWatchers();
    printOutcomes(done, "write", { ...args, quiet: true });
    for (const o of done) {
      if (o.status === "written" && !args.quiet) {
        const r = o.report!;
        const files = r.written.length || r.removed.length ? `: ${[...r.written, ...r.removed.map((f) => `-${f}`)].join(", ")}` : "";
        out.print(`odatagen: ${o.service.name}: ${r.written.length} written, ${r.unchanged.length} unchanged, ${r.removed.length} removed${manifestWritten(r)} in ${o.ms.toFixed(0)} ms${files}`);
      }
      if (o.result) {
        const next = summarize(o.result.model);
        const prev = models.get(o.service.out);
        models.set(o.service.out, next);
        if (prev && !args.quiet) {
          const d = compareSummaries(prev, next, outputsOf(o.service));
          if (d.changes.length) {
            printModelChanges(o.service.name, d);
          }
        }
      }
    }
    if (interrupted) throw interrupted;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const failed = done.some((o) => o.status === "failed");
    // A save that changed no byte (`touch`, an editor's save with no edit) finds every output up to date.
    const unchanged = done.length > 0 && done.length === services.length && done.every((o) => o.status === "up-to-date");
    const what = failed ? "failed (the output was left as it was)" : first ? "generated" : unchanged ? "up to date (no input's content or option changed)" : "regenerated";
    if (!args.quiet) out.print(`odatagen: ${what} in ${ms.toFixed(0)} ms; watching ${watchedFiles().size} file(s) for changes (Ctrl+C stops)`);
  };

  /** Each watched folder's identity (device and inode) when its watcher was attached; undefined while it is missing. */
  const identities = new Map<string, string | undefined>();
  const identity = (dir: string): string | undefined => {
    try {
      const st = fs.statSync(dir);
      return `${st.dev}:${st.ino}:${st.birthtimeMs}`;
    } catch {
      return undefined;
    }
  };
  const attach = (dir: string) => {
    identities.set(dir, identity(dir));
    if (identities.get(dir) === undefined) return; // the poll attaches it when it appears
    try {
      const w = fs.watch(dir, (_event, name) => onEvent(dir, name ? String(name) : undefined));
      w.on("error", (e) => err.print(`odatagen: watching ${shown(dir)}: ${e.message}`));
      watchers.set(dir, w);
    } catch (e) {
      err.print(`odatagen: cannot watch ${shown(dir)}: ${(e as Error).message}`);
    }
  };
  /** The folders the services' globs (`include: ["@src/**\/*.ts"]`) walk, and the files watched, as the last refresh found them. */
  let globFolders = new Set<string>();
  let known = new Set<string>();
  const refreshWatchers = () => {
    linkTargets = findLinkTargets();
    globFolders = new Set(services.flatMap((s) => expandRequestFiles(s).folders));
    known = watchedFiles();
    const dirs = new Set([...[...known, ...linkTargets.keys()].map((f) => path.dirname(f)), ...globFolders]);
    for (const [dir, w] of watchers) if (!dirs.has(dir)) (w.close(), watchers.delete(dir));
    for (const dir of identities.keys()) if (!dirs.has(dir)) identities.delete(dir);
    for (const dir of dirs) if (!identities.has(dir)) attach(dir);
  };
  // A watcher follows the folder it was attached to: one removed, or replaced by another of the same
  // name (a download into a fresh folder, a branch switch), is noticed here, watched again once it
  // is there, and its files count as changed.
  // The check also runs before each regeneration: a folder removed and made again between two polls
  // may get the same inode back, and only a check made while it was missing tells the two apart.
  const checkFolders = (notify: boolean) => {
    for (const [dir, known] of identities) {
      const now = identity(dir);
      if (now === known) continue;
      watchers.get(dir)?.close();
      watchers.delete(dir);
      attach(dir);
      if (notify) onEvent(dir, undefined);
    }
  };
  const poll = setInterval(() => checkFolders(true), FOLDER_POLL_MS);

  const onEvent = (dir: string, name: string | undefined) => {
    const files = watchedFiles();
    const named = (f: string) => (files.has(f) ? [f] : []).concat(linkTargets.get(f) ?? []);
    let hit = name ? named(path.join(dir, name)) : [...files, ...linkTargets.keys()].filter((f) => path.dirname(f) === dir).flatMap(named);
    if (!hit.length && globFolders.has(dir)) {
      // In a folder a glob walks: a folder added is watched from now on, and the files a glob
      // matches now that it did not (in a folder added with its files, or moved in) are changes.
      const before = known;
      refreshWatchers();
      hit = [...known].filter((f) => !before.has(f));
    }
    if (!hit.length) return;
    for (const f of hit) changed.add(f);
    // Another input saved while the config settles (an editor's "save all") is taken by the round
    // that reads the config once written: ending the wait now would read it still empty or missing.
    if (settling && !(configFile && hit.includes(configFile))) {
      const told = hit.filter((f) => !waitingWith.has(f));
      for (const f of told) waitingWith.add(f);
      if (told.length && !args.quiet) out.print(`odatagen: changed: ${told.map(shown).join(", ")}; still waiting for ${shown(configFile!)} (${settling}) to be written`);
      return;
    }
    settledQuietly = false;
    // Said once a file a round: a save during a long regeneration is seen, and waits for the round.
    const during = busy ? hit.filter((f) => !toldDuringRound.has(f)) : [];
    for (const f of during) toldDuringRound.add(f);
    if (during.length && !args.quiet) out.print(`odatagen: changed: ${during.map(shown).join(", ")} (during the round in progress, which ends first)`);
    if (supersede && configFile && hit.includes(configFile)) supersede();
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, DEBOUNCE_MS);
  };

  /**
   * One round at a time, from the first change noticed (a config reload included) to the end of its
   * regeneration: changes made meanwhile are taken by a round after it. A signal during a round ends
   * the watch once the round has stopped.
   */
  const round = async (first: boolean) => {
    busy = true;
    toldDuringRound.clear();
    try {
      const go = first || (await reload());
      const signal = interrupt.received();
      if (signal) err.print(`odatagen: interrupted (${signal}) before regenerating; nothing was written`);
      else if (go) await run(first);
    } catch (e) {
      if (!(e instanceof InterruptedError)) throw e;
      err.print(`odatagen: interrupted (${e.signal}); the output being written was left as it was`);
    } finally {
      busy = false;
    }
    if (interrupt.received()) stopping?.();
    else if (changed.size && !timer) timer = setTimeout(onChange, DEBOUNCE_MS);
  };

  /** Takes the changes noticed so far; reloads the config when it is one of them. False: no run (a wrong config, or a signal). */
  const reload = async (): Promise<boolean> => {
    checkFolders(false);
    refreshWatchers(); // a symlink among the inputs may lead elsewhere now
    const what = [...changed];
    changed.clear();
    // Emptied or deleted by an editor that writes it next: wait for that change, or read it again once
    // it settles (a config still empty or missing then is loaded, and its problem reported, as any other).
    const gap = configFile && what.includes(configFile) && !settling ? unwritten(configFile) : undefined;
    if (configFile && gap) {
      settling = gap;
      waitingWith.clear();
      for (const f of what) changed.add(f);
      if (!args.quiet) out.print(`odatagen: changed: ${what.map(shown).join(", ")}; ${shown(configFile)} is ${gap}: read again when it is written (or in ${CONFIG_SETTLE_MS} ms)`);
      timer = setTimeout(onChange, CONFIG_SETTLE_MS);
      settledQuietly = true;
      return false;
    }
    // Nothing changed while it settled: say that it is read as it is, not that it changed again.
    const still = settling && settledQuietly && configFile ? unwritten(configFile) : undefined;
    settling = false;
    settledQuietly = false;
    if (!args.quiet) out.print(still ? `odatagen: ${shown(configFile!)} is still ${still} after ${CONFIG_SETTLE_MS} ms: read as it is` : `odatagen: changed: ${what.map(shown).join(", ")}`);
    if (configFile && what.includes(configFile)) {
      reloading = true;
      const newer = new Promise<Services>((resolve) => {
        supersede = () => resolve({ ok: false, errors: [`${shown(configFile)} changed again before it finished loading (a top-level await that never settles?); its newer version is read next`] });
      });
      const loaded = resolveServices({ config: configFile, service: args.service, include: args.include, exclude: args.exclude, keyAsSegment: args["key-as-segment"], unqualifiedOperations: args["unqualified-operations"], includeDerived: args["include-derived"], includeNavigation: args["include-navigation"], validators: args.validators, requests: args.requests, completeReads: args["complete-reads"], followReferences: args["follow-references"], emit: args.emit, acceptWarning: args["accept-warning"] });
      const again = await Promise.race([loaded, newer]).finally(() => {
        reloading = false;
        supersede = undefined;
      });
      if (interrupt.received()) return false;
      if (!again.ok) {
        for (const e of again.errors) err.print(`odatagen: ${e}`);
        err.print("odatagen: config not reloaded; still watching");
        return false;
      }
      services = again.services;
      refreshWatchers();
    }
    return true;
  };

  const onChange = async () => {
    timer = undefined;
    if (busy) return; // the round in progress schedules another when it ends
    await round(false);
  };

  const stopped = new Promise<number>((resolve) => {
    stopping = () => {
      if (timer) clearTimeout(timer);
      clearInterval(poll);
      for (const w of watchers.values()) w.close();
      interrupt.stop();
      resolve(EXIT_OK);
    };
  });
  refreshWatchers(); // before the first run, so that an edit made during it is not missed
  void round(true);
  return stopped;
}
