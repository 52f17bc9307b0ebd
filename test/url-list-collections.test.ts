/**
 * Calls named as an HTTP client's methods that send nothing: a Map's, a Set's, a Headers' or a
 * URLSearchParams' get and delete of a constant holding a URL, and a server's routes (Express's
 * app.get with a handler). They are passed over; an HTTP client's calls with the same constants
 * are read as before.
 */
import { readRequestList, type RequestList } from "../generator/parse/requests/request-list";
import { linearity, PROGRAM_READER } from "./helpers/work-steps";

function listOf(text: string): RequestList {
  const list = readRequestList(text);
  if (!("requests" in list)) throw new Error(list.problem);
  return list;
}

const GRAPH = 'const GRAPH = "https://graph.microsoft.com/v1.0";\nconst USERS_URL = `${GRAPH}/users`;\n';

test.each([
  ["a Map declared with new", "const cache = new Map<string, unknown>();\nexport const f = () => cache.get(USERS_URL) ?? cache.delete(USERS_URL);"],
  ["a Set, a WeakMap", "const seen = new Set();\nconst weak = new WeakMap();\nseen.delete(USERS_URL); weak.get(USERS_URL);"],
  ["a class field typed or made as a Map", "class C {\n  private entries: Map<string, string> = new Map();\n  private other = new Map<string, number>();\n  read() { return [this.entries.get(USERS_URL), this.other.get(USERS_URL)]; }\n}"],
  ["a parameter typed as a Map or ReadonlyMap", "export function f(cache: Map<string, string>, r: ReadonlyMap<string, number>) { return [cache.get(USERS_URL), r.get(USERS_URL)]; }"],
  ["URLSearchParams, Headers, FormData, a response's headers, a URL's searchParams", "export function f(res: Response) {\n  const params = new URLSearchParams();\n  const h = new Headers();\n  const fd = new FormData();\n  return [params.get(USERS_URL), h.get(USERS_URL), fd.get(USERS_URL), res.headers.get(USERS_URL), new URL(USERS_URL).searchParams.get(USERS_URL)];\n}"],
  ["an Express route with an arrow, a function or a middleware and a handler", 'app.get("/users/:id", async (req, res) => res.json({}));\nrouter.delete("/me", function (req, res) {});\napp.post("/x", auth, (req) => 1);\napp.get("/y", req => 1);'],
  ["an Express route with a named handler or middleware and handler, a router made in the file, a path with a parameter", 'function listMe(req: Request, res: Response) {}\nconst requireAuth = (req, res, next) => next();\nconst router = express.Router();\napp.get("/me", requireAuth, listMe);\napp.patch("/me", listMe);\nrouter.get("/users", list);\nusers.delete("/users/:id", handler);\napi.post("/users", auth, validate, create);'],
  ["a Koa, Fastify or Hono app made or typed in the file", 'const r = new Router();\nconst f = fastify();\nexport function mount(app: Express, h: Hono) { app.get("/me", me); h.delete("/me", del); }\nr.get("/users", list); f.post("/users", create);'],
  ["an Express route whose app and handler are imported from modules named for them (import, require, a namespace's member)", 'import { app } from "./app";\nimport { listMe } from "./handlers";\napp.get("/me", listMe);\nconst server = require("../server.js");\nserver.patch("/me", listMe);\nconst { remove } = require("./controllers/users");\napi.delete("/me/photo", remove);\nimport * as people from "../people-handlers";\nhttp.get("/people", people.list);'],
  ["a route in a file importing a server framework (its types too): a member, a bound method", 'import type { Express } from "express";\nexport function mount(server: any, ctrl: UserController) {\n  server.get("/groups", ctrl.list.bind(ctrl));\n  server.post("/groups", ctrl.create);\n}'],
  ["a route's parameter in the path followed by a member", 'routes.put("/users/:id", ctrl.update);'],
  // Before, a declaration whose annotation holds `=` (a function's type) or spans lines was no function, collection or server: its calls were requests.
  [
    "a handler, a collection and a server declared with an annotation holding => or ;, or over lines (the shared annotation scan)",
    'const listMe: (req: Request, res: Response) => void = (req, res) => {};\nexport function mount(r: any) { r.get("/me", listMe); }\nlet cache: Map<string, { a: number; b: number }>\n  = new Map();\ncache.delete("/users");\nconst audit:\n  ReadonlyMap<string, string> = new Map();\naudit.get("/me/messages");\nconst server: { get(p: string, h: unknown): void; } = express();\nserver.get("/groups", list);',
  ],
  ["a handler as a class field, a plain assignment (not declarations: read by the one-line patterns)", 'class R {\n  listMe: Handler = (req) => 1;\n  mount(r: any) { r.get("/me", this.listMe); }\n}\nlet onEvents;\nonEvents = async (req) => 1;\nrouter2.post("/me/events", onEvents);'],
])("%s: no request", (_, program) => {
  expect(listOf(`${GRAPH}${program}\nfetch(USERS_URL);\n`).requests.map((r) => [r.method, r.path])).toEqual([["GET", "https://graph.microsoft.com/v1.0/users"]]);
});

