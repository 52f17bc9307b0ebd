/**
 * Checks a loaded config value against the shape in `types.ts`, collecting every problem with its
 * path (`services[1].out: expected a string`) rather than stopping at the first.
 */
import * as path from "node:path";
import { nearestName } from "../nearest-name";
import { realPathOfNearest } from "../write/real-path";
import type { Place } from "../diagnostics";
import type { ResolvedService } from "./types";
import { parseAcceptance } from "../accept-warnings";

export type ConfigResult = { ok: true; services: ResolvedService[] } | { ok: false; errors: string[] };

const TOP_KEYS = ["$schema", "services"];
const SERVICE_KEYS = ["name", "input", "out", "include", "exclude", "acceptWarnings", "options", "url", "headersFromEnv"];
const BOOLEAN_OPTION_KEYS = ["keyAsSegment", "unqualifiedOperations", "includeDerived", "includeNavigation", "validators", "requests", "completeReads", "followReferences"] as const;
const OPTION_KEYS = [...BOOLEAN_OPTION_KEYS, "emit"] as const;
const EMIT_FORMS = ["ts", "js"];

/**
 * `baseDir`: the config file's folder; relative paths in the config are resolved against it.
 * `placeOf`: where a value is written in the config file, by its element path (`services[0].include[1]`),
 * kept with each slice pattern so that one that matches nothing is reported there.
 */
