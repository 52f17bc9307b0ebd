/**
 * `odatagen fetch [url] --out <file>`, or `odatagen fetch` for the config's services that have a
 * `url`: downloads a service's metadata (and the documents whose types it uses) and saves what
 * changed; `--check` saves nothing and exits 1 when the service's differs from what is saved. The only
 * networked command: `generate` stays offline and reads what this saved.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findConfig, loadConfig } from "../config/load";
import { HEADER_NAME } from "../config/validate";
import type { Diagnostic } from "../diagnostics";
import { shownUrl } from "../fetch/download";
import { fetchDocuments, MAP, type FetchTarget, type PlannedFile } from "../fetch/fetch-documents";
import { proxyCredentialsHint, unusedProxyHint } from "../fetch/proxy-hint";
import { changed, saveChanged } from "../fetch/save";
import { nearestName } from "../nearest-name";
import { display } from "../write/within";
import { EXIT_FETCH, EXIT_INPUT, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { stopOnSignal, stopWhileLoadingConfig } from "./signals";
import { err, out } from "./style";

export interface FetchArgs {
  url?: string;
  out?: string;
  header?: string[];
  "header-from-env"?: string[];
  json?: boolean;
  /** Seconds. */
  timeout: number;
  check: boolean;
  diff: boolean;
  config?: string;
  service?: string[];
}

/** The default time limit for one document's answer, in seconds. */
export const DEFAULT_TIMEOUT = 60;

export async function runFetch(args: FetchArgs, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const targets = await fetchTargets(args, env, cwd);
  if (typeof targets === "string") {
    err.print(`odatagen: ${targets}`);
    return EXIT_USAGE;
  }
  // Ctrl+C while a document downloads ends the run at once, saying what was saved; one arriving
  // while files are saved (synchronously) is acted on after the last rename, so no temporary file
  // and no half-saved service is left.
  let done = 0;
  const stop = stopOnSignal(() => {
    if (args.check || done === 0) return "; nothing saved";
    const names = (from: number, to?: number) => targets.slice(from, to).map((t) => t.name).join(", ");
    return `; ${names(0, done)}: done; ${names(done)}: not fetched`;
  });

  const outcomes: Outcome[] = [];
  try {
    for (const { name, target, acceptWarnings } of targets) {
      outcomes.push(await fetchOne(args, name, target, acceptWarnings));
      done++;
    }
  } finally {
    stop();
  }
  if (outcomes.includes("failed")) return EXIT_FETCH;
  return outcomes.includes("differs") ? EXIT_INPUT : EXIT_OK;
}

type Outcome = "ok" | "differs" | "failed";

/** Fetches one service and saves what changed (with `--check`, compares it); `--diff` leaves out the warnings the service accepts. */
async function fetchOne(args: FetchArgs, name: string | undefined, target: FetchTarget, acceptWarnings?: string[]): Promise<Outcome> {
  const label = name ? `${name}: ` : "";
  const fetched = await fetchDocuments(target);
  if (!fetched.ok) {
    err.print(`odatagen: ${label}${fetched.problem}; ${args.check ? "nothing compared" : "nothing saved"}`);
    return "failed";
  }
  for (const note of fetched.notes) out.print(`odatagen: ${label}${note}`);
  const changes = fetched.files.filter(changed);
  if (args.check) {
    for (const f of fetched.files) out.print(`odatagen: ${label}${display(f.file)}: ${changed(f) ? differsWord(f) : "unchanged"}`);
    return changes.length > 0 ? "differs" : "ok";
  }
  const main = fetched.files[0];
  // A change to any document (a referenced one too) changes the service; there is a previous version to compare when the main document was there.
  const compare = changes.length > 0 && main.old !== undefined;
  const before = args.diff && compare ? keepOld(fetched.files) : undefined;
  try {
    saveChanged(changes);
  } catch (e) {
    err.print(`odatagen: ${label}cannot save ${display((e as NodeJS.ErrnoException).path ?? main.file)}: ${(e as Error).message}`);
    if (before) fs.rmSync(before.dir, { recursive: true, force: true });
    return "failed";
  }
  for (const f of fetched.files) out.print(`odatagen: ${label}${display(f.file)}: ${savedWord(f)}`);
  if (before) {
    try {
      const { runDiff } = require("./diff-command") as typeof import("./diff-command");
      runDiff({ old: [before.main], new: [main.file], json: false, "fail-on-breaking": false, acceptWarnings }, asSaved(before.dir, path.dirname(main.file)));
    } finally {
      fs.rmSync(before.dir, { recursive: true, force: true });
    }
  } else if (compare)
    out.print(`odatagen: ${label}to see what changed for clients, compare with the previous version (odatagen fetch --diff does it when it saves): git show HEAD:${display(main.file).split(path.sep).join("/")} > old${path.extname(main.file)} && odatagen diff old${path.extname(main.file)} ${display(main.file)}`);
  return "ok";
}

