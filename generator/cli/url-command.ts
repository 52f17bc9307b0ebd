/** `odatagen url [METHOD] <path>`: the generated functions that make a request, printed as code to paste (or JSON). */
import * as fs from "node:fs";
import { GenerationError, type Diagnostic } from "../diagnostics";
import type { ResolvedService } from "../config/types";
import type { UrlCallResult, UrlRequest } from "../url-calls";
import { createFollower, FOLLOWING_OFF } from "../write/follow";
import { serviceOptions } from "../write/regenerate";
import { readRequestFiles } from "../write/request-files";
import { readInputFiles } from "../write/uptodate";
import { unreadableDiagnostics } from "../write/unreadable-inputs";
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { shown } from "./generate-command";
import { resolveServices, type ServiceFlags } from "./services";
import { stopWhileLoadingConfig } from "./signals";
import { referenceChains } from "./reference-chain";
import { err, out, printDiagnostics, SHOWN_DIAGNOSTICS } from "./style";

export interface UrlArgs extends Pick<ServiceFlags, "input" | "out" | "config" | "service" | "include" | "exclude"> {
  method: string;
  path: string;
  "include-derived"?: boolean;
  "include-navigation"?: boolean;
  "follow-references"?: boolean;
  json: boolean;
  /** The JSON body the request sends, as given (`@file` names a file): its names are checked. */
  body?: string;
}

/** One service's answers, one a request (none when its documents could not be read). */
export interface Answers {
  service: ResolvedService;
  results: UrlCallResult[];
  diagnostics: Diagnostic[];
}

/** One service's answer. */
interface Answer {
  service: ResolvedService;
  result: UrlCallResult | undefined;
  diagnostics: Diagnostic[];
}

/** Each service's answers to `requests`, in order; or the exit code when the services could not be found. */
export async function answerRequests(args: Omit<UrlArgs, "method" | "path" | "json">, requests: readonly UrlRequest[]): Promise<Answers[] | number> {
  const loaded = stopWhileLoadingConfig();
  const resolved = await resolveServices(
    {
      input: args.input, out: args.out, config: args.config, service: args.service,
      include: args.include, exclude: args.exclude,
      includeDerived: args["include-derived"], includeNavigation: args["include-navigation"],
      followReferences: args["follow-references"],
    },
    process.cwd(),
    false,
  ).finally(loaded);
  if (!resolved.ok) {
    for (const e of resolved.errors) err.print(`odatagen: ${e}`);
    return EXIT_USAGE;
  }
  const { urlCalls } = require("../url-calls") as typeof import("../url-calls");
  return resolved.services.map((service) => {
    const read = readInputFiles(service.inputs);
    if (read.unreadable.length) return { service, results: [], diagnostics: unreadableDiagnostics(read.unreadable, (f) => service.inputPlaces?.[service.inputs.indexOf(f)]) };
    const files = readRequestFiles(service);
    if (!files.ok) return { service, results: [], diagnostics: files.diagnostics };
    const follower = createFollower(service.inputs, { off: service.followReferences === false, offReason: FOLLOWING_OFF.generate });
    try {
      const answer = urlCalls(serviceOptions(service, read.contents, follower, files.files), requests);
      return { service, results: answer.results, diagnostics: answer.diagnostics };
    } catch (e) {
      if (e instanceof GenerationError) return { service, results: [], diagnostics: e.diagnostics };
      throw e;
    }
  });
}

/**
 * The errors of reading the services, as generate prints them, and their warnings: those at a
 * place in the documents (the metadata's own, printed by every generate) counted in one line a
 * service, `odatagen: 4 warnings in the metadata (odatagen generate prints them)`, those of the
 * options (a slice, a config) in full; accepted warnings not at all, notes neither (they describe
 * the metadata as it is). With several services, each named.
 */
