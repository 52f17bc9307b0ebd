/**
 * The requests `odatagen url --from <file>` checks: a HAR file (what a browser's developer tools or
 * Playwright's `recordHar` save), a list of one request a line (`PATCH /users/{id}`, a whole URL,
 * `GET https://… HTTP/1.1`, a server's access log line, whose quoted request line is read, or a
 * curl command), `fetch` calls (a browser's "Copy all as fetch", or a program's), the Graph
 * JavaScript client's `api` calls (graph-client-calls.ts) and an HTTP client's `get`, `post`, …
 * calls (http-client-calls.ts), a Postman collection (postman.ts), an
 * HTTP file (`.http`, http-file.ts), or a Markdown page whose HTTP code blocks show requests (an
 * API reference page).
 * Each keeps where it was written, so that a refusal names its file, line and column, and the body
 * it sends where the file holds one.
 */
import { findJsonSyntaxProblem } from "../../config/json-syntax";
import { isRequestMethod, notRequestMethod } from "../../request-methods";
import { isUrl, requestLine, withoutHttpVersion } from "../../request-line";
import { SourceText } from "../source";
import { harAnswerOf, harResponseText, type Answered } from "./answer";
import { readBatch } from "./batch-body";
import { isPostmanCollection, POSTMAN_PATH_DEPTH, postmanRequests } from "./postman";
import { continues, curlRequest, shellAssignment } from "./curl-request";
import { axiosConfigCalls } from "./axios-config-calls";
import { type CallInCode, JsText } from "./js-literals";
import { fetchCalls, hasFetchCalls } from "./fetch-calls";
import { argumentsAt, type CallFinder } from "./request-helpers";
import { helperCalls } from "./helper-chains";
import { importedHelpers, ProgramModules } from "./imported-helpers";
import { linkImportedConstants } from "./imported-constants";
import { graphClientCalls, hasGraphClientCalls } from "./graph-client-calls";
import { hasHttpClientCalls, httpClientCalls } from "./http-client-calls";
import { graphSdkCalls, hasGraphSdkCalls } from "./graph-sdk-calls";
import { httpFileRequests, isHttpFile } from "./http-file";

export interface ListedRequest {
  method: string;
  /** The URL as written, less `--base` when given (the path below the service root). */
  path: string;
  /** 1-based; 0 where the position is not known. */
  line: number;
  column: number;
  /** In a HAR file, the entry: `log.entries[3]`. */
  at?: string;
  /** What is wrong with the line itself (no URL, a method odatagen makes no request with). */
  problem?: string;
  /**
   * The request's body as sent: a HAR entry's `request.postData.text`, a curl command's data, the
   * text after the headers in a Markdown page's HTTP block. A `$batch`'s requests are read from it;
   * a JSON one's names are checked.
   */
  body?: string;
  /** The URL may lack query options the request gets elsewhere (a Graph or HTTP client's call): see UrlRequest.partialQuery. */
  partialQuery?: true;
  /** The path names some of what it addresses as the Graph SDK's builders do: see UrlRequest.sdkNames. */
  sdkNames?: true;
  /** What the service answered, where the file records it (a HAR entry's `response`): its status, and an OData error's message. */
  answered?: Answered;
  /** The names of the headers it sent, in lower case, where the file records them (a HAR entry's `request.headers`, a curl command's `-H`, a fetch call's JSON options' `headers`, a Markdown HTTP block's headers). */
  headers?: string[];
  /** A HAR entry's answer body, kept for a `$batch` only: its requests' answers are read from it. */
  answerBody?: string;
}

export type { Answered } from "./answer";

export interface RequestList {
  requests: ListedRequest[];
  /** Requests left unchecked, by reason (`OPTIONS`, `not under https://…`): how many of each. */
  skipped: Map<string, number>;
  /** What a program's reading left unread, each where it is (a module it imports that cannot be read: imported-helpers.ts). */
  notes?: { message: string; line: number; column: number }[];
  /**
   * A program's requests whose method is not read (only a spread that is not read may give it, a
   * note says so): not checked, but their URLs are known, so a slice keeps what they address.
   */
  unchecked?: ListedRequest[];
}

