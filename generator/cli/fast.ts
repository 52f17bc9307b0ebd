/**
 * The prebuild fast path, tried before anything heavy is loaded: a plain `odatagen generate`
 * (optionally with --config and --quiet) whose JSON-configured services are all up to date — same
 * inputs, options and generator as the manifest records, every file present and intact — and
 * whose config writes the folders it wrote last (write/config-outputs.ts) exits here, without
 * loading yargs, the XML parser or the templates. Anything else returns undefined and the full
 * CLI runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_NAMES, parseJsonConfig } from "../config/load";
import { validateConfig } from "../config/validate";
import { jsonRepeatedKeys } from "../config/json-syntax";
import { optionsRecord } from "../write/manifest";
import { isUpToDate } from "../write/uptodate";
import { outputsAsRecorded } from "../write/config-outputs";
import type { ResolvedService } from "../config/types";
import { isGlob } from "../write/request-globs";

export function tryFastPath(argv: string[]): number | undefined {
  if (argv[0] !== "generate" || process.env.ODATAGEN_NO_FAST_PATH) return undefined;
  let config: string | undefined;
  let quiet = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quiet" || a === "-q") {
      quiet = true;
      continue;
    }
    const value = a === "--config" || a === "-c" ? argv[++i] : a.startsWith("--config=") ? a.slice("--config=".length) : undefined;
    // Anything else, and a --config that is repeated, empty or missing its value: yargs says what is wrong.
    if (!value || value.startsWith("-") || config !== undefined) return undefined;
    config = value;
  }
  const started = process.hrtime.bigint();
  const cwd = process.cwd();
  const file = config ? path.resolve(cwd, config) : CONFIG_NAMES.map((n) => path.join(cwd, n)).find((f) => fs.existsSync(f));
  if (!file || path.extname(file) !== ".json") return undefined;
  let services;
  try {
    const text = fs.readFileSync(file, "utf8");
    const checked = validateConfig(parseJsonConfig(text), path.dirname(file));
    // A member named twice is an error the full run reports (config/load.ts).
    if (!checked.ok || jsonRepeatedKeys(text.replace(/^\uFEFF/, "")).length) return undefined;
    services = checked.services;
  } catch {
    return undefined;
  }
  for (const s of services) if (!isUpToDate(s.out, optionsRecord(s), s.inputs, true, globbedRequestFiles(s))) return undefined;
  // A folder the config no longer writes is named by the full run (config-outputs.ts).
  if (!outputsAsRecorded(file, services.map((s) => s.out))) return undefined;
  if (!quiet) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`odatagen: ${services.length} service${services.length === 1 ? "" : "s"} up to date (${ms.toFixed(0)} ms)\n`);
  }
  return 0;
}

/**
 * The files an `include` glob of files of requests matches now (`@src/**\/*.ts`): the manifest must
 * record each. The module that reads files of requests is loaded only for a service that has one.
 */
function globbedRequestFiles(service: ResolvedService): string[] {
  if (!(service.include ?? []).some((p) => p.startsWith("@") && isGlob(p))) return [];
  const { requestFilesOf } = require("../write/request-files") as typeof import("../write/request-files");
  return requestFilesOf(service).filter((f) => f.glob !== undefined).map((f) => f.path);
}
