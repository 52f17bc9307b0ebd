/** The yargs definition of every command and flag; handlers live in their own files. */
import yargs, { type Options } from "yargs";
import { EXIT_USAGE } from "./exit-codes";
import { METHODS } from "../request-methods";
import { isUrl, requestLine } from "../request-line";
import { runGenerate, type GenerateArgs } from "./generate-command";
import { repeatedFiles } from "../config/validate";
import { nearestName } from "../nearest-name";
import type { DiffArgs } from "./diff-command";
import type { FetchArgs } from "./fetch-command";
import { booleanValueProblem, diffArgumentProblem, fetchArgumentProblem, strayArgumentProblem, topLevelFlagProblem, unknownCommandProblem, unknownFlagProblem, urlArgumentProblem } from "./unknown-flags";

class UsageError extends Error {}

/** `generate`'s flags that take one value; yargs makes a repeated one an array. */
const SINGLE_VALUED = ["out", "config", "emit"] as const;
/** `generate`'s flags that take a list; yargs makes one given with nothing after it `[]`. */
const LIST_VALUED = ["input", "service", "include", "exclude", "why", "accept-warning"] as const;

/**
 * A flag given twice, or with no value (`--include $EMPTY`), is a usage error: taking one of two
 * output folders, or silently generating everything, would do what nobody asked for. An explicit
 * empty value in a list (`--include ""`) is passed on (the slice refuses it as a pattern that matches nothing, ODG302).
 */
export function generateFlagProblem(argv: Record<string, unknown>): string | undefined {
  return emitProblem(argv.emit) ?? flagProblem(argv, SINGLE_VALUED, LIST_VALUED);
}

/**
 * `--emit` with no value or another one names the two it takes, as the config's `options.emit` is
 * refused (yargs' `choices` printed its own "Invalid values: Argument: emit, Given: …" instead).
 */
function emitProblem(emit: unknown): string | undefined {
  if (typeof emit !== "string" || emit === "ts" || emit === "js") return undefined;
  const forms = "ts (TypeScript modules) or js (JavaScript with declarations)";
  if (emit === "") return `--emit needs a value: ${forms}`;
  const near = nearestName(emit, ["ts", "js"]);
  return `--emit ${JSON.stringify(emit)}: expected ${forms}${near ? `; did you mean --emit ${near}?` : ""}`;
}

function flagProblem(argv: Record<string, unknown>, single: readonly string[], lists: readonly string[]): string | undefined {
  for (const name of single) {
    const v = argv[name];
    if (Array.isArray(v)) return `--${name} was given ${v.length === 2 ? "twice" : `${v.length} times`} (${v.map((x) => JSON.stringify(String(x))).join(", ")}); give it once`;
    if (v === "") return `--${name} needs a value`;
  }
  for (const name of lists) {
    const v = argv[name];
    if (Array.isArray(v) && v.length === 0) return `--${name} needs a value`;
  }
  return undefined;
}

/**
 * `diff`'s two versions, each one or more documents: two files (`diff old.xml new.xml`), or
 * `--old` and `--new`, each repeatable (`--old a.xml --old b.xml`); or the usage problem.
 */
export function diffSides(argv: Record<string, unknown>): Pick<DiffArgs, "old" | "new"> | string {
  const listProblem = flagProblem(argv, ["config", "service"], ["old", "new"]);
  if (listProblem) return listProblem;
  const files = [argv["old-file"], argv["new-file"]].filter((f): f is string => typeof f === "string");
  const old = argv.old as string[] | undefined;
  const next = argv.new as string[] | undefined;
  const usage = "name the two versions either as two files (diff old.xml new.xml) or with --old and --new (each repeated for a version's documents)";
  if (files.length && (old || next)) return `${files.join(" ")} given with ${old ? "--old" : "--new"}: ${usage}`;
  if (!old && !next) return files.length === 2 ? { old: [files[0]], new: [files[1]] } : `diff needs two versions: ${usage}`;
  if (!old || !next) return `${old ? "--old" : "--new"} without ${old ? "--new" : "--old"}: give the ${old ? "new" : "old"} version's documents with ${old ? "--new" : "--old"}`;
  for (const [flag, list] of [["--old", old], ["--new", next]] as const) {
    const twice = repeatedFiles(list, process.cwd());
    if (twice.length) return `${flag} names ${JSON.stringify(list[twice[0][0]])} again (the same file); give each document once`;
  }
  return { old, new: next };
}