export function printServiceDiagnostics(answers: readonly Answers[]): void {
  const several = answers.length > 1;
  const named = (a: Answers, message: string) => (several ? `${a.service.name}: ${message}` : message);
  const inMetadata = (d: Diagnostic) => d.severity === "warning" && d.file !== "";
  const diags = answers.flatMap((a) => {
    const problems = a.diagnostics.filter((d) => d.severity !== "info" && d.accepted === undefined && !inMetadata(d));
    // An error in a followed document comes with the notes saying which references led to it.
    problems.push(...referenceChains(problems, a.diagnostics));
    return problems.map((d) => (!d.file ? { ...d, message: named(a, d.message) } : d));
  });
  printDiagnostics(diags, { limit: SHOWN_DIAGNOSTICS, rest: "generate --verbose prints them all" });
  for (const a of answers) {
    const warnings = a.diagnostics.filter((d) => inMetadata(d) && d.accepted === undefined).length;
    if (warnings) err.print(`odatagen: ${named(a, `${warnings} warning${warnings === 1 ? "" : "s"} in the metadata (odatagen generate prints them)`)}`);
  }
}

export async function runUrl(args: UrlArgs): Promise<number> {
  const body = args.body === undefined ? {} : bodyOf(args.body);
  if (typeof body === "string") {
    err.print(`odatagen: ${body}`);
    return EXIT_USAGE;
  }
  const answered = await answerRequests(args, [{ method: args.method, path: args.path, ...body }]);
  if (typeof answered === "number") return answered;
  const answers: Answer[] = answered.map((a) => ({ service: a.service, result: a.results[0], diagnostics: a.diagnostics }));
  printServiceDiagnostics(answered);
  const several = answers.length > 1;
  const found = answers.filter((a) => a.result?.ok);
  // With several services, a URL one of them has is the answer; the others' problems are said only when none has it.
  const failed = answers.filter((a) => a.result && !a.result.ok && (!several || !found.length));
  for (const a of failed) if (a.result && !a.result.ok) err.print(`odatagen: ${several ? `${a.service.name}: ` : ""}${a.result.problem}`);
  // A service of --input without --out has no folder or name of its own to say.
  const unnamed = args.input?.length && !args.out;
  if (args.json) {
    const results = answers.map((a) => ({ ...(unnamed ? {} : { service: a.service.name, out: shown(a.service.out) }), ...(a.result ? (a.result.ok ? { ok: true, ...a.result.call } : { ok: false, problem: a.result.problem }) : { ok: false, problem: "not read (see the errors)" }) }));
    out.print(JSON.stringify({ results }, null, 2));
  } else
    found.forEach((a, i) => {
      if (!a.result?.ok) return;
      const call = a.result.call;
      if (i > 0) out.print();
      const where = unnamed ? "the output folder" : `${shown(a.service.out)}/ (${a.service.name})`;
      out.print(`// ${call.method} ${call.path}${call.query ? `?${call.query}` : ""}: imports relative to ${where}`);
      const code = call.code.split("\n");
      const blank = code.indexOf("");
      for (const line of code.slice(0, blank + 1)) out.print(line);
      for (const v of call.variables) out.print(`// ${v.name}${v.type ? ` (${v.type})` : ""}: ${v.what}`);
      for (const line of code.slice(blank + 1, -1)) out.print(line);
    });
  return found.length ? EXIT_OK : EXIT_INPUT;
}

/** `--body`'s JSON, read from a file when it starts with `@`; or why it cannot be read. */
function bodyOf(given: string): { body: unknown } | string {
  let text = given;
  if (given.startsWith("@")) {
    try {
      text = fs.readFileSync(given.slice(1), "utf8");
    } catch (e) {
      return `--body ${given}: cannot read ${given.slice(1)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
  try {
    return { body: JSON.parse(text.replace(/^\ufeff/, "")) as unknown };
  } catch (e) {
    return `--body${given.startsWith("@") ? ` ${given}` : ""}: not JSON: ${(e as Error).message}`;
  }
}
