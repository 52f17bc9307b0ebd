// Loop detection in `pages`/`items`/`collectAll` takes constant memory: a long chain of next links
// with long skiptokens is not kept, and a loop anywhere in the chain is still found, within 3 times
// the distinct pages read.
import * as path from "node:path";
import { measureInChild } from "./helpers/gc-child";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "paging-loops", { keyAsSegment: false });
type Api = typeof import("./.generated/paging-loops/Travel.Lite.requests");
type Runtime = typeof import("./.generated/paging-loops/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));


let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/**
 * In a child (helpers/gc-child.ts): a service in memory whose pages' next links have skiptokens of
 * 100 KB (400 of them: 40 MB), read with `pages`; what the heap gained from the 10th page to the
 * 400th. `KEEP=1` is the control: the service keeps each URL it is asked for, as a client keeping
 * the links it followed would.
 */
const LONG_CHAIN = `
import { createClient, pages } from "./runtime";
import { listPersons, people } from "./Travel.Lite.requests";
const pad = "x".repeat(100_000);
const asked: string[] = [];
const service = async (url: string | URL | Request) => {
  if (process.env.KEEP) asked.push(String(url));
  const n = Number(/\\$skiptoken=(\\d+)/.exec(String(url))?.[1] ?? 0);
  const page = { value: [{ UserName: String(n), FirstName: "A", Age: 1, Emails: [] }], ...(n < 400 && { "@odata.nextLink": \`People?$skiptoken=\${n + 1}-\${pad}\` }) };
  return new Response(JSON.stringify(page), { headers: { "content-type": "application/json" } });
};
async function main() {
  const client = createClient({ baseUrl: "https://svc.example", fetch: service as typeof fetch });
  let read = 0;
  let at10 = 0;
  let grown = 0;
  for await (const page of pages(client, listPersons(client, people()))) {
    read += page.value.length;
    if (read === 10) at10 = held();
    if (read === 400) grown = held() - at10;
  }
  console.log(JSON.stringify({ read, grown, asked: asked.length }));
}
main();
`;

test("400 pages linked by 100 KB skiptokens: the links followed are not kept (where a client keeping them grows by their 39 MB)", async () => {
  const plain = await measureInChild<{ read: number; grown: number }>(dir, LONG_CHAIN);
  const kept = await measureInChild<{ read: number; grown: number; asked: number }>(dir, LONG_CHAIN, { KEEP: "1" });
  expect([plain.read, kept.read, kept.asked]).toEqual([401, 401, 401]);
  // The control: the measurement sees the links a client keeps.
  expect(kept.grown).toBeGreaterThanOrEqual(30_000_000);
  expect(plain.grown).toBeLessThan(10_000_000);
});

test("a chain of 10 pages whose last links back to the 4th stops with an error, having read at most 30", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle((r) => {
    const n = Number(/\$skiptoken=(\d+)/.exec(r.url)?.[1] ?? 0);
    return { body: { value: [], "@odata.nextLink": `People?$skiptoken=${n === 9 ? 3 : n + 1}` } };
  });
  await expect(rt.collectAll(client, api.listPersons(client, api.people()))).rejects.toThrow(/\$skiptoken=\d+ leads back to a page already read: the service's paging loops/);
  expect(srv.requests.length).toBeGreaterThanOrEqual(10);
  expect(srv.requests.length).toBeLessThanOrEqual(30);
});

/** Serves page n (one person, named n) linking to `next(n)`; the names `items()` yields until it throws for the loop. */
async function itemsUntilLoop(next: (n: number) => number): Promise<string[]> {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle((r) => {
    const n = Number(/\$skiptoken=(\d+)/.exec(r.url)?.[1] ?? 0);
    return { body: { value: [{ UserName: String(n), FirstName: "A", Age: 1, Emails: [] }], "@odata.nextLink": `People?$skiptoken=${next(n)}` } };
  });
  const seen: string[] = [];
  await expect((async () => {
    for await (const person of rt.items(client, api.listPersons(client, api.people()))) seen.push(person.UserName);
  })()).rejects.toThrow(/leads back to a page already read/);
  return seen;
}

test("items() yields the items of a loop's pages again before it throws: the 4th to 7th of a chain of 10 pages whose last links back to the 4th", async () => {
  const seen = await itemsUntilLoop((n) => (n === 9 ? 3 : n + 1));
  // Brent's algorithm sees the loop when a link comes back to the one it saved (after links 1, 3, 7, …): the 7th, 4 pages later.
  expect(seen).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "3", "4", "5", "6"]);
});

test("a loop of 44 pages after 256 others is gone round six or seven times: 555 pages, under 3 times the 300 distinct ones", async () => {
  const seen = await itemsUntilLoop((n) => (n === 299 ? 256 : n + 1));
  expect([seen.length, seen.filter((u) => u === "256").length, seen.filter((u) => u === "299").length]).toEqual([555, 7, 6]);
});

test("a last page that links to itself after 256 others is yielded once: the page's own URL is compared too", async () => {
  const seen = await itemsUntilLoop((n) => Math.min(n + 1, 256));
  expect([seen.length, seen.filter((u) => u === "256").length]).toEqual([257, 1]);
});

test("next links that differ only in their fragment are one page (fetch never sends it): the loop is found, and the link is sent without it", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle((_, i) => ({ body: { value: [], "@odata.nextLink": `People?$skip=1#f${i}` } }));
  await expect(rt.collectAll(client, api.listPersons(client, api.people()))).rejects.toThrow(`@odata.nextLink ${srv.url}/People?$skip=1 leads back to a page already read: the service's paging loops`);
  expect(srv.requests.map((r) => r.url)).toEqual(["/People", "/People?$skip=1"]);
  // readLink, given such a link, reads the page it names.
  await rt.readLink(client, "People?$skip=2#top");
  expect(srv.requests.at(-1)!.url).toBe("/People?$skip=2");
});
