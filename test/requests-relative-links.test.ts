// Relative links in a page resolve as JSON Format §4.3 says: against the page's context URL, which is
// itself resolved against the request's URL, else against the request's URL. Over real HTTP on
// 127.0.0.1, with a contained collection (TripPin's People('a')/Trips) as the case where it matters.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "relative-links", { keyAsSegment: false });
type Api = typeof import("./.generated/relative-links/Travel.Lite.requests");
type Runtime = typeof import("./.generated/relative-links/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

const trip = (id: number) => ({ TripId: id, Name: `t${id}` });
const TRIPS = "/svc/People('a')/Trips";

let srv: Loopback;
let other: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
  other = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
  await other?.close();
});

/** Three pages of a's trips: each of the first two links to the next as `next(n)` writes it, with `context` if given. */
const tripPages =
  (next: (n: number) => string, context?: string) =>
  (r: { url: string }): Reply => {
    const n = Number(/\$skiptoken=(\d+)$/.exec(r.url)?.[1] ?? 1);
    if (r.url !== TRIPS && !r.url.startsWith(`${TRIPS}?`)) return { status: 404, body: { error: { code: "404", message: `no ${r.url}` } } };
    const body: Record<string, unknown> = { ...(context !== undefined && { "@odata.context": context }), value: [trip(n)] };
    if (n < 3) body["@odata.nextLink"] = next(n + 1);
    return { body };
  };

const tripsOf = (client: ReturnType<Runtime["createClient"]>) => api.listTrips(client, api.personTrips(api.people().byKey("a")));
const urls = (server: Loopback) => server.requests.map((r) => decodeURIComponent(r.url));

describe("a relative next link on a contained collection", () => {
  test("with the context URL the service writes relative ($metadata#People('a')/Trips): against the request's URL", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc`, getToken: () => "tok" });
    srv.handle(tripPages((n) => `Trips?$skiptoken=${n}`, "$metadata#People('a')/Trips"));
    expect((await rt.collectAll(client, tripsOf(client))).map((t) => t.TripId)).toEqual([1, 2, 3]);
    expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
    expect(srv.requests.every((r) => r.headers.authorization === "Bearer tok")).toBe(true);
  });

  test("without a context URL (metadata=none): against the URL of the page that has the link", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(tripPages((n) => `Trips?$skiptoken=${n}`));
    expect((await rt.collectAll(client, tripsOf(client))).map((t) => t.TripId)).toEqual([1, 2, 3]);
    expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
  });

  test("a link that is only a query replaces the request's query", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(tripPages((n) => `?$skiptoken=${n}`));
    await rt.collectAll(client, api.listTrips(client, api.personTrips(api.people().byKey("a")), { top: 5 }));
    expect(urls(srv)).toEqual([`${TRIPS}?$top=5`, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
  });

  test("a 4.01 payload's @context is the base as @odata.context is", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const pages = tripPages((n) => `Trips?$skiptoken=${n}`, "$metadata#People('a')/Trips");
    srv.handle((r) => {
      const { body } = pages(r) as { body: Record<string, unknown> };
      const renamed = Object.fromEntries(Object.entries(body).map(([k, v]) => [k.replace("@odata.", "@"), v]));
      return { headers: { "OData-Version": "4.01" }, body: renamed };
    });
    await rt.collectAll(client, tripsOf(client));
    expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
  });
});

describe("an absolute context URL is the base, wherever it points", () => {
  test("at the service root: a link written from the root resolves there", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(tripPages((n) => `People('a')/Trips?$skiptoken=${n}`, `${srv.url}/svc/$metadata#People('a')/Trips`));
    await rt.collectAll(client, tripsOf(client));
    expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
  });

  test("on another path of the same origin: the link goes there, with the token", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc`, getToken: () => "tok" });
    srv.handle((r) =>
      r.url === TRIPS
        ? { body: { "@odata.context": `${srv.url}/v2/$metadata#People('a')/Trips`, value: [trip(1)], "@odata.nextLink": "People('a')/Trips?$skiptoken=2" } }
        : { body: { value: [trip(2)] } },
    );
    await rt.collectAll(client, tripsOf(client));
    expect(srv.requests.map((r) => [decodeURIComponent(r.url), r.headers.authorization])).toEqual([
      [TRIPS, "Bearer tok"],
      ["/v2/People('a')/Trips?$skiptoken=2", "Bearer tok"],
    ]);
  });

  test("on another origin: the link goes there without the token or credential headers", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc`, getToken: () => "tok", headers: { Cookie: "s=1" } });
    srv.handle(() => ({ body: { "@odata.context": `${other.url}/svc/$metadata#People('a')/Trips`, value: [trip(1)], "@odata.nextLink": "People('a')/Trips?$skiptoken=2" } }));
    other.handle(() => ({ body: { value: [trip(2)] } }));
    expect((await rt.collectAll(client, tripsOf(client))).map((t) => t.TripId)).toEqual([1, 2]);
    expect(urls(srv)).toEqual([TRIPS]);
    expect(other.requests.map((r) => [decodeURIComponent(r.url), r.headers.authorization, r.headers.cookie])).toEqual([[`${TRIPS}?$skiptoken=2`, undefined, undefined]]);
  });
});