/** `generate`'s flags (also the list unknown-flags.ts suggests from). */
export const GENERATE_OPTIONS = {
  "input": { alias: "i", type: "string", array: true, describe: "CSDL XML or CSDL JSON file(s) read as one service (default: the services in the config file)" },
  "out": { alias: "o", type: "string", describe: "Output folder (required with --input; overrides the config's for one service)" },
  "config": { alias: "c", type: "string", describe: "Config file (default: odatagen.config.json, .mjs or .ts)" },
  "service": { alias: "s", type: "string", array: true, describe: "Only these services of the config (by name)" },
  "include": { type: "string", array: true, describe: "Slice: generate only these: qualified names or globs (microsoft.graph.callRecords.*), URL paths (/communications/callRecords/**), or @file: what a file of requests (a HAR file, an access log, curl commands, a program's fetch, HTTP client or Graph client calls, a Postman collection, an HTTP file, a list; or @glob: every such file it matches, @src/**/*.ts) addresses; overrides the config" },
  "exclude": { type: "string", array: true, describe: "Slice: leave these out (names, globs or URL paths, as --include takes them; overrides the config)" },
  "include-derived": { type: "boolean", describe: "Slice: also keep every subtype of a selected type" },
  "include-navigation": { type: "boolean", describe: "Slice: also keep navigation targets, transitively" },
  "why": { type: "string", array: true, describe: "Slice: print why it keeps these types or operations (names, globs or URL paths), or why not" },
  "validators": { type: "boolean", describe: "Generate the runtime validators (default); --no-validators leaves them out" },
  "requests": { type: "boolean", describe: "Generate the request functions (default); --no-requests leaves them out" },
  "complete-reads": { type: "boolean", describe: "Type reads without select as whole entities (the service returns every property by default); default: any property but the key may be absent; --no-complete-reads overrides the config" },
  "emit": { type: "string", describe: "The output's form: ts, TypeScript modules (default); js, JavaScript (ES modules) with a .d.ts beside each, compiled by the project's TypeScript (5.6 or later); overrides the config" },
  "follow-references": { type: "boolean", describe: "Read the local documents the inputs' edmx:References name (relative Uris, file: URLs, in an input's folder or below) as inputs too (default); --no-follow-references reads only the inputs" },
  "key-as-segment": { type: "boolean", describe: "Keys as path segments (/users/42) instead of parentheses (/users('42')); default: Capabilities.KeyAsSegmentSupported; --no-key-as-segment gives parentheses" },
  "unqualified-operations": { type: "boolean", describe: "Bound actions and functions by name alone (/me/sendMail) instead of qualified (/me/microsoft.graph.sendMail), where the name is not ambiguous; default: Core.DefaultNamespace; --no-unqualified-operations qualifies them all" },
  "check": { type: "boolean", default: false, describe: "Write nothing; exit 1 listing the files that differ from a fresh run (for CI)" },
  "watch": { alias: "w", type: "boolean", default: false, describe: "Regenerate when an input or the config changes" },
  "dry-run": { type: "boolean", default: false, describe: "List what would be written or removed; write nothing" },
  "clean": { type: "boolean", default: true, describe: "Remove stale generated files (listed in the manifest, not produced any more); --no-clean keeps them" },
  "force": { type: "boolean", default: false, describe: "Regenerate even when the manifest says the output is up to date" },
  "fail-on-warnings": { type: "boolean", default: false, describe: "Exit 1 on warnings (but those accepted: --accept-warning, acceptWarnings), and leave the output as it was" },
  "accept-warning": { type: "string", array: true, nargs: 1, describe: "A warning the services run are known to have, which --fail-on-warnings lets pass: a code (ODG108), or a code and a glob over the element path ('ODG108 API_TEST_SRV.A_TestEntityType/*'); repeat for each; overrides the config's acceptWarnings" },
  "quiet": { alias: "q", type: "boolean", default: false, describe: "Print only problems (not with --verbose)" },
  "verbose": { type: "boolean", default: false, describe: "Also print notes: renamed types, and metadata mistakes that change nothing generated; and every diagnostic, not the first 100 (regenerates in memory when up to date)" },
} satisfies Record<string, Options>;

