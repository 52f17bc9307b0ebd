/**
 * `odatagen url --from <file>`: every request of a file (a HAR file, an access log, curl or fetch
 * calls, a program's HTTP client or Graph client calls, a Postman collection, an HTTP file, a
 * Markdown page, a list: parse/requests/request-list.ts reads them) checked as `odatagen url` checks one, its
 * JSON body by its names. Each refusal is a diagnostic (ODG601) at its file, line and column; the
 * exit code is 1 when any is refused, so that a CI step fails on a misspelt `$filter` the code sends.
 */
import * as fs from "node:fs";
import { Codes, type Diagnostic } from "../diagnostics";
import type { UrlCallResult } from "../url-calls";
import { subjectsName } from "../model/evolvable-enums";
import type { CustomHeader } from "../model/custom-headers";
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { shown } from "./generate-command";
import { err, out, printDiagnostics } from "./style";
import { answerRequests, printServiceDiagnostics, type UrlArgs } from "./url-command";
import { readRequestList, type Answered, type ListedRequest } from "../parse/requests/request-list";

export interface UrlListArgs extends Omit<UrlArgs, "method" | "path"> {
  /** The file of requests; `-` is standard input. */
  from: string;
  /** The service roots: whole URLs below none of them are left unchecked. */
  base?: string[];
}

/** One request as written, once however often it was: where each of its copies is. */
interface Distinct {
  first: ListedRequest;
  copies: ListedRequest[];
  /** The answer, or why no service has it. */
  result?: UrlCallResult;
  service?: string;
}

/** At most this many of a request's other places are named beside its refusal. */
const SHOWN_COPIES = 5;

