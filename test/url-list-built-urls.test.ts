/**
 * A program's URLs built in a `let` (assigned once, or changed by straight-line statements before
 * the call), returned by a small function, or made with `new URL(…)` and its `searchParams`: read
 * where straight-line code tells them for certain, given up where a branch, a loop or a callback
 * may change them (js-bindings.ts, url-functions.ts, url-objects.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { readRequestList, type RequestList } from "../generator/parse/requests/request-list";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { linearity, PROGRAM_READER } from "./helpers/work-steps";

function listOf(text: string): RequestList {
  const list = readRequestList(text);
  if (!("requests" in list)) throw new Error(list.problem);
  return list;
}

const GRAPH = 'const GRAPH = "https://graph.microsoft.com/v1.0";\n';
const read = (program: string) => listOf(`${GRAPH}${program}\nfetch("/marker");\n`).requests.filter((r) => r.path !== "/marker").map((r) => `${r.method} ${r.path.replace("https://graph.microsoft.com/v1.0", "")}${r.partialQuery ? " (partial query)" : ""}`);

test.each<[string, string, string[]]>([
  ["a let assigned once", "export async function f() {\n  let url = `${GRAPH}/me/messages`;\n  return fetch(url);\n}", ["GET /me/messages"]],
  ["a let reassigned in straight-line code, each call seeing its value", "let url = `${GRAPH}/me`;\nawait fetch(url);\nurl = `${GRAPH}/me/events`;\nawait fetch(url);", ["GET /me", "GET /me/events"]],
  ["+= and a right-hand side naming the let itself, without semicolons", 'let url = GRAPH + "/me/events"\nurl += "?$top=5"\nurl = url + "&$select=subject"\nfetch(url)', ["GET /me/events?$top=5&$select=subject"]],
  ["a let declared bare and typed, then assigned (CommonJS)", 'const fetch = require("node-fetch");\nlet url: string;\nurl = GRAPH + "/groups";\nfetch(url).then((r) => r.json());', ["GET /groups"]],
  ["a const read beside a parameter of its name in another function", 'const url = `${GRAPH}/me/drive`;\nconst open = (url: string) => fetch(url);\nexport function f(id: string) { return fetch(url); }\nfetch(url);', ["GET /me/drive", "GET /me/drive"]],
  ["the same name declared in two functions", "function a() { let url = `${GRAPH}/me/drive`; return fetch(url); }\nfunction b() { const url = `${GRAPH}/me/calendars`; return fetch(url); }", ["GET /me/drive", "GET /me/calendars"]],
  ["a function returning a template, called with a variable, a property and a literal", 'function usersUrl(id: string) { return `${GRAPH}/users/${encodeURIComponent(id)}`; }\nfetch(usersUrl(x)); fetch(usersUrl(user.id), { method: "DELETE" }); fetch(usersUrl("adele@contoso.com"));', ["GET /users/{x}", "DELETE /users/{id}", "GET /users/adele@contoso.com"]],
  ["arrow functions, one calling another, through the Graph client and axios", 'const userPath = (id: string): string => `/users/${id}`;\nconst managerPath = (id: string) => { return userPath(id) + "/manager"; };\nclient.api(managerPath(userId)).get();\naxios.get(GRAPH + managerPath(userId));', ["GET /users/{userId}/manager (partial query)", "GET /users/{userId}/manager (partial query)"]],
  ["new URL of a template with searchParams set and appended", 'const url = new URL(`${GRAPH}/me/messages`);\nurl.searchParams.set("$select", "subject");\nurl.searchParams.append("$top", 10);\nfetch(url);', ["GET /me/messages?$select=subject&$top=10"]],
  ["new URL against a base, relative and from the root, as .href and .toString()", 'const ROOT = "https://graph.microsoft.com/v1.0/";\nconst a = new URL("me/drive/root/children", ROOT);\nfetch(a.href);\nfetch(new URL("/v1.0/users", "https://graph.microsoft.com").toString());\nfetch(new URL("../groups", `${ROOT}users/`));', ["GET /me/drive/root/children", "GET /users", "GET /groups"]],
  ["a constant a URL function reads keeps its own placeholder where a parameter has its name", 'const BASE = `${GRAPH}/users/${userId}`;\nfunction u(userId: string) { return BASE + "/manager"; }\nfetch(u("adele"));', ["GET /users/{userId}/manager"]],
  ["a searchParams call in a branch or of a variable leaves the query partial", 'export function f(top?: number, filter: string) {\n  const u = new URL(`${GRAPH}/users`);\n  u.searchParams.set("$select", "id");\n  u.searchParams.set("$filter", filter);\n  if (top) u.searchParams.set("$top", String(top));\n  return fetch(u);\n}', ["GET /users?$select=id (partial query)"]],
  ["a URL whose query is changed through an alias of its searchParams, or by a helper it or its searchParams is handed to, read as partial from there", 'export async function f() {\n  const u = new URL(`${GRAPH}/users`);\n  u.searchParams.set("$select", "id");\n  await fetch(u);\n  const p = u.searchParams;\n  p.set("$top", "5");\n  return fetch(u);\n}\nexport async function g() {\n  const u = new URL(`${GRAPH}/groups`);\n  console.log(u.href, String(u));\n  await fetch(u.toString());\n  addPaging(u);\n  return fetch(`${u}`);\n}\nexport function h() {\n  const u = new URL(`${GRAPH}/me/events`);\n  mutate(u.searchParams);\n  return fetch(u.href);\n}', ["GET /users?$select=id", "GET /users?$select=id (partial query)", "GET /groups", "GET /groups (partial query)", "GET /me/events (partial query)"]],
  ["a let changed in straight-line code after an if whose statement is a regular expression holding a }, and beside a non-null assertion divided and a negated regular expression", 'export function f(s: string, x: boolean, size?: number) {\n  let url = `${GRAPH}/me/messages`;\n  if (x) /}/.test(s);\n  const half = size! / 2, ok = !/{/.test(s), q = (half)! / 4;\n  url += "?$top=1";\n  return fetch(url);\n}', ["GET /me/messages?$top=1"]],
  ["a string of the name a URL object has in another function, handed to a logger, keeps its whole query", 'export function a() { const u = new URL(GRAPH + "/me"); addPaging(u); return fetch(u); }\nexport function b() { const u = `${GRAPH}/users?$top=1`; log(u); return fetch(u); }\nexport function c() { let u = new URL(GRAPH + "/groups"); u = u.href + "?$top=2"; log(u); return fetch(u); }', ["GET /me (partial query)", "GET /users?$top=1", "GET /groups?$top=2"]],
  ["a let changed in straight-line code after a block that ends in a division by a parenthesised expression or a call, a / on the line after it", 'export function f(s: boolean, a: number, n: number) {\n  let url = `${GRAPH}/me/messages`;\n  if (s) { a = (a) / 2; } n = f(n) / 4; url += "?$top=1";\n  return fetch(url);\n}', ["GET /me/messages?$top=1"]],
  ["a let whose old assignment is left in a block comment, a template or a string", "let url = `${GRAPH}/me/messages`;\n/* Before, it was\nurl = `${GRAPH}/users`\n*/\nconst help = `\nlet url = \"/groups\"\n`;\nfetch(url);", ["GET /me/messages"]],
  ["lets of one name at the top and in two functions beside regular expressions holding brackets, quotes and slashes, and divisions", 'const url = GRAPH + "/me";\nexport function f(s: string, n: number) {\n  const close = /^}/, re = /[{(\'"`]/g, half = n / 2, quarter = (n) / 4;\n  let url = GRAPH + "/me/events";\n  if (/^https?:\\/\\//.test(s)) return s.replace(/\\/*$/, "");\n  url += "?$top=" + "5";\n  return fetch(url);\n}\nexport function g() {\n  let url = GRAPH + "/me/drive";\n  return fetch(url);\n}\nfetch(url);', ["GET /me/events?$top=5", "GET /me/drive", "GET /me"]],
])("%s is read", (_, program, want) => {
  expect(read(program)).toEqual(want);
});

