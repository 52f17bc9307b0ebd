// The README's `csrfFetch` (a `fetch` for SAP Gateway's CSRF protection), taken from README.md as
// written and run with the generated client of an SAP-style service against a loopback server that
// enforces the token as SAP Gateway does: a token from a GET with `X-CSRF-Token: Fetch`, valid only
// in the session its answer's cookies name; a write without a valid one is answered 403 with
// `X-CSRF-Token: Required`. The README-examples test compiles the same block.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback, type Recorded, type Reply } from "./helpers/loopback";

const dir = generateFixture("requests/sap-catalog.xml", "csrf");
type Api = typeof import("./.generated/csrf/CatalogService.requests");
type Runtime = typeof import("./.generated/csrf/runtime");
const api: Api = require(path.join(dir, "CatalogService.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

/** The README's ```ts block that declares `csrfFetch`, run as a module whose runtime import is the generated one. */
function readmeCsrfFetch(): (serviceRoot: string) => typeof fetch {
  const readme = fs.readFileSync(path.resolve(__dirname, "..", "README.md"), "utf8");
  const block = readme.split(/^```/m).find((b) => b.startsWith("ts\n") && b.includes("export function csrfFetch("));
  if (!block) throw new Error("README.md has no ```ts block declaring csrfFetch");
  const js = ts.transpileModule(block.slice(3), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as { csrfFetch?: (serviceRoot: string) => typeof fetch } };
  new Function("require", "module", "exports", js)((id: string) => (/\/runtime\.js$/.test(id) ? rt : require(id)), module, module.exports);
  if (!module.exports.csrfFetch) throw new Error("the README's block exports no csrfFetch");
  return module.exports.csrfFetch;
}
const csrfFetch = readmeCsrfFetch();

const BASIC = "Basic dXNlcjpwYXNz";
const SESSION = "SAP_SESSIONID_ODG_100";
const AUTHOR = "a0000000-0000-0000-0000-000000000001";

/**
 * SAP Gateway's CSRF check, in small: credentials on every request, a token per session, the
 * session named by a cookie set with the token (beside a second cookie, as SAP sets
 * `sap-usercontext`). `forbidden` answers paths with a 403 that is not about the token.
 */
class Gateway {
  /** Session id → its token. */
  readonly sessions = new Map<string, string>();
  private made = 0;
  forbidden = new Set<string>();

  answer(req: Recorded): Reply {
    if (req.headers.authorization !== BASIC) return { status: 401, body: { error: { code: "401", message: "Logon failed" } } };
    const session = /(?:^|;\s*)SAP_SESSIONID_ODG_100=([^;]*)/.exec(req.headers.cookie ?? "")?.[1];
    const known = session !== undefined && this.sessions.has(session);
    if (req.headers["x-csrf-token"]?.toString().toLowerCase() === "fetch") {
      if (known) return { headers: { "x-csrf-token": this.sessions.get(session)! }, body: { value: [] } };
      const id = `s${++this.made}`;
      this.sessions.set(id, `token-${this.made}`);
      const cookies = [`${SESSION}=${id}; path=/; HttpOnly`, "sap-usercontext=sap-client=100; path=/"];
      return { headers: { "x-csrf-token": `token-${this.made}`, "set-cookie": cookies }, body: { value: [] } };
    }
    if (req.method === "GET") return { body: { ID: AUTHOR, name: "Emily Brontë" } };
    if (!known || req.headers["x-csrf-token"] !== this.sessions.get(session)) {
      return { status: 403, headers: { "x-csrf-token": "Required" }, body: { error: { code: "403", message: "CSRF token validation failed" } } };
    }
    if (this.forbidden.has(req.url.split("?")[0]!)) return { status: 403, body: { error: { code: "/IWBEP/CM_MGW_RT/022", message: "No authorization" } } };
    return req.method === "POST" ? { status: 201, body: { ID: AUTHOR, ...JSON.parse(req.body) } } : { status: 204 };
  }
}

describe("the README's csrfFetch against a server that enforces SAP Gateway's CSRF token", () => {
  let server: Loopback;
  let gateway: Gateway;
  let root: string;
  beforeAll(async () => {
    server = await startLoopback();
    root = `${server.url}/sap/opu/odata4/catalog/?sap-client=100`;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    gateway = new Gateway();
    server.handle((req) => gateway.answer(req));
  });

  const author = () => api.authors().byKey(AUTHOR);
  const seen = () => server.requests.map((r) => `${r.method} ${r.url}${r.headers["x-csrf-token"] ? ` [token ${String(r.headers["x-csrf-token"])}]` : ""}`);

  test("without it, the server refuses a write (so what follows is the recipe's doing)", async () => {
    const client = rt.createClient({ baseUrl: root, headers: { Authorization: BASIC } });
    const error = await api.createAuthors(client, api.authors(), { ID: AUTHOR, name: "Emily" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(rt.ODataError);
    expect(error).toMatchObject({ status: 403, message: "CSRF token validation failed" });
  });

  test("the first write fetches the token with the write's credentials; writes send it and the session cookies, reads the cookies", async () => {
    const client = rt.createClient({ baseUrl: root, fetch: csrfFetch(root), headers: { Authorization: BASIC } });
    await api.getAuthors(client, author());
    const created = await api.createAuthors(client, api.authors(), { ID: AUTHOR, name: "Emily" });
    expect(created).toMatchObject({ ID: AUTHOR, name: "Emily" });
    await api.updateAuthors(client, author(), { name: "Emily Brontë" });
    await api.deleteAuthors(client, author());
    await api.getAuthors(client, author());
    expect(seen()).toEqual([
      `GET /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100`,
      "GET /sap/opu/odata4/catalog/?sap-client=100 [token Fetch]",
      "POST /sap/opu/odata4/catalog/Authors?sap-client=100 [token token-1]",
      `PATCH /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100 [token token-1]`,
      `DELETE /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100 [token token-1]`,
      `GET /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100`,
    ]);
    expect(server.requests[1]!.headers.authorization).toBe(BASIC);
    expect(server.requests.map((r) => r.headers.cookie)).toEqual([undefined, undefined, ...Array(4).fill(`${SESSION}=s1; sap-usercontext=sap-client=100`)]);
  });

  test("a token that has expired (403, X-CSRF-Token: Required) is fetched again, and the write sent again", async () => {
    const client = rt.createClient({ baseUrl: root, fetch: csrfFetch(root), headers: { Authorization: BASIC } });
    await api.updateAuthors(client, author(), { name: "a" });
    gateway.sessions.clear();
    await api.updateAuthors(client, author(), { name: "b" });
    expect(seen().slice(2)).toEqual([
      `PATCH /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100 [token token-1]`,
      "GET /sap/opu/odata4/catalog/?sap-client=100 [token Fetch]",
      `PATCH /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100 [token token-2]`,
    ]);
    expect(server.requests[4]!.headers.cookie).toBe(`${SESSION}=s2; sap-usercontext=sap-client=100`);
    expect(server.requests[4]!.body).toBe(JSON.stringify({ name: "b" }));
  });

  test("writes started together share one fetch of the token", async () => {
    const client = rt.createClient({ baseUrl: root, fetch: csrfFetch(root), headers: { Authorization: BASIC } });
    await Promise.all([1, 2, 3].map((n) => api.updateAuthors(client, author(), { name: `n${n}` })));
    expect(seen().filter((r) => r.endsWith("[token Fetch]"))).toHaveLength(1);
    expect(seen().filter((r) => r.startsWith("PATCH"))).toEqual(Array(3).fill(`PATCH /sap/opu/odata4/catalog/Authors(${AUTHOR})?sap-client=100 [token token-1]`));
  });

  test("a 403 that is not about the token rejects with the service's error, without a second try", async () => {
    const client = rt.createClient({ baseUrl: root, fetch: csrfFetch(root), headers: { Authorization: BASIC } });
    gateway.forbidden.add("/sap/opu/odata4/catalog/Authors");
    const error = await api.createAuthors(client, api.authors(), { ID: AUTHOR }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: "/IWBEP/CM_MGW_RT/022", message: "No authorization" });
    expect(seen().filter((r) => r.startsWith("POST"))).toHaveLength(1);
  });

  test("the session cookies go to the service's origin only, not to a next link on another host", async () => {
    const other = await startLoopback();
    try {
      other.handle(() => ({ body: { value: [] } }));
      const client = rt.createClient({ baseUrl: root, fetch: csrfFetch(root), headers: { Authorization: BASIC } });
      await api.updateAuthors(client, author(), { name: "a" });
      await rt.readLink(client, `${other.url}/page2`);
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]!.headers.cookie).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