test("an HTTP client's calls with a config or a body by name, or a callback after a whole URL, are still read", () => {
  const program = 'const config = { headers: {} };\nconst user = { displayName: "x" };\nclient.get("/users", config);\napi.post("/users", user);\naxios.patch("/users/1", user, config);\nky.delete("/me/events/1", options);\nhttps.get("https://graph.microsoft.com/v1.0/me", (res) => res.resume());\n';
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([
    ["GET", "/users"],
    ["POST", "/users"],
    ["PATCH", "/users/1"],
    ["DELETE", "/me/events/1"],
    ["GET", "https://graph.microsoft.com/v1.0/me"],
  ]);
});

test("in a file importing a server framework, a body declared with an annotation holding ; or spanning lines is data, and its call a request", () => {
  const program = [
    'import type { Express } from "express";',
    'import { api } from "./lib";',
    'const newUser: { displayName: string; mail: string } = { displayName: "x", mail: "y" };',
    'api.post("/users", newUser);',
    "const change: {",
    "  displayName: string",
    '} = { displayName: "z" };',
    'api.patch("/me", change);',
    "let group: Partial<{ a: string; b: string }> = { a: \"x\" };",
    'api.post("/groups", group);',
  ].join("\n");
  // Before, none: the annotation's `;` or line end hid the value, and the names were taken for handlers.
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([
    ["POST", "/users"],
    ["PATCH", "/me"],
    ["POST", "/groups"],
  ]);
});

test("declarations whose annotation is left open, or that hold => and ;, are read in steps linear in their number, the route and request after them told apart", () => {
  const program = (form: string, n: number) => `${form.repeat(n)}\nconst listMe: (r: R) => void = (r) => 1;\nexport function m(r: any) { r.get("/me", listMe); }\napi.get("/People", config);\n`;
  // `const a: A<` is the annotation scan's own hostile case: each reading stops at the next typed declaration.
  for (const form of ["let x: { a: 1; b: 2 } = {", "const y: {\n", "var z: A<{ a; ", "const w: Map<string, { a: 1; }> = new ", "const a: A<"]) {
    expect(listOf(program(form, 1000)).requests.map((r) => [r.method, r.path])).toEqual([["GET", "/People"]]);
    // 47 to 122 steps a declaration (each character asked whether it is code, brackets paired); read to the file's end from each, 1,000 times more.
    expect(linearity(form, PROGRAM_READER, (n) => readRequestList(program(form, n)), 1000, 250)).toBe("linear");
  }
});

test("an HTTP client's calls with a config or a handler imported by name are read where the modules' names say nothing of a server", () => {
  const program = 'import { api } from "./api";\nimport { authConfig } from "./auth-config";\nimport { listMe } from "./users";\napi.get("/me", authConfig);\napi.get("/me/photo", listMe);\n';
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([
    ["GET", "/me"],
    ["GET", "/me/photo"],
  ]);
});

