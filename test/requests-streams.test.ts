// Media read and written as streams over real HTTP on 127.0.0.1, never held whole: `rt.openStream`
// resolves once the head has come, with the body as a web ReadableStream, and errors before the
// body are `readStream`'s; `rt.writeStream` sends a ReadableStream chunked, and never twice.
import { getEventListeners } from "node:events";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";
import { forEachCompiler, runTscWithUse } from "./helpers/typecheck";

const dir = generateFixture("trippin-lite.xml", "client-streams", { keyAsSegment: false });
type Api = typeof import("./.generated/client-streams/Travel.Lite.requests");
type Runtime = typeof import("./.generated/client-streams/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
type ODataError = InstanceType<Runtime["ODataError"]>;

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const photo = () => api.personPhoto(api.people().byKey("a"));
const client = () => rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
/** `size` bytes that are not all alike. */
const bytes = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 251));

/** Everything a stream gives, in one Buffer. */
async function drain(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
  return Buffer.concat(chunks);
}

/** A promise and the function that resolves it. */
function latch<T = void>(): [Promise<T>, (value: T) => void] {
  let open!: (value: T) => void;
  return [new Promise<T>((resolve) => (open = resolve)), (value) => open(value)];
}

/**
 * Opens a stream the server sends 1,000 bytes of and then holds, reads those, and aborts: the next
 * read rejects with the signal's reason, and the server's answer, never ended, sees its connection close.
 */
async function abortMidBody(c: ReturnType<Runtime["createClient"]>): Promise<void> {
  const [closed, onClose] = latch<boolean>();
  srv.handle(() => ({
    headers: { "content-type": "image/png" },
    write: (res) => {
      res.on("close", () => onClose(res.writableEnded));
      res.write(bytes(1000));
    },
  }));
  const ac = new AbortController();
  const reader = (await rt.openStream(c, photo(), { signal: ac.signal })).body.getReader();
  expect((await reader.read()).value).toHaveLength(1000);
  const reason = new Error("user left");
  ac.abort(reason);
  await expect(reader.read()).rejects.toBe(reason);
  expect(await closed).toBe(false);
}