export async function runUrlList(args: UrlListArgs): Promise<number> {
  const file = args.from === "-" ? "<stdin>" : args.from;
  let text: string;
  try {
    text = fs.readFileSync(args.from === "-" ? 0 : args.from, "utf8");
  } catch (e) {
    err.print(`odatagen: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return EXIT_USAGE;
  }
  const list = readRequestList(text, args.base, args.from === "-" ? undefined : { file: args.from });
  if (!("requests" in list)) {
    err.print(`odatagen: ${file}${list.line ? `:${list.line}:${list.column}` : ""}: ${list.problem}`);
    return EXIT_INPUT;
  }
  const distinct = new Map<string, Distinct>();
  for (const r of list.requests) {
    const key = r.problem ? `${r.line}:${r.at}` : `${r.method} ${r.path}${r.body === undefined ? "" : `\n${r.body}`}`;
    const seen = distinct.get(key);
    if (seen) seen.copies.push(r);
    else distinct.set(key, { first: r, copies: [], ...(r.problem ? { result: { ok: false, problem: r.problem } } : {}) });
  }
  const asked = [...distinct.values()].filter((d) => !d.result);
  const answered = await answerRequests(args, asked.map((d) => ({ method: d.first.method, path: d.first.path, ...jsonBody(d.first.body), ...(d.first.partialQuery ? { partialQuery: true } : {}), ...(d.first.sdkNames ? { sdkNames: true } : {}) })));
  if (typeof answered === "number") return answered;
  printServiceDiagnostics(answered);
  const several = answered.length > 1;
  asked.forEach((d, i) => {
    const made = answered.find((a) => a.results[i]?.ok);
    if (made) [d.result, d.service] = [made.results[i], made.service.name];
    else {
      // Where a service has the path, what it refuses is the answer; the others' "no such path" adds nothing.
      const failed = answered.filter((a) => a.results[i] && !a.results[i].ok);
      const addressed = failed.filter((a) => (a.results[i] as { addressed?: boolean }).addressed);
      const problems = (addressed.length ? addressed : failed).map((a) => `${several ? `${a.service.name}: ` : ""}${(a.results[i] as { problem: string }).problem}`);
      d.result = { ok: false, problem: problems.join("; ") || "not read (see the errors)" };
    }
  });
  const all = [...distinct.values()];
  const refused = all.filter((d) => !d.result?.ok);
  const notes = (list.notes ?? []).map((n): Diagnostic => ({ code: Codes.requestNotRead, severity: "info", message: n.message, file, line: n.line, column: n.column, path: "" }));
  if (args.json) out.print(JSON.stringify(jsonOf(file, all, list.skipped, notes, answered.length === 1 ? undefined : answered.map((a) => ({ name: a.service.name, out: shown(a.service.out) }))), null, 2));
  else printDiagnostics([...notes, ...refused.map((d) => refusal(file, d)), ...all.filter(refusedByService).map((d) => serviceRefusal(file, d)), ...all.flatMap((d) => (refusedByService(d) ? [] : headerWarnings(file, d)))]);
  err.print(`odatagen: ${summary(file, list.requests.length, all.length, refused.length, list.skipped, notes.length > 0)}`);
  // Requests the service has that the slice leaves out: a slice of the file's own requests keeps them all.
  const outside = asked.filter((d, i) => !d.result?.ok && answered.some((a) => (a.results[i] as { outsideSlice?: boolean } | undefined)?.outsideSlice)).length;
  if (outside) err.print(`odatagen: ${outside === 1 ? "1 request is" : `${outside} requests are`} outside the slice: ${args.from === "-" ? "saved to a file, --include @<file>" : `--include @${args.from}`} keeps what every request of the file addresses`);
  if (!list.requests.length) return EXIT_INPUT;
  return refused.length ? EXIT_INPUT : EXIT_OK;
}

/**
 * A refusal as a diagnostic line, so that the problem matcher annotates it on GitHub:
 * `requests.har:120:14: error ODG601: GET /users: …: … [log.entries[3]]`, with the lines of its
 * copies (`(also at lines 130, 140)`).
 */
function refusal(file: string, d: Distinct): Diagnostic {
  const r = d.first;
  const lines = d.copies.map((c) => (c.line ? String(c.line) : c.at ?? "?"));
  const also = lines.length ? ` (also at ${lines.length === 1 ? "line" : "lines"} ${lines.slice(0, SHOWN_COPIES).join(", ")}${lines.length > SHOWN_COPIES ? ` and ${lines.length - SHOWN_COPIES} more` : ""})` : "";
  const problem = d.result && !d.result.ok ? d.result.problem : "";
  // A refusal the service answered with success: the metadata may be behind the service.
  const status = r.answered && r.answered.status < 300 ? `; the service answered ${answer(r.answered)} (is the metadata older than the service?)` : "";
  return { code: Codes.requestRefused, severity: "error", message: `${problem}${status}${also}`, file, line: r.line, column: r.line ? r.column : 0, path: r.at ?? "" };
}

/**
 * A request the generated functions make that the service refused as malformed (400), or by its
 * method (405) or as not implemented (501), where the file records the answer (a HAR file): what
 * the metadata allows and the service does not, such as Graph's advanced queries without their
 * `ConsistencyLevel: eventual` header. A warning: the exit code says what odatagen found.
 */
function refusedByService(d: Distinct): boolean {
  const status = d.first.answered?.status;
  return d.result?.ok === true && (status === 400 || status === 405 || status === 501);
}

function serviceRefusal(file: string, d: Distinct): Diagnostic {
  const r = d.first;
  const unsent = missingHeaders(d).map((h) => h.name);
  const hint = unsent.length ? `; it sent no ${unsent.join(" or ")} header, which the service's metadata names for this request` : "";
  const message = `${r.method} ${r.path}: the service answered ${answer(r.answered!)} (odatagen makes the request, as the metadata allows it)${r.answered?.message ? `: ${r.answered.message}` : ""}${hint}`;
  return { code: Codes.requestAnsweredError, severity: "warning", message, file, line: r.line, column: r.line ? r.column : 0, path: r.at ?? "" };
}

/** The headers the metadata names for a request made (Capabilities `CustomHeaders`) that the file records it without. */
function missingHeaders(d: Distinct): CustomHeader[] {
  const sent = d.first.headers;
  if (!sent || !d.result?.ok) return [];
  return (d.result.call.headers ?? []).filter((h) => !sent.includes(h.name.toLowerCase()));
}

/**
 * A warning, ODG603, for each header the metadata requires for a request (`Required` true: Graph's
 * `If-Match` on Planner's updates) that the file records it sent without: the service answers
 * such a request with an error.
 */
function headerWarnings(file: string, d: Distinct): Diagnostic[] {
  const r = d.first;
  const messages = missingHeaders(d)
    .filter((h) => h.required)
    .map((h) => `${r.method} ${r.path}: sent without the header ${h.name}, which the service's metadata requires for this request (Capabilities ${h.by})${h.description ? `: ${h.description}` : ""}`);
  // A $filter or body naming a member after an evolvable enum's sentinel, sent without any Prefer header (only header names are recorded).
  const call = d.result?.ok ? d.result.call : undefined;
  if (call?.prefer && r.headers && !r.headers.includes("prefer"))
    messages.push(`${r.method} ${r.path}: sent without the header Prefer: ${call.prefer.join(", ")}; ${subjectsName((call.preferFor ?? ["$filter"]).map((w) => `its ${w}`))} a member after unknownFutureValue (an evolvable enum, as Microsoft Graph's), which the service refuses without it`);
  return messages.map((message) => ({ code: Codes.requestWithoutHeader, severity: "warning" as const, message, file, line: r.line, column: r.line ? r.column : 0, path: r.at ?? "" }));
}

/** `400 Bad Request`. */
function answer(a: Answered): string {
  return a.statusText ? `${a.status} ${a.statusText}` : String(a.status);
}

/** `requests.txt: 12 requests, 9 different: 7 made by the generated functions, 2 refused; left unchecked: 3 OPTIONS`. */
function summary(file: string, count: number, different: number, refused: number, skipped: ReadonlyMap<string, number>, noted: boolean): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const unchecked = skipped.size ? `; left unchecked: ${[...skipped].map(([why, n]) => `${n} ${why}`).join(", ")}` : "";
  // A program's notes (ODG604) say why it gave no request: the hint on a list's lines fits none.
  if (!count) return `${file}: no request to check${unchecked}${skipped.size || noted ? "" : " (a line is [METHOD] <url>; a HAR file lists them in log.entries)"}`;
  const distinct = different === count ? "" : `, ${different} different`;
  return `${file}: ${plural(count, "request")}${distinct}: ${different - refused} made by the generated functions, ${refused} refused${unchecked}`;
}

/** `--json`'s answer: each distinct request, what was left unchecked by reason, and the notes (ODG604) on what a program's reading left unread. */
function jsonOf(file: string, all: readonly Distinct[], skipped: ReadonlyMap<string, number>, notes: readonly Diagnostic[], services: { name: string; out: string }[] | undefined) {
  const results = all.map((d) => ({
    line: d.first.line,
    column: d.first.column,
    ...(d.first.at ? { at: d.first.at } : {}),
    ...(d.copies.length ? { also: d.copies.map((c) => ({ line: c.line, column: c.column, ...(c.at ? { at: c.at } : {}) })) } : {}),
    method: d.first.method,
    url: d.first.path,
    ...(d.first.answered ? { answered: d.first.answered } : {}),
    ...(d.result?.ok ? { ok: true, ...(services ? { service: d.service } : {}), call: d.result.call } : { ok: false, problem: d.result && !d.result.ok ? d.result.problem : "" }),
  }));
  return { file, results, skipped: Object.fromEntries(skipped), notes: notes.map((n) => ({ file: n.file, line: n.line, column: n.column, code: n.code, message: n.message })), ...(services ? { services } : {}) };
}

/** A request's body as `urlCalls` takes it: parsed, where it is JSON (an object or an array); else none. */
function jsonBody(text: string | undefined): { body?: unknown } {
  if (text === undefined || !/^\s*[[{]/.test(text)) return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}
