/**
 * The requests a program makes with Microsoft's Graph SDK for TypeScript (`@microsoft/msgraph-sdk`,
 * made by Kiota), whose calls are chains of request builders rather than URLs:
 * `client.users.byUserId(userId).messages.get({ queryParameters: { select: ["subject"] } })` is
 * `GET /users/{userId}/messages?$select=subject`. The chains read are those of a client the file
 * makes (`createGraphServiceClient(…)`, `new GraphServiceClient(…)`) or takes (`client:
 * GraphServiceClient`), each ending in `get`, `post`, `patch`, `put` or `delete`:
 * - a property is a path segment (`messages`), `count` is `$count`, and a cast builder
 *   (`graphUser`) is the cast (`microsoft.graph.user`);
 * - `byXId(id)` is a key, written `{id}` where it is a variable (`{userId}`, as documentation
 *   writes one), or the literal's value;
 * - a function's builder with parameters (`reminderViewWithStartDateTimeWithEndDateTime(start, end)`)
 *   is its call, `reminderView(startDateTime={start},endDateTime={end})`;
 * - what only the metadata tells (an operation of another namespace, `microsoftGraphSecurityRunHuntingQuery`;
 *   the parameters' spelling; a media entity's `content`, sent as `$value`) is kept as the SDK names
 *   it, for passes/slice/resolve-sdk-path.ts;
 * - the configuration's `queryParameters` (`select`, `expand`, `orderby` as lists, `filter`,
 *   `search`, `top`, `skip`, `count`, and any other as a custom query option) and `headers`' names,
 *   where written as literals; a write's body where written as literals.
 * A chain through a builder kept in a variable, or one calling anything else (`withUrl`), is not read.
 */
import type { CallInCode } from "./js-literals";
import { JsText } from "./js-literals";
import { declarationEnd } from "./js-declarations";
import { expressionEnd, memberValue, readLiteral, skipBlank } from "./js-values";
import { lastWord } from "./request-variables";

/** What makes a client: `createGraphServiceClient(…)`, `new GraphServiceClient(…)`, awaited or not. */
const MAKES = String.raw`(?:await\s+)?(?:createGraphServiceClient|new\s+GraphServiceClient)\s*\(`;

/** A name assigned a client the file makes (`client = createGraphServiceClient(…)`, `this.graph = new GraphServiceClient(…)`): its name. */
const ASSIGNED = new RegExp(String.raw`(?<![\w$.])(this\.)?([A-Za-z_$][\w$]*)[ \t]*=[ \t]*${MAKES}`, "g");