describe("openStream", () => {
  test("resolves once the head and a first chunk have come, before the rest is sent; the body then comes whole, with its type, length and ETag", async () => {
    const media = bytes(4 << 20);
    const [go, letGo] = latch();
    srv.handle(() => ({
      headers: { "content-type": "video/mp4", "content-length": String(media.length), etag: 'W/"7"' },
      write: (res) => {
        res.write(media.subarray(0, 1 << 16));
        // The rest only once the test has its stream: a call that read the body first would never resolve.
        void go.then(async () => {
          for (let at = 1 << 16; at < media.length; at += 1 << 20) await new Promise((done) => res.write(media.subarray(at, at + (1 << 20)), done));
          res.end();
        });
      },
    }));
    const opened = await rt.openStream(client(), photo());
    expect([opened.contentType, opened.length, opened.etag]).toEqual(["video/mp4", 4 << 20, 'W/"7"']);
    letGo();
    expect((await drain(opened.body)).equals(media)).toBe(true);
    expect(srv.requests.map((r) => [r.method, r.url, r.headers.accept])).toEqual([["GET", "/People('a')/Photo", "*/*"]]);
  });

  test("no Content-Length, or a compressed body, has no length; no ETag, none", async () => {
    const media = bytes(100000);
    srv.handle(() => ({ headers: { "content-type": "image/png" }, write: (res) => res.end(media) }));
    const chunked = await rt.openStream(client(), photo());
    expect([chunked.contentType, chunked.length, chunked.etag]).toEqual(["image/png", undefined, undefined]);
    expect((await drain(chunked.body)).equals(media)).toBe(true);
    const zipped = gzipSync(media);
    srv.handle(() => ({ headers: { "content-encoding": "gzip", "content-length": String(zipped.length) }, body: zipped }));
    const compressed = await rt.openStream(client(), photo());
    expect(compressed.length).toBeUndefined();
    expect((await drain(compressed.body)).equals(media)).toBe(true);
  });

  test("readStream and openStream send custom query options (Graph's …/content?format=pdf), percent-encoded, after the path", async () => {
    srv.handle(() => ({ headers: { "content-type": "application/pdf" }, body: "pdf" }));
    const read = await rt.readStream(client(), photo(), { query: { format: "pdf", note: "a&b c" } });
    expect(await read.text()).toBe("pdf");
    const opened = await rt.openStream(client(), photo(), { query: { format: "pdf" } });
    expect((await drain(opened.body)).toString()).toBe("pdf");
    expect(srv.requests.map((r) => r.url)).toEqual(["/People('a')/Photo?format=pdf&note=a%26b%20c", "/People('a')/Photo?format=pdf"]);
    // A system query option is not a custom one.
    await expect(rt.readStream(client(), photo(), { query: { $select: "x" } })).rejects.toThrow(TypeError);
  });

  test("a 404 rejects as readStream's does, and a 503 before the body is sent again as for readStream", async () => {
    const notFound = { status: 404, body: { error: { code: "itemNotFound", message: "no photo" } } };
    const read = async (call: (c: ReturnType<typeof client>) => Promise<unknown>) => {
      srv.handle(() => notFound);
      const e = (await failure(call(client()))) as ODataError;
      const png: Reply = { headers: { "content-type": "image/png" }, body: "png" };
      srv.handle((_r, i) => (i === 0 ? { status: 503, headers: { "retry-after": "0" } } : png));
      await call(client());
      return [e.name, e.status, e.code, e.message, e.request, srv.requests.length];
    };
    const opened = await read((c) => rt.openStream(c, photo()));
    expect(opened).toEqual(await read((c) => rt.readStream(c, photo())));
    expect(opened).toEqual(["ODataError", 404, "itemNotFound", "no photo", `GET ${srv.url}/People('a')/Photo`, 2]);
  });

  test("a connection lost in the body errors the stream with a TypeError naming the request and the status, and is not sent again", async () => {
    srv.handle(() => ({ headers: { "content-type": "image/png" }, body: bytes(200000), cut: true }));
    const opened = await rt.openStream(client(), photo());
    const err = await failure(drain(opened.body));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(new RegExp(`^GET ${srv.url.replace(/\./g, "\\.")}/People\\('a'\\)/Photo: answered 200, its body cut short: terminated \\(.+\\)$`));
    expect(err.cause).toMatchObject({ name: "TypeError", message: "terminated" });
    expect(srv.requests).toHaveLength(1);
  });

  test("an abort of the signal while the body comes errors the stream with the signal's reason and closes the connection", async () => {
    await abortMidBody(client());
  });
});

describe("openStream through a caller's fetch", () => {
  test("one that does not heed the signal: an abort still errors the stream with its reason and closes the connection", async () => {
    await abortMidBody(rt.createClient({ baseUrl: srv.url, fetch: (url, init) => fetch(url, { ...init, signal: null }) }));
  }, 5000);

  test("a stream read to its end, or cancelled, no longer listens to the signal", async () => {
    srv.handle(() => ({ headers: { "content-type": "image/png" }, body: bytes(100) }));
    const deaf = rt.createClient({ baseUrl: srv.url, fetch: (url, init) => fetch(url, { ...init, signal: null }) });
    const ac = new AbortController();
    const listening = () => getEventListeners(ac.signal, "abort").length;
    const read = await rt.openStream(deaf, photo(), { signal: ac.signal });
    const cancelled = await rt.openStream(deaf, photo(), { signal: ac.signal });
    // One listener for both streams, kept while either flows.
    expect(listening()).toBe(1);
    await drain(read.body);
    expect(listening()).toBe(1);
    await cancelled.body.cancel();
    expect(listening()).toBe(0);
  });

  test("an answer without a stream (only blob(), as a hand-made one may be) gives its media all the same", async () => {
    const media = bytes(1000);
    const handMade = async () => ({ ok: true, status: 200, statusText: "OK", headers: new Headers({ "content-type": "image/png" }), blob: async () => new Blob([media]) });
    const c = rt.createClient({ baseUrl: "https://svc.example", fetch: handMade as unknown as typeof fetch });
    const opened = await rt.openStream(c, photo());
    expect([opened.contentType, (await drain(opened.body)).equals(media)]).toEqual(["image/png", true]);
  });
});

