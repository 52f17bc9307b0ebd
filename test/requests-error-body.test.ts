// How much of an error answer's body the generated client reads, over real HTTP on 127.0.0.1: at
// most 1 MiB (an OData error is a few KB), the rest cancelled, so a proxy's huge or endless 500 is
// not held in memory, nor drained before a retry; the message says where the body was cut.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { measureInChild } from "./helpers/gc-child";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";

const dir = generateFixture("trippin-lite.xml", "client-error-body", { keyAsSegment: false });
type Api = typeof import("./.generated/client-error-body/Travel.Lite.requests");
type Runtime = typeof import("./.generated/client-error-body/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
type ODataError = InstanceType<Runtime["ODataError"]>;

const MiB = 1 << 20;

/** A body far larger than the cap: read whole, it would be in the bytes the server wrote. */
const HUGE = 64 * MiB;

/** One answer: a status, and a body of `size` bytes, `head` then `fill` repeated (sent as it is read, with Content-Length). */
interface Stream {
  status: number;
  head?: string;
  fill?: string;
  size?: number;
}

let server: http.Server;
let url: string;
let next: (i: number) => Stream;
/** For each request, the bytes the server wrote of its body before the connection closed or the body ended. */
let written: Promise<number>[];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const { status, head = "", fill = " ", size = head.length } = next(written.length);
    let sent = 0;
    written.push(new Promise((resolve) => res.on("close", () => resolve(sent))));
    const start = Buffer.from(head);
    const chunk = Buffer.alloc(64 * 1024, fill);
    res.writeHead(status, { "content-type": "application/json", "content-length": String(size) });
    const pump = () => {
      while (sent < size && !res.destroyed) {
        const bytes = sent < start.length ? start.subarray(sent) : chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += bytes.length;
        if (!res.write(bytes)) return void res.once("drain", pump);
      }
      res.end();
    };
    req.resume().on("end", pump);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  written = [];
});

const client = () => rt.createClient({ baseUrl: url, retry: { delayMs: 1 } });
const getA = () => api.getPerson(client(), api.people().byKey("a"));

describe("an error answer's body is read to at most 1 MiB", () => {
  test("a 500 with a 64 MiB body: the client stops reading and cancels the rest; the message says the body was cut", async () => {
    next = () => ({ status: 500, fill: "x", size: HUGE });
    const err = await failure<ODataError>(getA());
    expect(err).toBeInstanceOf(rt.ODataError);
    expect(err.status).toBe(500);
    expect(err.message).toBe(`${"x".repeat(200)}... (${MiB} characters): its body cut at 1 MiB`);
    // Compared by length, not text: jest's diff of a 64 MiB string would not end.
    expect((err.body as string).length).toBe(MiB);
    // What the socket buffers hold besides the 1 MiB read, far from the 64 MiB.
    expect(await written[0]).toBeLessThan(16 * MiB);
  });

  test("an OData error followed by more than 1 MiB of whitespace is still read as the service's error", async () => {
    next = () => ({ status: 500, head: JSON.stringify({ error: { code: "Boom", message: "the database is down" } }), size: 2 * MiB });
    const err = await failure<ODataError>(getA());
    expect([err.status, err.code, err.message]).toEqual([500, "Boom", "the database is down: its body cut at 1 MiB"]);
  });

  test("a character whose bytes the cap splits is left out, not read as U+FFFD", async () => {
    next = () => ({ status: 502, head: `${"x".repeat(MiB - 1)}é`, size: 2 * MiB });
    const err = await failure<ODataError>(getA());
    const body = err.body as string;
    expect([body.length, body.slice(-3)]).toEqual([MiB - 1, "xxx"]);
  });

  test("a body of exactly 1 MiB is whole: nothing is said to be cut", async () => {
    next = () => ({ status: 500, head: `"${"y".repeat(MiB - 2)}"` });
    const err = await failure<ODataError>(getA());
    expect(err.message).toBe(`${"y".repeat(200)}... (${MiB - 2} characters)`);
  });

  test("a 503 with a 64 MiB body is not read whole before the retry, which then resolves", async () => {
    next = (i) => (i === 0 ? { status: 503, fill: "z", size: HUGE } : { status: 200, head: JSON.stringify({ UserName: "a", FirstName: "A", Age: 1, Emails: [] }) });
    await expect(getA()).resolves.toMatchObject({ UserName: "a" });
    expect(written).toHaveLength(2);
    expect(await written[0]).toBeLessThan(16 * MiB);
  });
});

test("a 200 whose 20 MiB body is not JSON: the error keeps its first 1,048,576 characters, the message its whole length", async () => {
  next = () => ({ status: 200, head: "<html>", fill: "h", size: 20 * MiB });
  const err = await failure<ODataError>(getA());
  expect([err.status, err.code]).toEqual([200, "UnreadableBody"]);
  expect(err.message).toMatch(new RegExp(`but the body is not JSON: <html>h+\\.\\.\\. \\(${20 * MiB} characters\\)$`));
  expect((err.body as string).length).toBe(MiB);
  expect((err.body as string).slice(0, 7)).toBe("<html>h");
});

/**
 * In a child (helpers/gc-child.ts): a first call that succeeds (so that loading fetch is not
 * measured), the call whose error is kept, then the control: the same body fetched as text, of
 * which a slice of the first MiB is kept, as a slice in the error would keep it.
 */
const KEPT_ERROR = `
import { createClient } from "./runtime";
import { getPerson, people } from "./Travel.Lite.requests";
async function main() {
  const client = createClient({ baseUrl: process.env.SERVICE!, retry: { delayMs: 1 } });
  await getPerson(client, people().byKey("a"));
  let before = held();
  const err = await getPerson(client, people().byKey("a")).then(() => undefined, (e) => e);
  // A turn later, once the call's own references to the text are gone.
  await turn();
  const error = held() - before;
  before = held();
  let text: string | undefined = await (await fetch(process.env.SERVICE + "/People('a')")).text();
  const kept = text.slice(0, ${MiB});
  text = undefined;
  await turn();
  const slice = held() - before;
  console.log(JSON.stringify({ code: err?.code, body: err?.body.length, message: err?.message.length, kept: kept.length, error, slice }));
}
main();
`;

test("a 200 whose 30 MiB body is not JSON: the error kept does not keep the 30 MiB text alive (its body and message are copies), where a kept slice would", async () => {
  next = (i) => (i === 0 ? { status: 200, head: JSON.stringify({ UserName: "a", FirstName: "A", Age: 1, Emails: [] }) } : { status: 200, head: "<html>", fill: "h", size: 30 * MiB });
  const r = await measureInChild<{ code: string; body: number; message: number; kept: number; error: number; slice: number }>(dir, KEPT_ERROR, { SERVICE: url });
  expect(r).toMatchObject({ code: "UnreadableBody", body: MiB, kept: MiB });
  expect(r.message).toBeLessThan(1000);
  // The control: a slice of the first MiB holds all 30 MiB, so the measurement can see it.
  expect(r.slice).toBeGreaterThanOrEqual(25 * MiB);
  // The first MiB, in `body`, and little more: a slice of the text (in `body` or in the message) would hold all 30 MiB.
  expect(r.error).toBeLessThan(10 * MiB);
});
