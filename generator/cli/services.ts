/**
 * The services a `generate` run covers: from `--input`/`--out` (no config is read, so `--config` and
 * `--service` are usage errors with them), or from the config with flags overriding it.
 */
import * as path from "node:path";
import { configAbove, findConfig, loadConfig } from "../config/load";
import type { ResolvedService } from "../config/types";
import { defaultServiceName, repeatedFiles } from "../config/validate";
import { nearestName } from "../nearest-name";
import { leadsOut } from "../write/within";
import { ownFolderCheck } from "../write/own-folder";
import { parseAcceptance } from "../accept-warnings";

export interface ServiceFlags {
  input?: string[];
  out?: string;
  config?: string;
  service?: string[];
  include?: string[];
  exclude?: string[];
  keyAsSegment?: boolean;
  unqualifiedOperations?: boolean;
  includeDerived?: boolean;
  includeNavigation?: boolean;
  validators?: boolean;
  requests?: boolean;
  completeReads?: boolean;
  followReferences?: boolean;
  /** `--emit`: the output's form, over the config's. */
  emit?: "ts" | "js";
  /** `--accept-warning`: replaces the config's `acceptWarnings` of each service run. */
  acceptWarning?: string[];
}

/** `configOuts`: the output folders of every service of the config (a run's `--service` and `--out` aside). */
export type Services = { ok: true; services: ResolvedService[]; configFile?: string; configOuts?: string[] } | { ok: false; errors: string[] };

/**
 * `writes: false` (`odatagen url`, which writes nothing): `--input` needs no `--out` (the output
 * folder is then the current one, for naming only), and the output folders are not checked.
 */
export async function resolveServices(flags: ServiceFlags, cwd = process.cwd(), writes = true): Promise<Services> {
  const override = (s: ResolvedService): ResolvedService => ({
    ...s,
    include: flags.include?.length ? flags.include : s.include,
    exclude: flags.exclude?.length ? flags.exclude : s.exclude,
    // Patterns from flags are not where the config has its own.
    includePlaces: flags.include?.length ? undefined : s.includePlaces,
    includeBase: flags.include?.length ? cwd : s.includeBase,
    excludePlaces: flags.exclude?.length ? undefined : s.excludePlaces,
    keyAsSegment: flags.keyAsSegment ?? s.keyAsSegment,
    unqualifiedOperations: flags.unqualifiedOperations ?? s.unqualifiedOperations,
    includeDerived: flags.includeDerived ?? s.includeDerived,
    includeNavigation: flags.includeNavigation ?? s.includeNavigation,
    validators: flags.validators ?? s.validators,
    requests: flags.requests ?? s.requests,
    completeReads: flags.completeReads ?? s.completeReads,
    followReferences: flags.followReferences ?? s.followReferences,
    emit: flags.emit ?? s.emit,
    acceptWarnings: flags.acceptWarning?.length ? flags.acceptWarning : s.acceptWarnings,
    // Entries from flags are not where the config has its own.
    acceptWarningPlaces: flags.acceptWarning?.length ? undefined : s.acceptWarningPlaces,
  });
  if (flags.input?.length) {
    // --input names the documents of one service and reads no config: a flag that speaks of the config would be ignored.
    const configFlags = (["config", "service"] as const).filter((f) => flags[f]?.length);
    if (configFlags.length)
      return { ok: false, errors: configFlags.map((f) => `--input and --${f} cannot be used together: --input (with --out) generates the documents it names and reads no config; leave --input out to generate ${f === "config" ? "the config's services" : "the services --service picks from the config"}`) };
    if (!flags.out && writes) return { ok: false, errors: ["--out is required with --input"] };
    const empty = flags.input.some((f) => f.trim() === "");
    if (empty) return { ok: false, errors: ["--input: expected a file name, got an empty string"] };
    const urls = flags.input.filter((f) => /^[a-z][a-z\d+.-]*:\/\//i.test(f));
    if (urls.length) return { ok: false, errors: urls.map((u) => `--input ${u}: odatagen reads files, not URLs; download the metadata first (curl -o metadata.xml '${u}')`) };
    const twice = repeatedFiles(flags.input, cwd);
    if (twice.length) return { ok: false, errors: twice.map(([j]) => `--input names ${JSON.stringify(flags.input?.[j])} again (the same file); give each document once`) };
    const badAccept = acceptFlagProblem(flags.acceptWarning);
    if (badAccept) return { ok: false, errors: [badAccept] };
    const out = path.resolve(cwd, flags.out ?? ".");
    const services = [override({ name: defaultServiceName(out), inputs: flags.input.map((f) => path.resolve(cwd, f)), out })];
    return writes ? checked(services, cwd) : { ok: true, services };
  }
  const file = findConfig(cwd, flags.config);
  if (!file) return { ok: false, errors: [noConfig(cwd)] };
  const loaded = await loadConfig(file);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const badAccept = acceptFlagProblem(flags.acceptWarning);
  if (badAccept) return { ok: false, errors: [badAccept] };
  let services = loaded.services.map(override);
  if (flags.service?.length) {
    const unknown = flags.service.filter((n) => !services.some((s) => s.name === n));
    if (unknown.length) {
      const names = services.map((s) => s.name);
      const near = unknown.length === 1 ? nearestName(unknown[0], names) : undefined;
      return { ok: false, errors: [`--service: no service named ${unknown.join(", ")}${near ? `; did you mean ${near}?` : ""} (have ${names.join(", ")})`] };
    }
    services = services.filter((s) => flags.service!.includes(s.name));
  }
  if (flags.out) {
    if (services.length !== 1) return { ok: false, errors: ["--out needs exactly one service (use --service to pick one)"] };
    services = [{ ...services[0], out: path.resolve(cwd, flags.out), outPlace: undefined }];
  }
  const found = writes ? checked(services, cwd, file) : ({ ok: true, services, configFile: file } as const);
  return found.ok ? { ...found, configOuts: loaded.services.map((s) => s.out) } : found;
}

/** A malformed `--accept-warning` entry (a usage error), as the config's are checked. */
function acceptFlagProblem(entries: readonly string[] | undefined): string | undefined {
  for (const entry of entries ?? []) {
    const read = parseAcceptance(entry);
    if (typeof read === "string") return `--accept-warning ${JSON.stringify(entry)}: ${read}`;
  }
  return undefined;
}

/** Each service's output folder must be a folder of its own (write/own-folder.ts). */
function checked(services: ResolvedService[], cwd: string, configFile?: string): Services {
  const errors: string[] = [];
  const notOwnFolder = ownFolderCheck(cwd);
  for (const s of services) {
    const rel = path.relative(cwd, s.out);
    const why = notOwnFolder(s.out, s.inputs, configFile);
    // Placed as the config's own errors are, at the `out` it is about (config/load.ts).
    const at = s.outPlace && `${s.outPlace.file}${s.outPlace.line ? `:${s.outPlace.line}:${s.outPlace.column}` : ""}: ${s.outPlace.path}`;
    if (why) errors.push(`${at ?? s.name}: output folder ${leadsOut(rel) || !rel ? s.out : rel} ${why}`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, services, configFile };
}

/** Where no config was found, and the nearest one above, which a run from a subfolder may have meant. */
function noConfig(cwd: string): string {
  const above = configAbove(cwd);
  const hint = above ? ` (${path.dirname(above)} has ${path.basename(above)}: run odatagen there, or pass --config ${path.relative(cwd, above)})` : "";
  return `no odatagen.config.json, .mjs or .ts in ${cwd}${hint}; pass --input and --out, or create a config file`;
}