describe("what writeStream resolves with", () => {
  test("the entity a service answers with (Graph answers a drive item's upload with the item), else undefined", async () => {
    const answers: Reply[] = [
      { status: 201, headers: { "content-type": "application/json;odata.metadata=minimal" }, body: JSON.stringify({ UserName: "a", "@odata.etag": 'W/"8"' }) },
      { status: 204 },
      { status: 200, headers: { "content-type": "text/plain" }, body: "stored" },
    ];
    srv.handle((_r, i) => answers[i]);
    const item = await rt.writeStream(client(), photo(), new Uint8Array(bytes(10)));
    expect(item).toEqual({ UserName: "a", "@odata.etag": 'W/"8"' });
    await expect(rt.writeStream(client(), photo(), new Uint8Array(bytes(10)))).resolves.toBeUndefined();
    await expect(rt.writeStream(client(), photo(), new Uint8Array(bytes(10)))).resolves.toBeUndefined();
  });

  test("a JSON answer that does not parse rejects, naming the request", async () => {
    srv.handle(() => ({ status: 200, headers: { "content-type": "application/json" }, body: "{not json" }));
    const err = (await failure(rt.writeStream(client(), photo(), new Uint8Array(bytes(10))))) as ODataError;
    expect([err.code, err.request]).toEqual(["UnreadableBody", `PUT ${srv.url}/People('a')/Photo`]);
  });
});