/** A declaration (`const client`, `let graph`), typed or not, whose value js-declarations.ts finds past its annotation. */
const DECLARED = /(?<![\w$.])(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g;

const MADE_HERE = new RegExp(MAKES, "y");

/** A parameter or property typed as a client (`client: GraphServiceClient`): its name, used as it is or as `this.name`. */
const TYPED = /(?<![\w$])([A-Za-z_$][\w$]*)[ \t]*(?:\?[ \t]*)?:[ \t]*GraphServiceClient\b/g;

const SENDS: Readonly<Record<string, string>> = { get: "GET", post: "POST", patch: "PATCH", put: "PUT", delete: "DELETE" };

/** The query options of `queryParameters` named as Kiota names them, with their `$` names. */
const SYSTEM: Readonly<Record<string, string>> = { select: "$select", expand: "$expand", orderby: "$orderby", filter: "$filter", search: "$search", top: "$top", skip: "$skip", count: "$count" };

const NAME = /[A-Za-z_$][\w$]*/y;

/** Whether `text` makes or takes a Graph SDK client and calls through it. */
export function hasGraphSdkCalls(text: string): boolean {
  return /\bGraphServiceClient\b|\bcreateGraphServiceClient\b/.test(text) && graphSdkCalls(text, 1).length > 0;
}

/**
 * The requests of the file's chains; `unread`, where given, gets the name of each builder a chain
 * that sends a request goes through and that is not read (`withUrl`).
 */
export function graphSdkCalls(text: string, most = Number.POSITIVE_INFINITY, unread?: string[]): (CallInCode & { partialQuery?: true })[] {
  const js = new JsText(text);
  const clients = new Set<string>();
  for (const m of text.matchAll(ASSIGNED)) clients.add(`${m[1] ?? ""}${m[2]!}`);
  for (const m of text.matchAll(TYPED)) clients.add(m[1]!).add(`this.${m[1]!}`);
  // A typed declaration's annotation may hold `;` or span lines (`const client:\n  | GraphServiceClient\n  | undefined = …`).
  for (const m of text.matchAll(DECLARED)) {
    const end = js.isCode(m.index) ? declarationEnd(js, m.index + m[0].length) : undefined;
    if (end === undefined || text[end] !== "=") continue;
    MADE_HERE.lastIndex = skipBlank(text, end + 1);
    if (MADE_HERE.test(text)) clients.add(m[1]!);
  }
  if (!clients.size) return [];
  const out: (CallInCode & { partialQuery?: true })[] = [];
  const uses = new RegExp(`(?<![\\w$.])(${[...clients].map((c) => c.replace(/[.$]/g, "\\$&")).join("|")})\\s*\\.`, "g");
  for (const m of text.matchAll(uses)) {
    const call = chain(js, m.index, m.index + m[0].length - 1);
    if (typeof call === "string") unread?.push(call);
    else if (call) out.push(call);
    if (out.length >= most) break;
  }
  return out;
}

/**
 * The request the chain from `at` (its `.` at `dot`) makes; undefined where it is no such chain; the
 * name of a builder it calls that is not read, where it goes on to send a request.
 */
function chain(js: JsText, at: number, dot: number): (CallInCode & { partialQuery?: true }) | string | undefined {
  const text = js.text;
  const segments: string[] = [];
  for (let i = dot, links = 0; text[i] === "." && links < 200; links++) {
    NAME.lastIndex = skipBlank(text, i + 1);
    const name = NAME.exec(text)?.[0];
    if (name === undefined) return undefined;
    i = skipBlank(text, NAME.lastIndex);
    if (text[i] !== "(") {
      segments.push(name === "count" ? "$count" : name === "ref" ? "$ref" : /^graph[A-Z]/.test(name) ? `microsoft.graph.${name[5]!.toLowerCase()}${name.slice(6)}` : name);
      i = skipBlank(text, i);
      continue;
    }
    const close = js.closing(i);
    if (close === undefined) return undefined;
    const method = SENDS[name];
    // A request goes somewhere below the root, and its URL is the chain's (`client.get("/x")` is another client's).
    if (method) return segments.length && !/^["'`]/.test(text[skipBlank(text, i + 1)] ?? "") ? send(js, at, `/${segments.join("/")}`, method, i, close) : undefined;
    const segment = /^by[A-Z]\w*$/.test(name) ? keySegment(js, i + 1, close, name) : functionSegment(js, i + 1, close, name);
    // Unread where it goes on to a request below the root: a call on the client itself (`client.api(…)`) is another library's.
    if (segment === undefined) return segments.length && sends(js, close + 1) ? name : undefined;
    segments.push(segment);
    i = skipBlank(text, close + 1);
  }
  return undefined;
}

/** Whether the chain going on at `from` (after a call) ends in a request: `.get(`, `.post(`, … after builders of any kind. */
function sends(js: JsText, from: number): boolean {
  const text = js.text;
  for (let i = skipBlank(text, from), links = 0; text[i] === "." && links < 200; links++) {
    NAME.lastIndex = skipBlank(text, i + 1);
    const name = NAME.exec(text)?.[0];
    if (name === undefined) return false;
    i = skipBlank(text, NAME.lastIndex);
    if (text[i] !== "(") continue;
    if (Object.hasOwn(SENDS, name)) return true;
    const close = js.closing(i);
    if (close === undefined) return false;
    i = skipBlank(text, close + 1);
  }
  return false;
}

/**
 * A key's segment: a literal's value, percent-encoded as the SDK's URI template encodes it; `{userId}`
 * for a variable `userId` (or `user.id`: `{id}`); else `{userId}` from the builder's name.
 */
function keySegment(js: JsText, from: number, to: number, name: string): string {
  const literal = readLiteral(js, from);
  if (literal && (typeof literal.value === "string" || typeof literal.value === "number") && skipBlank(js.text, literal.end) === to) return encoded(String(literal.value));
  // Another expression is named for the builder.
  return `{${variableName(js, from, to) ?? `${name[2]!.toLowerCase()}${name.slice(3)}`}}`;
}

/** A value percent-encoded as the SDK's URI template encodes it. */
function encoded(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The variable or property path an argument reads (`user.id`: `id`), where it is short; undefined for another expression. */
function variableName(js: JsText, from: number, to: number): string | undefined {
  const argument = to - from <= 200 ? js.text.slice(from, to).trim() : "";
  return /^[\w$]+(?:\s*\??\.\s*[\w$]+)*$/.test(argument) ? lastWord(argument) : undefined;
}

/**
 * A function's segment from its builder with parameters, `reminderViewWithStartDateTimeWithEndDateTime(start, end)`:
 * `reminderView(startDateTime={start},endDateTime={end})`, a literal argument as its value (a string
 * quoted); undefined where the name does not end in a `With…` for each argument. The names are the
 * builder's: the metadata spells them (resolve-sdk-path.ts).
 */
function functionSegment(js: JsText, from: number, to: number, name: string): string | undefined {
  const text = js.text;
  const values: string[] = [];
  for (let at = skipBlank(text, from); at < to; ) {
    const end = expressionEnd(js, at);
    if (end === undefined || end > to) return undefined;
    values.push(argumentValue(js, at, end));
    at = text[end] === "," ? skipBlank(text, end + 1) : end;
    if (at !== to && text[end] !== ",") return undefined;
  }
  const pieces = name.split(/With(?=[A-Z])/);
  if (!values.length || pieces.length <= values.length) return undefined;
  const names = pieces.slice(-values.length).map((p) => `${p[0]!.toLowerCase()}${p.slice(1)}`);
  return `${pieces.slice(0, -values.length).join("With")}(${names.map((n, k) => `${n}=${values[k]!}`).join(",")})`;
}

/** An argument between `from` and `to`: a literal's value (a string quoted, as OData writes one), else `{name}` for the variable it reads. */
function argumentValue(js: JsText, from: number, to: number): string {
  const literal = readLiteral(js, from);
  if (literal && skipBlank(js.text, literal.end) === to) {
    const v = literal.value;
    if (typeof v === "string") return `'${encoded(v.replace(/'/g, "''"))}'`;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
  }
  return `{${variableName(js, from, to) ?? "value"}}`;
}

/** The request of a chain ending in `.get(…)` (the arguments between `open` and `close`). */
function send(js: JsText, at: number, path: string, method: string, open: number, close: number): CallInCode & { partialQuery?: true } {
  const text = js.text;
  let body: string | undefined;
  let config = skipBlank(text, open + 1);
  if (method === "POST" || method === "PATCH" || method === "PUT") {
    const first = config;
    const literal = readLiteral(js, first);
    // The literal alone, or with a TypeScript `as` or `satisfies` after it.
    const rest = literal ? skipBlank(text, literal.end) : -1;
    if (literal && typeof literal.value === "object" && literal.value !== null && (rest === expressionEnd(js, first) || /^(?:as|satisfies)\b/.test(text.slice(rest, rest + 10))))
      body = JSON.stringify(wire(literal.value));
    // The configuration is the second argument, after a body written in any way.
    const after = expressionEnd(js, first);
    config = after !== undefined && text[after] === "," ? skipBlank(text, after + 1) : close;
  }
  const query: string[] = [];
  let headers: string[] | undefined;
  let partial = false;
  if (config < close && text[config] === "{") {
    const parameters = memberValue(js, config, ["queryParameters"]);
    const read = parameters === undefined ? undefined : readLiteral(js, parameters);
    if (parameters !== undefined && !options(read?.value, query, path.endsWith("/$ref"))) partial = read?.value !== undefined || !read;
    const given = memberValue(js, config, ["headers"]);
    const names = given === undefined ? undefined : readLiteral(js, given)?.value;
    if (typeof names === "object" && names !== null && !Array.isArray(names)) headers = Object.keys(names).map((h) => h.toLowerCase());
  } else if (config < close && !/^undefined\s*$/.test(text.slice(config, close))) partial = true;
  const url = query.length ? `${path}?${query.join("&")}` : path;
  return { method, url, at, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}), ...(partial ? { partialQuery: true as const } : {}) };
}

/**
 * `queryParameters`' options, as a URL's query writes them, added to `query`; false where it is no
 * object of literals. An empty list is left out, as the SDK leaves it out; `ref`: the options of a
 * `$ref`, whose `id` the SDK sends as `@id` (`$id` in OData's words).
 */
function options(value: unknown, query: string[], ref: boolean): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const [name, v] of Object.entries(value)) {
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    const text = Array.isArray(v) && v.every((x) => typeof x === "string") ? v.join(",") : typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
    if (text === undefined) return false;
    const option = ref && name === "id" ? "$id" : Object.hasOwn(SYSTEM, name) ? SYSTEM[name]! : name;
    query.push(`${option}=${text.replace(/[%&#+]/g, (c) => encodeURIComponent(c))}`);
  }
  return true;
}

/**
 * A body as the SDK writes it: its models' `odataType` and `odataId` are `@odata.type` and
 * `@odata.id`, and `additionalData`'s members stand beside the others, at every depth.
 */
function wire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wire);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => Object.defineProperty(out, k, { value: wire(v), enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(value)) {
    if (k === "additionalData" && typeof v === "object" && v !== null && !Array.isArray(v)) for (const [ak, av] of Object.entries(v)) put(ak, av);
    else put(k === "odataType" ? "@odata.type" : k === "odataId" ? "@odata.id" : k, v);
  }
  return out;
}