/** `diff`'s flags. */
export const DIFF_OPTIONS = {
  "old": { type: "string", array: true, describe: "A document of the previous version (repeat for each: a main document and those its edmx:References name)" },
  "new": { type: "string", array: true, describe: "A document of the new version (repeat for each)" },
  "json": { type: "boolean", default: false, describe: "Print the changes as JSON" },
  "fail-on-breaking": { type: "boolean", default: false, describe: "Exit 3 when a change is breaking (1 is a version that cannot be read)" },
  "verbose": { type: "boolean", default: false, describe: "Print every error and warning, not the first 100" },
  "include": { type: "string", array: true, describe: "Compare only the slice these keep of each version, as generate --include makes it" },
  "exclude": { type: "string", array: true, describe: "Slice: leave these out of both versions" },
  "include-derived": { type: "boolean", describe: "Slice: also keep every subtype of a selected type" },
  "include-navigation": { type: "boolean", describe: "Slice: also keep navigation targets, transitively" },
  "validators": { type: "boolean", describe: "The project generates the validators (default); --no-validators: a change that breaks only them is not breaking, and lines name no validators module" },
  "requests": { type: "boolean", describe: "The project generates the request functions (default); --no-requests: a change that breaks only them is not breaking, and lines name no requests module" },
  "config": { alias: "c", type: "string", describe: "Take the options of a service of this config (its slice, references, validators, requests) where no flag gives them; the warnings it accepts are not printed but with --verbose" },
  "service": { alias: "s", type: "string", describe: "The config's service whose options to take (needed when it has several; reads the default config without --config)" },
  "follow-references": { type: "boolean", describe: "Read the local documents each version's edmx:References name (relative Uris, file: URLs, in a document's folder or below) as documents of that version (default); --no-follow-references reads only the documents given" },
} satisfies Record<string, Options>;

/** `url`'s flags: the inputs and the slice, as `generate` takes them. */
/**
 * `url`'s flags: the inputs and the slice, as `generate` takes them. A list takes one value a flag
 * (`-i a.xml -i b.xml`), so that the method and path after it are not read as more of its values.
 */
export const URL_OPTIONS = {
  "input": { alias: "i", type: "string", array: true, nargs: 1, describe: "A CSDL XML or CSDL JSON file of the service (repeat for each of its documents; default: the services in the config file)" },
  "out": { alias: "o", type: "string", describe: "The output folder the imports are relative to (only named in the output; with a config, the service's)" },
  "config": { alias: "c", type: "string", describe: "Config file (default: odatagen.config.json, .mjs or .ts)" },
  "service": { alias: "s", type: "string", array: true, nargs: 1, describe: "Only this service of the config (by name; repeatable)" },
  "include": { type: "string", array: true, nargs: 1, describe: "Slice: as generate --include (repeat for each pattern); overrides the config" },
  "exclude": { type: "string", array: true, nargs: 1, describe: "Slice: as generate --exclude (repeat for each pattern); overrides the config" },
  "include-derived": GENERATE_OPTIONS["include-derived"],
  "include-navigation": GENERATE_OPTIONS["include-navigation"],
  "follow-references": GENERATE_OPTIONS["follow-references"],
  "json": { type: "boolean", default: false, describe: "Print the answer as JSON (for editor tooling)" },
  "body": { type: "string", describe: "The JSON body the request sends (or @file): its names are checked against the metadata, as url --from checks a recorded one's" },
  "from": { type: "string", describe: "Check every request of a file instead: a HAR file, an access log, curl commands, fetch calls, a program's HTTP client or Graph client calls, a Postman collection, an HTTP file (.http), a Markdown page's HTTP blocks, or one request a line ([METHOD] <url>; - reads standard input); exit 1 when any is refused" },
  "base": { type: "string", array: true, nargs: 1, describe: "With --from: the service root (repeat for each service); whole URLs not below one are left unchecked (a HAR file's sign-in and page requests)" },
} satisfies Record<string, Options>;

