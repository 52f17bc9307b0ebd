// A 2xx answer whose body the call does not read (a delete's, addRef's, removeRef's, one that comes
// after the call gave up) has its body cancelled, so its connection is let go of now, not at GC.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "unread-bodies", { keyAsSegment: false });
type Api = typeof import("./.generated/unread-bodies/Travel.Lite.requests");
type Runtime = typeof import("./.generated/unread-bodies/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** A client whose fetch keeps every response it gets (`deaf`: one that does not heed the signal). */
function recording(options: { timeoutMs?: number; deaf?: boolean } = {}) {
  const responses: Promise<Response>[] = [];
  const client = rt.createClient({
    baseUrl: srv.url,
    timeoutMs: options.timeoutMs,
    retry: { maxRetries: 0 },
    fetch: (url, init) => {
      const r = fetch(url, options.deaf ? { ...init, signal: null } : init);
      responses.push(r);
      return r;
    },
  });
  return { client, responses };
}

const big = { body: { note: "x".repeat(200_000) } };

test("a delete, addRef and removeRef answered 200 with a body cancel it", async () => {
  srv.handle(() => big);
  const { client, responses } = recording();
  const a = api.people().byKey("a");
  await rt.remove(client, a, { etag: "*" });
  await rt.addRef(client, api.personFriends(a), api.people().byKey("b"));
  await rt.removeRef(client, api.personFriends(a), api.people().byKey("b"));
  const used = await Promise.all(responses.map(async (r) => (await r).bodyUsed));
  expect(used).toEqual([true, true, true]);
});

test("an answer that comes after the call timed out (a fetch that does not heed the signal) has its body cancelled", async () => {
  srv.handle(() => ({ ...big, delayMs: 300 }));
  const { client, responses } = recording({ timeoutMs: 50, deaf: true });
  const err = await failure(api.getPerson(client, api.people().byKey("a")));
  expect(err.message).toMatch(/timed out after 50 ms/);
  const late = await responses[0];
  await new Promise((r) => setImmediate(r));
  expect(late.bodyUsed).toBe(true);
});