function differsWord(f: PlannedFile): string {
  if (f.content === undefined) return "would be removed (no reference is downloaded any more)";
  if (f.from === MAP) return f.old === undefined ? "missing (the reference map)" : "differs (the reference map)";
  return f.old === undefined ? `missing (the service's is ${f.content.length.toLocaleString("en-US")} bytes, from ${f.from})` : `differs from the service's (from ${f.from})`;
}

function savedWord(f: PlannedFile): string {
  if (!changed(f)) return "unchanged";
  if (f.content === undefined) return "removed (no reference is downloaded any more)";
  const size = f.from === MAP ? "the reference map: generate follows the Uris it names to the files saved" : `${f.content.length.toLocaleString("en-US")} bytes from ${f.from}`;
  return f.old === undefined ? `saved (${size})` : `changed (${size})`;
}

/**
 * The saved versions of `files`, copied into a temporary folder where they are from the main
 * document's folder (a relative reference's `parts/types.xml` too), for `--diff`.
 */
function keepOld(files: readonly PlannedFile[]): { dir: string; main: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-fetch-"));
  const from = path.dirname(files[0].file);
  for (const f of files) {
    if (!f.old) continue;
    const copy = path.join(dir, path.relative(from, f.file));
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.writeFileSync(copy, f.old);
  }
  return { dir, main: path.join(dir, path.basename(files[0].file)) };
}

/**
 * A diagnostic of the previous version, copied to `copy` by keepOld, naming the file it was saved as
 * (`specs/sap.xml:197:11`, labelled `old version` by diff) rather than the copy, removed once the
 * diff is done; its message too (a followed document's name).
 */
function asSaved(copy: string, savedIn: string): (d: Diagnostic) => Diagnostic {
  const shown = display(savedIn);
  const prefix = shown === "." ? "" : shown + path.sep;
  const rename = (text: string) => text.split(copy + path.sep).join(prefix);
  return (d) => ({ ...d, file: rename(d.file), message: rename(d.message) });
}

/** A document to fetch, and for a config's service its name and the warnings it accepts. */
interface Target {
  name?: string;
  target: FetchTarget;
  acceptWarnings?: string[];
}