/** `fetch`'s flags. A list takes one value a flag, so that the URL after it is not read as one of its values. */
export const FETCH_OPTIONS = {
  "out": { alias: "o", type: "string", describe: "The file to save the metadata in (.json: CSDL JSON is asked for); needed with a URL" },
  "header": { alias: "H", type: "string", array: true, nargs: 1, describe: "A header to send, \"Name: value\" (repeatable); its value is never printed or saved" },
  "header-from-env": { type: "string", array: true, nargs: 1, describe: "A header whose value is in an environment variable, Name=VARIABLE (repeatable): --header-from-env Authorization=ODATA_TOKEN" },
  "json": { type: "boolean", describe: "Ask for CSDL JSON (Accept: application/json); default: when the file to save ends in .json, else XML" },
  "timeout": { type: "number", default: 60, describe: "Seconds to wait for each document's whole answer" },
  "check": { type: "boolean", default: false, describe: "Save nothing; exit 1 when the service's metadata differs from the saved file (for a scheduled CI job)" },
  "diff": { type: "boolean", default: false, describe: "After saving a changed document, print what changed for clients (as odatagen diff)" },
  "config": { alias: "c", type: "string", describe: "Config file whose services with a \"url\" are fetched, each into its first input (default: odatagen.config.json, .mjs or .ts)" },
  "service": { alias: "s", type: "string", array: true, nargs: 1, describe: "Only this service of the config (by name; repeatable)" },
} satisfies Record<string, Options>;

/** The flags of each command, for unknownFlagProblem. */
const COMMAND_OPTIONS: Record<string, Record<string, Options>> = { generate: GENERATE_OPTIONS, diff: DIFF_OPTIONS, url: URL_OPTIONS, fetch: FETCH_OPTIONS };