describe("writeStream with a ReadableStream", () => {
  /** A stream of `parts`, one chunk each, made as they are read. */
  const streamOf = (parts: Buffer[]) => {
    let next = 0;
    return new ReadableStream<Uint8Array>({ pull: (c) => (next < parts.length ? c.enqueue(new Uint8Array(parts[next++])) : c.close()) });
  };

  test("sends it chunked, whole, with the given Content-Type (else application/octet-stream) and If-Match", async () => {
    const parts = [bytes(300000), bytes(5), bytes(700000)];
    srv.handle(() => ({ status: 204 }));
    await rt.writeStream(client(), photo(), streamOf(parts), { contentType: "image/png", etag: 'W/"7"' });
    await rt.writeStream(client(), photo(), streamOf([bytes(10)]));
    const [typed, plain] = srv.requests;
    expect([typed.method, typed.url, typed.headers["transfer-encoding"], typed.headers["content-type"], typed.headers["if-match"]]).toEqual(["PUT", "/People('a')/Photo", "chunked", "image/png", 'W/"7"']);
    expect(typed.raw.equals(Buffer.concat(parts))).toBe(true);
    expect([plain.headers["content-type"], plain.raw.length]).toEqual(["application/octet-stream", 10]);
  });

  test("a 503 is not retried, and the service's error says why; a Uint8Array's write still is", async () => {
    const busy = { status: 503, headers: { "retry-after": "0" }, body: { error: { code: "serviceNotAvailable", message: "try later" } } };
    srv.handle((_r, i) => (i === 0 ? busy : { status: 204 }));
    const err = (await failure(rt.writeStream(client(), photo(), streamOf([bytes(10)])))) as ODataError;
    expect([err.status, err.code, err.message, err.request]).toEqual([503, "serviceNotAvailable", "try later: not retried, as its body was a stream", `PUT ${srv.url}/People('a')/Photo`]);
    expect(srv.requests).toHaveLength(1);
    srv.handle((_r, i) => (i === 0 ? busy : { status: 204 }));
    await rt.writeStream(client(), photo(), new Uint8Array(bytes(10)));
    expect(srv.requests).toHaveLength(2);
  });

  test("createMedia sends one the same way: chunked and whole, with its Content-Type, and a 503 is not retried", async () => {
    const parts = [bytes(200000), bytes(900000)];
    srv.handle(() => ({ status: 201, body: { Id: 7 } }));
    await expect(rt.createMedia(client(), api.documents(), streamOf(parts), { contentType: "application/pdf" })).resolves.toMatchObject({ Id: 7 });
    const [sent] = srv.requests;
    expect([sent.method, sent.url, sent.headers["transfer-encoding"], sent.headers["content-type"]]).toEqual(["POST", "/Documents", "chunked", "application/pdf"]);
    expect(sent.raw.equals(Buffer.concat(parts))).toBe(true);
    const busy = { status: 503, headers: { "retry-after": "0" }, body: { error: { code: "serviceNotAvailable", message: "try later" } } };
    srv.handle((_r, i) => (i === 0 ? busy : { status: 201, body: { Id: 8 } }));
    const err = (await failure(rt.createMedia(client(), api.documents(), streamOf([bytes(10)])))) as ODataError;
    expect([err.status, err.message]).toEqual([503, "try later: not retried, as its body was a stream"]);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("types", () => {
  forEachCompiler((label, c) => {
    test(`${label}: a program that opens a stream and writes it back compiles; an async iterable is no body`, () => {
      const r = runTscWithUse(c, dir, [
        `import * as rt from "./runtime.js";`,
        `import { documents, people, personPhoto } from "./Travel.Lite.requests.js";`,
        `export async function copy(client: rt.Client, chunks: AsyncIterable<Uint8Array>): Promise<number | undefined> {`,
        `  const photo = personPhoto(people().byKey("a"));`,
        `  const media: rt.Media = await rt.openStream(client, photo, { signal: AbortSignal.timeout(1000) });`,
        `  const body: ReadableStream<Uint8Array> = media.body;`,
        `  await rt.writeStream(client, photo, body, { contentType: media.contentType ?? "image/png", etag: media.etag ?? "*" });`,
        `  const again: rt.MediaBody = (await rt.openStream(client, photo)).body;`,
        `  await rt.createMedia(client, documents(), again);`,
        `  // @ts-expect-error: an async iterable (a Node Readable) goes through Readable.toWeb first`,
        `  await rt.writeStream(client, photo, chunks);`,
        `  return media.length;`,
        `}`,
      ]);
      expect(r.output).toBe("");
      expect(r.status).toBe(0);
    });
  });
});

describe("bytes sent through a redirect", () => {
  test.each([
    ["a Uint8Array", (b: Buffer) => new Uint8Array(b)],
    ["an ArrayBuffer", (b: Buffer) => new Uint8Array(b).slice().buffer],
  ])("writeStream and createMedia of %s follow a same-origin 307 with the bytes intact (Node's fetch failed: detached ArrayBuffer)", async (_, made) => {
    const sent = bytes(1000);
    srv.handle((r) => (r.url.startsWith("/moved") ? { body: { UserName: "a" } } : { status: 307, headers: { location: `/moved${r.url}` } }));
    await expect(rt.writeStream(client(), photo(), made(sent))).resolves.toEqual({ UserName: "a" });
    await expect(rt.createMedia(client(), api.people(), made(sent))).resolves.toEqual({ UserName: "a" });
    expect(srv.requests.map((r) => `${r.method} ${r.url} ${r.headers["content-type"]}`)).toEqual([
      "PUT /People('a')/Photo application/octet-stream",
      "PUT /moved/People('a')/Photo application/octet-stream",
      "POST /People application/octet-stream",
      "POST /moved/People application/octet-stream",
    ]);
    for (const r of srv.requests) expect(r.raw.equals(sent)).toBe(true);
  });
});
