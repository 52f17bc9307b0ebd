/**
 * Calls named as an HTTP client's methods that send nothing: a `Map`'s, a `Set`'s, a `Headers`' or
 * a `URLSearchParams`' `get(key)` and `delete(key)`, whose key may be a constant holding a URL
 * (`const cache = new Map(); cache.get(USERS_URL)`), and a server's route (Express's
 * `app.get("/users/:id", (req, res) => …)`, `router.delete("/users/:id", handler)`: isRoute). What the receiver is is
 * told from the file's declarations of its name, wherever they are: `= new Map(…)` (or a `Set`,
 * `WeakMap`, `WeakSet`, `URLSearchParams`, `Headers`, `FormData`), or a type annotation naming one
 * (`cache: Map<string, X>`, a parameter or a class field); a URL's `searchParams` and a response's
 * `headers` are such objects by their names.
 *
 * What a `const`, `let` or `var` is given is read past its annotation by the shared scan
 * (js-declarations.ts's declaredValues), however long, over several lines or holding `;` and `=`
 * (`const newUser: { displayName: string; mail: string } = { … }`, `const listMe: (req: Request)
 * => void = (req) => …`); a class field's or a plain assignment's (`cache = new Map()`, `handler:
 * Handler = (req) => …`), which the scan does not start at, by the patterns below, whose annotation
 * is read on its line up to 200 characters without `=` or `;`.
 */
import type { JsText } from "./js-literals";
import { expressionEnd, skipBlank } from "./js-values";
import { declaredValues } from "./js-declarations";
import { routeImports } from "./route-imports";

const KINDS = "(?:Readonly)?(?:Weak)?(?:Map|Set)|URLSearchParams|Headers|FormData";

/** A value that makes such an object. */
const MAKES_COLLECTION = `new\\s+(?:${KINDS})\\b`;

/** Whether the value of one of the file's declarations at `at` starts with `start` (a sticky pattern). */
function startsWith(start: RegExp, text: string, at: number): boolean {
  start.lastIndex = at;
  return start.test(text);
}

/** The names the file's `const`s, `let`s and `var`s are given a value that `start` (a pattern's source) begins (declaredValues). */
function declaredAs(js: JsText, start: string): string[] {
  const made = new RegExp(start, "y");
  return declaredValues(js)
    .filter((d) => startsWith(made, js.text, d.value))
    .map((d) => d.name);
}

/** The names the file declares as such an object (made once per file). */
const collections = new WeakMap<JsText, Set<string>>();

/**
 * The receiver's last word before the method's `.` at `dot` (`cache`, `this.cache`, `res.headers`,
 * `url.searchParams`, `app!`), in the 200 characters before it; undefined where none ends there.
 * Read backwards once: a regular expression anchored at the end tried each of the 200 starts, each
 * to the end, and took about a millisecond a call after a long word.
 */
export function receiverWord(text: string, dot: number): string | undefined {
  const from = Math.max(0, dot - 200);
  let i = dot;
  while (i > from && /\s/.test(text[i - 1]!)) i--;
  if (i > from && (text[i - 1] === "?" || text[i - 1] === "!")) {
    i--;
    while (i > from && /\s/.test(text[i - 1]!)) i--;
  }
  const end = i;
  while (i > from && /[\w$]/.test(text[i - 1]!)) i--;
  while (i < end && /\d/.test(text[i]!)) i++;
  return i < end ? text.slice(i, end) : undefined;
}

/** Whether the call whose method name's `.` is at `dot` is a collection's, not a request. */
export function isCollectionCall(js: JsText, dot: number): boolean {
  const word = receiverWord(js.text, dot);
  if (word === undefined) return false;
  if (word === "searchParams" || word === "headers") return true;
  let names = collections.get(js);
  if (!names) {
    names = new Set();
    // A name starts where no other word character is before it, and an annotation before `= new` is
    // read up to 200 characters: linear over a long line without `=` (hostile input), not quadratic.
    const declared = new RegExp(`(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*(?:[?!]?\\s*:\\s*(?:${KINDS})\\b|(?::[^=;\\n]{0,200})?=\\s*${MAKES_COLLECTION})`, "g");
    for (const m of js.text.matchAll(declared)) names.add(m[1]!);
    for (const name of declaredAs(js, MAKES_COLLECTION)) names.add(name);
    collections.set(js, names);
  }
  return names.has(word);
}

/** A server's or a router's maker (Express's `express()` and `Router()`, Koa's and koa-router's, Fastify's, Hono's), or its type. */
const SERVERS = "express(?:\\s*\\.\\s*Router)?|Router|KoaRouter|fastify|Fastify|Hono|Elysia";
const SERVER_TYPES = "Express|Router|Application|FastifyInstance|Hono|Elysia";
/** A value that makes a server or a router. */
const MAKES_SERVER = `(?:new\\s+)?(?:${SERVERS})\\s*\\(`;
/** A value that is a function: `function`, `async`, an arrow (`req =>`, `(req, res): T =>`). */
const MAKES_FUNCTION = "(?:async\\s+)?(?:function\\b|[A-Za-z_$][\\w$]*\\s*=>|\\((?=[^()]{0,200}\\)\\s*(?::[^=;,()]{0,200})?=>))";
/** A value that is data: an object or array literal, a string, a number. */
const MAKES_DATA = "[{[\"'`\\d]";