export async function parseCommandLine(argv: string[]): Promise<number> {
  let code: number | Promise<number> = 0;
  try {
    const command = argv[0];
    const topLevel = command?.startsWith("-") ? topLevelFlagProblem(argv, COMMAND_OPTIONS) : undefined;
    if (topLevel) throw new UsageError(topLevel);
    if (command !== undefined && !command.startsWith("-") && !Object.hasOwn(COMMAND_OPTIONS, command)) throw new UsageError(unknownCommandProblem(command, Object.keys(COMMAND_OPTIONS)));
    const options = COMMAND_OPTIONS[command];
    const args = argv.slice(1);
    const positionals = command === "generate" ? strayArgumentProblem : command === "diff" ? diffArgumentProblem : command === "fetch" ? fetchArgumentProblem : urlArgumentProblem;
    const unknown = options && (unknownFlagProblem(command, args, options, command === "url" ? GENERATE_OPTIONS : undefined) ?? booleanValueProblem(args, options) ?? positionals(args, options));
    if (unknown) throw new UsageError(unknown);
    await parser(argv, (c) => (code = c));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`odatagen: ${e.message}\nRun \`odatagen --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  return code;
}

/**
 * A command's examples, each a `#` comment saying what it does above the command, whose lines end
 * in ` \\` where it goes on: at 80 columns yargs' two-column layout cut the long commands into
 * pieces no shell could take, while lines of their own stay whole and can be copied as they are.
 */
export const GENERATE_EXAMPLES: readonly (readonly string[])[] = [
  ["Regenerate every service in the config file", "$0 generate"],
  ["CI: fail when the committed output is stale", "$0 generate --check"],
  ["Generate from one $metadata file", "$0 generate -i metadata.xml -o src/generated"],
  ["Only the call records API and what it needs", "$0 generate -i graph.xml -o src/graph \\", "--include '/communications/callRecords/**'"],
  ["Only what the requests a browser recorded (a HAR file) use", "$0 generate -i graph.xml -o src/graph --include @session.har"],
  ["Why the configured slice keeps that type", "$0 generate --why microsoft.graph.identity"],
  ["JavaScript, a .d.ts beside each module (by the project's TypeScript)", "$0 generate -i metadata.xml -o src/generated --emit js"],
];

export const URL_EXAMPLES: readonly (readonly string[])[] = [
  ["The functions that make a request a documentation page shows", "$0 url PATCH \\", "'/communications/callRecords/{callRecordId}/sessions/{sessionId}'"],
  ["In a service given by its documents, as JSON", "$0 url -i graph.xml --json GET '/me/messages'"],
  ["Every request a browser's HAR file holds (exit 1 when one is refused)", "$0 url --from session.har --base https://graph.microsoft.com/v1.0"],
];

export const DIFF_EXAMPLES: readonly (readonly string[])[] = [
  ["Compare two versions of one document", "$0 diff specs/v1.xml specs/v2.xml"],
  ["Compare two versions of a service made of several documents", "$0 diff --old v1/main.xml --old v1/common.xml \\", "--new v2/main.xml --new v2/common.xml"],
];

export const FETCH_EXAMPLES: readonly (readonly string[])[] = [
  ["Download a service's metadata (and the documents whose types it uses)", "$0 fetch 'https://services.odata.org/TripPinRESTierService/$metadata' \\", "--out specs/trippin.xml"],
  ["With a token from the environment", "$0 fetch 'https://host/sap/opu/odata4/…/$metadata' --out specs/sap.xml \\", "--header-from-env Authorization=ODATA_TOKEN"],
  ["Every service of the config that has a url", "$0 fetch"],
  ["Scheduled CI: exit 1 when the service's metadata changed", "$0 fetch --check"],
];

const URL_METHODS: readonly string[] = METHODS;

/**
 * `url`'s method and path: `url /me` is a GET, `url PATCH /me` names its method; or the usage
 * problem (no path, a method HTTP requests of OData are not made with, a wildcard).
 */
export function urlRequest(argv: Record<string, unknown>): { method: string; path: string } | { from: string; base?: string[] } | string {
  const listProblem = flagProblem(argv, ["out", "config", "from", "body"], ["input", "service", "include", "exclude", "base"]);
  if (listProblem) return listProblem;
  if (argv.from !== undefined && argv.body !== undefined) return "--body is the body of the one request url is given; the requests --from reads bring their own";
  if (argv.from !== undefined) return urlListRequest(argv);
  if (argv.base !== undefined) return "--base is the service root of the requests --from reads; give --from <file> (a HAR file, or one request a line)";
  const first = typeof argv.method === "string" ? argv.method : undefined;
  const second = typeof argv.path === "string" ? argv.path : undefined;
  const usage = "give the request as a documentation page writes it: odatagen url PATCH '/users/{id}' (the method may be left out for GET)";
  if (first === undefined) return `url needs a URL path: ${usage}`;
  // The page's request line quoted whole, 'PATCH /users/{id}': its method and its URL.
  const line = second === undefined ? requestLine(first) : undefined;
  const quoted = line && isUrl(line.url) ? line : undefined;
  const method = quoted ? quoted.method : second === undefined ? "GET" : first.toUpperCase();
  const path = quoted ? quoted.url : (second ?? first);
  if (!URL_METHODS.includes(method)) return `url: ${quoted ? method : first} is not a method odatagen makes requests with (${URL_METHODS.join(", ")})`;
  if (URL_METHODS.includes(path.toUpperCase())) return `url ${path}: the URL path is missing; ${usage}`;
  if (!isUrl(path.trim())) return `url ${path}: a URL path starts with / (/${path}), or give the whole URL`;
  if (path.replace(/\?.*$/s, "").includes("*")) return `url ${path}: names one request, without wildcards (keys as {id})`;
  return { method, path };
}

/** `url --from <file> [--base <root>]`: no method or path beside it. */
function urlListRequest(argv: Record<string, unknown>): { from: string; base?: string[] } | string {
  const given = [argv.method, argv.path].filter((a) => typeof a === "string");
  if (given.length) return `url --from reads the requests from ${String(argv.from)}; give no method or path beside it (${given.join(" ")})`;
  const base = Array.isArray(argv.base) ? argv.base.map(String) : undefined;
  const bad = base?.find((b) => !/^[a-z][a-z\d+.-]*:\/\/[^/]/i.test(b));
  if (bad !== undefined) return `--base ${bad}: the service root as a whole URL (https://graph.microsoft.com/v1.0)`;
  return { from: String(argv.from), ...(base?.length ? { base } : {}) };
}

/**
 * The "Examples:" block: for each, the `#` line, then the command's lines, each after the first
 * indented as a shell user writes a continued line. An epilogue, as yargs' `.example()` trims that
 * indentation away.
 */
function examples(list: readonly (readonly string[])[]): string {
  const lines = list.flatMap(([what, ...command]) => [`# ${what}`, ...command.map((line, i) => (i === 0 ? line : `  ${line}`))]);
  return ["Examples:", ...lines.map((line) => `  ${line.replace(/\$0/g, "odatagen")}`)].join("\n");
}

function parser(argv: string[], done: (code: number | Promise<number>) => void) {
  return yargs(argv)
    .scriptName("odatagen")
    .usage("$0 <command> [options]")
    .command(
      "generate",
      "Generate TypeScript interfaces, validators and request functions from OData CSDL metadata",
      (y) =>
        y
          .options(GENERATE_OPTIONS)
          .epilog(examples(GENERATE_EXAMPLES))
          .check((argv) => {
            const problem = generateFlagProblem(argv);
            if (problem) throw new UsageError(problem);
            return true;
          }),
      (args) => {
        done(runGenerate(args as unknown as GenerateArgs));
      },
    )
    .command(
      "diff [old-file] [new-file]",
      "Compare two versions of a service's CSDL: what changed, what breaks clients, which semver bump",
      (y) =>
        y
          .positional("old-file", { type: "string", describe: "The previous CSDL XML or JSON file" })
          .positional("new-file", { type: "string", describe: "The new CSDL XML or JSON file" })
          .options(DIFF_OPTIONS)
          .epilog(examples(DIFF_EXAMPLES))
          .check((argv) => {
            const sides = diffSides(argv);
            if (typeof sides === "string") throw new UsageError(sides);
            return true;
          }),
      (args) => {
        // Loaded only for this command: generating (the common case) does not pay for it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runDiffWithConfig } = require("./diff-command") as typeof import("./diff-command");
        const sides = diffSides(args) as Pick<DiffArgs, "old" | "new">;
        done(runDiffWithConfig({ ...sides, config: args.config, service: args.service, json: args.json, "fail-on-breaking": args["fail-on-breaking"], "follow-references": args["follow-references"], verbose: args.verbose, include: args.include, exclude: args.exclude, "include-derived": args["include-derived"], "include-navigation": args["include-navigation"], validators: args.validators, requests: args.requests }));
      },
    )
    .command(
      "url [method] [path]",
      "Print the generated functions that make a request, from a URL path as documentation writes it",
      (y) =>
        y
          .positional("method", { type: "string", describe: "GET (the default), POST, PATCH, PUT or DELETE; or the request line quoted whole: 'PATCH /users/{id}'" })
          .positional("path", { type: "string", describe: "The URL path: /users/{id}/messages, keys as {name}, values or ('x')" })
          .options(URL_OPTIONS)
          .epilog(examples(URL_EXAMPLES))
          .check((argv) => {
            const problem = urlRequest(argv);
            if (typeof problem === "string") throw new UsageError(problem);
            return true;
          }),
      (args) => {
        // Each loaded only for this command.
        const request = urlRequest(args) as { method: string; path: string } | { from: string; base?: string[] };
        const flags = { input: args.input, out: args.out, config: args.config, service: args.service, include: args.include, exclude: args.exclude, "include-derived": args["include-derived"], "include-navigation": args["include-navigation"], "follow-references": args["follow-references"], json: args.json };
        const body = typeof args.body === "string" ? { body: args.body } : {};
        if ("from" in request) {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { runUrlList } = require("./url-list-command") as typeof import("./url-list-command");
          done(runUrlList({ ...request, ...flags }));
        } else {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { runUrl } = require("./url-command") as typeof import("./url-command");
          done(runUrl({ ...request, ...flags, ...body }));
        }
      },
    )
    .command(
      "fetch [url]",
      "Download a service's metadata (and the documents whose types it uses) to the file generate reads; the one command that uses the network",
      (y) =>
        y
          .positional("url", { type: "string", describe: "The service's $metadata URL (default: the config's services that have a \"url\")" })
          .options(FETCH_OPTIONS)
          .epilog(examples(FETCH_EXAMPLES))
          .check((argv) => {
            const problem = flagProblem(argv, ["out", "config", "timeout"], ["header", "header-from-env", "service"]);
            if (problem) throw new UsageError(problem);
            return true;
          }),
      (args) => {
        // Loaded only for this command.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runFetch } = require("./fetch-command") as typeof import("./fetch-command");
        done(runFetch(args as unknown as FetchArgs));
      },
    )
    .epilog("Exit codes: 0 ok; 1 problems in the input (errors, or warnings not accepted, with --fail-on-warnings), or stale output under --check (fetch --check: the service's metadata differs from the saved file); 2 bad usage or config; 3 breaking changes under diff --fail-on-breaking; 4 fetch could not download a document (a network error, the time limit, an HTTP error status, an answer that is not CSDL); 130, 143, 129 interrupted by SIGINT (Ctrl+C), SIGTERM or SIGHUP (a terminal closed), the output being written left as it was (generate --watch: 0); 70 an internal error (a bug in odatagen), printed with its stack trace; 78 an odatagen that was never built (no dist/: reinstall it, see the README's Install).")
    .demandCommand(1, "Name a command, e.g. `odatagen generate`.")
    .strict()
    .fail((msg, e) => {
      throw e ?? new UsageError(msg);
    })
    .help()
    .alias("help", "h")
    .version()
    .parseAsync();
}