test.each<[string, string]>([
  ["a URL function's name hidden by a parameter of the calling function, or of an arrow", 'function u(id: string) { return `${GRAPH}/users/${id}`; }\nfunction g(u: (x: string) => string) { return fetch(u(y)); }\nconst h = (u: (x: string) => string) => fetch(u(z));'],
  ["a let reassigned in a branch", "let url = `${GRAPH}/me/messages`;\nif (all) {\n  url = `${GRAPH}/users`;\n}\nfetch(url);"],
  ["a let reassigned in a branch without braces", 'let url = GRAPH + "/me";\nif (x) url = GRAPH + "/users";\nelse url = GRAPH + "/groups";\nfetch(url);'],
  ["a let reassigned in a loop", 'let url: string | undefined = `${GRAPH}/users`;\nwhile (url) {\n  const page = await (await fetch(url)).json();\n  url = page["@odata.nextLink"];\n}'],
  ["a let read by a callback and reassigned after it", "let url = `${GRAPH}/me`;\nconst send = () => fetch(url);\nurl = `${GRAPH}/users`;\nsend();"],
  ["a let assigned by destructuring", 'let url = GRAPH + "/me";\n[url] = [GRAPH + "/users"];\nfetch(url);\nlet next = GRAPH + "/me";\n({ link: next } = page);\nfetch(next);'],
  ["a let assigned by &&= or ??=", 'let url = GRAPH + "/me";\nurl &&= GRAPH + "/users";\nfetch(url);\nlet u2 = GRAPH + "/me";\nu2 ??= GRAPH + "/users";\nfetch(u2);'],
  ["a let a for…of or for…in loop assigns", 'let url = GRAPH + "/me";\nfor (url of [GRAPH + "/users"]) {}\nfetch(url);\nlet key = GRAPH + "/me";\nfor (key in pages) {}\nfetch(key);'],
  ["a parameter of the name (a function's, a method's, an arrow's, a catch's) hiding a const or let", 'const url = "https://graph.microsoft.com/v1.0/me";\nlet next = GRAPH + "/me";\nfunction a(url: string) { return fetch(url); }\nclass B { get(next: string) { return fetch(next); } }\nlinks.map((url) => fetch(url));\npages.map(next => fetch(next));\ntry { a(link); } catch (next) { fetch(next); }'],
  ["a let's arrow function given another one later", 'let u = (id: string) => `${GRAPH}/users/${id}`;\nu = (id: string) => `${GRAPH}/groups/${id}`;\nfetch(u(y));'],
  ["a var", 'var url = GRAPH + "/me";\nfetch(url);'],
  ["a URL whose pathname is assigned", 'const u = new URL(GRAPH + "/me");\nu.pathname = "/v1.0/users";\nfetch(u);'],
  ["a function of two statements, one calling itself", 'function a(id: string) { const x = id.trim(); return `${GRAPH}/users/${x}`; }\nfunction c(x: string): string { return c(x); }\nfetch(a(id)); fetch(c("y"));'],
  ["a let changed in a block holding a regular expression after an if's or a while's condition, or a TypeScript non-null assertion divided", 'let url = GRAPH + "/me/messages";\nif (s) { if (t) /}/.test(s); url += "?$top=1"; }\nfetch(url);\nwhile (s) /{/.test(s) && s.pop();\nlet next = GRAPH + "/me/events";\nif (s) { const half = size! / 2; next += "?$top=1"; } const q = a / b;\nfetch(next);'],
  ["a let changed in a block holding a regular expression after a for's, a for await's, a while's (no blanks) or a with's condition, negated right after an if's, or after a comment between if and its condition", 'let url = GRAPH + "/me/messages";\nif (s) { for (const x of y) /}/.test(x); url += "?$top=1"; }\nfetch(url);\nlet u2 = GRAPH + "/me/events";\nif (s) { for await (const p of pages) /}/.test(p); while(x)/}/.test(x); with (o) /}/.test(x); u2 += "?$top=1"; }\nfetch(u2);\nlet u3 = GRAPH + "/me/drive";\nif (s) { if (x)!/}/.test(s) && go(); u3 += "?$top=1"; }\nfetch(u3);\nlet u4 = GRAPH + "/groups";\nif (s) { if /* once */ (x) /}/.test(x); u4 += "?$top=1"; }\nfetch(u4);'],
  ["a let changed in a block holding a regular expression with a } or a //", 'let url = GRAPH + "/me/messages";\nif (s) { const re = /}/; url += "?$top=1"; }\nfetch(url);\nexport function f(s: string) {\n  let next = `${GRAPH}/me/events`;\n  if (/^https?:\\/\\//.test(s)) { next += "?$top=1"; }\n  return fetch(next);\n}'],
])("%s is not read", (_, program) => {
  expect(read(program)).toEqual([]);
});