/** An HTTP client's type: axios's, ky's, got's, Angular's. */
const CLIENT_TYPES = "AxiosInstance|AxiosStatic|KyInstance|Got|HttpClient";

/**
 * What the file declares, found once per file: the names made or typed as a server or a router,
 * typed as an HTTP client (`api: AxiosInstance`), the names of its functions, and the names that
 * hold data, no handler: a `const`, `let` or `var` given a literal (`= { … }`, `= [`, a string, a
 * number), or a parameter whose type is no function's (`newUser: { displayName: string }`,
 * `changes: Record<string, unknown>`; not `(req) => …`, a `…Handler`, `…Middleware`, `…Controller`).
 */
interface Declared {
  servers: Set<string>;
  clients: Set<string>;
  functions: Set<string>;
  values: Set<string>;
}

const declared = new WeakMap<JsText, Declared>();

/** A parameter and its type (a declaration's value is read by declaredValues). */
const PARAMETER = /(?<![\w$])(?<=[(,]\s{0,20})([A-Za-z_$][\w$]*)\s*\??\s*:\s*([^,()=;]{1,200})/g;
const NOT_DATA_TYPE = /=>|Handler|Middleware|Controller|Function|Router|Callback|Next|^\s*(?:Express|Application|Hono|FastifyInstance)\b/;

function declarationsOf(js: JsText): Declared {
  let found = declared.get(js);
  if (found) return found;
  found = { servers: new Set(), clients: new Set(), functions: new Set(), values: new Set() };
  const client = new RegExp(`(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*[?!]?\\s*:\\s*(?:${CLIENT_TYPES})\\b`, "g");
  for (const m of js.text.matchAll(client)) if (js.isCode(m.index)) found.clients.add(m[1]!);
  for (const m of js.text.matchAll(PARAMETER)) if (js.isCode(m.index) && !NOT_DATA_TYPE.test(m[2]!)) found.values.add(m[1]!);
  for (const name of declaredAs(js, MAKES_DATA)) found.values.add(name);
  // As for collections: a name where no word character is before it, an annotation read up to 200 characters.
  const server = new RegExp(`(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*(?:[?!]?\\s*:\\s*(?:${SERVER_TYPES})\\b|(?::[^=;\\n]{0,200})?=\\s*${MAKES_SERVER})`, "g");
  for (const m of js.text.matchAll(server)) if (js.isCode(m.index)) found.servers.add(m[1]!);
  for (const name of declaredAs(js, MAKES_SERVER)) found.servers.add(name);
  const fn = new RegExp(`\\bfunction\\s*\\*?\\s*([A-Za-z_$][\\w$]*)|(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*(?::[^=;\\n]{0,200})?=\\s*${MAKES_FUNCTION}`, "g");
  for (const m of js.text.matchAll(fn)) if (js.isCode(m.index)) found.functions.add((m[1] ?? m[2])!);
  for (const name of declaredAs(js, MAKES_FUNCTION)) found.functions.add(name);
  declared.set(js, found);
  return found;
}

/**
 * Whether the call of `method` whose method name's `.` is at `dot`, its URL a path ending at
 * `from`, is a server's route, not a request: a handler after the path (a function written there,
 * or the name of one the file declares: `app.get("/me", requireAuth, listMe)`), more arguments than
 * an HTTP client's method takes (a GET's or a DELETE's URL and config; a write's URL, body and
 * config), a receiver the file makes or types as a server or a router (`const router =
 * express.Router()`, `app: Express`), or a path with a route's parameter (`/users/:id`) followed
 * by a name (`router.delete("/users/:id", handler)`). A whole URL is no route's
 * (`https.get("https://…", (res) => …)` is a request): an HTTP client's call with a config or a
 * body by name (`client.get("/users", config)`, `api.post("/users", user)`) is one too.
 */
export function isRoute(js: JsText, dot: number, method: string, path: string, from: number): boolean {
  if (!path.startsWith("/")) return false;
  const text = js.text;
  const args: number[] = [];
  let close = skipBlank(text, from);
  for (let i = close; text[i] === ","; close = i) {
    i = skipBlank(text, i + 1);
    close = i;
    if (text[i] === ")") break;
    args.push(i);
    const end = expressionEnd(js, i);
    if (end === undefined) break;
    i = end;
  }
  const { servers, functions } = declarationsOf(js);
  const word = receiverWord(text, dot);
  if (word !== undefined && servers.has(word)) return true;
  if (args.length > (method === "GET" || method === "DELETE" ? 1 : 2)) return true;
  // Each argument that is a name or a member (`listMe`, `users.list`, `this.ctrl.list`), as its words.
  const names = args.map((i) => MEMBER.exec(text.slice(i, i + 200))?.[0].split(/\s*\.\s*/).filter((w) => w !== "this"));
  if (names.some((n) => n?.length === 1 && functions.has(n[0]!))) return true;
  if (/\/:[A-Za-z_$]/.test(path) && names[0] !== undefined) return true;
  if (args.some((i) => isFunction(js, i))) return true;
  return names.some((n) => n !== undefined) && !isAwaited(text, dot) && !isUsed(js, dot, close) && importedRoute(js, word, names);
}

/** `return`, `yield` or an assignment (`=`, not `==` or `=>`) then the receiver's chain, in the 200 characters before the method's `.`. */
const RETURNED = /(?:(?<![\w$.])(?:return|yield)|(?<![=!<>])=(?![=>]))\s*[A-Za-z_$][\w$]*(?:\s*[?!]?\s*\.\s*[A-Za-z_$][\w$]*)*\s*[?!]?\s*$/;

/**
 * Whether the value of the call whose method name's `.` is at `dot` (its `)` at `close`) is used as
 * a request's promise: returned, assigned, or followed by `.then(`, `.catch(` or `.finally(`
 * (`return api.post("/users", newUser)`, `graphApi.get("/me", params).then(…)`); a route's
 * registration is a statement of its own.
 */
function isUsed(js: JsText, dot: number, close: number): boolean {
  const text = js.text;
  if (RETURNED.test(text.slice(Math.max(0, dot - 200), dot))) return true;
  return text[close] === ")" && /^\s*\??\.\s*(?:then|catch|finally)\s*\(/.test(text.slice(close + 1, close + 40));
}

/** `await` then the receiver's chain (`api`, `this.api`, `api?.`, a `.` on the next line), in the 200 characters before the method's `.`. */
const AWAITED = /(?<![\w$.])await\s+[A-Za-z_$][\w$]*(?:\s*[?!]?\s*\.\s*[A-Za-z_$][\w$]*)*\s*[?!]?\s*$/;

/**
 * Whether the call whose method name's `.` is at `dot` is awaited (`const { data } = await
 * api.post("/users", newUser)`): a request's promise, where a route's registration never is.
 */
function isAwaited(text: string, dot: number): boolean {
  return AWAITED.test(text.slice(Math.max(0, dot - 200), dot));
}

/** A name or a member chain up to the argument's end. */
const MEMBER = /^(?:this\s*\.\s*)?[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*(?=\s*[,)])/;

/** A name that says it is a client's config or a write's body, not a handler. */
const CONFIG_NAME = /^(?:config|cfg|conf|options|opts|init|settings|params|headers|body|data|payload|json)$|(?:Config|Options|Opts|Settings|Params|Headers|Body|Data|Payload)$/;

/**
 * Whether what the file imports tells a route with an argument named after the path (`names`: each
 * one's words): the receiver imported from a server framework or from a module named for a server
 * or a router (`import { app } from "./app"`, `const router = require("./router")`); an argument
 * imported from a module of handlers (`import { listMe } from "./handlers"`, `import * as users
 * from "../controllers/users"` then `users.list`); or, in a file that imports a server framework
 * (its types too), a receiver not imported from an HTTP client's package nor made by its `create`,
 * with an argument that is neither a literal nor named as a config or a body (`server.post("/groups",
 * ctrl.create)` beside `import type { Express } from "express"`). Two names of modules that say
 * nothing (`import { api } from "./api"; import { listMe } from "./users"; api.get("/me", listMe)`)
 * tell nothing: the call is read as a request.
 */
function importedRoute(js: JsText, word: string | undefined, names: (string[] | undefined)[]): boolean {
  const imports = routeImports(js);
  if (word !== undefined && imports.clients.has(word)) return false;
  if (word !== undefined && imports.servers.has(word)) return true;
  if (names.some((n) => n !== undefined && imports.handlers.has(n[0]!))) return true;
  if (!imports.serverFile) return false;
  // A receiver imported from a module named for a client, or typed as one, sends: `import { graph } from "./graph-client"`.
  const { clients, values } = declarationsOf(js);
  if (word !== undefined && (imports.clientModules.has(word) || clients.has(word))) return false;
  // A name the file declares as data (`newUser: { … }`, `const body = { … }`) is a body, no handler.
  return names.some((n) => n !== undefined && !CONFIG_NAME.test(n[n.length - 1]!) && !(n.length === 1 && values.has(n[0]!)));
}

/** Whether the argument at `i` is a function written out: `(req, res) =>`, `async …`, `function`, `req =>`. */
function isFunction(js: JsText, i: number): boolean {
  const text = js.text;
  const rest = text.slice(i, i + 200);
  if (/^(?:async\b|function\b|[A-Za-z_$][\w$]*\s*=>)/.test(rest)) return true;
  // A method bound to its object: `ctrl.list.bind(ctrl)`, `this.listMe.bind(this)`.
  if (/^(?:[A-Za-z_$][\w$]*\s*\.\s*)+bind\s*\(/.test(rest)) return true;
  const close = rest[0] === "(" ? js.closing(i) : undefined;
  return close !== undefined && /^\s*(?::[^=;,()]*)?=>/.test(text.slice(close + 1, close + 100));
}