/** A program's file: its path (its imports are read from beside it), and the modules read so far (each read once, ProgramModules). */
export interface ProgramFile {
  file: string;
  modules?: ProgramModules;
}

/** The whole file is unreadable as a list (a HAR file that is no JSON, or has no entries). */
export interface ListProblem {
  problem: string;
  line: number;
  column: number;
}

/**
 * The requests `text` holds. `base`, a service root (or several: Graph's v1.0 and beta), keeps only
 * the whole URLs below one (a HAR file has the sign-in's requests and the page's own too) and reads
 * them from below it; a path (an access log's) is read from below the first root's path it starts
 * with, else as written.
 */
export function readRequestList(text: string, base?: string | readonly string[], program?: ProgramFile): RequestList | ListProblem {
  const body = text.replace(/^\ufeff/, "");
  // Read once: a program whose only requests go through axios's config form or its own helpers is read by the test above, not again.
  let code: RequestList | undefined;
  const js = new JsText(body);
  const asCode = () => (code ??= codeRequests(body, js, program));
  const list = /^\s*\{/.test(body)
    ? jsonRequests(body)
    : REQUEST_FENCE.test(body)
      ? markdownRequests(body)
      : hasFetchCalls(body, js) || hasGraphClientCalls(body) || hasHttpClientCalls(body) || hasGraphSdkCalls(body) || readSome(asCode())
        ? asCode()
        : isHttpFile(body)
          ? httpFileRequests(body)
          : !SHELL_SCRIPT.test(body) && PROGRAM.test(body)
            ? programWithoutCalls(body)
            : lineRequests(body);
  if (!("requests" in list)) return list;
  const roots = (base === undefined ? [] : typeof base === "string" ? [base] : base).map((b) => b.replace(/\/+$/, ""));
  const requests: ListedRequest[] = [];
  const skip = (why: string) => list.skipped.set(why, (list.skipped.get(why) ?? 0) + 1);
  /** The request below a --base (as written without it), or undefined when it is left out. */
  const kept = (r: ListedRequest): ListedRequest | undefined => {
    if (!roots.length || r.problem) return r;
    const below = firstBelow(r.path, roots);
    if (below === undefined) return void skip(`not under ${roots.join(" or ")}`);
    return { ...r, path: below };
  };
  for (const listed of list.requests) {
    const r = kept(listed);
    if (!r) continue;
    if (r.problem || !/(^|\/)\$batch$/.test(r.path.replace(/[?#].*$/s, ""))) {
      const { answerBody: _body, ...plain } = r;
      requests.push(plain);
      continue;
    }
    // A $batch's requests are in its body (JSON or multipart), each below the service root.
    const batch = r.body === undefined ? undefined : readBatch(r.body);
    if (!batch) {
      skip(`$batch (${r.body === undefined ? "its requests are in its body, which the file does not hold" : "a body with no request odatagen reads"})`);
      continue;
    }
    const answers = r.answerBody === undefined ? undefined : batch.answers(r.answerBody);
    batch.requests.forEach((b, n) => {
      // The $batch's own answer and headers are not its requests': each has its own.
      const { answered: _answer, headers: _headers, answerBody: _body, ...outer } = r;
      const answered = answers?.[n];
      const sub = kept({
        ...outer,
        method: b.method,
        path: isUrl(b.url) ? b.url : `/${b.url}`,
        at: `${r.at ?? "the $batch"}, its request ${n + 1}`,
        body: b.body,
        ...(answered ? { answered } : {}),
        ...(b.headers ? { headers: b.headers } : {}),
      });
      if (sub) requests.push(isRequestMethod(sub.method) ? sub : { ...sub, problem: notRequestMethod(sub.method) });
    });
  }
  return { requests, skipped: list.skipped, ...(list.notes?.length ? { notes: list.notes } : {}), ...(list.unchecked?.length ? { unchecked: list.unchecked } : {}) };
}

/** Whether a program's reading found a request, one left unchecked, or a note on what it could not read (said, rather than "no literal URL"). */
function readSome(code: RequestList): boolean {
  return code.requests.length > 0 || (code.unchecked?.length ?? 0) > 0 || (code.notes?.length ?? 0) > 0;
}

/**
 * A whole URL's part below `root` (`/users?…`), or undefined when it is another address (scheme
 * and host in any case). A path is read from below the root's path, or as written.
 */
function belowRoot(url: string, root: string): string | undefined {
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(root)?.[0] ?? "";
  const rootPath = root.slice(origin.length);
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(url)) return below(url, rootPath) ?? url;
  const sameOrigin = url.slice(0, origin.length).toLowerCase() === origin.toLowerCase() && /^([/?#]|$)/.test(url.slice(origin.length));
  return sameOrigin ? below(url.slice(origin.length), rootPath) : undefined;
}

/** `url`'s part below the first of `roots` it is below (a path: the first whose path it starts with, else as written). */
function firstBelow(url: string, roots: readonly string[]): string | undefined {
  let asWritten: string | undefined;
  for (const root of roots) {
    const below = belowRoot(url, root);
    if (below === undefined) continue;
    if (below !== url || /^[a-z][a-z\d+.-]*:\/\//i.test(url)) return below;
    asWritten ??= below;
  }
  return asWritten;
}

/** A path's part below `rootPath` (`/odata/v4`), from its `/`; undefined when it is not below. */
function below(path: string, rootPath: string): string | undefined {
  if (!path.startsWith(rootPath)) return undefined;
  const rest = path.slice(rootPath.length);
  if (rest === "" || rest.startsWith("?")) return `/${rest}`;
  return rest.startsWith("/") ? rest : undefined;
}


/** A shell script's first line: `#!/bin/sh`, `#!/usr/bin/env bash`, … (its `export X=…` is no JavaScript export). */
const SHELL_SCRIPT = /^#![^\n]*\b(sh|bash|zsh|ksh|dash|ash)\b/;

/**
 * One request a line; blank lines and `#` comments are left out. A shell script (its first line a
 * `#!` naming a shell) is read for its curl commands, with the variables it assigns put in (`GRAPH=…` then `curl
 * "$GRAPH/users/$USER_ID"`); its other commands are passed over.
 */
function lineRequests(text: string): RequestList {
  const requests: ListedRequest[] = [];
  const lines = text.split(/\r?\n/);
  const variables = SHELL_SCRIPT.test(text) ? new Map<string, string>() : undefined;
  let continued = -1;
  lines.forEach((raw, i) => {
    const start = raw.search(/\S/);
    if (i <= continued || start < 0 || raw[start] === "#") return;
    const assigned = variables && shellAssignment(raw, variables);
    if (assigned) {
      if (assigned.value === undefined) variables.delete(assigned.name);
      else variables.set(assigned.name, assigned.value);
      return;
    }
    if (/^curl\s/.test(raw.slice(start))) {
      // A curl command, over the lines its `\`s continue it to.
      let end = i;
      while (end + 1 < lines.length && continues(lines, end)) end++;
      continued = end;
      const command = lines.slice(i, end + 1).join("\n");
      const curl = curlRequest(command, variables);
      if (!curl) return void requests.push({ method: "", path: "", line: i + 1, column: start + 1, problem: "the curl command names no URL" });
      // A variable the script does not assign that starts the URL stands for the service root, as in an HTTP file.
      if (variables && /^\{\w+\}\//.test(curl.url)) curl.url = curl.url.slice(curl.url.indexOf("}") + 1);
      const before = command.slice(0, curl.at);
      const line = i + 1 + (before.match(/\n/g)?.length ?? 0);
      const column = curl.at - (before.lastIndexOf("\n") + 1) + 1;
      const problem = !isRequestMethod(curl.method) ? notRequestMethod(curl.method) : !isUrl(curl.url) ? `${curl.url} is no URL: curl's is a whole one` : undefined;
      return void requests.push({ method: curl.method, path: curl.url, line, column, ...(problem ? { problem } : {}), ...(curl.body !== undefined ? { body: curl.body } : {}), headers: curl.headers });
    }
    if (variables) return; // a shell script's other commands
    const logged = ACCESS_LOG.exec(raw);
    if (logged) {
      const [method, path] = [logged[2].toUpperCase(), logged[3]];
      const column = logged.index + logged[1].length + logged[2].length + 2;
      requests.push(isRequestMethod(method) ? { method, path, line: i + 1, column } : { method, path, line: i + 1, column, problem: notRequestMethod(method) });
      return;
    }
    const named = requestLine(raw);
    const method = named ? named.method : "GET";
    const urlStart = named ? named.at : start;
    const path = named ? named.url : withoutHttpVersion(raw).slice(start);
    const at = { line: i + 1, column: urlStart + 1 };
    if (!isRequestMethod(method)) requests.push({ method, path, ...at, column: start + 1, problem: notRequestMethod(method) });
    else if (!isUrl(path)) requests.push({ method, path, ...at, problem: `${path} is no URL: a line is [METHOD] <url>, the URL a whole one or a path from the service root (/users/{id})` });
    else requests.push({ method, path, ...at });
  });
  return { requests, skipped: new Map() };
}

/**
 * A fenced code block in Markdown that shows a request: HTTP, as API reference pages write one
 * (```` ``` http ````, Microsoft Graph's ```` ```msgraph-interactive ```` too), or a shell's, with
 * curl commands.
 */
const REQUEST_FENCE = /^[ \t]*(```|~~~)[ \t]*(http|msgraph-interactive|bash|sh|shell|console|zsh|cmd|bat|batch)[ \t]*\r?$/im;
const REQUEST_LINE = /^\s*[A-Za-z]+\s+(\/|[a-z][a-z\d+.-]*:\/\/)/i;

/**
 * The requests of a Markdown page: the request lines an HTTP code block starts with (a page's
 * "HTTP request" section lists each form a line; an example's one is followed by its headers, a
 * blank line and its body, both kept; a response's block, `HTTP/1.1 200 OK`, is passed over),
 * and the curl commands of a shell's block (after a prompt's `$ ` too; a `cmd` block's, with `^`).
 */
function markdownRequests(text: string): RequestList {
  const lines = text.split(/\r?\n/);
  const kept = lines.map(() => "");
  /** Each HTTP block's body (what follows the blank line after its headers), by its last request's line number. */
  const bodies = new Map<number, string[]>();
  /** The names of each HTTP block's headers (`If-Match: W/"…"`), by its last request's line number: where it shows any. */
  const heads = new Map<number, string[]>();
  type Fence = { marker: string; http: boolean; curl: boolean; reading: "requests" | "headers" | "body"; request?: number };
  let fence: Fence | undefined;
  lines.forEach((line, i) => {
    const marker = /^[ \t]*(```|~~~)/.exec(line)?.[1];
    const opened = fence === undefined && marker ? REQUEST_FENCE.exec(line) : null;
    if (opened) fence = { marker: marker!, http: !/^(bash|sh|shell|console|zsh|cmd|bat|batch)$/i.test(opened[2]!), curl: false, reading: "requests" };
    else if (fence && marker === fence.marker) fence = undefined;
    else if (fence?.http) {
      const blank = !line.trim();
      if (fence.reading === "body") {
        if (fence.request !== undefined) bodies.get(fence.request)!.push(line);
      } else if (fence.reading === "requests" && REQUEST_LINE.test(line)) [kept[i], fence.request] = [line, i + 1];
      else if (blank && (fence.request !== undefined || fence.reading === "headers")) {
        fence.reading = "body";
        if (fence.request !== undefined) bodies.set(fence.request, []);
      } else if (!blank) {
        fence.reading = "headers";
        const name = /^\s*([A-Za-z][\w-]*)\s*:/.exec(line)?.[1];
        if (name && fence.request !== undefined) {
          const names = heads.get(fence.request);
          if (names) names.push(name.toLowerCase());
          else heads.set(fence.request, [name.toLowerCase()]);
        }
      }
    } else if (fence) {
      // A prompt's `$ ` is written over with spaces, so that columns stay where they were.
      const command = line.replace(/^(\s*)\$ /, (_, space: string) => `${space}  `);
      if (/^\s*curl\s/.test(command)) fence.curl = true;
      if (fence.curl) kept[i] = command;
      if (!continues(lines, i)) fence.curl = false;
    }
  });
  // Read as a list whose other lines are blank, so that each keeps its line number.
  const list = lineRequests(kept.join("\n"));
  for (const r of list.requests) {
    const body = bodies.get(r.line)?.join("\n").trim();
    if (body && r.body === undefined) r.body = body;
    const names = heads.get(r.line);
    if (names && r.headers === undefined) r.headers = names;
  }
  return list;
}

/** The requests of a file of `fetch` calls (a browser's "Copy all as fetch", or a program's), Graph client `api` calls, HTTP client calls and Graph SDK chains, each at its URL (a chain at its client), in the file's order. */
function codeRequests(text: string, js: JsText, program?: ProgramFile): RequestList {
  const source = new SourceText("", text);
  const unread: string[] = [];
  // The helpers it imports from its own modules, where its path is known.
  const modules = program ? (program.modules ??= new ProgramModules()) : undefined;
  const imported = program ? importedHelpers(js, program.file, modules!) : { helpers: [], notes: [], quiet: [] };
  // The string constants it imports from them, read where its names are (imported-constants.ts).
  if (program) linkImportedConstants(js, program.file, modules!);
  // The helpers the modules reached import in turn (helper-chains.ts follows chains of helpers).
  const importsOf = (module: JsText, file: string) => (modules ? importedHelpers(module, file, modules).helpers : []);
  const chainNotes = new Map<number, string>();
  // Each reader's calls, and those made through the file's helpers (`graphGet("/me/events")`), in place of the helpers' own.
  const finders: CallFinder[] = [(j, from, to) => fetchCalls(j.text, j, from, to), (j, from, to) => httpClientCalls(j.text, Number.POSITIVE_INFINITY, j, from, to), (j, from, to) => axiosConfigCalls(j.text, j, from, to)];
  const viaHelpers = finders.map((find) => helperCalls(js, find, imported.helpers, importsOf, program?.file));
  for (const n of viaHelpers.flatMap((h) => h.notes)) chainNotes.set(n.at, n.message);
  // A helper's call that a reader reads as a client's too (`api.patch("/x")` on a module's namespace): the helper's request;
  // and a call of a name from a module not read (`ns.get("/x")`), or of an object's member that is no helper: the note's, no client's request guessed.
  const through = new Set([...viaHelpers.flatMap((h) => h.calls.map((c) => c.at)), ...[...imported.notes.flatMap((n) => n.opens), ...imported.quiet].map((open) => argumentsAt(js, open, 0)?.at ?? open), ...viaHelpers[0]!.notRead]);
  const read = (k: number): CallInCode[] => [...finders[k]!(js, 0, text.length).filter((c) => !viaHelpers[k]!.replaced.has(c.at) && !through.has(c.at)), ...viaHelpers[k]!.calls];
  const calls = [
    ...read(0).map((c) => ({ ...c, by: "fetch's" })),
    // A client's call may add query options through its own methods (`.query({ … })`, `params`), which are not read.
    ...graphClientCalls(text).map((c) => ({ ...c, by: "the Graph client's api", partialQuery: true })),
    ...read(1).map((c) => ({ ...c, by: "an HTTP client's", partialQuery: true })),
    ...read(2).map((c) => ({ ...c, by: "axios's", partialQuery: true })),
    // The Graph SDK's chains give their whole query, where its queryParameters are written as literals.
    ...graphSdkCalls(text, undefined, unread).map((c) => ({ ...c, by: "the Graph SDK's", sdkNames: true })),
  ].sort((a, b) => a.at - b.at);
  // A method only a spread that is not read may give (`{ ...init }`): said, not guessed GET.
  const spreadNotes: { message: string; line: number; column: number }[] = [];
  const methodUnread = (call: (typeof calls)[number]) => !!call.methodFrom && (call.methodFrom.spread || call.methodFrom.unread === true) && call.methodFrom.names.length > 0;
  for (const call of calls.filter(methodUnread)) spreadNotes.push({ message: `${call.url}: its method comes from ${methodSources(call.methodFrom!)}; the request is not checked`, ...source.position(call.at) });
  const listed = (call: (typeof calls)[number]): ListedRequest => {
    const problem = !isRequestMethod(call.method) ? notRequestMethod(call.method) : !isUrl(call.url) ? `${call.url} is no URL: ${call.by} is a whole one or a path from the service root` : undefined;
    return {
      method: call.method,
      path: call.url,
      ...source.position(call.at),
      ...(problem ? { problem } : {}),
      ...(call.body !== undefined ? { body: call.body } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
      ...("partialQuery" in call ? { partialQuery: true } : {}),
      ...("sdkNames" in call ? { sdkNames: true } : {}),
    };
  };
  const requests = calls.filter((c) => !methodUnread(c)).map(listed);
  const unchecked = calls.filter(methodUnread).map(listed);
  // The SDK's chains through a builder that is not read, by its name: left unchecked, said so.
  const counts = new Map<string, number>();
  for (const name of unread) counts.set(name, (counts.get(name) ?? 0) + 1);
  const skipped = new Map([...counts].map(([name, n]) => [`Graph SDK chain${n === 1 ? "" : "s"} through ${name}`, n]));
  const notes = [...imported.notes.map((n) => ({ message: n.message, ...source.position(n.at) })), ...[...chainNotes].map(([at, message]) => ({ message, ...source.position(at) })), ...spreadNotes].sort((a, b) => a.line - b.line || a.column - b.column);
  const spreads = calls.filter((c) => methodUnread(c) && c.methodFrom!.spread).length;
  if (spreads) skipped.set(`method from a spread not read`, spreads);
  if (spreadNotes.length > spreads) skipped.set(`method from a variable not read`, spreadNotes.length - spreads);
  // The calls of helpers imported from a module that cannot be read, and those of objects' members that are no helper (imported or the file's own): not read as requests.
  const throughUnread = imported.notes.reduce((n, note) => n + (note.cause === "module" ? note.calls : 0), 0);
  if (throughUnread) skipped.set(`call of a helper from a module not read`, throughUnread);
  const membersUnread = imported.notes.reduce((n, note) => n + (note.cause === "member" ? note.calls : 0), viaHelpers[0]!.membersNoted);
  if (membersUnread) skipped.set(`call of an object's member that is no helper read`, membersUnread);
  return { requests, skipped, ...(notes.length ? { notes } : {}), ...(unchecked.length ? { unchecked } : {}) };
}

/** At most this many of the spreads (or names) a method may come from are named in a note. */
const SHOWN_SOURCES = 5;

/**
 * `...defaults, which is not read`, `init, which is not read`, `...a, ...b, ...c, ...d, ...e and 15
 * more, which are not read`: each written once (an init of 20,000 spreads makes no 120 KB line),
 * each cut at 60 characters.
 */
function methodSources(from: { names: string[]; spread: boolean }): string {
  const names = [...new Set(from.names.map((n) => n.replace(/\s+/g, " ")))].map((n) => (n.length > 60 ? `${n.slice(0, 59)}\u2026` : n));
  const shown = names.slice(0, SHOWN_SOURCES).map((n) => (from.spread ? `...${n}` : n));
  const more = names.length > SHOWN_SOURCES ? ` and ${names.length - SHOWN_SOURCES} more` : "";
  return `${shown.join(", ")}${more}, which ${names.length === 1 ? "is" : "are"} not read`;
}

/** A line a JavaScript or TypeScript program has and a list of requests does not. */
const PROGRAM = /^[ \t]*(?:import|export|const|let|var|function|class|async[ \t]+function|interface|type[ \t]+\w+[ \t]*=)\b/m;

/** A program none of whose calls has a literal URL: said at its first line, not read as a list line by line. */
function programWithoutCalls(text: string): ListProblem {
  const found = PROGRAM.exec(text)!;
  const at = new SourceText("", text).position(found.index + found[0].search(/\S/));
  return { problem: "a program (JavaScript or TypeScript) none of whose fetch, HTTP client or Graph client calls has a literal URL (a string, or a template literal): there is no request to read", ...at };
}

/** A server's access log line (Common and Combined Log Format): the quoted request line, `"GET /odata/v4/People HTTP/1.1"`. */
const ACCESS_LOG = /(")([A-Za-z]+) (\S+) HTTP\/\d(?:\.\d)?"/;

/** A JSON file's requests: a HAR file's, or a Postman collection's. */
function jsonRequests(text: string): RequestList | ListProblem {
  const source = new SourceText("", text, "json");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSON.parse's words and positions differ between Node versions (some give none).
    const found = findJsonSyntaxProblem(text) ?? { offset: 0, message: "not JSON" };
    return { problem: `not JSON, as a HAR file or a Postman collection is: ${found.message}`, ...source.position(found.offset) };
  }
  if (isPostmanCollection(doc)) return postmanList(text, doc, source);
  return harRequests(text, doc, source);
}

/** A Postman collection's requests (postman.ts), each at its URL. */
function postmanList(text: string, doc: unknown, source: SourceText): RequestList {
  // Where each value that may be a request's URL starts: `…request.url`, `…request.url.raw`, or a request given as its URL.
  const starts = new Map<string, number>();
  findJsonSyntaxProblem(text, (path, offset) => {
    const last = path[path.length - 1];
    // A string's first character is after its quote; an object's place is its brace. Only as deep
    // as folders are read (postman.ts: 64 of them, two path steps each, then request/url/raw).
    if ((last === "url" || last === "raw" || last === "request") && path.length <= POSTMAN_PATH_DEPTH) starts.set(path.join("\u0000"), text[offset] === '"' ? offset + 1 : offset);
  });
  const { requests, tooDeep } = postmanRequests(doc, (path) => {
    const offset = starts.get(path.join("\u0000"));
    return offset === undefined ? undefined : source.position(offset);
  });
  const skipped = new Map<string, number>();
  if (tooDeep) skipped.set("folders nested deeper than 64", tooDeep);
  const kept = requests.filter((r) => {
    if (r.problem || isRequestMethod(r.method)) return true;
    skipped.set(r.method, (skipped.get(r.method) ?? 0) + 1);
    return false;
  });
  return { requests: kept, skipped };
}

/** A HAR file's requests (HAR 1.2: `log.entries[].request.method` and `.url`), in its order. */
function harRequests(text: string, har: unknown, source: SourceText): RequestList | ListProblem {
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) return { problem: "a JSON file here is a HAR file, whose log.entries lists the requests, or a Postman collection, whose item does; this one has neither", line: 1, column: 1 };
  // Where each entry's URL is written (its first character, after the quote).
  const urlAt = new Map<number, number>();
  findJsonSyntaxProblem(text, (path, offset) => {
    if (path.length === 5 && path[0] === "log" && path[1] === "entries" && path[3] === "request" && path[4] === "url") urlAt.set(path[2] as number, offset + 1);
  });
  const requests: ListedRequest[] = [];
  const skipped = new Map<string, number>();
  entries.forEach((entry: unknown, i) => {
    const request = (entry as { request?: { method?: unknown; url?: unknown; postData?: { text?: unknown }; headers?: unknown } } | null)?.request;
    const response = (entry as { response?: unknown } | null)?.response;
    const answered = harAnswerOf(response);
    const at = `log.entries[${i}]`;
    if (typeof request?.method !== "string" || typeof request.url !== "string") {
      requests.push({ method: "", path: "", line: 0, column: 0, at, problem: "the entry has no request.method and request.url" });
      return;
    }
    const method = request.method.toUpperCase();
    // A browser's own requests (a CORS preflight's OPTIONS, a HEAD) are no service call.
    if (!isRequestMethod(method)) return void skipped.set(method, (skipped.get(method) ?? 0) + 1);
    const offset = urlAt.get(i);
    const body = typeof request.postData?.text === "string" ? request.postData.text : undefined;
    const headers = Array.isArray(request.headers) ? request.headers.flatMap((h: { name?: unknown } | null) => (typeof h?.name === "string" ? [h.name.toLowerCase()] : [])) : undefined;
    // A $batch's answer body holds its requests' answers (batchAnswers).
    const text = /(^|\/)\$batch([?#]|$)/.test(request.url) ? harResponseText(response) : undefined;
    const answerBody = text !== undefined ? { answerBody: text } : {};
    requests.push({ method, path: request.url, ...(offset === undefined ? { line: 0, column: 0 } : source.position(offset)), at, ...(body !== undefined ? { body } : {}), ...(answered ? { answered } : {}), ...(headers ? { headers } : {}), ...answerBody });
  });
  return { requests, skipped };
}
