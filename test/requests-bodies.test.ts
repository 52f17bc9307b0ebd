// Bodies the generated client cannot read, over real HTTP on 127.0.0.1: a 2xx whose body is not
// JSON where JSON is expected (an HTML sign-in page from a proxy, a truncated or broken body) or is
// empty where a value is expected rejects with ODataError (code "UnreadableBody", the whole text in
// `body`) rather than resolving the text typed as the result; so does JSON of another shape than
// the result (an entity that is no object, a primitive without `value`), JSON `null` where the
// result cannot be null, and a `$count` that is not a number or not an exact one. What
// legitimately is no JSON (streams, an action without a result, 204) is read as before. A non-JSON
// error page is cut short in the message; a Retry-After longer than maxDelayMs says so. Every
// ODataError names its request in `request`.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";

const dir = generateFixture("requests/null-results.xml", "bodies-lib");
type Runtime = typeof import("./.generated/bodies-lib/runtime");
const lib: typeof import("./.generated/bodies-lib/Lib.requests") = require(path.join(dir, "Lib.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
type ODataError = InstanceType<Runtime["ODataError"]>;

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** The rejection of `call`; fails the test when it resolves. */
async function rejection(call: Promise<unknown>): Promise<ODataError> {
  const e: unknown = await call.then(
    (v) => ({ resolved: v }),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(rt.ODataError);
  return e as ODataError;
}

/** What `call`, answered with a body it cannot read, must reject with: the request (in `message` and `request`), status and content type in the message, the whole text in `body`. */
async function unreadable(call: Promise<unknown>, request: string, status: number, rest: string, text: string): Promise<void> {
  const err = await rejection(call);
  const named = request.replace(" /", ` ${srv.url}/`);
  expect({ name: err.name, status: err.status, code: err.code, requestId: err.requestId, body: err.body, request: err.request }).toEqual({ name: "ODataError", status, code: "UnreadableBody", requestId: "rq-7", body: text, request: named });
  expect(err.message).toBe(`${named}: ${status} ${rest}`);
}

const LOGIN = "<!DOCTYPE html>\n<html>\n  <head><title>Sign in</title></head>\n  <body>Your session has expired.</body>\n</html>\n";
const LOGIN_LINE = "<!DOCTYPE html> <html> <head><title>Sign in</title></head> <body>Your session has expired.</body> </html>";
const html = (status = 200): Reply => ({ status, headers: { "content-type": "text/html; charset=utf-8", "request-id": "rq-7" }, body: LOGIN });
const json = (body: string, status = 200): Reply => ({ status, headers: { "content-type": "application/json", "request-id": "rq-7" }, body });

describe("a 2xx body that is not JSON where JSON is expected", () => {
  test("reads of an entity: an HTML page, broken and truncated JSON, an empty body", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const dune = lib.books().byKey("b1");
    srv.handle(() => html());
    await unreadable(lib.getBook(client, dune), "GET /svc/Books('b1')", 200, `text/html; charset=utf-8, but the body is not JSON: ${LOGIN_LINE}`, LOGIN);
    // Nullable or not, with query options: the URL as sent.
    await unreadable(lib.getBook(client, lib.bookSequel(dune), { select: ["title"] }), "GET /svc/Books('b1')/sequel?$select=title", 200, `text/html; charset=utf-8, but the body is not JSON: ${LOGIN_LINE}`, LOGIN);
    srv.handle(() => json("{not json"));
    await unreadable(lib.getBook(client, dune), "GET /svc/Books('b1')", 200, "application/json, but the body is not JSON: {not json", "{not json");
    srv.handle(() => json('{"id":"b1","title":"Du'));
    await unreadable(lib.getAuthor(client, lib.bookAuthor(dune)), "GET /svc/Books('b1')/author", 200, 'application/json, but the body is not JSON: {"id":"b1","title":"Du', '{"id":"b1","title":"Du');
    srv.handle(() => json(""));
    await unreadable(lib.getBook(client, dune), "GET /svc/Books('b1')", 200, "application/json, but the body is empty", "");
    srv.handle(() => ({ headers: { "request-id": "rq-7" } }));
    await unreadable(lib.getBook(client, dune), "GET /svc/Books('b1')", 200, "without Content-Type, but the body is empty", "");
    // JSON is read as ever.
    srv.handle(() => json('{"id":"b1","title":"Dune"}'));
    await expect(lib.getBook(client, dune)).resolves.toEqual({ id: "b1", title: "Dune" });
    // A stream is read whatever its type.
    srv.handle(() => html());
    expect(await (await rt.readStream(client, rt.stream(dune, "cover"))).text()).toBe(LOGIN);
  });

  test("a long body: its first 200 characters on one line in the message, its length, the whole text in `body`", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const page = `<html>\n<body>\n${"<p>Access denied by the corporate proxy.</p>\n".repeat(400)}</body>\n</html>`;
    srv.handle(() => ({ headers: { "content-type": "text/html", "request-id": "rq-7" }, body: page }));
    const err = await rejection(lib.getBook(client, lib.books().byKey("b1")));
    const shown = page.replace(/\s+/g, " ").slice(0, 200);
    expect(err.message).toBe(`GET ${srv.url}/Books('b1'): 200 text/html, but the body is not JSON: ${shown}... (${page.length} characters)`);
    expect(err.body).toBe(page);
  });

  test("the cut does not split a character outside the BMP (a surrogate pair)", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const cut = (text: string) => {
      srv.handle(() => ({ headers: { "content-type": "text/plain" }, body: text }));
      return rejection(lib.getBook(client, lib.books().byKey("b1"))).then((e) => e.message.replace(/^.*not JSON: /, ""));
    };
    // 😀 at characters 200 and 201: left out whole, not its first half.
    expect(await cut(`${"a".repeat(199)}😀${"b".repeat(50)}`)).toBe(`${"a".repeat(199)}... (251 characters)`);
    // At 199 and 200: kept whole.
    expect(await cut(`${"a".repeat(198)}😀${"b".repeat(50)}`)).toBe(`${"a".repeat(198)}😀... (250 characters)`);
  });

  test("pages: a list, a next page, a stored link", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const notJson = `text/html; charset=utf-8, but the body is not JSON: ${LOGIN_LINE}`;
    srv.handle(() => html());
    await unreadable(lib.listBooks(client, lib.books(), { top: 2 }), "GET /svc/Books?$top=2", 200, notJson, LOGIN);
    await unreadable(rt.readLink(client, `${srv.url}/svc/Books?$deltatoken=7`), "GET /svc/Books?$deltatoken=7", 200, notJson, LOGIN);
    srv.handle((req) => (req.url.includes("skiptoken") ? json("") : { body: { value: [{ id: "b1" }], "@odata.nextLink": `${srv.url}/svc/Books?$skiptoken=2` } }));
    await unreadable(rt.collectAll(client, lib.listBooks(client, lib.books())), "GET /svc/Books?$skiptoken=2", 200, "application/json, but the body is empty", "");
    // An operation that returns a collection reads a page too.
    srv.handle(() => json("[1,2"));
    await unreadable(rt.send(client, "GET", "/Books/Lib.all()", undefined, undefined, true), "GET /svc/Books/Lib.all()", 200, "application/json, but the body is not JSON: [1,2", "[1,2");
    // JSON, but no page (JSON Format §12: the items are in `value`): one entity, a bare array, a
    // `value` that is no array; with `validate` too, which checked the body as one entity.
    const page = "a collection (a page with a `value` array)";
    srv.handle(() => json('{"id":"b1"}'));
    await unreadable(lib.listBooks(client, lib.books(), { validate: () => ({ valid: true, errors: [] }) }), "GET /svc/Books", 200, `application/json, but the body is not ${page}: {"id":"b1"}`, '{"id":"b1"}');
    srv.handle(() => json('[{"id":"b1"}]'));
    await unreadable(lib.listBooks(client, lib.books()), "GET /svc/Books", 200, `application/json, but the body is not ${page}: [{"id":"b1"}]`, '[{"id":"b1"}]');
    srv.handle(() => json('{"value":{"id":"b1"}}'));
    await unreadable(rt.send(client, "GET", "/Books/Lib.all()", undefined, undefined, true), "GET /svc/Books/Lib.all()", 200, `application/json, but the body is not ${page}: {"value":{"id":"b1"}}`, '{"value":{"id":"b1"}}');
  });

  test("operations with a result, nullable or not; an action without one reads no body", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => html());
    const notJson = `text/html; charset=utf-8, but the body is not JSON: ${LOGIN_LINE}`;
    await unreadable(lib.shelf(client), "GET /shelf()", 200, notJson, LOGIN);
    await unreadable(lib.reserve(client, { title: "Dune" }), "POST /reserve", 200, notJson, LOGIN);
    await unreadable(lib.stats(client), "GET /stats()", 200, notJson, LOGIN);
    await unreadable(lib.lend(client, { title: "Dune" }), "POST /lend", 200, notJson, LOGIN);
    await unreadable(lib.latest(client, lib.books()), "GET /Books/Lib.latest()", 200, notJson, LOGIN);
    srv.handle(() => json(""));
    await unreadable(lib.mostRead(client), "GET /mostRead()", 200, "application/json, but the body is empty", "");
    await unreadable(lib.surePick(client, { select: ["title"] }), "GET /surePick()?$select=title", 200, "application/json, but the body is empty", "");
    // No result to read: whatever the body, the call resolves.
    srv.handle(() => ({ headers: { "content-type": "text/plain" }, body: "OK" }));
    await lib.tidy(client);
    srv.handle(() => ({}));
    await expect(lib.tidy(client)).resolves.toBeUndefined();
  });

  test("create and update: a body that is not JSON rejects; an empty one is undefined where the result may be", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const notJson = `text/html; charset=utf-8, but the body is not JSON: ${LOGIN_LINE}`;
    srv.handle(() => html(201));
    await unreadable(lib.createBook(client, lib.books(), { id: "b9" }), "POST /Books", 201, notJson, LOGIN);
    await unreadable(lib.createBook(client, lib.books(), { id: "b9" }, { prefer: "return=minimal" }), "POST /Books", 201, notJson, LOGIN);
    srv.handle(() => html());
    await unreadable(lib.updateBook(client, lib.books().byKey("b9"), { title: "New" }), "PATCH /Books('b9')", 200, notJson, LOGIN);
    await unreadable(lib.updateBook(client, lib.books().byKey("b9"), { title: "New" }, { replace: true }), "PUT /Books('b9')", 200, notJson, LOGIN);
    // A create is the entity unless return=minimal was asked for.
    srv.handle(() => json("", 201));
    await unreadable(lib.createBook(client, lib.books(), { id: "b9" }), "POST /Books", 201, "application/json, but the body is empty", "");
    await expect(lib.createBook(client, lib.books(), { id: "b9" }, { prefer: "return=minimal" })).resolves.toBeUndefined();
    // An update is the entity or undefined.
    srv.handle(() => json(""));
    await expect(lib.updateBook(client, lib.books().byKey("b9"), { title: "New" })).resolves.toBeUndefined();
    srv.handle(() => ({ status: 204 }));
    await expect(lib.updateBook(client, lib.books().byKey("b9"), { title: "New" })).resolves.toBeUndefined();
    await expect(lib.createBook(client, lib.books(), { id: "b9" }, { prefer: "return=minimal" })).resolves.toBeUndefined();
  });

  test("$count: digits only (an empty body was 0)", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const text = (body: string): Reply => ({ headers: { "content-type": "text/plain", "request-id": "rq-7" }, body });
    srv.handle(() => text(" 42\n"));
    await expect(rt.count(client, lib.books(), { filter: "year gt 1960" })).resolves.toBe(42);
    for (const body of ["", "0x1f", "4.5", "-1", "many"]) {
      srv.handle(() => text(body));
      await unreadable(rt.count(client, lib.books(), { filter: "year gt 1960" }), "GET /Books/$count?$filter=year%20gt%201960", 200, `text/plain, but the body is ${body ? `not a count: ${body}` : "empty"}`, body);
    }
    srv.handle(() => html());
    await unreadable(rt.count(client, lib.bookRelated(lib.books().byKey("b1"))), "GET /Books('b1')/related/$count", 200, `text/html; charset=utf-8, but the body is not a count: ${LOGIN_LINE}`, LOGIN);
    // Exact or not at all: a number holds integers up to 2^53 - 1 exactly (99999999999999999999 was 1e20).
    srv.handle(() => text("9007199254740991"));
    await expect(rt.count(client, lib.books())).resolves.toBe(Number.MAX_SAFE_INTEGER);
    for (const body of ["9007199254740992", "99999999999999999999"]) {
      srv.handle(() => text(body));
      await unreadable(rt.count(client, lib.books()), "GET /Books/$count", 200, `text/plain, but the body is not a count a number holds exactly (up to 2^53 - 1): ${body}`, body);
    }
  });
});