describe("the safeguards hold with the new base", () => {
  test("a relative link back to a page already read stops with an error", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ body: { "@odata.context": "$metadata#People('a')/Trips", value: [trip(1)], "@odata.nextLink": "Trips?$skiptoken=1" } }));
    await expect(rt.collectAll(client, tripsOf(client))).rejects.toThrow(`@odata.nextLink ${srv.url}${TRIPS}?$skiptoken=1 leads back to a page already read`);
    expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$skiptoken=1`]);
  });

  test("a context URL that gives no URL: the TypeError names the link, the page and the context URL", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const context = "http://host:99999/svc/$metadata#People('a')/Trips";
    srv.handle(tripPages((n) => `Trips?$skiptoken=${n}`, context));
    const first = await tripsOf(client);
    const why = `of the page from ${srv.url}${TRIPS}, whose @odata.context is ${context}, resolves to no URL: Invalid URL`;
    await expect(rt.collectAll(client, first)).rejects.toThrow(new TypeError(`@odata.nextLink Trips?$skiptoken=2 ${why}`));
    await expect(rt.readLink(client, first["@odata.nextLink"]!, { from: first })).rejects.toThrow(new TypeError(`link Trips?$skiptoken=2 ${why}`));
    expect(urls(srv)).toEqual([TRIPS]);
  });

  test("a baseUrl query is sent with the first request only: next links go as the service wrote them", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc?sap-client=100` });
    srv.handle((r) =>
      r.url.startsWith(`${TRIPS}?sap-client`)
        ? { body: { "@odata.context": "$metadata#People('a')/Trips", value: [trip(1)], "@odata.nextLink": "Trips?$skiptoken=2&sap-client=100" } }
        : { body: { value: [trip(2)] } },
    );
    await rt.collectAll(client, tripsOf(client));
    expect(urls(srv)).toEqual([`${TRIPS}?sap-client=100`, `${TRIPS}?$skiptoken=2&sap-client=100`]);
  });

  test("a relative baseUrl without a page (Node): the given fetch gets the resolved link relative, with the token", async () => {
    const seen: string[] = [];
    const proxyFetch: typeof fetch = (url, init) => (seen.push(decodeURIComponent(String(url))), fetch(String(url).startsWith("/") ? srv.url + String(url) : url, init));
    const client = rt.createClient({ baseUrl: "/svc", fetch: proxyFetch, getToken: () => "tok" });
    srv.handle(tripPages((n) => `Trips?$skiptoken=${n}`, "$metadata#People('a')/Trips"));
    await rt.collectAll(client, tripsOf(client));
    expect(seen).toEqual([TRIPS, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
    expect(srv.requests.every((r) => r.headers.authorization === "Bearer tok")).toBe(true);
  });

  test("a relative baseUrl in a browser: against the page's address, then the context URL", async () => {
    const page = `${srv.url}/app/index.html`;
    const browserFetch: typeof fetch = (url, init) => fetch(new URL(String(url), page), init);
    Object.defineProperty(globalThis, "location", { value: { href: page }, configurable: true });
    try {
      const client = rt.createClient({ baseUrl: "/svc", fetch: browserFetch, getToken: () => "tok" });
      srv.handle(tripPages((n) => `Trips?$skiptoken=${n}`, "$metadata#People('a')/Trips"));
      await rt.collectAll(client, tripsOf(client));
      expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$skiptoken=2`, `${TRIPS}?$skiptoken=3`]);
      expect(srv.requests.every((r) => r.headers.authorization === "Bearer tok")).toBe(true);
    } finally {
      Reflect.deleteProperty(globalThis, "location");
    }
  });
});

describe("readLink", () => {
  const deltaPage = (r: { url: string }): Reply =>
    r.url === TRIPS ? { body: { "@odata.context": "$metadata#People('a')/Trips", value: [trip(1)], "@odata.deltaLink": "Trips?$deltatoken=9" } } : { body: { value: [trip(2)] } };

  test("given the page a relative link came from, resolves it as that page's links", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(deltaPage);
    const first = await tripsOf(client);
    const next = await rt.readLink<{ TripId: number }>(client, first["@odata.deltaLink"]!, { from: first });
    expect(next.value).toEqual([trip(2)]);
    expect(urls(srv)).toEqual([TRIPS, `${TRIPS}?$deltatoken=9`]);
  });

  test("the page read does not keep the page it came from: a delta loop does not hold every round", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ body: { "@odata.context": "$metadata#People('a')/Trips", value: [trip(1)], "@odata.deltaLink": "Trips?$deltatoken=9" } }));
    let page = await tripsOf(client);
    const rounds = [page];
    for (let i = 0; i < 3; i++) rounds.push((page = await rt.readLink(client, page["@odata.deltaLink"]!, { from: page, headers: { Prefer: "odata.track-changes" } })));
    // What a page keeps of how it was read (a non-enumerable symbol) reaches no earlier round.
    const kept = (p: object) => Object.getOwnPropertySymbols(p).map((s) => (p as Record<symbol, unknown>)[s]);
    const reachable = new Set<unknown>();
    const walk = (v: unknown) => {
      if (typeof v !== "object" || v === null || reachable.has(v)) return;
      reachable.add(v);
      for (const x of [...Object.values(v), ...kept(v)]) walk(x);
    };
    kept(page).forEach(walk);
    expect(rounds.slice(0, -1).filter((r) => reachable.has(r))).toEqual([]);
    expect(srv.requests.slice(1).every((r) => r.headers.prefer === "odata.track-changes")).toBe(true);
  });

  test("without it, against the service root", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ body: { value: [] } }));
    await rt.readLink(client, "Trips?$deltatoken=9");
    expect(urls(srv)).toEqual(["/svc/Trips?$deltatoken=9"]);
  });

  test("a page of one's own, not read by the client, counts as an answer from the service root", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ body: { value: [] } }));
    const own = { value: [], "@odata.nextLink": "People('a')/Trips?$skiptoken=2" };
    expect(await rt.collectAll(client, own)).toEqual([]);
    await rt.readLink(client, "Trips?$skiptoken=5", { from: { "@odata.context": "$metadata#People('a')/Trips", value: [] } });
    expect(urls(srv)).toEqual([`${TRIPS}?$skiptoken=2`, "/svc/Trips?$skiptoken=5"]);
  });
});

describe("a next link that is no web address", () => {
  test.each([[5], [{}], [["People"]], [true], [0], [false]])("%j rejects the page, UnreadableBody (it was followed as /svc/5, or ended the paging unsaid)", async (link) => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ body: { value: [trip(1)], "@odata.nextLink": link } }));
    await expect(tripsOf(client)).rejects.toMatchObject({
      name: "ODataError",
      code: "UnreadableBody",
      message: `GET ${srv.url}${TRIPS}: 200 application/json, but its @odata.nextLink is ${JSON.stringify(link)}, not a URL (a string)`,
    });
    expect(urls(srv)).toEqual([TRIPS]);
  });

  test.each(["data:application/json,%7B%22value%22%3A%5B%5D%7D", "file:///etc/passwd", "javascript:alert(1)"])("%s is not read: a TypeError, nothing sent (a data: page was taken for a page, a file: one tried 4 times)", async (link) => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc`, retry: { delayMs: 1 } });
    srv.handle(() => ({ body: { value: [trip(1)], "@odata.nextLink": link } }));
    const scheme = /^[a-z]+:/.exec(link)![0];
    await expect(rt.collectAll(client, tripsOf(client))).rejects.toThrow(new TypeError(`@odata.nextLink ${link} of the page from ${srv.url}${TRIPS} is a ${scheme} URL, not an http: or https: one: not read`));
    await expect(rt.readLink(client, link)).rejects.toThrow(`is a ${scheme} URL`);
    expect(urls(srv)).toEqual([TRIPS]);
  });
});