test("in a file importing a server framework, a client's calls are read where the receiver is a client's or the argument is named as a config or a body", () => {
  const program = 'import axios from "axios";\nimport type { Request } from "express";\nimport { api } from "./api";\nconst graph = axios.create({ baseURL: "https://graph.microsoft.com/v1.0" });\napi.get("/me", authConfig);\ngraph.get("/groups", listMe);\naxios.post("/users", user);\napi.post("/me/events", eventBody);\n';
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([
    ["GET", "/me"],
    ["GET", "/groups"],
    ["POST", "/users"],
    ["POST", "/me/events"],
  ]);
});

test("a receiver imported from an HTTP client's package or made by its create is a client's whatever its argument: a body imported from a module of handlers is read", () => {
  const program = 'import axios from "axios";\nimport { mockUser } from "./mocks/handlers";\nconst api = axios.create({ baseURL: "https://graph.microsoft.com/v1.0" });\nexport const create = () => axios.post("/users", mockUser);\nexport const replace = () => api.put("/me", mockUser);\nhttp.post("/groups", mockUser);\n';
  expect(listOf(`${GRAPH}${program}fetch(USERS_URL);\n`).requests.map((r) => [r.method, r.path.replace("https://graph.microsoft.com/v1.0", "")])).toEqual([
    ["POST", "/users"],
    ["PUT", "/me"],
    ["GET", "/users"],
  ]);
});

test("an awaited call is a request wherever its receiver and argument are imported from: a server's handler calling another service", () => {
  const program = [
    'import express from "express";',
    'import { graph } from "./graph";',
    'import { client } from "@/lib/api-routes";',
    'import { listMe } from "./handlers";',
    "const app = express();",
    'app.post("/mail", async (req, res) => {',
    '  const { data } = await graph.post("/me/sendMail", message);',
    "  await graph",
    '    .patch("/me", update);',
    '  res.json(await this.client?.post("/users", newUser));',
    "});",
    'server.get("/me", listMe);',
    'client.get("/groups", listMe);',
    'await ready\nserver.get("/me/photo", ctrl.photo);',
    "",
  ].join("\n");
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([
    ["POST", "/me/sendMail"],
    ["PATCH", "/me"],
    ["POST", "/users"],
  ]);
});

test("an HTTP client's calls with a constant, a config or a body are still read", () => {
  const program = `${GRAPH}axios.get(USERS_URL, { params: { $top: 5 } });\nthis.http.get<unknown[]>(USERS_URL);\ngot.get(USERS_URL);\nky.delete(USERS_URL);\naxios.post(USERS_URL, { displayName: "x" }, config);\nclient.api(USERS_URL).get();\n`;
  expect(listOf(program).requests.map((r) => [r.method, r.path.replace("https://graph.microsoft.com/v1.0", "")])).toEqual([
    ["GET", "/users?$top=5"],
    ["GET", "/users"],
    ["GET", "/users"],
    ["DELETE", "/users"],
    ["POST", "/users"],
    ["GET", "/users"],
  ]);
});

test("a receiver is its last word before the method (a non-null or optional one too), read backwards once: 10,000 calls each after a word of 200 letters are all read", () => {
  const program = `${GRAPH}const cache = new Map();\nconst router = express.Router();\ncache!.get(USERS_URL);\ncache ?.delete(USERS_URL);\nrouter!.get("/me", list);\napi!.get("/groups");\n`;
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([["GET", "/groups"]]);
  // A regular expression anchored at the end tried each of the 200 starts to the end: about 1.4 ms a
  // call, twice (a collection's and a route's), 13.5 s for this line; read backwards once, 1.5 s (no
  // timed assertion here: a slow machine must not fail it).
  const hostile = `${"a".repeat(200)}#.get("/users");\n`.repeat(10000);
  expect(listOf(hostile).requests).toHaveLength(10000);
});