describe("JSON of another shape than the result", () => {
  // JSON, but not what the call resolves with: a string, a number, an array, a boolean.
  const ODD = ['"hello"', "42", "[]", '[{"id":"b1"}]', "true"];

  test("an entity or complex value that is no JSON object rejects, whatever reads it", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    const dune = lib.books().byKey("b1");
    const notObject = (text: string) => `application/json, but the body is not an object: ${text}`;
    for (const text of ODD) {
      srv.handle(() => json(text));
      await unreadable(lib.getBook(client, dune), "GET /svc/Books('b1')", 200, notObject(text), text);
      await unreadable(lib.getBook(client, lib.bookSequel(dune)), "GET /svc/Books('b1')/sequel", 200, notObject(text), text);
      await unreadable(lib.getAuthor(client, lib.bookAuthor(dune)), "GET /svc/Books('b1')/author", 200, notObject(text), text);
      await unreadable(lib.getBook(client, lib.latestRef(lib.books())), "GET /svc/Books/Lib.latest()", 200, notObject(text), text);
      await unreadable(lib.surePick(client), "GET /svc/surePick()", 200, notObject(text), text);
      await unreadable(lib.pick(client), "GET /svc/pick()", 200, notObject(text), text);
      await unreadable(lib.stats(client), "GET /svc/stats()", 200, notObject(text), text);
      await unreadable(lib.totals(client), "GET /svc/totals()", 200, notObject(text), text);
      await unreadable(lib.lend(client, { title: "Dune" }), "POST /svc/lend", 200, notObject(text), text);
      await unreadable(lib.restock(client), "POST /svc/restock", 200, notObject(text), text);
      await unreadable(lib.first(client, lib.books()), "GET /svc/Books/Lib.first()", 200, notObject(text), text);
      // A create's and an update's answer is the entity too (or nothing), whatever `prefer` said.
      await unreadable(lib.createBook(client, lib.books(), { id: "b9" }), "POST /svc/Books", 200, notObject(text), text);
      await unreadable(lib.createBook(client, lib.books(), { id: "b9" }, { prefer: "return=minimal" }), "POST /svc/Books", 200, notObject(text), text);
      await unreadable(lib.updateBook(client, dune, { title: "New" }), "PATCH /svc/Books('b1')", 200, notObject(text), text);
    }
  });

  test("JSON null: null where the result may be null; where it cannot, it rejects as a 204 does", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const dune = lib.books().byKey("b1");
    srv.handle(() => json(" null\n"));
    await expect(lib.getBook(client, lib.bookSequel(dune))).resolves.toBeNull();
    await expect(lib.getBook(client, lib.latestRef(lib.books()))).resolves.toBeNull();
    await expect(lib.pick(client)).resolves.toBeNull();
    await expect(lib.stats(client)).resolves.toBeNull();
    await expect(lib.lend(client, { title: "Dune" })).resolves.toBeNull();
    await expect(lib.mostRead(client)).resolves.toEqual({ value: null });
    await expect(lib.reserve(client, { title: "Dune" })).resolves.toEqual({ value: null });
    const sure = "application/json, but the body is null, and the metadata says the result cannot be null";
    await unreadable(lib.getBook(client, dune), "GET /Books('b1')", 200, sure, "null");
    await unreadable(lib.getAuthor(client, lib.bookAuthor(dune)), "GET /Books('b1')/author", 200, sure, "null");
    await unreadable(lib.surePick(client), "GET /surePick()", 200, sure, "null");
    await unreadable(lib.totals(client), "GET /totals()", 200, sure, "null");
    await unreadable(lib.restock(client), "POST /restock", 200, sure, "null");
    await unreadable(lib.first(client, lib.books()), "GET /Books/Lib.first()", 200, sure, "null");
    await unreadable(lib.shelf(client), "GET /shelf()", 200, sure, "null");
    await unreadable(lib.format(client), "GET /format()", 200, sure, "null");
    // A sure primitive whose `value` is null.
    srv.handle(() => json('{"value":null}'));
    await unreadable(lib.shelf(client), "GET /shelf()", 200, 'application/json, but the body is {"value":null}, and the metadata says the result cannot be null', '{"value":null}');
    await expect(lib.mostRead(client)).resolves.toEqual({ value: null });
    // A create or update answers the entity or nothing (an empty body, 204), not null.
    srv.handle(() => json("null"));
    await unreadable(lib.createBook(client, lib.books(), { id: "b9" }), "POST /Books", 200, "application/json, but the body is not an object: null", "null");
    await unreadable(lib.updateBook(client, dune, { title: "New" }), "PATCH /Books('b1')", 200, "application/json, but the body is not an object: null", "null");
  });

  test("one primitive or enum value comes as an object with `value` (JSON Format §11)", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const notValue = (text: string) => `application/json, but the body is not an object with \`value\`: ${text}`;
    for (const text of [...ODD, '{"id":"b1"}']) {
      srv.handle(() => json(text));
      await unreadable(lib.shelf(client), "GET /shelf()", 200, notValue(text), text);
      await unreadable(lib.format(client), "GET /format()", 200, notValue(text), text);
      await unreadable(lib.mostRead(client), "GET /mostRead()", 200, notValue(text), text);
      await unreadable(lib.reserve(client, { title: "Dune" }), "POST /reserve", 200, notValue(text), text);
    }
    srv.handle(() => json('{"@odata.context":"$metadata#Edm.Int32","value":3}'));
    await expect(lib.reserve(client, { title: "Dune" })).resolves.toEqual({ "@odata.context": "$metadata#Edm.Int32", value: 3 });
    await expect(lib.shelf(client)).resolves.toEqual({ "@odata.context": "$metadata#Edm.Int32", value: 3 });
  });

  test("not affected: an entity's own `value` property, pages, an action without a result, streams", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => json('{"id":"x1","value":null}'));
    await expect(rt.read(client, rt.at("/Settings('x1')"), undefined)).resolves.toEqual({ id: "x1", value: null });
    srv.handle(() => json("42"));
    await unreadable(lib.listBooks(client, lib.books()), "GET /Books", 200, "application/json, but the body is not a collection (a page with a `value` array): 42", "42");
    await lib.tidy(client);
    expect(await (await rt.readStream(client, rt.stream(lib.books().byKey("b1"), "cover"))).text()).toBe("42");
    srv.handle(() => json(""));
    await expect(lib.updateBook(client, lib.books().byKey("b1"), { title: "New" })).resolves.toBeUndefined();
  });
});