export function validateConfig(value: unknown, baseDir: string, placeOf?: (path: string) => Place): ConfigResult {
  const errors: string[] = [];
  const services: ResolvedService[] = [];
  /** Whether each service in `services` names itself (else it is named after its output folder). */
  const named: boolean[] = [];
  const indices: number[] = [];
  if (!isObject(value)) return { ok: false, errors: ["(root): expected an object with a \"services\" list"] };
  unknownKeys(value, TOP_KEYS, "", errors, [
    { keys: SERVICE_KEYS, at: (k) => `each service (services[].${k})` },
    { keys: OPTION_KEYS, at: (k) => `a service's options (services[].options.${k})` },
  ]);
  if (value.$schema !== undefined && typeof value.$schema !== "string") errors.push("$schema: expected a string");
  const list = value.services;
  if (!Array.isArray(list)) errors.push("services: expected a list of services");
  else if (list.length === 0) errors.push("services: expected at least one service");
  else
    list.forEach((s, i) => {
      const at = `services[${i}]`;
      if (!isObject(s)) {
        errors.push(`${at}: expected an object`);
        return;
      }
      const before = errors.length;
      unknownKeys(s, SERVICE_KEYS, at, errors, [{ keys: OPTION_KEYS, at: (k) => `${at}.options.${k}` }]);
      const inputs = typeof s.input === "string" ? [s.input] : s.input;
      const inputAt = (j: number) => (typeof s.input === "string" ? `${at}.input` : `${at}.input[${j}]`);
      if (s.input === undefined) errors.push(`${at}.input: required (a file name or a list of them)`);
      else if (!Array.isArray(inputs) || inputs.length === 0) errors.push(`${at}.input: expected a string or a non-empty list of strings`);
      else {
        const files = inputs.map((f, j) => {
          if (typeof f !== "string") errors.push(`${inputAt(j)}: expected a string`);
          else if (f.trim() === "") errors.push(`${inputAt(j)}: expected a file name, got an empty string`);
          else return f;
          return undefined;
        });
        for (const [j, first] of repeatedFiles(files.map((f) => f && configPath(baseDir, f)), baseDir))
          errors.push(`${inputAt(j)}: ${JSON.stringify(files[j])} is the file input[${first}] names already; list each document once`);
      }
      if (s.out === undefined) errors.push(`${at}.out: required (the output folder)`);
      else if (typeof s.out !== "string" || s.out === "") errors.push(`${at}.out: expected a string`);
      if (s.name !== undefined && typeof s.name !== "string") errors.push(`${at}.name: expected a string`);
      else if (typeof s.name === "string" && s.name.trim() === "") errors.push(`${at}.name: expected a name, got an empty string (leave it out to name the service after its output folder)`);
      // A list option takes one string as a list of one, as `input` does.
      const patterns: Partial<Record<"include" | "exclude", string[]>> = {};
      const places: Partial<Record<"include" | "exclude", Place[]>> = {};
      for (const key of ["include", "exclude"] as const) {
        const v = s[key];
        if (v === undefined) continue;
        if (typeof v === "string") patterns[key] = [v];
        else if (!Array.isArray(v)) errors.push(`${at}.${key}: expected a string or a list of strings`);
        else {
          v.forEach((g, j) => typeof g !== "string" && errors.push(`${at}.${key}[${j}]: expected a string`));
          patterns[key] = v as string[];
        }
        if (placeOf && patterns[key]) places[key] = patterns[key].map((_, j) => placeOf(typeof v === "string" ? `${at}.${key}` : `${at}.${key}[${j}]`));
      }
      // Accepted warnings, as include's patterns: one entry or a list, each checked as generate() reads it.
      const accepted = s.acceptWarnings;
      let acceptWarnings: string[] | undefined;
      if (typeof accepted === "string") acceptWarnings = [accepted];
      else if (Array.isArray(accepted)) acceptWarnings = accepted as string[];
      else if (accepted !== undefined) errors.push(`${at}.acceptWarnings: expected a string or a list of strings ("ODG108", "ODG108 ns.T/*")`);
      const acceptAt = (j: number) => (typeof accepted === "string" ? `${at}.acceptWarnings` : `${at}.acceptWarnings[${j}]`);
      acceptWarnings?.forEach((entry, j) => {
        const read = typeof entry === "string" ? parseAcceptance(entry) : "expected a string";
        if (typeof read === "string") errors.push(`${acceptAt(j)}: ${read}`);
      });
      fetchKeyProblems(s, at, errors);
      const options = s.options;
      if (options !== undefined) {
        if (!isObject(options)) errors.push(`${at}.options: expected an object`);
        else {
          unknownKeys(options, OPTION_KEYS, `${at}.options`, errors, [{ keys: SERVICE_KEYS, at: (k) => `the service (${at}.${k})` }]);
          for (const key of BOOLEAN_OPTION_KEYS)
            if (options[key] !== undefined && typeof options[key] !== "boolean") errors.push(`${at}.options.${key}: expected true or false`);
          const emit = options.emit;
          if (emit !== undefined && !(typeof emit === "string" && EMIT_FORMS.includes(emit))) {
            const near = typeof emit === "string" ? nearestName(emit.toLowerCase(), EMIT_FORMS) : undefined;
            errors.push(`${at}.options.emit: expected "ts" (TypeScript modules) or "js" (JavaScript with declarations)${near ? `; did you mean "${near}"?` : ""}`);
          }
        }
      }
      if (errors.length > before) return;
      const out = configPath(baseDir, s.out as string);
      named.push(s.name !== undefined);
      indices.push(i);
      services.push({
        name: (s.name as string | undefined) ?? defaultServiceName(out),
        inputs: (inputs as string[]).map((f) => configPath(baseDir, f)),
        ...(placeOf && { inputPlaces: (inputs as string[]).map((_, j) => placeOf(inputAt(j))) }),
        out,
        ...(placeOf && { outPlace: placeOf(`${at}.out`) }),
        include: patterns.include,
        exclude: patterns.exclude,
        ...(places.include && { includePlaces: places.include }),
        ...(patterns.include?.some((p) => p.startsWith("@")) && { includeBase: baseDir }),
        ...(places.exclude && { excludePlaces: places.exclude }),
        ...(acceptWarnings && { acceptWarnings }),
        ...(acceptWarnings && placeOf && { acceptWarningPlaces: acceptWarnings.map((_, j) => placeOf(acceptAt(j))) }),
        keyAsSegment: isObject(options) ? (options.keyAsSegment as boolean | undefined) : undefined,
        unqualifiedOperations: isObject(options) ? (options.unqualifiedOperations as boolean | undefined) : undefined,
        includeDerived: isObject(options) ? (options.includeDerived as boolean | undefined) : undefined,
        includeNavigation: isObject(options) ? (options.includeNavigation as boolean | undefined) : undefined,
        validators: isObject(options) ? (options.validators as boolean | undefined) : undefined,
        requests: isObject(options) ? (options.requests as boolean | undefined) : undefined,
        completeReads: isObject(options) ? (options.completeReads as boolean | undefined) : undefined,
        followReferences: isObject(options) ? (options.followReferences as boolean | undefined) : undefined,
        ...(isObject(options) && options.emit === "js" && { emit: "js" as const }),
        ...(typeof s.url === "string" && { url: s.url }),
        ...(isObject(s.headersFromEnv) && { headersFromEnv: s.headersFromEnv as Record<string, string> }),
      });
    });
  // Between the services that are valid on their own, so that these come with the other problems.
  // `k` counts valid services, `indices[k]` is the place in the config's list.
  const seen = new Map<string, number>();
  services.forEach((s, k) => {
    const real = realPathOfNearest(s.out);
    const j = seen.get(real);
    const via = j === undefined || services[j].out === s.out ? "" : ` (both are ${real}, through a symlink)`;
    if (j !== undefined) errors.push(`services[${indices[k]}].out: same output folder as services[${indices[j]}]${via}`);
    seen.set(real, k);
  });
  // --service and every message pick a service by its name. Two services without a name whose
  // folders have the same name (packages/a/gen, packages/b/gen) are allowed: nothing chose it.
  const byName = new Map<string, number>();
  services.forEach((s, k) => {
    const j = byName.get(s.name);
    const [at, first] = [indices[k], indices[j ?? k]];
    if (j === undefined) byName.set(s.name, k);
    else if (named[k]) errors.push(`services[${at}].name: services[${first}] is named ${JSON.stringify(s.name)} too${named[j] ? "" : " (after its output folder)"}; each service needs a name of its own`);
    else if (named[j]) errors.push(`services[${at}]: named ${JSON.stringify(s.name)} after its output folder, as services[${first}] is named; give it a "name"`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, services };
}

/** A header's name as HTTP writes one (RFC 9110 §5.1, a token). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `url` and `headersFromEnv`, which `odatagen fetch` reads (the service's metadata is downloaded from `url` into its first input). */
function fetchKeyProblems(s: Record<string, unknown>, at: string, errors: string[]): void {
  if (s.url !== undefined && (typeof s.url !== "string" || !/^https?:\/\/[^/]/i.test(s.url) || !URL.canParse(s.url)))
    errors.push(`${at}.url: expected an http: or https: URL (the service's $metadata)`);
  const h = s.headersFromEnv;
  if (h === undefined) return;
  if (!isObject(h)) {
    errors.push(`${at}.headersFromEnv: expected an object: a header's name → the environment variable that holds its value ({ "Authorization": "ODATA_TOKEN" })`);
    return;
  }
  for (const [name, variable] of Object.entries(h)) {
    if (!HEADER_NAME.test(name)) errors.push(`${at}.headersFromEnv.${name}: not a header name (letters, digits and !#$%&'*+.^_\`|~-)`);
    else if (typeof variable !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) errors.push(`${at}.headersFromEnv.${name}: expected the name of an environment variable (letters, digits and _), not its value`);
  }
  if (s.url === undefined) errors.push(`${at}.headersFromEnv: given without a url; it is sent when odatagen fetch downloads the service's url`);
}

/**
 * The files of a list that name one named before them (resolved against `baseDir`), as [index, the
 * earlier one's index]: the same document twice would define every type twice (one ODG104 per type).
 * Compared where each really is, so a symlink to a document listed beside it counts as that document.
 */
export function repeatedFiles(files: readonly (string | undefined)[], baseDir: string): [number, number][] {
  const seen = new Map<string, number>();
  const repeats: [number, number][] = [];
  files.forEach((f, j) => {
    if (f === undefined) return;
    const resolved = realPathOfNearest(path.resolve(baseDir, f));
    const first = seen.get(resolved);
    if (first !== undefined) repeats.push([j, first]);
    else seen.set(resolved, j);
  });
  return repeats;
}

/**
 * A path written in the config, resolved against `baseDir`. A backslash separates folders, as on
 * Windows, where the config may have been written (`"specs\\graph.xml"` in JSON): elsewhere it would
 * be part of a file's name, and `"out\\calls"` a folder of that name beside the config.
 */
export function configPath(baseDir: string, written: string): string {
  return path.resolve(baseDir, written.split("\\").join("/"));
}

/** A service without a name is named after its output folder (the folder's path when it has no name: `/`). */
export function defaultServiceName(out: string): string {
  return path.basename(out) || out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reports each key of `obj` that is not `known`, suggesting the nearest known key (`nearestName`, the
 * rule unknown flags are suggested by) or, for a key that belongs at another level (`keyAsSegment`
 * beside `input` rather than in `options`), where it goes.
 */
function unknownKeys(obj: Record<string, unknown>, known: readonly string[], at: string, errors: string[], elsewhere: readonly Level[] = []): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    const where = `${at ? `${at}.` : ""}${key}`;
    const near = nearestName(key, known);
    const level = elsewhere.find((l) => l.keys.includes(key));
    const nearThere = near === undefined ? elsewhere.map((l) => [l, nearestName(key, l.keys)] as const).find(([, n]) => n !== undefined) : undefined;
    if (near !== undefined) errors.push(`${where}: unknown key; did you mean ${near}?`);
    else if (level) errors.push(`${where}: unknown key here; it belongs in ${level.at(key)}`);
    else if (nearThere) errors.push(`${where}: unknown key; did you mean ${nearThere[0].at(nearThere[1]!)}?`);
    else errors.push(`${where}: unknown key (expected one of ${known.join(", ")})`);
  }
}

/** Another level of the config, for a key written at the wrong one: its keys, and a key's path there. */
interface Level {
  keys: readonly string[];
  at: (key: string) => string;
}

/** The keys each level of the config accepts (the JSON Schema lists the same; a test checks it). */
export { TOP_KEYS, SERVICE_KEYS, OPTION_KEYS };