/** What to fetch, from the URL and flags or from the config; else the usage problem. */
async function fetchTargets(args: FetchArgs, env: NodeJS.ProcessEnv, cwd: string): Promise<Target[] | string> {
  // A value that is no number reaches here as NaN, which says nothing of what was written.
  if (!(args.timeout > 0) || !Number.isFinite(args.timeout)) return `--timeout${Number.isNaN(args.timeout) ? "" : ` ${args.timeout}`}: expected a number of seconds above 0`;
  const headers = headerFlags(args, env);
  if (typeof headers === "string") return headers;
  const timeoutMs = Math.round(args.timeout * 1000);
  // Of the service's URL: its referenced documents (a vocabulary on another host) are said alike.
  const proxyHint = (url: string) => unusedProxyHint(env, process.versions.node, url);
  if (args.url !== undefined) {
    for (const flag of ["config", "service"] as const)
      if (args[flag]?.length) return `a URL and --${flag} cannot be used together: with a URL, fetch saves it to --out and reads no config; leave the URL out to fetch the config's services that have a "url"`;
    if (!/^https?:\/\/[^/]/i.test(args.url) || !URL.canParse(args.url)) return `fetch ${args.url}: expected an http: or https: URL (the service's $metadata)`;
    if (!args.out) return `fetch needs --out, the file to save the metadata in (odatagen fetch '${shownUrl(args.url)}' --out specs/service.xml)`;
    const file = path.resolve(cwd, args.out);
    return [{ target: { url: args.url, out: file, headers, json: args.json ?? file.toLowerCase().endsWith(".json"), timeoutMs, proxyHint: proxyHint(args.url), proxyCredentialsHint: proxyCredentialsHint(env, args.url) } }];
  }
  if (args.out) return "--out needs a URL: odatagen fetch <url> --out <file>; the config's services are saved into their first input";
  const found = findConfig(cwd, args.config);
  if (!found) return `fetch needs a URL (odatagen fetch <url> --out <file>), or a config whose services have a "url"; there is no odatagen.config.json, .mjs or .ts in ${cwd}`;
  const loaded = await (async () => {
    const done = stopWhileLoadingConfig();
    try {
      return await loadConfig(found);
    } finally {
      done();
    }
  })();
  if (!loaded.ok) return loaded.errors.join("\nodatagen: ");
  let services = loaded.services;
  for (const name of args.service ?? []) {
    if (services.some((s) => s.name === name)) continue;
    const names = services.map((s) => s.name);
    const near = nearestName(name, names);
    return `--service: no service named ${name}${near ? `; did you mean ${near}?` : ""} (have ${names.join(", ")})`;
  }
  if (args.service?.length) services = services.filter((s) => args.service!.includes(s.name));
  const withUrl = services.filter((s) => s.url !== undefined);
  const config = display(found, cwd);
  if (!withUrl.length)
    return args.service?.length
      ? `${services.map((s) => s.name).join(", ")}: no "url" in ${config}; give the service a "url" (its $metadata) to fetch it`
      : `no service of ${config} has a "url"; give a service one (its $metadata), or run odatagen fetch <url> --out <file>`;
  const targets: Target[] = [];
  for (const s of withUrl) {
    const own = new Map(headers);
    for (const [name, variable] of Object.entries(s.headersFromEnv ?? {})) {
      const value = env[variable];
      if (value === undefined || value === "") return `${s.name}: headersFromEnv.${name} names the environment variable ${variable}, which is not set`;
      const bad = valueProblem(value);
      if (bad) return `${s.name}: headersFromEnv.${name}: the value of ${variable} holds ${bad}, which a header cannot`;
      own.set(name, value);
    }
    const file = s.inputs[0];
    targets.push({ name: s.name, acceptWarnings: s.acceptWarnings, target: { url: s.url!, out: file, headers: own, json: args.json ?? file.toLowerCase().endsWith(".json"), timeoutMs, proxyHint: proxyHint(s.url!), proxyCredentialsHint: proxyCredentialsHint(env, s.url!) } });
  }
  return targets;
}

/** The headers of `--header "Name: value"` and `--header-from-env Name=VARIABLE`; a problem never shows a value. */
export function headerFlags(args: Pick<FetchArgs, "header" | "header-from-env">, env: NodeJS.ProcessEnv): Map<string, string> | string {
  const headers = new Map<string, string>();
  for (const given of args.header ?? []) {
    const m = /^([^:\s]+)\s*:\s*(.*)$/s.exec(given);
    if (!m || !HEADER_NAME.test(m[1])) return `--header: expected "Name: value" (the value given is not shown)`;
    const bad = valueProblem(m[2]);
    if (bad) return `--header ${m[1]}: a header's value cannot hold ${bad} (the value given is not shown)`;
    headers.set(m[1], m[2].trim());
  }
  for (const given of args["header-from-env"] ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(given);
    if (!m || !HEADER_NAME.test(m[1]) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(m[2])) return `--header-from-env ${given}: expected Name=VARIABLE, a header's name and the environment variable that holds its value (--header-from-env Authorization=ODATA_TOKEN)`;
    const value = env[m[2]];
    if (value === undefined || value === "") return `--header-from-env ${given}: the environment variable ${m[2]} is not set`;
    const bad = valueProblem(value);
    if (bad) return `--header-from-env ${given}: the value of ${m[2]} holds ${bad}, which a header cannot`;
    headers.set(m[1], value);
  }
  return headers;
}

/**
 * What in a header's value HTTP cannot send (fetch would throw, showing the value): a line break or
 * NUL, another control character but a tab (Node's fetch fails then, saying only
 * `UND_ERR_INVALID_ARG`, as if the network had), or a character past U+00FF (a header is bytes:
 * \u20ac is no Latin-1 character).
 */
function valueProblem(value: string): string | undefined {
  if (/[\r\n\0]/.test(value)) return "a line break or NUL";
  if (/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(value)) return "a control character (only a tab may be in a value)";
  if (/[^\u0000-\u00ff]/.test(value)) return "a character past U+00FF (headers carry Latin-1 only)";
  return undefined;
}
