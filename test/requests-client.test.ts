// The client of the generated request functions over real HTTP on 127.0.0.1: headers and tokens,
// retries on 429/503 with Retry-After (504 and no answer: requests-retry.test.ts), aborts,
// ODataError, paging, Prefer, If-Match, validation, $count, $ref and streams.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import * as graph from "../generated/graph-callrecords/microsoft.graph.requests";
import * as records from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as runtime from "../generated/graph-callrecords/runtime";
import { validateCallRecord } from "../generated/graph-callrecords/microsoft.graph.callRecords.validators";

const dir = generateFixture("trippin-lite.xml", "client", { keyAsSegment: false });
type Api = typeof import("./.generated/client/Travel.Lite.requests");
type Runtime = typeof import("./.generated/client/runtime");
type Validators = typeof import("./.generated/client/Travel.Lite.validators");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
const validators: Validators = require(path.join(dir, "Travel.Lite.validators"));
type ODataError = InstanceType<Runtime["ODataError"]>;

const person = (name: string, age = 30) => ({ UserName: name, FirstName: name.toUpperCase(), Age: age, Emails: [] });

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

describe("requests and headers", () => {
  test("Accept, client and per-call headers, a fresh token per request", async () => {
    let n = 0;
    const client = rt.createClient({ baseUrl: `${srv.url}/svc/`, headers: { "x-app": "a" }, getToken: async () => `t${++n}` });
    srv.handle(() => ({ body: person("russell") }));
    await api.getPerson(client, api.people().byKey("russell"), { headers: { "x-call": "c" } });
    await api.getAirline(client, api.airlines().byKey("AA"));
    expect(srv.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["GET", "/svc/People('russell')", "Bearer t1"],
      ["GET", "/svc/Airlines('AA')", "Bearer t2"],
    ]);
    expect(srv.requests[0].headers).toMatchObject({ accept: "application/json", "x-app": "a", "x-call": "c" });
    expect(srv.requests[0].headers["content-type"]).toBeUndefined();
  });

  test("create sends JSON and Prefer; update with return=minimal resolves undefined on 204", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => (r.method === "POST" ? { status: 201, body: person("new") } : { status: 204 }));
    const created = await api.createAirline(client, api.airlines(), { AirlineCode: "ZZ", Name: "Zed" }, { prefer: "return=representation" });
    expect(created).toMatchObject({ UserName: "new" });
    const updated = await api.updateAirline(client, api.airlines().byKey("ZZ"), { Name: "Zed 2" }, { prefer: "return=minimal" });
    expect(updated).toBeUndefined();
    expect(srv.requests.map((r) => [r.method, r.url, r.headers["content-type"], r.headers.prefer, r.body])).toEqual([
      ["POST", "/Airlines", "application/json", "return=representation", '{"AirlineCode":"ZZ","Name":"Zed"}'],
      ["PATCH", "/Airlines('ZZ')", "application/json", "return=minimal", '{"Name":"Zed 2"}'],
    ]);
  });

  test("PUT with replace: true; DELETE; bigint values are written as JSON numbers' digits", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    await api.updateBooking(client, api.bookings().byKey({ AirlineCode: "AA", BookingNo: 1 }), { Seats: 2 }, { replace: true });
    await api.deleteBooking(client, api.bookings().byKey({ AirlineCode: "AA", BookingNo: 1 }));
    await rt.send(client, "POST", "/X", { big: 9007199254740993n }, undefined);
    expect(srv.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      "PUT /Bookings(AirlineCode='AA',BookingNo=1) {\"Seats\":2}",
      "DELETE /Bookings(AirlineCode='AA',BookingNo=1) ",
      'POST /X {"big":9007199254740993}',
    ]);
  });

  test("Prefer is a list (RFC 7240): the prefer option, the client's and the call's preferences are all sent; a later one of the same name wins", async () => {
    const client = rt.createClient({ baseUrl: srv.url, headers: { Prefer: 'IdType="ImmutableId"' } });
    srv.handle(() => ({ status: 204 }));
    const timezone = 'outlook.timezone="Pacific Standard Time, US"';
    await api.createAirline(client, api.airlines(), { AirlineCode: "ZZ" }, { prefer: "return=minimal", headers: { prefer: timezone } });
    await api.createAirline(client, api.airlines(), { AirlineCode: "ZY" }, { prefer: "return=minimal", headers: { Prefer: "return=representation" } });
    expect(srv.requests.map((r) => r.headers.prefer)).toEqual([`IdType="ImmutableId", return=minimal, ${timezone}`, 'IdType="ImmutableId", return=representation']);
  });

  test("a baseUrl whose path holds 100,000 slashes has its last ones dropped in one pass", async () => {
    // A pattern for the slashes it ends with tried every `/` of the run: 16 s for this root, past this
    // test's time limit (a hang guard: it takes milliseconds).
    const root = `https://example.invalid/${"/".repeat(100_000)}svc`;
    const client = rt.createClient({ baseUrl: `${root}//?sap-client=100` });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the time limit, if passed, fires first
    expect([client.baseUrl, client.rootQuery]).toEqual([root, "sap-client=100"]);
  }, 5_000);

  test("a Prefer value of 60,000 escaped quotes inside one never closed is joined in one pass", async () => {
    // A pattern for the list's items scanned to the end from each `"` of the run: 26 s for this
    // value, past this test's time limit (a hang guard: it takes milliseconds).
    const sent: string[] = [];
    const client = rt.createClient({
      baseUrl: "https://example.invalid/svc",
      headers: { Prefer: `"${'\\"'.repeat(60_000)}` },
      fetch: async (_url, init) => {
        sent.push(new Headers(init?.headers).get("prefer") ?? "");
        return new Response(null, { status: 204 });
      },
    });
    await api.createAirline(client, api.airlines(), { AirlineCode: "ZZ" }, { prefer: "return=minimal" });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the time limit, if passed, fires first
    // Each `"` is never closed, so each ends an item, as it did.
    expect(sent).toEqual([`${Array(60_000).fill("\\").join(", ")}, return=minimal`]);
  }, 5_000);

  test("header names are case-insensitive: a later header replaces an earlier one whatever its case, and so does the token", async () => {
    const seen: RequestInit["headers"][] = [];
    const client = rt.createClient({
      baseUrl: srv.url,
      headers: { accept: "application/json;odata.metadata=minimal", "X-App": "a" },
      getToken: () => "tok",
      fetch: (url, init) => {
        seen.push(init?.headers);
        return fetch(url, init);
      },
    });
    srv.handle(() => ({ status: 204 }));
    const headers = { "content-type": "application/json;charset=utf-8", "x-app": "b", authorization: "Basic eDp5" };
    await api.createAirline(client, api.airlines(), { AirlineCode: "ZZ" }, { prefer: "return=minimal", headers });
    // One value per name on the wire (fetch would join two spellings into "application/json, application/json;…").
    expect(srv.requests[0].headers).toMatchObject({
      accept: "application/json;odata.metadata=minimal",
      "content-type": "application/json;charset=utf-8",
      "x-app": "b",
      authorization: "Bearer tok",
    });
    // init.headers stays a plain record, one key per name, in the spelling given last.
    expect(seen[0]).toEqual({
      accept: "application/json;odata.metadata=minimal",
      "content-type": "application/json;charset=utf-8",
      "x-app": "b",
      Prefer: "return=minimal",
      Authorization: "Bearer tok",
    });
  });

  test("ieee754Compatible: IEEE754Compatible=true on the JSON Accept and Content-Type; validators and @odata.count follow", async () => {
    const client = rt.createClient({ baseUrl: srv.url, ieee754Compatible: true });
    const callRecord = (version: unknown) => ({
      id: "r1", type: "groupCall", modalities: ["audio"], version,
      startDateTime: "2024-01-01T10:00:00Z", endDateTime: "2024-01-01T11:00:00Z", lastModifiedDateTime: "2024-01-01T11:00:00Z",
    });
    srv.handle((r) => {
      if (r.method === "POST") return { status: 204 };
      if (r.url === "/callRecords('exact')") return { body: callRecord("9007199254740993") };
      if (r.url === "/callRecords('rounded')") return { body: callRecord(9007199254740992) };
      return { body: { "@odata.count": "2", value: [{ AirlineCode: "AA" }, { AirlineCode: "ZZ" }] } };
    });
    await api.createAirline(client, api.airlines(), { AirlineCode: "ZZ" }, { prefer: "return=minimal" });
    const page = await api.listAirlines(client, api.airlines(), { count: true, validate: validators.validateAirline });
    expect(srv.requests.map((r) => [r.method, r.headers.accept, r.headers["content-type"]])).toEqual([
      ["POST", "application/json;IEEE754Compatible=true", "application/json;IEEE754Compatible=true"],
      ["GET", "application/json;IEEE754Compatible=true", undefined],
    ]);
    // The count is written as a string too; Page<T> has it as a number.
    expect(page["@odata.count"]).toBe(2);
    // A validator is told that Int64 comes as a string (Graph's callRecord.version): every digit kept.
    const validate = { validate: validateCallRecord };
    await expect(rt.send(client, "GET", "/callRecords('exact')", undefined, validate)).resolves.toMatchObject({ version: "9007199254740993" });
    const err = await rt.send(client, "GET", "/callRecords('rounded')", undefined, validate).catch((e: unknown) => e);
    expect((err as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ path: "/version", expected: "Edm.Int64 as a string (IEEE754Compatible=true)" })]);
    // Without the option: plain application/json, and a validator accepts either form.
    const plain = rt.createClient({ baseUrl: srv.url });
    await expect(rt.send(plain, "GET", "/callRecords('rounded')", undefined, validate)).resolves.toMatchObject({ version: 9007199254740992 });
    expect(srv.requests.at(-1)?.headers.accept).toBe("application/json");
  });

  test("@odata.count as a string: read as a number where IEEE754Compatible is said quoted, and a page's own where it is not said; one a number does not hold exactly rejects", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const page = (count: string, type = "application/json") => srv.handle(() => ({ headers: { "content-type": type }, body: { "@odata.count": count, value: [{ ...person("a"), "Trips@odata.count": "3" }] } }));
    // RFC 9110 §5.6.6: a quoted parameter value is the same as the token.
    page("12", 'application/json;odata.metadata=minimal;IEEE754Compatible="true"');
    const quoted = await api.listPersons(client, api.people(), { count: true });
    expect([quoted["@odata.count"], quoted.value[0]!["Trips@odata.count" as keyof (typeof quoted.value)[0]]]).toEqual([12, 3]);
    // Unsaid: the page's own count is read as a number too (it passed through as a string, typed number).
    page("12");
    expect((await api.listPersons(client, api.people(), { count: true }))["@odata.count"]).toBe(12);
    // More than 2^53 - 1 (it lost digits silently, where rt.count refuses such), or no digits: rejects.
    for (const [count, type] of [["99999999999999999999", "application/json;IEEE754Compatible=true"], ["many", "application/json"]] as const) {
      page(count, type);
      await expect(api.listPersons(client, api.people(), { count: true })).rejects.toMatchObject({
        code: "UnreadableBody",
        message: `GET ${srv.url}/People?$count=true: 200 ${type}, but its @odata.count is "${count}", not a count a number holds exactly (digits, up to 2^53 - 1)`,
      });
    }
  });

  test("createClient needs a baseUrl", () => {
    expect(() => rt.createClient({} as never)).toThrow(/baseUrl is required/);
  });

  test("a baseUrl with a fragment, or with system query options in its query, is refused, rather than every path landing inside it", () => {
    expect(() => rt.createClient({ baseUrl: "/odata#x" })).toThrow(new TypeError("createClient: baseUrl /odata#x has a fragment; give the service root without it (/odata)"));
    expect(() => rt.createClient({ baseUrl: "https://host/svc?$format=json" })).toThrow(/has \$format in its query; system query options and parameter aliases go with each request/);
    expect(() => rt.createClient({ baseUrl: "https://host/svc?a=1&@p=2" })).toThrow(/has @p in its query/);
    expect(rt.createClient({ baseUrl: "https://host/(S(abc))/TripPinServiceRW/" }).baseUrl).toBe("https://host/(S(abc))/TripPinServiceRW");
  });

  test("a baseUrl without its scheme is refused at createClient, not at the first request: a host and port, or, in Node without a fetch of the caller's, a relative root", () => {
    expect(() => rt.createClient({ baseUrl: "localhost:8080/odata" })).toThrow(new TypeError("createClient: baseUrl localhost:8080/odata has no scheme; give it as http://localhost:8080/odata or https://localhost:8080/odata"));
    expect(() => rt.createClient({ baseUrl: "graph.microsoft.com/v1.0" })).toThrow(new TypeError("createClient: baseUrl graph.microsoft.com/v1.0 is relative, and there is no page to resolve it against: give an absolute URL, or a fetch that knows where it goes; did you mean https://graph.microsoft.com/v1.0?"));
    expect(() => rt.createClient({ baseUrl: "/odata" })).toThrow(/^createClient: baseUrl \/odata is relative, and there is no page to resolve it against: give an absolute URL, or a fetch that knows where it goes$/);
    // A fetch of the caller's may know where a relative root goes (a proxy, a framework's server fetch).
    expect(rt.createClient({ baseUrl: "/odata", fetch: async () => new Response("{}") }).baseUrl).toBe("/odata");
    expect(rt.createClient({ baseUrl: "http://localhost:8080/odata" }).baseUrl).toBe("http://localhost:8080/odata");
  });

  test("a baseUrl's query (SAP's sap-client) goes with every request the client addresses, after the request's own options; not with next links", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/?sap-client=100` });
    expect(client.baseUrl).toBe(srv.url);
    srv.handle((r) =>
      r.url.startsWith("/Airlines?") && !r.url.includes("skiptoken")
        ? { body: { value: [{ AirlineCode: "AA", Name: "A" }], "@odata.nextLink": `${srv.url}/Airlines?$skiptoken=2` } }
        : r.method === "GET" ? { body: { value: [] } } : { status: 204 },
    );
    const pages = [];
    for await (const page of rt.pages(client, api.listAirlines(client, api.airlines(), { top: 1 }))) pages.push(page);
    expect(pages).toHaveLength(2);
    await api.updateAirline(client, api.airlines().byKey("AA"), { Name: "B" }, { query: { x: "1" } });
    // A call's option of the same name replaces the baseUrl's, as a call's header replaces the client's.
    await api.updateAirline(client, api.airlines().byKey("AA"), { Name: "B" }, { query: { "sap-client": "200" } });
    expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /Airlines?$top=1&sap-client=100",
      "GET /Airlines?$skiptoken=2",
      "PATCH /Airlines('AA')?x=1&sap-client=100",
      "PATCH /Airlines('AA')?sap-client=200",
    ]);
    srv.handle(() => ({ status: 500, body: { error: { code: "x", message: "no" } } }));
    const err = (await api.deleteAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect(err.request).toBe(`DELETE ${srv.url}/Airlines('AA')?sap-client=100`);
  });
});

describe("optimistic concurrency (Core.OptimisticConcurrency on People)", () => {
  test("no ETag: rejected before anything is sent, naming the request", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    const needs = (request: string) => new TypeError(`${request}: optimistic concurrency needs options.etag (@odata.etag, or "*")`);
    await expect(api.updatePerson(client, api.people().byKey("a"), { Age: 1 })).rejects.toThrow(needs(`PATCH ${srv.url}/People('a')`));
    await expect(api.updatePerson(client, api.people().byKey("a"), person("a"), { replace: true })).rejects.toThrow(needs(`PUT ${srv.url}/People('a')`));
    await expect(api.deletePerson(client, api.people().byKey("a"))).rejects.toThrow(needs(`DELETE ${srv.url}/People('a')`));
    expect(srv.requests).toHaveLength(0);
  });

  test("If-Match from options.etag or from the body's @odata.etag; read-only control information stays out of the body", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    await api.deletePerson(client, api.people().byKey("a"), { etag: 'W/"1"' });
    await api.updatePerson(client, api.people().byKey("a"), { ...person("a"), "@odata.etag": 'W/"2"', "@odata.context": "$metadata#People/$entity" } as never);
    expect(srv.requests.map((r) => r.headers["if-match"])).toEqual(['W/"1"', 'W/"2"']);
    expect(JSON.parse(srv.requests[1].body)).toEqual(person("a"));
  });

  test("an action bound to one entity sends options.etag, an entity's @odata.etag as read, as If-Match; without it none, and none is required", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => (r.method === "GET" ? { body: { "@odata.etag": 'W/"3"', ...person("a") } } : { status: 204 }));
    const read = await api.getPerson(client, api.people().byKey("a"));
    await api.shareTrip(client, api.people().byKey("a"), { userName: "b", tripId: 1 }, { etag: read["@odata.etag"] });
    await api.shareTrip(client, api.people().byKey("a"), { userName: "b", tripId: 1 });
    expect(srv.requests.slice(1).map((r) => [r.method, r.url, r.headers["if-match"], r.body])).toEqual([
      ["POST", "/People('a')/Travel.Lite.ShareTrip", 'W/"3"', '{"userName":"b","tripId":1}'],
      ["POST", "/People('a')/Travel.Lite.ShareTrip", undefined, '{"userName":"b","tripId":1}'],
    ]);
  });

  test("entity sets without the annotation send no If-Match unless given", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    await api.updateAirline(client, api.airlines().byKey("AA"), { Name: "x" });
    expect(srv.requests[0].headers["if-match"]).toBeUndefined();
  });
});

describe("retries on 429 and 503", () => {
  test("Retry-After in seconds is honoured, then the answer comes through", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 3 } });
    const times: number[] = [];
    srv.handle((_r, i) => {
      times.push(Date.now());
      return i < 2 ? { status: i === 0 ? 429 : 503, headers: { "retry-after": "1" }, body: { error: { code: "TooManyRequests", message: "slow down" } } } : { body: person("a") };
    });
    const p = await api.getPerson(client, api.people().byKey("a"));
    expect(p.UserName).toBe("a");
    expect(srv.requests).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(950);
  });

  test("Retry-After as an HTTP date; without one, the policy's delay", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 5 } });
    srv.handle((_r, i) => (i === 0 ? { status: 503, headers: { "retry-after": new Date(Date.now() - 1000).toUTCString() } } : i === 1 ? { status: 429 } : { body: person("b") }));
    expect((await api.getPerson(client, api.people().byKey("b"))).UserName).toBe("b");
    expect(srv.requests).toHaveLength(3);
    expect(rt.retryDelay(null, 2, { delayMs: 100 })).toBe(400);
    expect(rt.retryDelay("Wed, 21 Oct 2015 07:28:00 GMT", 0, {}, Date.parse("Wed, 21 Oct 2015 07:27:58 GMT"))).toBe(2000);
  });

  test("Retry-After in RFC 9110's obsolete date forms is GMT; a value of neither form is ignored, so the policy's delay applies", () => {
    const now = Date.parse("Sun, 06 Nov 1994 08:49:30 GMT");
    expect(rt.retryDelay("Sunday, 06-Nov-94 08:49:37 GMT", 0, {}, now)).toBe(7000);
    // asctime has no zone: GMT, whatever the machine's own.
    expect(rt.retryDelay("Sun Nov  6 08:49:37 1994", 0, {}, now)).toBe(7000);
    expect(rt.retryDelay("Sun, 06 Nov 1994 08:49:37 UTC", 0, {}, now)).toBe(7000);
    // Date.parse would take these for days long past, and the retry would follow at once.
    for (const odd of ["1.5", "-1", "12/31", "5s", "tomorrow"]) expect([odd, rt.retryDelay(odd, 1, { delayMs: 100 }, now)]).toEqual([odd, 200]);
    // And these, cut short, for January 1st 2001 or a midnight; without a zone, Date.parse reads them in the machine's own.
    for (const odd of ["Sun, 1", "Sun, 06 Nov 1994", "Sun, 06 Nov 1994 08:49:37", "Sunday, 06-Nov-94 08:49:37", "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT"]) {
      expect([odd, rt.retryDelay(odd, 1, { delayMs: 100 }, now)]).toEqual([odd, 200]);
    }
  });

  test.each([429, 503])("a %i's Retry-After date over HTTP: one past is retried at once, one far on is not waited for, one cut short or without its zone is none", async (status) => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 1, delayMs: 1 } });
    const answered = async (after: string) => {
      srv.handle(() => ({ status, headers: { "retry-after": after }, body: { error: { code: "busy", message: "busy" } } }));
      const err = (await api.getAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
      return [err.status, err.retryAfterMs, err.message, srv.requests.length];
    };
    // Past: waited for 0 ms, and the error says so.
    expect(await answered("Sun, 06 Nov 1994 08:49:37 GMT")).toEqual([status, 0, "busy: gave up after 2 attempts (maxRetries 1)", 2]);
    // A year on (past maxDelayMs): sent once, the wait it asks for in the error.
    const [, asked, message, sent] = await answered(new Date(Date.now() + 365 * 86_400_000).toUTCString());
    expect([message, sent]).toEqual([expect.stringMatching(/^busy: the service asked to wait \d+ s \(Retry-After\), more than maxDelayMs 60 s: not retried$/), 1]);
    expect(asked).toBeGreaterThan(364 * 86_400_000);
    // Cut short, or without its zone: as if it had none (delayMs), and no retryAfterMs (it was 0, or the machine's zone's time).
    for (const odd of ["Mon, 1", new Date(Date.now() + 3_600_000).toUTCString().replace(" GMT", "")]) {
      expect(await answered(odd)).toEqual([status, undefined, "busy: gave up after 2 attempts (maxRetries 1)", 2]);
    }
  });

  test("bounded: after maxRetries the last error is thrown", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 2, delayMs: 1 } });
    srv.handle(() => ({ status: 503, headers: { "retry-after": "0" }, body: { error: { code: "serviceUnavailable", message: "down" } } }));
    const err = (await api.getAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect(err).toBeInstanceOf(rt.ODataError);
    // The message says the call was retried, and how often.
    expect([err.status, err.code, err.message]).toEqual([503, "serviceUnavailable", "down: gave up after 3 attempts (maxRetries 2)"]);
    expect(srv.requests).toHaveLength(3);
  });

  test("a 429 after the retries are used up says so; an error without retries keeps the service's message", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 1, delayMs: 1 } });
    srv.handle(() => ({ status: 429, body: { error: { code: "TooManyRequests", message: "slow down" } } }));
    const err = (await api.getAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect([err.status, err.code, err.message]).toEqual([429, "TooManyRequests", "slow down: gave up after 2 attempts (maxRetries 1)"]);
    expect(srv.requests).toHaveLength(2);
    const never = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
    const once = (await api.getAirline(never, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect([once.status, once.message]).toEqual([429, "slow down"]);
    expect(srv.requests).toHaveLength(3);
  });

  test("another error after a retry names the attempt it came on", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((_r, i) => (i === 0 ? { status: 503 } : { status: 500, body: "boom" }));
    const err = (await api.getAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect([err.status, err.message]).toEqual([500, "boom: on attempt 2, after 1 retry"]);
    expect(srv.requests).toHaveLength(2);
  });

  test("a Retry-After longer than maxDelayMs is not waited for", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxDelayMs: 1000 } });
    srv.handle(() => ({ status: 429, headers: { "retry-after": "3600" } }));
    const err = (await api.getAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect(err.status).toBe(429);
    expect(srv.requests).toHaveLength(1);
  });

  test("createClient refuses a delayMs or maxDelayMs past 2147483647 ms, which setTimeout would wait for not at all", async () => {
    srv.handle((_r, i) => (i === 0 ? { status: 429, headers: { "retry-after": "2200000" } } : { body: person("a") }));
    for (const [name, ms] of [["maxDelayMs", 3e9], ["maxDelayMs", Infinity], ["delayMs", -1], ["delayMs", NaN]] as const) {
      expect(() => rt.createClient({ baseUrl: srv.url, retry: { [name]: ms } })).toThrow(`createClient: retry.${name} ${ms} is not a number of milliseconds from 0 to 2147483647`);
    }
    // The longest wait there is: a Retry-After of 25 days is more, and rejects at once rather than being sent again after 1 ms.
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxDelayMs: 2147483647, delayMs: 0 } });
    const err = (await api.getPerson(client, api.people().byKey("a")).catch((e: unknown) => e)) as ODataError;
    expect([err.status, err.retryAfterMs, srv.requests.length]).toEqual([429, 2200000000, 1]);
  });

  test("other errors are not retried", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 500, body: "boom" }));
    const err = (await api.getAirline(client, api.airlines().byKey("AA")).catch((e: unknown) => e)) as ODataError;
    expect([err.status, err.code, err.message]).toEqual([500, "500", "boom"]);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("AbortSignal", () => {
  test("aborting an in-flight request rejects it", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: person("a"), delayMs: 2000 }));
    const ac = new AbortController();
    const pending = api.getPerson(client, api.people().byKey("a"), { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  test("aborting while waiting to retry rejects at once", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const ac = new AbortController();
    // Aborted 100 ms after the server has the request (100 ms after the call could be before it, at load 10).
    srv.handle(() => (setTimeout(() => ac.abort(new Error("user left")), 100), { status: 429, headers: { "retry-after": "30" } }));
    const started = Date.now();
    const pending = api.listAirlines(client, api.airlines(), { signal: ac.signal });
    await expect(pending).rejects.toThrow("user left");
    // Well before the 30 s the service asked to wait, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("ODataError", () => {
  test("status, code, message, inner error and request id from a Graph-shaped error", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const inner = { "request-id": "inner-id", date: "2026-11-23T00:00:00" };
    srv.handle(() => ({ status: 404, headers: { "request-id": "hdr-id" }, body: { error: { code: "itemNotFound", message: "No such person", innerError: inner } } }));
    const err = (await api.getPerson(client, api.people().byKey("x")).catch((e: unknown) => e)) as ODataError;
    expect(err).toBeInstanceOf(rt.ODataError);
    expect(err).toBeInstanceOf(Error);
    expect([err.name, err.status, err.code, err.message, err.requestId]).toEqual(["ODataError", 404, "itemNotFound", "No such person", "hdr-id"]);
    expect(err.innerError).toEqual(inner);
    // Typed as an object, so Graph's date reads without narrowing.
    const date: unknown = err.innerError?.["date"];
    expect(date).toBe("2026-11-23T00:00:00");

    srv.handle(() => ({ status: 400, body: { error: { code: "badRequest", message: "m", innererror: inner } } }));
    const err2 = (await api.getPerson(client, api.people().byKey("x")).catch((e: unknown) => e)) as ODataError;
    expect(err2.requestId).toBe("inner-id");

    // JSON Format §21.1 has innerError an object: anything else is left in `body` only.
    srv.handle(() => ({ status: 500, body: { error: { code: "boom", message: "m", innerError: "stack trace" } } }));
    const err3 = (await api.getPerson(client, api.people().byKey("x")).catch((e: unknown) => e)) as ODataError;
    expect([err3.innerError, err3.body]).toEqual([undefined, { error: { code: "boom", message: "m", innerError: "stack trace" } }]);
  });

  test("SAP CAP's X-Correlation-ID is the request id, of an error and of an answer the call cannot read; Graph's request-id comes first", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const cap = { "x-correlation-id": "6b8f0c1e-cap" };
    srv.handle(() => ({ status: 400, headers: cap, body: { error: { code: "400", message: "Value is required", target: "LastName" } } }));
    const err = (await api.createPerson(client, api.people(), { UserName: "x" }).catch((e: unknown) => e)) as ODataError;
    expect([err.status, err.message, err.requestId]).toEqual([400, "Value is required", "6b8f0c1e-cap"]);

    srv.handle(() => ({ headers: { ...cap, "content-type": "text/html" }, body: "<html></html>" }));
    const unreadable = (await api.getPerson(client, api.people().byKey("x")).catch((e: unknown) => e)) as ODataError;
    expect([unreadable.code, unreadable.requestId]).toEqual(["UnreadableBody", "6b8f0c1e-cap"]);

    srv.handle(() => ({ status: 404, headers: { ...cap, "request-id": "graph-id" }, body: { error: { code: "NotFound", message: "m" } } }));
    const both = (await api.getPerson(client, api.people().byKey("x")).catch((e: unknown) => e)) as ODataError;
    expect(both.requestId).toBe("graph-id");
  });

  test("target and details of a standard OData error body (JSON Format §21.1), as ASP.NET Core OData writes a failed validation", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({
      status: 400,
      body: {
        error: {
          code: "",
          message: "The input was not valid.",
          target: "Person",
          details: [{ code: "Required", message: "The FirstName field is required.", target: "FirstName" }, { code: 7, message: "Too long." }, "junk"],
        },
      },
    }));
    const err = (await api.createPerson(client, api.people(), { UserName: "x" }).catch((e: unknown) => e)) as ODataError;
    expect([err.status, err.message, err.target]).toEqual([400, "The input was not valid.", "Person"]);
    expect(err.details).toEqual([{ code: "Required", message: "The FirstName field is required.", target: "FirstName" }, { code: "7", message: "Too long." }]);

    srv.handle(() => ({ status: 404, body: { error: { code: "NotFound", message: "No such person" } } }));
    const plain = (await api.getPerson(client, api.people().byKey("x")).catch((e: unknown) => e)) as ODataError;
    expect([plain.target, plain.details]).toEqual([undefined, []]);
  });
});

describe("paging with @odata.nextLink", () => {
  const pagesOf = (base: string) => (r: { url: string }) => {
    if (r.url === "/People") return { body: { value: [person("a"), person("b")], "@odata.nextLink": `${base}/People?$skiptoken=2` } };
    if (r.url === "/People?$skiptoken=2") return { body: { value: [person("c")], "@odata.nextLink": "People?$skiptoken=3" } };
    if (r.url === "/People?$skiptoken=3") return { body: { value: [person("d")] } };
    return { status: 404 };
  };

  test("collectAll follows absolute and relative next links", async () => {
    const client = rt.createClient({ baseUrl: srv.url, getToken: () => "tok" });
    srv.handle(pagesOf(srv.url));
    const all = await rt.collectAll(client, api.listPersons(client, api.people()));
    expect(all.map((p) => p.UserName)).toEqual(["a", "b", "c", "d"]);
    expect(srv.requests.map((r) => r.url)).toEqual(["/People", "/People?$skiptoken=2", "/People?$skiptoken=3"]);
    expect(srv.requests.every((r) => r.headers.authorization === "Bearer tok")).toBe(true);
  });

  test("pages and items are async iterators; stopping early fetches no more", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(pagesOf(srv.url));
    const sizes: number[] = [];
    for await (const page of rt.pages(client, api.listPersons(client, api.people()))) sizes.push(page.value.length);
    expect(sizes).toEqual([2, 1, 1]);
    srv.handle(pagesOf(srv.url));
    for await (const p of rt.items(client, api.listPersons(client, api.people()))) if (p.UserName === "b") break;
    expect(srv.requests).toHaveLength(1);
  });

  test("a next link back to a page already read stops with an error instead of looping", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) =>
      r.url === "/People"
        ? { body: { value: [person("a")], "@odata.nextLink": "People?$skiptoken=1" } }
        : { body: { value: [person("b")], "@odata.nextLink": r.url === "/People?$skiptoken=1" ? "People?$skiptoken=2" : "People?$skiptoken=1" } },
    );
    await expect(rt.collectAll(client, api.listPersons(client, api.people()))).rejects.toThrow(/\$skiptoken=1 leads back to a page already read/);
    expect(srv.requests.map((r) => r.url)).toEqual(["/People", "/People?$skiptoken=1", "/People?$skiptoken=2"]);
  });

  test("a next link back to the first page stops before reading it again: its items are not yielded twice", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => (r.url === "/People" ? { body: { value: [person("a")], "@odata.nextLink": "People?$skiptoken=1" } } : { body: { value: [person("b")], "@odata.nextLink": `${srv.url}/People` } }));
    const seen: string[] = [];
    const all = (async () => {
      for await (const p of rt.items(client, api.listPersons(client, api.people()))) seen.push(p.UserName);
    })();
    await expect(all).rejects.toThrow(`@odata.nextLink ${srv.url}/People leads back to a page already read`);
    expect(seen).toEqual(["a", "b"]);
    expect(srv.requests.map((r) => r.url)).toEqual(["/People", "/People?$skiptoken=1"]);
  });

  test("a page without a value array is reported as not a collection", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { error: "nope" } }));
    await expect(rt.collectAll(client, api.listPersons(client, api.people()))).rejects.toMatchObject({ name: "ODataError", code: "UnreadableBody", message: expect.stringContaining("not a collection (a page with a `value` array)") });
    // A page of one's own, not read by the client, is still checked.
    await expect(rt.collectAll(client, { value: undefined } as unknown as ReturnType<typeof api.listPersons>)).rejects.toThrow(/without a "value" array/);
  });

  test("a next link to another origin gets no token", async () => {
    const client = rt.createClient({ baseUrl: srv.url, getToken: () => "secret" });
    srv.handle(() => ({ body: { value: [person("a")], "@odata.nextLink": `${other.url}/People?$skiptoken=9` } }));
    other.handle(() => ({ body: { value: [person("z")] } }));
    expect((await rt.collectAll(client, api.listPersons(client, api.people()))).map((p) => p.UserName)).toEqual(["a", "z"]);
    expect(other.requests[0].headers.authorization).toBeUndefined();
  });

  test("nor do credentials given as headers, the client's or the call's; the service's origin gets them", async () => {
    const client = rt.createClient({ baseUrl: srv.url, headers: { Authorization: "Bearer client-secret", "x-app": "a" } });
    srv.handle(() => ({ body: { value: [person("a")], "@odata.nextLink": `${other.url}/People?$skiptoken=9` } }));
    other.handle(() => ({ body: { value: [person("z")] } }));
    await rt.collectAll(client, api.listPersons(client, api.people()));
    await rt.collectAll(client, api.listPersons(client, api.people(), { headers: { authorization: "Bearer call-secret", Cookie: "session=1", "Proxy-Authorization": "Basic eA==" } }));
    expect(srv.requests.map((r) => [r.headers.authorization, r.headers.cookie])).toEqual([
      ["Bearer client-secret", undefined],
      ["Bearer call-secret", "session=1"],
    ]);
    expect(other.requests.map((r) => [r.headers.authorization, r.headers.cookie, r.headers["proxy-authorization"], r.headers["x-app"]])).toEqual([
      [undefined, undefined, undefined, "a"],
      [undefined, undefined, undefined, "a"],
    ]);
  });
});

describe("a request that gets no answer", () => {
  test("rejects with a TypeError naming the request and the reason (fetch's own in cause); a GET after its retries", async () => {
    const closed = await startLoopback();
    await closed.close();
    const port = new URL(closed.url).port;
    let attempts = 0;
    const client = rt.createClient({ baseUrl: closed.url, fetch: (url, init) => (attempts++, fetch(url, init)), retry: { delayMs: 1 } });
    const err = (await api.deletePerson(client, api.people().byKey("a"), { etag: "*" }).catch((e: unknown) => e)) as TypeError & { cause: unknown };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe(`DELETE ${closed.url}/People('a'): fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`);
    expect(err.cause).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(attempts).toBe(1);
    const read = (await api.getPerson(client, api.people().byKey("a")).catch((e: unknown) => e)) as TypeError;
    expect(read.message).toBe(`GET ${closed.url}/People('a'): fetch failed (connect ECONNREFUSED 127.0.0.1:${port}): gave up after 4 attempts (maxRetries 3)`);
    expect(attempts).toBe(5);
  });

  test("an abort, and an error of the caller's fetch that is no TypeError, reject as they are", async () => {
    const aborted = rt.createClient({ baseUrl: srv.url });
    await expect(api.getPerson(aborted, api.people().byKey("a"), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    const own = new RangeError("no route");
    const client = rt.createClient({ baseUrl: srv.url, fetch: () => Promise.reject(own) });
    await expect(api.getPerson(client, api.people().byKey("a"))).rejects.toBe(own);
  });
});

describe("OData 4.01 control information without the odata. prefix (JSON Format 4.01 §4.5, conformance 8.a)", () => {
  const v401 = { "OData-Version": "4.01" };
  const trip = { TripId: 1, Name: "t", "@id": "People('a')/Trips(1)", "Name@Core.Description": "kept", "PlanItems@count": 3 };
  const pagesOf401 = (r: { url: string }) => {
    if (r.url.includes("$count=true")) {
      const a = { ...person("a"), "@etag": 'W/"1"', "@type": "#Travel.Lite.Person", "Trips@count": 5, "Trips@nextLink": "People('a')/Trips?$skiptoken=1", Trips: [trip] };
      return { headers: v401, body: { "@context": "$metadata#People", "@count": 2, value: [a], "@nextLink": "People?$skiptoken=1", "@Org.Custom": { "@kept": 1, "user@contoso": true } } };
    }
    if (r.url === "/People?$skiptoken=1") return { headers: v401, body: { "@context": "$metadata#People", value: [person("b"), { UserName: "gone", "@removed": { reason: "deleted" } }], "@deltaLink": "People?$deltatoken=9" } };
    return { status: 404 };
  };

  test("paging follows @nextLink; @count, @etag, @type, @id and Trips@count read under their odata. names at every depth", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(pagesOf401);
    const seen: Record<string, unknown>[] = [];
    for await (const page of rt.pages(client, api.listPersons(client, api.people(), { count: true, expand: ["Trips"] }))) seen.push(page as never);
    expect(srv.requests.map((r) => r.url)).toEqual(["/People?$expand=Trips&$count=true", "/People?$skiptoken=1"]);
    const [first, last] = seen as [Record<string, unknown>, Record<string, unknown>];
    expect(first).toMatchObject({ "@odata.context": "$metadata#People", "@odata.count": 2, "@odata.nextLink": "People?$skiptoken=1" });
    expect(first["@count"]).toBeUndefined();
    // An annotation (a dot after the @) keeps its name, and so does what it holds (not OData's).
    // Only the names of JSON Format §4.5's control information: `@kept`, `user@contoso` are data.
    expect(first["@Org.Custom"]).toEqual({ "@kept": 1, "user@contoso": true });
    expect((first.value as unknown[])[0]).toEqual({
      ...person("a"), "@odata.etag": 'W/"1"', "@odata.type": "#Travel.Lite.Person", "Trips@odata.count": 5, "Trips@odata.nextLink": "People('a')/Trips?$skiptoken=1",
      Trips: [{ TripId: 1, Name: "t", "@odata.id": "People('a')/Trips(1)", "Name@Core.Description": "kept", "PlanItems@odata.count": 3 }],
    });
    expect(last["@odata.deltaLink"]).toBe("People?$deltatoken=9");
    // The delta format's @removed is named so by the types (and by Graph).
    expect((last.value as unknown[])[1]).toEqual({ UserName: "gone", "@removed": { reason: "deleted" } });
    srv.handle(pagesOf401);
    expect((await rt.collectAll(client, api.listPersons(client, api.people(), { count: true }))).map((p) => p.UserName)).toEqual(["a", "b", "gone"]);
  });

  test("an entity read with @etag is updated with If-Match, its @etag and @context left out of the body, either form", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => (r.method === "GET" ? { headers: v401, body: { "@context": "$metadata#People/$entity", "@etag": 'W/"7"', ...person("a") } } : { status: 204 }));
    const read = await api.getPerson(client, api.people().byKey("a"));
    expect(read["@odata.etag"]).toBe('W/"7"');
    await api.updatePerson(client, api.people().byKey("a"), read);
    // Unprefixed, as a 4.01 payload handled elsewhere would hold it.
    await api.updatePerson(client, api.people().byKey("a"), { ...person("a"), "@etag": 'W/"8"', "@context": "x", "@metadataEtag": "y" } as never);
    const patches = srv.requests.filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.headers["if-match"])).toEqual(['W/"7"', 'W/"8"']);
    expect(patches.map((r) => JSON.parse(r.body))).toEqual([person("a"), person("a")]);
  });

  test("an entity as read (full metadata) is sent back without its id, links and counts; its type, binds and annotations stay", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    const kept = { "@odata.type": "#Travel.Lite.Person", "Friends@odata.bind": ["People('b')"], "@Org.Custom.note": "x", "Emails@Core.Description": "y" };
    const readOnly = {
      "@odata.id": "People('a')", "@odata.editLink": "People('a')", "@readLink": "People('a')", "@odata.mediaEtag": "m", "@mediaReadLink": "r",
      "Trips@odata.navigationLink": "People('a')/Trips", "Trips@odata.associationLink": "People('a')/Trips/$ref", "Trips@count": 3, "Trips@odata.nextLink": "n",
    };
    await api.updatePerson(client, api.people().byKey("a"), { ...person("a"), ...kept, ...readOnly } as never, { etag: "*" });
    expect(JSON.parse(srv.requests[srv.requests.length - 1].body)).toEqual({ ...person("a"), ...kept });
  });

  test("an entity as read given to a create is sent without its context, ETag, id, links and counts, as to an update; its type, binds and annotations stay", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 201, body: person("a") }));
    const kept = { "@odata.type": "#Travel.Lite.Person", "Friends@odata.bind": ["People('b')"], "@Org.Custom.note": "x", "Emails@Core.Description": "y" };
    const readOnly = {
      "@odata.context": "$metadata#People/$entity", "@odata.etag": 'W/"1"', "@context": "c", "@etag": "e", "@metadataEtag": "m",
      "@odata.id": "People('a')", "@odata.editLink": "People('a')", "@readLink": "People('a')", "@odata.mediaEtag": "m", "@mediaReadLink": "r",
      "Trips@odata.navigationLink": "People('a')/Trips", "Trips@odata.associationLink": "People('a')/Trips/$ref", "Trips@count": 3, "Trips@odata.nextLink": "n",
    };
    await api.createPerson(client, api.people(), { ...person("a"), ...kept, ...readOnly } as never);
    const post = srv.requests[srv.requests.length - 1];
    expect([post.method, post.headers["if-match"]]).toEqual(["POST", undefined]);
    expect(JSON.parse(post.body)).toEqual({ ...person("a"), ...kept });
  });

  test("a 4.0 payload is left as it is (OData-Version 4.0 or none): no walk, no renaming", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => ({ headers: r.url === "/People" ? { "OData-Version": "4.0" } : ({} as Record<string, string>), body: { value: [{ ...person("a"), "@etag": "e" }], "@nextLink": "People?$skiptoken=1" } }));
    expect((await rt.collectAll(client, api.listPersons(client, api.people()))).map((p) => Object.keys(p).includes("@etag"))).toEqual([true]);
    expect(srv.requests).toHaveLength(1);
  });

  test("ieee754Compatible: a 4.01 page's @count written as a string is read back as a number", async () => {
    const client = rt.createClient({ baseUrl: srv.url, ieee754Compatible: true });
    srv.handle(() => ({ headers: { "odata-version": "4.01" }, body: { "@count": "2", value: [] } }));
    expect((await api.listAirlines(client, api.airlines(), { count: true }))["@odata.count"]).toBe(2);
  });

  test("IEEE754Compatible=true: an expanded collection's count, at every depth, is read back as a number; so is one a service writes so unasked, saying so in its Content-Type", async () => {
    const trip = (id: number) => ({ TripId: id, Name: `t${id}`, "PlanItems@odata.count": "2", PlanItems: [] });
    const body = { ...person("a"), "Trips@odata.count": "12", Trips: [trip(1)], "Friends@odata.count": "1", Friends: [{ ...person("b"), "Trips@odata.count": "0", Trips: [] }] };
    srv.handle((r) =>
      r.url.startsWith("/People?")
        ? { headers: { "content-type": "application/json;odata.metadata=minimal;IEEE754Compatible=true" }, body: { "@odata.count": "1", value: [body] } }
        : { body },
    );
    const expand = { Trips: { count: true, expand: { PlanItems: { count: true } } }, Friends: { count: true, expand: { Trips: { count: true } } } } as const;
    const asked = rt.createClient({ baseUrl: srv.url, ieee754Compatible: true });
    const p = await api.getPerson(asked, api.people().byKey("a"), { expand });
    expect([p["Trips@odata.count"], p.Trips?.[0]?.["PlanItems@odata.count"], p["Friends@odata.count"], p.Friends?.[0]?.["Trips@odata.count"]]).toEqual([12, 2, 1, 0]);
    expect(p.Trips?.[0]?.Name).toBe("t1");

    const unasked = rt.createClient({ baseUrl: srv.url });
    const page = await api.listPersons(unasked, api.people(), { count: true, expand });
    expect([page["@odata.count"], page.value[0]?.["Trips@odata.count"]]).toEqual([1, 12]);
    // A 4.0 payload of plain JSON is left as it is.
    expect((await api.getPerson(unasked, api.people().byKey("a"), { expand }))["Trips@odata.count"]).toBe("12");
  });
});

describe("a relative baseUrl (a browser app calling its own origin)", () => {
  // Two pages under /svc, each linking to the next relatively, the last to another origin.
  const relativePages = (r: { url: string }) => {
    if (r.url === "/svc/People") return { body: { value: [person("a")], "@odata.nextLink": "People?$skiptoken=2" } };
    if (r.url === "/svc/People?$skiptoken=2") return { body: { value: [person("b")], "@odata.nextLink": `${other.url}/People?$skiptoken=3` } };
    return { status: 404 };
  };

  const followPages = async (fetchVia: typeof fetch) => {
    const client = rt.createClient({ baseUrl: "/svc", fetch: fetchVia, getToken: () => "tok" });
    srv.handle(relativePages);
    other.handle(() => ({ body: { value: [person("z")] } }));
    expect((await rt.collectAll(client, api.listPersons(client, api.people()))).map((p) => p.UserName)).toEqual(["a", "b", "z"]);
    expect(srv.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/svc/People", "Bearer tok"],
      ["/svc/People?$skiptoken=2", "Bearer tok"],
    ]);
    expect(other.requests.map((r) => [r.url, r.headers.authorization])).toEqual([["/People?$skiptoken=3", undefined]]);
  };

  test("in a browser: resolved against the page's address; the token goes to the page's origin only", async () => {
    const page = `${srv.url}/app/index.html`;
    // fetch in a browser resolves a relative URL against the page; this one does the same over loopback.
    const browserFetch: typeof fetch = (url, init) => fetch(new URL(String(url), page), init);
    Object.defineProperty(globalThis, "location", { value: { href: page }, configurable: true });
    try {
      await followPages(browserFetch);
    } finally {
      Reflect.deleteProperty(globalThis, "location");
    }
  });

  test("without a page (Node): the given fetch gets relative URLs, the token stays off other origins", async () => {
    const seen: string[] = [];
    // A fetch that knows where relative URLs go, as a proxy or test double does.
    const proxyFetch: typeof fetch = (url, init) => {
      seen.push(String(url));
      return fetch(String(url).startsWith("/") ? srv.url + String(url) : url, init);
    };
    await followPages(proxyFetch);
    expect(seen).toEqual(["/svc/People", "/svc/People?$skiptoken=2", `${other.url}/People?$skiptoken=3`]);
  });

  test("an absolute baseUrl does not read the page's address (Deno without --location throws on it)", async () => {
    Object.defineProperty(globalThis, "location", { get: () => { throw new ReferenceError("no location"); }, configurable: true });
    try {
      const client = rt.createClient({ baseUrl: `${srv.url}/svc`, getToken: () => "tok" });
      srv.handle(() => ({ body: person("russell") }));
      await expect(api.getPerson(client, api.people().byKey("russell"))).resolves.toMatchObject({ UserName: "russell" });
    } finally {
      Reflect.deleteProperty(globalThis, "location");
    }
  });
});

describe("validation of responses with the generated validators", () => {
  test("a page is checked item by item; the error points into the page", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { value: [{ AirlineCode: "AA", Name: "ok" }, { AirlineCode: 7 }] } }));
    const err = await api.listAirlines(client, api.airlines(), { validate: validators.validateAirline }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("ValidationFailedError");
    expect((err as { errors: { path: string }[] }).errors[0].path).toBe("/value/1/AirlineCode");
  });

  test("the error names the request whose response failed: an entity's, an update's, a next page's", async () => {
    type Failed = { name: string; message: string; request: string };
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { AirlineCode: 7 } }));
    const read = (await api.getAirline(client, api.airlines().byKey("AA"), { validate: validators.validateAirline }).catch((e: unknown) => e)) as Failed;
    expect([read.name, read.request]).toEqual(["ValidationFailedError", `GET ${srv.url}/Airlines('AA')`]);
    expect(read.message).toBe(`GET ${srv.url}/Airlines('AA'): invalid value: /AirlineCode expected Edm.String, got number 7`);
    const updated = (await api.updateAirline(client, api.airlines().byKey("AA"), { Name: "x" }, { validate: validators.validateAirline }).catch((e: unknown) => e)) as Failed;
    expect(updated.request).toBe(`PATCH ${srv.url}/Airlines('AA')`);
    srv.handle((r) => ({ body: r.url === "/Airlines" ? { value: [{ AirlineCode: "AA" }], "@odata.nextLink": "Airlines?$skiptoken=1" } : { value: [{ AirlineCode: 8 }] } }));
    const paged = (await rt.collectAll(client, api.listAirlines(client, api.airlines(), { validate: validators.validateAirline })).catch((e: unknown) => e)) as Failed;
    expect(paged.message).toBe(`GET ${srv.url}/Airlines?$skiptoken=1: invalid value: /value/0/AirlineCode expected Edm.String, got number 8`);
    // A value checked by itself names no request.
    expect(() => validators.assertAirline({ AirlineCode: 7 })).toThrow(expect.objectContaining({ request: "", message: "invalid value: /AirlineCode expected Edm.String, got number 7" }));
  });

  test("an operation whose result is a stream resolves with its media as a Blob (Graph's reports: a CSV behind a redirect)", async () => {
    type Reports = typeof import("./.generated/client-stream/Rep.requests");
    const rep: Reports = require(path.join(generateFixture("requests/stream-result.xml", "client-stream"), "Rep.requests"));
    const client = rt.createClient({ baseUrl: srv.url });
    const csv = { headers: { "content-type": "application/octet-stream" }, body: "Report Refresh Date,User\n2026-11-30,a@b" };
    const redirect = { status: 302, headers: { location: `${srv.url}/download/1.csv` }, body: "" };
    srv.handle((req) => (req.url.startsWith("/download") ? csv : redirect));
    const blob = await rep.getUsage(client, rep.reports(), { period: "D7" });
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe("Report Refresh Date,User\n2026-11-30,a@b");
    expect(srv.requests[0].url).toBe("/reports/Rep.getUsage(period='D7')");
    expect(srv.requests[0].headers["accept"]).toBe("*/*");
    const exported = await rep.reportRootExport(client, rep.reports(), { etag: 'W/"5"' });
    expect(await exported.text()).toContain("Report Refresh Date");
    expect(srv.requests.map((r) => r.method)).toEqual(["GET", "GET", "POST", "GET"]);
    // A bound action's etag goes with its stream's Accept.
    expect(srv.requests[2].headers).toMatchObject({ accept: "*/*", "if-match": 'W/"5"' });
  });

  test("custom query options (URL Conventions §5.2) go after the others, on reads and on operations", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { value: [] } }));
    await api.listAirlines(client, api.airlines(), { top: 2, query: { startDateTime: "2026-12-01T00:00:00+01:00", endDateTime: "a&b" } });
    await api.findTrips(client, { near: null, after: null, tags: [] }, { query: { mode: "x y" } });
    expect(srv.requests.map((r) => decodeURIComponent(r.url))).toEqual([
      "/Airlines?$top=2&startDateTime=2026-12-01T00:00:00+01:00&endDateTime=a&b",
      "/FindTrips(near=null,after=null,tags=@tags)?@tags=[]&mode=x y",
    ]);
    // Encoded: a `+` stays a plus, `&` does not start another option.
    expect(srv.requests[0].url).toContain("startDateTime=2026-12-01T00:00:00%2B01:00&endDateTime=a%26b");
    for (const name of ["$top", "@p", ""])
      await expect(api.listAirlines(client, api.airlines(), { query: { [name]: "1" } })).rejects.toThrow(TypeError);
  });

  test("writes send their custom query options too (SAP's sap-client): create, update, delete and a stream's PUT", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => (r.method === "POST" ? { status: 201, body: { AirlineCode: "ZZ" } } : { status: 204 }));
    const query = { "sap-client": "100" };
    await api.createAirline(client, api.airlines(), { AirlineCode: "ZZ" }, { query });
    await api.updateAirline(client, api.airlines().byKey("ZZ"), { Name: "Z" }, { query });
    await api.updateAirline(client, api.airlines().byKey("ZZ"), { Name: "Z" }, { query, replace: true });
    await api.deleteAirline(client, api.airlines().byKey("ZZ"), { query });
    await rt.writeStream(client, api.documentContent(api.documents().byKey("01234567-89ab-cdef-0123-456789abcdef")), new Uint8Array([1]), { query });
    expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /Airlines?sap-client=100",
      "PATCH /Airlines('ZZ')?sap-client=100",
      "PUT /Airlines('ZZ')?sap-client=100",
      "DELETE /Airlines('ZZ')?sap-client=100",
      "PUT /Documents(01234567-89ab-cdef-0123-456789abcdef)/$value?sap-client=100",
    ]);
    srv.handle(() => ({ status: 500, body: { error: { code: "x", message: "no" } } }));
    const err = (await api.updateAirline(client, api.airlines().byKey("ZZ"), { Name: "Z" }, { query }).catch((e: unknown) => e)) as ODataError;
    expect(err.request).toBe(`PATCH ${srv.url}/Airlines('ZZ')?sap-client=100`);
  });

  test("a function returning entities takes a read's query options (URL Conventions §5.1), after its parameter aliases", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((req) => ({ body: req.url.startsWith("/FindTrips") ? { value: [{ TripId: 1, Name: "a" }] } : { AirlineCode: "AA" } }));
    const trips = await api.findTrips(client, { near: null, after: null, tags: ["x"] }, { select: ["TripId", "Name"], filter: "Budget gt 5", orderby: "Name", top: 2, count: true, query: { mode: "y" } });
    expect(trips.value[0]?.Name).toBe("a");
    await api.getFavoriteAirline(client, api.people().byKey("a"), { select: ["Name"] });
    expect(srv.requests.map((r) => decodeURIComponent(r.url))).toEqual([
      "/FindTrips(near=null,after=null,tags=@tags)?@tags=[\"x\"]&$select=TripId,Name&$filter=Budget gt 5&$orderby=Name&$top=2&$count=true&mode=y",
      "/People('a')/Travel.Lite.GetFavoriteAirline()?$select=Name",
    ]);
  });

  test("a stored deltaLink is read with readLink, checked, and followed on with collectAll", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((req) => (req.url.includes("deltatoken=1")
      ? { body: { value: [{ AirlineCode: "AA", Name: "changed" }], "@odata.nextLink": `${srv.url}/Airlines/delta()?$skiptoken=2` } }
      : { body: { value: [{ AirlineCode: 7 }], "@odata.deltaLink": `${srv.url}/Airlines/delta()?$deltatoken=3` } }));
    const stored = `${srv.url}/Airlines/delta()?$deltatoken=1`;
    const first = await rt.readLink<{ AirlineCode: string; Name?: string | null }>(client, stored);
    expect(first.value).toEqual([{ AirlineCode: "AA", Name: "changed" }]);
    const all = rt.collectAll(client, rt.readLink(client, stored, { validate: validators.validateAirline }));
    await expect(all).rejects.toMatchObject({ name: "ValidationFailedError", errors: [{ path: "/value/0/AirlineCode" }] });
    expect(srv.requests.map((r) => r.url)).toEqual(["/Airlines/delta()?$deltatoken=1", "/Airlines/delta()?$deltatoken=1", "/Airlines/delta()?$skiptoken=2"]);
    // A relative link is read against the service root.
    await rt.readLink(client, "Airlines/delta()?$deltatoken=1");
    expect(srv.requests[3].url).toBe("/Airlines/delta()?$deltatoken=1");
  });

  test("rt.at addresses what the builders do not make (Graph's /me/drive/root:/Book.xlsx:), for reads and navigation", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { AirlineCode: "AA" } }));
    const airline = rt.at<{ AirlineCode: string }>("/Custom/root:/a%20b.json:");
    await api.getAirline(client, airline, { select: ["Name"] });
    await api.getPerson(client, api.personBestFriend(rt.at("/People('a')")));
    expect(srv.requests.map((r) => r.url)).toEqual(["/Custom/root:/a%20b.json:?$select=Name", "/People('a')/BestFriend"]);
    // A path that does not start with / would be sent relative to nothing, without the token.
    expect(() => rt.at("me/drive")).toThrow(/a path below the service root starts with \//);
    // A # would cut the URL short (Graph file names may hold one): refused, before anything is sent.
    srv.requests.length = 0;
    expect(() => rt.at("/Custom/root:/Book #1.json:")).toThrow('"/Custom/root:/Book #1.json:": a # would end the URL there (nothing after it is sent); percent-encode it as %23');
    expect(() => rt.collectionAt("/Custom/a#b", rt.key("id", rt.edmString))).toThrow(/percent-encode it as %23/);
    await api.getAirline(client, rt.at("/Custom/root:/Book%20%231.json:"));
    expect(srv.requests.map((r) => r.url)).toEqual(["/Custom/root:/Book%20%231.json:"]);
  });

  test("rt.byPath addresses an entity by its path below another (Graph's …/root:/Documents/Book 1.xlsx:), each segment encoded", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { UserName: "b" } }));
    const person = api.people().byKey("a");
    await api.getPerson(client, rt.byPath(person, "Documents/Book #1 (draft)?.json"));
    // Navigation after it; a slash at either end is no segment.
    await api.getPerson(client, api.personBestFriend(rt.byPath(person, "/a b/")));
    expect(srv.requests.map((r) => r.url)).toEqual(["/People('a'):/Documents/Book%20%231%20(draft)%3F.json:", "/People('a'):/a%20b:/BestFriend"]);
    // A segment a service would read as another item is refused before anything is sent.
    srv.requests.length = 0;
    expect(() => rt.byPath(person, "Documents/../secret.txt")).toThrow('byPath: "Documents/../secret.txt" has a .. segment; give a path of names, such as "Documents/Book.xlsx"');
    expect(() => rt.byPath(person, "a//b")).toThrow('byPath: "a//b" has an empty segment');
    expect(() => rt.byPath(person, "")).toThrow("has an empty segment");
    expect(srv.requests).toEqual([]);
  });

  test("pages after the first are read as the first was: its headers and validate, unless given again", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    let n = 0;
    srv.handle(() => (++n === 1
      ? { body: { value: [{ AirlineCode: "AA", Name: "ok" }], "@odata.nextLink": `${srv.url}/Airlines?$skiptoken=1` } }
      : { body: { value: [{ AirlineCode: 42 }], "@odata.deltaLink": `${srv.url}/Airlines?$deltatoken=2` } }));
    const first = api.listAirlines(client, api.airlines(), { headers: { ConsistencyLevel: "eventual" }, validate: validators.validateAirline });
    const err = await rt.collectAll(client, first).catch((e: unknown) => e);
    expect(srv.requests.map((r) => r.headers["consistencylevel"])).toEqual(["eventual", "eventual"]);
    expect((err as Error).name).toBe("ValidationFailedError");
    expect((err as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["/value/0/AirlineCode"]);
    // Options given to collectAll replace the first call's; the page's JSON does not show them.
    n = 0;
    const page = await api.listAirlines(client, api.airlines(), { validate: validators.validateAirline });
    expect(Object.keys(page)).toEqual(["value", "@odata.nextLink"]);
    const all = await rt.collectAll(client, page, {});
    expect(all).toEqual([{ AirlineCode: "AA", Name: "ok" }, { AirlineCode: 42 }]);
  });

  test("an operation that returns a collection is checked item by item too (a delta() or getByIds page)", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { "@odata.context": "x", value: [{ TripId: 1, Name: "ok" }, { TripId: "2" }], "@odata.nextLink": "y" } }));
    const err = await api.findTrips(client, { near: null, after: null, tags: [] }, { validate: validators.validateTrip }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("ValidationFailedError");
    expect((err as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["/value/1/TripId"]);
    srv.handle(() => ({ body: { value: [{ TripId: 1, Name: "ok" }] } }));
    await expect(api.findTrips(client, { near: null, after: null, tags: [] }, { validate: validators.validateTrip })).resolves.toEqual({ value: [{ TripId: 1, Name: "ok" }] });
  });

  test("valid responses pass; without a validator nothing is checked", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { AirlineCode: 7 } }));
    await expect(api.getAirline(client, api.airlines().byKey("AA"))).resolves.toEqual({ AirlineCode: 7 });
    srv.handle(() => ({ body: { AirlineCode: "AA", Name: "American" } }));
    await expect(api.getAirline(client, api.airlines().byKey("AA"), { validate: validators.validateAirline })).resolves.toMatchObject({ Name: "American" });
  });
});

describe("a null single result: 204 No Content (Protocol §9.1.4, §11.2.7, §11.5.4)", () => {
  type Lib = typeof import("./.generated/client-null/Lib.requests");
  let lib: Lib;
  beforeAll(() => {
    lib = require(path.join(generateFixture("requests/null-results.xml", "client-null"), "Lib.requests"));
  });
  const book = { "@odata.context": "$metadata#Books/$entity", id: "b2", title: "Dune Messiah" };

  test("an operation returning one nullable primitive or enum resolves { value: null }; with a body, the body", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    await expect(lib.reserve(client, { title: "Dune" })).resolves.toEqual({ value: null });
    await expect(lib.mostRead(client)).resolves.toEqual({ value: null });
    // A non-nullable primitive answered 204 rejects (test/requests-no-content.test.ts has every shape).
    await expect(lib.shelf(client)).rejects.toMatchObject({ name: "ODataError", status: 204 });
    srv.handle(() => ({ body: { "@odata.context": "$metadata#Edm.Int32", value: 7 } }));
    await expect(lib.reserve(client, { title: "Dune" })).resolves.toEqual({ "@odata.context": "$metadata#Edm.Int32", value: 7 });
  });

  test("a read of a single-valued navigation property with nothing related resolves null; with a body, the entity", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const dune = lib.books().byKey("b1");
    srv.handle(() => ({ status: 204 }));
    await expect(lib.getBook(client, lib.bookSequel(dune))).resolves.toBeNull();
    await expect(lib.getBook(client, lib.bookPrequel(dune), { select: ["title"], expand: ["author"] })).resolves.toBeNull();
    // Not a validation error: there is nothing to validate.
    await expect(lib.getBook(client, lib.bookSequel(dune), { validate: () => { throw new Error("nothing to validate"); } })).resolves.toBeNull();
    expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /svc/Books('b1')/sequel",
      "GET /svc/Books('b1')/prequel?$select=title&$expand=author",
      "GET /svc/Books('b1')/sequel",
    ]);
    srv.handle(() => ({ body: book }));
    await expect(lib.getBook(client, lib.bookSequel(dune))).resolves.toEqual(book);
    await expect(lib.getAuthor(client, lib.bookAuthor(dune))).resolves.toEqual(book);
    // A composable function's nullable result, read through its address.
    srv.handle(() => ({ status: 204 }));
    await expect(lib.getBook(client, lib.latestRef(lib.books()))).resolves.toBeNull();
    expect(srv.requests[0].url).toBe("/svc/Books/Lib.latest()");
    // A list answered 204 is no null page: it rejects (test/requests-no-content.test.ts).
    srv.handle(() => ({ status: 204 }));
    await expect(lib.listBooks(client, lib.bookRelated(dune))).rejects.toMatchObject({ name: "ODataError", status: 204 });
  });

  test("an operation returning one nullable entity or complex value resolves null; with a body, the body", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    await expect(lib.stats(client)).resolves.toBeNull();
    await expect(lib.pick(client, { select: ["title"] })).resolves.toBeNull();
    await expect(lib.lend(client, { title: "Dune" })).resolves.toBeNull();
    await expect(lib.latest(client, lib.books())).resolves.toBeNull();
    expect(srv.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      "GET /stats() ",
      "GET /pick()?$select=title ",
      'POST /lend {"title":"Dune"}',
      "GET /Books/Lib.latest() ",
    ]);
    // Where the metadata says Nullable="false", a 204 rejects: the types admit no null.
    await expect(lib.totals(client)).rejects.toMatchObject({ name: "ODataError", status: 204 });
    await expect(lib.restock(client)).rejects.toMatchObject({ name: "ODataError", status: 204 });
    srv.handle(() => ({ body: book }));
    await expect(lib.pick(client)).resolves.toEqual(book);
    await expect(lib.lend(client, { title: "Dune" })).resolves.toEqual(book);
    srv.handle(() => ({ body: { loans: 3 } }));
    await expect(lib.stats(client)).resolves.toEqual({ loans: 3 });
  });
});

describe("$count, $ref and streams", () => {
  test("$count reads a plain number, with $filter", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ headers: { "content-type": "text/plain" }, body: "42" }));
    expect(await rt.count(client, api.personTrips(api.people().byKey("a")), { filter: "Budget gt 10" })).toBe(42);
    expect(srv.requests[0].url).toBe("/People('a')/Trips/$count?$filter=Budget%20gt%2010");
    expect(srv.requests[0].headers.accept).toBe("text/plain");
  });

  test("$count after the resource path (URL Conventions §4.8), then $filter, $search and custom query options; a collectionAt path cannot hold a query, which /$count would land in", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc?sap-client=100` });
    srv.handle(() => ({ headers: { "content-type": "text/plain;charset=utf-8" }, body: "7" }));
    const view = rt.collectionAt<unknown, string>("/Custom/root:/Trips:/children", rt.key("TripId", rt.edmString));
    expect(await rt.count(client, view, { filter: "Budget gt 10", search: "blue", query: { tenant: "x y" } })).toBe(7);
    // $top, $skip, $orderby, $select and $expand do not change a count: refused by the type, and not sent.
    // @ts-expect-error top is no option of count
    expect(await rt.count(client, api.people(), { top: 1, orderby: "Age", select: ["Age"], expand: ["Trips"] })).toBe(7);
    expect(srv.requests.map((r) => r.url)).toEqual([
      "/svc/Custom/root:/Trips:/children/$count?$filter=Budget%20gt%2010&$search=blue&tenant=x%20y&sap-client=100",
      "/svc/People/$count?sap-client=100",
    ]);
    // Else `/$count` (a key, a navigation property) would be sent inside the query: `?@r=[1]/$count`.
    expect(() => rt.collectionAt("/People('a')/Trips/TL.Within(range=@r)?@r=[1]", rt.key("TripId", rt.edmString))).toThrow(
      `"/People('a')/Trips/TL.Within(range=@r)?@r=[1]": a ? would start the URL's query there; percent-encode it as %3F, and give query options in the call's options`,
    );
    expect(() => rt.at("/Custom/root:/Why?.json:")).toThrow(/percent-encode it as %3F/);
    expect(srv.requests).toHaveLength(2);
  });

  test("$ref: POST to add to a collection, PUT for a single-valued one, DELETE with $id or without", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ status: 204 }));
    const a = api.people().byKey("a");
    await rt.addRef(client, api.personFriends(a), api.people().byKey("b"));
    await rt.addRef(client, api.personBestFriend(a), api.people().byKey("c"));
    await rt.removeRef(client, api.personFriends(a), api.people().byKey("b"));
    await rt.removeRef(client, api.personBestFriend(a));
    expect(srv.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `POST /svc/People('a')/Friends/$ref {"@odata.id":"${srv.url}/svc/People('b')"}`,
      `PUT /svc/People('a')/BestFriend/$ref {"@odata.id":"${srv.url}/svc/People('c')"}`,
      `DELETE /svc/People('a')/Friends/$ref?$id=${srv.url}/svc/People(%27b%27) `,
      "DELETE /svc/People('a')/BestFriend/$ref ",
    ]);
    await expect(rt.removeRef(client, api.personFriends(a))).rejects.toThrow(/which entity/);
  });

  test("$ref read: GET …/Friends/$ref a page of references (4.01's @id read as @odata.id, paged), …/BestFriend/$ref one or null", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const a = api.people().byKey("a");
    srv.handle((r, i) =>
      r.url.includes("BestFriend") ? (i === 2 ? { body: { "@odata.context": "$metadata#$ref", "@odata.id": "People('c')" } } : { status: 204 })
      : i === 0 ? { headers: { "OData-Version": "4.01" }, body: { "@count": 3, "@nextLink": `${srv.url}/svc/People('a')/Friends/$ref?$skiptoken=2`, value: [{ "@id": "People('b')" }, { "@id": "People('c')", "@type": "#TL.Person" }] } }
      : { body: { value: [{ "@odata.id": "People('d')" }] } });
    const first = await rt.readRefs(client, api.personFriends(a), { filter: "Age gt 30", orderby: "UserName", top: 2, count: true, query: { "sap-client": "100" } });
    expect(first["@odata.count"]).toBe(3);
    expect(first.value).toEqual([{ "@odata.id": "People('b')" }, { "@odata.id": "People('c')", "@odata.type": "#TL.Person" }]);
    const all = await rt.collectAll(client, first);
    expect(all.map((ref) => ref["@odata.id"])).toEqual(["People('b')", "People('c')", "People('d')"]);
    const best = await rt.readRef(client, api.personBestFriend(a));
    expect(best?.["@odata.id"]).toBe("People('c')");
    // Nothing related: 204 No Content is null where the navigation property is nullable.
    expect(await rt.readRef(client, api.personBestFriend(a))).toBeNull();
    expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /svc/People('a')/Friends/$ref?$filter=Age%20gt%2030&$orderby=UserName&$top=2&$count=true&sap-client=100",
      "GET /svc/People('a')/Friends/$ref?$skiptoken=2",
      "GET /svc/People('a')/BestFriend/$ref",
      "GET /svc/People('a')/BestFriend/$ref",
    ]);
    // An answer whose items are not references (the entities themselves) is no reference page.
    srv.handle(() => ({ body: { value: [{ "@odata.id": "People('b')" }, person("c")] } }));
    const bad = await rt.readRefs(client, api.personFriends(a)).catch((e: unknown) => e as ODataError);
    expect(bad).toBeInstanceOf(rt.ODataError);
    expect((bad as ODataError).code).toBe("UnreadableBody");
    expect((bad as ODataError).message).toMatch(/^GET .*\/Friends\/\$ref: 200 application\/json, but the body is not an entity reference \(an object with "@odata\.id"\) at \/value\/1: \{"UserName":"c"/);
    // A sure address (not nullable) answered 204 rejects, as a read of it does.
    srv.handle(() => ({ status: 204 }));
    await expect(rt.readRef(client, a)).rejects.toMatchObject({ status: 204 });
  });

  test("media resource and stream property: read as Blob, write with PUT and a content type", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    srv.handle((r) => (r.method === "GET" ? { headers: { "content-type": "image/png" }, body: bytes } : { status: 204 }));
    const doc = api.documents().byKey("9d9b2fa0-efbf-490e-a5e3-bac8f7d47354");
    const blob = await rt.readStream(client, api.documentContent(doc));
    expect(blob.type).toBe("image/png");
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(bytes);
    await rt.writeStream(client, api.personPhoto(api.people().byKey("a")), new Uint8Array(bytes), { contentType: "image/jpeg", etag: "*" });
    const put = srv.requests[1];
    expect([put.method, put.url, put.headers["content-type"], put.headers["if-match"]]).toEqual(["PUT", "/People('a')/Photo", "image/jpeg", "*"]);
    expect(put.raw).toEqual(bytes);
    expect(srv.requests[0].url).toBe("/Documents(9d9b2fa0-efbf-490e-a5e3-bac8f7d47354)/$value");
  });

  test("a media entity is created by POSTing its media to the collection (Protocol §11.4.7.1), with its content type; the answer is the entity", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const id = "9d9b2fa0-efbf-490e-a5e3-bac8f7d47354";
    srv.handle((r) => (r.headers.prefer === "return=minimal" ? { status: 204, headers: { "odata-entityid": `${srv.url}/Documents(${id})` } } : { status: 201, body: { "@odata.mediaContentType": "image/png", Id: id } }));
    const created = await rt.createMedia(client, api.documents(), new Blob([bytes], { type: "image/png" }), { query: { "sap-client": "100" } });
    expect(created?.Id).toBe(id);
    const post = srv.requests[0];
    expect([post.method, post.url, post.headers["content-type"], post.headers.accept]).toEqual(["POST", "/Documents?sap-client=100", "image/png", "application/json"]);
    expect(post.raw).toEqual(bytes);
    await expect(rt.createMedia(client, api.documents(), new Uint8Array(bytes), { prefer: "return=minimal" })).resolves.toBeUndefined();
    expect(srv.requests[1].headers["content-type"]).toBe("application/octet-stream");
  });
});

describe("the Graph seed with the committed generated/graph-callrecords", () => {
  test("PATCH /communications/callRecords/{id}/sessions/{id}: method, path, headers, body", async () => {
    const client = runtime.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "graph-token" });
    srv.handle(() => ({ status: 204 }));
    const session = records.callRecordSessions(graph.cloudCommunicationsCallRecords(graph.communications()).byKey("rec/1")).byKey("s'1");
    const result = await records.updateSession(client, session, { isTest: true });
    expect(result).toBeUndefined();
    const r = srv.requests[0];
    expect([r.method, r.url, r.body]).toEqual(["PATCH", "/v1.0/communications/callRecords/rec%2F1/sessions/s'1", '{"isTest":true}']);
    expect(r.headers).toMatchObject({ authorization: "Bearer graph-token", "content-type": "application/json", accept: "application/json" });
    expect(r.headers["if-match"]).toBeUndefined();
  });
});