describe("error pages that are not JSON", () => {
  test("a large HTML page is cut short in the message, whole in `body`; a short text is the message", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const page = `<!DOCTYPE html>\n<html><body>\n${"<div>Internal error; a stack trace follows.</div>\n".repeat(1000)}</body></html>`;
    srv.handle(() => ({ status: 500, headers: { "content-type": "text/html" }, body: page }));
    const err = await rejection(lib.getBook(client, lib.books().byKey("b1")));
    expect([err.status, err.code, err.body]).toEqual([500, "500", page]);
    expect(err.message).toBe(`${page.replace(/\s+/g, " ").slice(0, 200)}... (${page.length} characters)`);
    srv.handle(() => ({ status: 502, headers: { "content-type": "text/plain" }, body: "Bad gateway\n" }));
    const short = await rejection(lib.getBook(client, lib.books().byKey("b1")));
    expect([short.status, short.code, short.message, short.body]).toEqual([502, "502", "Bad gateway", "Bad gateway\n"]);
  });
});

describe("error bodies of another shape than OData's", () => {
  /** The error `getBook` rejects with when answered `status` with `body` (a string as it is, JSON else). */
  async function answered(status: number, body: unknown): Promise<ODataError> {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
    srv.handle(() => ({ status, body }));
    return rejection(lib.getBook(client, lib.books().byKey("b1")));
  }

  test("JSON without OData's `error` object: the body's text is the message, its status the code", async () => {
    const oauth = { error: "invalid_token", error_description: "The access token expired" };
    const e1 = await answered(401, oauth);
    expect([e1.status, e1.code, e1.message, e1.body]).toEqual([401, "401", JSON.stringify(oauth), oauth]);
    // ASP.NET Web API's `Message`, RFC 9457's problem details, a bare array: as sent.
    for (const body of [{ Message: "An error has occurred." }, { type: "about:blank", title: "Forbidden", detail: "Tenant t1 is suspended" }, ["quota", "exceeded"]]) {
      expect((await answered(403, body)).message).toBe(JSON.stringify(body));
    }
    // A body's own `message` is the message, cut short when long.
    expect((await answered(429, { message: "Rate limit exceeded" })).message).toBe("Rate limit exceeded");
    const long = `Denied: ${"x".repeat(5000)}`;
    expect((await answered(400, { message: long })).message).toBe(`${long.slice(0, 200)}... (${long.length} characters)`);
  });

  test("OData's error keeps its message as the service wrote it; no body is the status", async () => {
    const odata = await answered(400, { error: { code: "BadRequest", message: "Line one\nline two" } });
    expect([odata.code, odata.message]).toEqual(["BadRequest", "Line one\nline two"]);
    expect((await answered(500, "")).message).toBe("500 Internal Server Error");
  });

  test("an OData error whose message is no string (OData V2's { lang, value }), or that has none: the body's text", async () => {
    const v2 = { error: { code: "SY/530", message: { lang: "en", value: "Material 42 is locked by user KIM" } } };
    const locked = await answered(423, v2);
    expect([locked.code, locked.message]).toEqual(["SY/530", JSON.stringify(v2)]);
    const bare = { error: { code: "BadRequest", target: "Title" } };
    expect(await answered(400, bare)).toMatchObject({ code: "BadRequest", message: JSON.stringify(bare), target: "Title" });
  });

  test("the message is one line without control characters, and a huge body is looked at only at its start", async () => {
    // A terminal's escape, a NUL, a bell, a line break, a right-to-left override: each run is one space.
    const hostile = "Denied\u001b[2J\u0000\u0007 by\r\nproxy\u202e txet desrever";
    const err = await answered(403, hostile);
    expect(err.message).toBe("Denied [2J by proxy txet desrever");
    expect(err.body).toBe(hostile);
    const huge = `Overloaded ${"z".repeat(5_000_000)}`;
    const big = await answered(503, huge);
    // Read to 1 MiB (requests-error-body): the length is what was read.
    expect(big.message).toBe(`${huge.slice(0, 200)}... (${1 << 20} characters): its body cut at 1 MiB`);
    // Whitespace alone at its start: what shows is cut all the same, with the whole length.
    const blank = `${" ".repeat(2000)}late text`;
    expect((await answered(500, blank)).message).toBe(`... (${blank.length} characters)`);
  });
});

