/**
 * What a file's imports say about its calls shaped as an HTTP client's (`x.get("/me", y)`): which
 * client takes a write's body in its options (got's and ky's `json`), and, where the
 * receiver and the handler are declared in other modules (`import { app } from "./app"; import {
 * listMe } from "./handlers"; app.get("/me", listMe)`): without type information, the modules'
 * names tell a server's route from a client's call as far as they can (not-client-calls.ts).
 * `import … from "m"` (a default name, a `{ … }` list, `* as m`) and `const x = require("m")` (or
 * `const { a } = require("m")`, `await import("m")`) are read where they are code.
 */
import type { JsText } from "./js-literals";

export interface RouteImports {
  /** Whether the file imports a server framework (`express`, `fastify`, `koa`, `hono`, …), types alone too. */
  serverFile: boolean;
  /** Names imported from a server framework, or from a module named for a server or a router (`./app`, `../server`, `./routes`, `./userRouter`). */
  servers: Set<string>;
  /** Names imported from a module of handlers (`./handlers`, `../controllers/users`, `./middleware/auth`, `./people-handlers`). */
  handlers: Set<string>;
  /** Names imported from a module named for an HTTP client (`./api`, `./graph-client`, `../services/graphApi`, `./http`). */
  clientModules: Set<string>;
  /** Names imported from an HTTP client's package (`axios`, `ky`, `got`, …), or made by its `create` or `extend`. */
  clients: Set<string>;
  /**
   * got's and ky's names (`got`, `ky`, a name imported from either, or made by `got.extend(…)`,
   * `ky.create(…)`, `ky.extend(…)`): clients whose write takes the URL and one options object,
   * its body in `json` (`got.post(url, { json: { … } })`), not axios's URL, body and config.
   */
  optionsClients: Set<string>;
  /**
   * axios's names (`axios`, a name imported from it, or made by `axios.create(…)`): clients that
   * are called with a config too, `axios({ method, url, data })`, `client.request({ url })`.
   */
  configClients: Set<string>;
}

const SERVER_PACKAGE = /^(?:express|express-serve-static-core|fastify|@fastify\/[\w.-]+|koa|@koa\/router|koa-router|hono|hono\/[\w./-]+|elysia|restify|polka|itty-router|h3)$/;
const CLIENT_PACKAGE = /^(?:axios|ky|ky-universal|got|superagent|supertest|undici|node-fetch|cross-fetch|@angular\/common\/http)$/;
/** A module's last segment (its extension and a trailing `/index` left out) naming a server or a router. */
const SERVER_MODULE = /(?:^|[-_.])(?:app|server|routers?|routes?)$|[a-z\d](?:App|Server|Routers?|Routes?)$/;
/** A module's last segment naming an HTTP client or an API's client. */
const CLIENT_MODULE = /(?:^|[-_.])(?:api|apis|client|http|graph|fetcher|sdk)$|[a-z\d](?:Api|Client|Http|Sdk)$/;
const HANDLER_MODULE = /(?:handler|controller|middleware|endpoint)s?(?:$|[^a-z])|(?:^|[^a-z])routes?(?:$|[^a-z])/i;

const NAME = "[A-Za-z_$][\\w$]*";
const SPECIFIER = `(["'])([^"'\\n]{1,300})`;
const IMPORT = new RegExp(`(?<![\\w$.])import\\s+(?:type\\s+)?(?:(${NAME})\\s*,?\\s*)?(?:\\*\\s*as\\s+(${NAME})\\s*|\\{([^{}]{0,1000})\\}\\s*)?from\\s*${SPECIFIER}\\4`, "g");
const REQUIRE = new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+(?:(${NAME})|\\{([^{}]{0,1000})\\})\\s*=\\s*(?:await\\s+)?(?:require|import)\\s*\\(\\s*${SPECIFIER}\\3\\s*\\)`, "g");
/** A client made from another: `axios.create(…)`, `ky.create(…)`, `ky.extend(…)`, `got.extend(…)`. */
const MADE_CLIENT = new RegExp(`(?<![\\w$.])(${NAME})\\s*(?::[^=;\\n]{0,200})?=\\s*(axios|ky|got)\\s*\\.\\s*(?:create|extend)\\s*\\(`, "g");
const OPTIONS_PACKAGE = /^(?:got|ky|ky-universal)$/;

const ONE_NAME = new RegExp(`^${NAME}$`);

const found = new WeakMap<JsText, RouteImports>();

/** The names of an import's `{ a, b as c, type D }` list, or a destructuring's `{ a, b: c }`: the local names. */
function listNames(list: string): string[] {
  const names: string[] = [];
  for (const part of list.split(",")) {
    const words = part.trim().replace(/^type\s+/, "").split(/\s+as\s+|\s*:\s*/);
    const local = words[words.length - 1]!.replace(/\s*=.*$/, "").trim();
    if (ONE_NAME.test(local)) names.push(local);
  }
  return names;
}

/** The module's last segment, without its extension or a trailing `/index`: `../routes/index.js` → `routes`. */
function lastSegment(specifier: string): string {
  const segments = specifier.replace(/\.[cm]?[jt]sx?$/, "").replace(/\/index$/, "").split("/");
  return segments[segments.length - 1]!;
}

/** What the file's imports say (read once per file). */
export function routeImports(js: JsText): RouteImports {
  let imports = found.get(js);
  if (imports) return imports;
  imports = { serverFile: false, servers: new Set(), handlers: new Set(), clientModules: new Set(), clients: new Set(), optionsClients: new Set(["got", "ky"]), configClients: new Set(["axios"]) };
  const add = (names: string[], specifier: string) => {
    const local = specifier.includes("/") && !SERVER_PACKAGE.test(specifier) && !CLIENT_PACKAGE.test(specifier);
    if (SERVER_PACKAGE.test(specifier)) imports!.serverFile = true;
    for (const name of names) {
      if (SERVER_PACKAGE.test(specifier) || (local && SERVER_MODULE.test(lastSegment(specifier)))) imports!.servers.add(name);
      if (local && HANDLER_MODULE.test(specifier)) imports!.handlers.add(name);
      // `./routes/api` is a router's module, no client's.
      if (local && CLIENT_MODULE.test(lastSegment(specifier)) && !HANDLER_MODULE.test(specifier)) imports!.clientModules.add(name);
      if (CLIENT_PACKAGE.test(specifier)) imports!.clients.add(name);
      if (OPTIONS_PACKAGE.test(specifier)) imports!.optionsClients.add(name);
      if (specifier === "axios") imports!.configClients.add(name);
    }
  };
  for (const m of js.text.matchAll(IMPORT)) {
    if (!js.isCode(m.index)) continue;
    add([m[1], m[2], ...(m[3] === undefined ? [] : listNames(m[3]))].filter((n): n is string => n !== undefined && n !== "type"), m[5]!);
  }
  for (const m of js.text.matchAll(REQUIRE)) {
    if (js.isCode(m.index)) add(m[1] !== undefined ? [m[1]] : listNames(m[2]!), m[4]!);
  }
  for (const m of js.text.matchAll(MADE_CLIENT)) {
    if (!js.isCode(m.index)) continue;
    imports.clients.add(m[1]!);
    (m[2] === "axios" ? imports.configClients : imports.optionsClients).add(m[1]!);
  }
  found.set(js, imports);
  return imports;
}