test("a URL function's defaulted parameter is read as any parameter list's: an argument left out is a placeholder", () => {
  expect(read('function b(top = 5) { return `${GRAPH}/users?$top=${top}`; }\nfetch(b()); fetch(b("2"));')).toEqual(["GET /users?$top={top}", "GET /users?$top=2"]);
});

test("--include @program keeps what a URL function's and a new URL's requests address", () => {
  const lite = { file: "trippin-lite.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), "utf8") };
  const program = 'const ROOT = "https://host/odata/";\nconst airport = (code: string) => `${ROOT}Airports(\'${code}\')`;\nfetch(airport("KSFO"));\nlet url = new URL("Airlines", ROOT);\nurl.searchParams.set("$top", "2");\nfetch(url);\n';
  const result = generate({ inputs: [lite], includeRequests: [{ file: "app.ts", content: program }] });
  expect([...result.model.types.keys()].sort()).toEqual(["Travel.Lite.Airline", "Travel.Lite.Airport"]);
});

test("hostile programs are read: a long line of consts without = in steps linear in them, a long line of names without =, lines of regular expressions", () => {
  // Each `const` once scanned its annotation to the line's end: 100,000 of them on one line took about a minute.
  const consts = (n: number) => `${"const a: b ".repeat(n)}\nfunction u(id: string) { return \`\${GRAPH}/users/\${id}\`; }\nfetch(u(x));`;
  expect(read(consts(1000))).toEqual(["GET /users/{x}"]);
  // ~41 steps a const (characters asked whether they are code, brackets paired); each read to its line's end, 1,000 times more.
  expect(linearity("consts", PROGRAM_READER, (n) => read(consts(n)), 1000, 100)).toBe("linear");
  // Names are matched by regular expressions, which no count here sees: only the result is checked.
  const names = `${"cache: x ".repeat(100000)}\nconst cache = new Map();\ncache.get(\`\${GRAPH}/me\`);\nfetch(\`\${GRAPH}/me\`);`;
  expect(read(names)).toEqual(["GET /me"]);
  // A regular expression's end is searched for on its line once: 100,000 that open a class and never end it, then 100,000 that end.
  // That search calls no method a character (JsText's pairing, made once), so no count sees it: only the result is checked here.
  const regexes = `let url = GRAPH + "/me";\nx = ${"/[".repeat(100000)}\ny = [${"/a{/,".repeat(100000)}];\nfetch(url);`;
  expect(read(regexes)).toEqual(["GET /me"]);
});