describe("which request failed", () => {
  test("`request` names it on every ODataError; a non-2xx answer's message stays the service's", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/svc` });
    srv.handle(() => ({ status: 404 }));
    const gone = await rejection(lib.getBook(client, lib.books().byKey("x")));
    expect([gone.status, gone.message, gone.request]).toEqual([404, "404 Not Found", `GET ${srv.url}/svc/Books('x')`]);
    srv.handle(() => ({ status: 400, body: { error: { code: "BadRequest", message: "Title is required" } } }));
    const bad = await rejection(lib.createBook(client, lib.books(), { id: "b9" }));
    expect([bad.code, bad.message, bad.request]).toEqual(["BadRequest", "Title is required", `POST ${srv.url}/svc/Books`]);
    const patched = await rejection(lib.updateBook(client, lib.books().byKey("b9"), { title: "" }, { replace: true }));
    expect(patched.request).toBe(`PUT ${srv.url}/svc/Books('b9')`);
    expect((await rejection(lib.reserve(client, { title: "Dune" }))).request).toBe(`POST ${srv.url}/svc/reserve`);
    expect((await rejection(rt.count(client, lib.books(), { filter: "year gt 1960" }))).request).toBe(`GET ${srv.url}/svc/Books/$count?$filter=year%20gt%201960`);
    expect((await rejection(rt.removeRef(client, lib.bookSequel(lib.books().byKey("b1"))))).request).toBe(`DELETE ${srv.url}/svc/Books('b1')/sequel/$ref`);
    // A next page: its own address.
    srv.handle((req) => (req.url.includes("skiptoken") ? { status: 500, body: "Internal error" } : { body: { value: [{ id: "b1" }], "@odata.nextLink": `${srv.url}/svc/Books?$skiptoken=2` } }));
    const next = await rejection(rt.collectAll(client, lib.listBooks(client, lib.books(), { query: { tenant: "t" } })));
    expect([next.status, next.message, next.request]).toEqual([500, "Internal error", `GET ${srv.url}/svc/Books?$skiptoken=2`]);
    // Not retried for its Retry-After.
    srv.handle(() => ({ status: 503, headers: { "retry-after": "120" } }));
    expect((await rejection(lib.getBook(rt.createClient({ baseUrl: srv.url, retry: { maxDelayMs: 1000 } }), lib.books().byKey("b1")))).request).toBe(`GET ${srv.url}/Books('b1')`);
  });
});

describe("a Retry-After longer than maxDelayMs", () => {
  test("rejects at once, saying it was not retried because of the wait asked for", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxDelayMs: 30000 } });
    srv.handle(() => ({ status: 429, headers: { "retry-after": "120" } }));
    const err = await rejection(lib.getBook(client, lib.books().byKey("b1")));
    expect([err.status, err.code, err.message]).toEqual([429, "429", "429 Too Many Requests: the service asked to wait 120 s (Retry-After), more than maxDelayMs 30 s: not retried"]);
    expect(srv.requests).toHaveLength(1);
    // The service's own message and code stay.
    srv.handle(() => ({ status: 503, headers: { "retry-after": "90" }, body: { error: { code: "serviceBusy", message: "Try later" } } }));
    const busy = await rejection(lib.shelf(client));
    expect([busy.status, busy.code, busy.message]).toEqual([503, "serviceBusy", "Try later: the service asked to wait 90 s (Retry-After), more than maxDelayMs 30 s: not retried"]);
    // An HTTP date, and the default limit (60 s).
    srv.handle(() => ({ status: 429, headers: { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() } }));
    const dated = await rejection(lib.getBook(rt.createClient({ baseUrl: srv.url }), lib.books().byKey("b1")));
    expect(dated.message).toMatch(/^429 Too Many Requests: the service asked to wait \d+ s \(Retry-After\), more than maxDelayMs 60 s: not retried$/);
    // Without retries left, the error is the service's alone.
    srv.handle(() => ({ status: 429, headers: { "retry-after": "120" } }));
    const noRetry = await rejection(lib.getBook(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0, maxDelayMs: 30000 } }), lib.books().byKey("b1")));
    expect(noRetry.message).toBe("429 Too Many Requests");
  });

  test("the error keeps the wait asked for, retryAfterMs, for the caller to send it again then", async () => {
    srv.handle(() => ({ status: 429, headers: { "retry-after": "120" } }));
    const err = await rejection(lib.getBook(rt.createClient({ baseUrl: srv.url, retry: { maxDelayMs: 30000 } }), lib.books().byKey("b1")));
    expect(err.retryAfterMs).toBe(120000);
    // An HTTP date: the time from now to it.
    srv.handle(() => ({ status: 503, headers: { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() } }));
    const dated = await rejection(lib.getBook(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), lib.books().byKey("b1")));
    expect(dated.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(3_600_000);
    // None, or one of neither form: undefined.
    for (const headers of [{}, { "retry-after": "soon" }] as Record<string, string>[]) {
      srv.handle(() => ({ status: 429, headers }));
      const none = await rejection(lib.getBook(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), lib.books().byKey("b1")));
      expect([none.status, none.retryAfterMs]).toEqual([429, undefined]);
    }
  });
});

describe("operation results of no known type", () => {
  const untypedDir = generateFixture("requests/untyped-results.xml", "bodies-untyped");
  const u: typeof import("./.generated/bodies-untyped/U.requests") = require(path.join(untypedDir, "U.requests"));
  const urt: typeof import("./.generated/bodies-untyped/runtime") = require(path.join(untypedDir, "runtime"));

  test("Edm.Untyped, a type of a document not among the inputs, no ReturnType: typed unknown, resolved as they come", async () => {
    const client = urt.createClient({ baseUrl: srv.url });
    const thing = { id: "t1", name: "Thing" };
    srv.handle(() => ({ body: thing }));
    await expect(u.anything(client)).resolves.toEqual(thing);
    await expect(u.elsewhere(client)).resolves.toEqual(thing);
    await expect(u.unsaid(client)).resolves.toEqual(thing);
    srv.handle(() => ({ body: { value: 7 } }));
    await expect(u.anything(client)).resolves.toEqual({ value: 7 });
    const result: unknown = await u.elsewhere(client);
    void result;
  });

  test("the abstract Edm.EntityType: an entity as it comes (not wrapped in { value }); a number is no entity", async () => {
    const client = urt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { "@odata.context": "$metadata#Things/$entity", id: "t1" } }));
    const entity: Record<string, unknown> | null = await u.someEntity(client);
    expect(entity).toEqual({ "@odata.context": "$metadata#Things/$entity", id: "t1" });
    srv.handle(() => ({ body: 42 }));
    await expect(u.someEntity(client)).rejects.toMatchObject({ code: "UnreadableBody" });
  });
});
