/**
 * Calls named as an HTTP client's methods that send nothing: a Map's, a Set's, a Headers' or a
 * URLSearchParams' get and delete of a constant holding a URL, and a server's routes (Express's
 * app.get with a handler). They are passed over; an HTTP client's calls with the same constants
 * are read as before.
 */
import { readRequestList, type RequestList } from "../generator/parse/requests/request-list";

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
])("%s: no request", (_, program) => {
  expect(listOf(`${GRAPH}${program}\nfetch(USERS_URL);\n`).requests.map((r) => [r.method, r.path])).toEqual([["GET", "https://graph.microsoft.com/v1.0/users"]]);
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
