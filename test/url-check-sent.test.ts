/**
 * The requests a program sends, checked against the metadata with `urlCalls` (what `odatagen url`
 * reads): a test records each request's method and URL (here with a client whose `fetch` records
 * them, as a user's unit test would), and each URL is answered with the call that makes it, or with
 * what the service would refuse in it: a misspelt property in a `filter` string, a literal of the
 * wrong kind, an enumeration member the type does not have. On the generated modules of
 * `test/fixtures/requests/url-filter.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { generateFixture } from "./helpers/generated";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "url-filter.xml");
const dir = generateFixture("requests/url-filter.xml", "url-check-sent");
/* eslint-disable @typescript-eslint/no-require-imports */
const api = require(path.join(dir, "shop.model.requests")) as typeof import("./.generated/url-check-sent/shop.model.requests");
const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/url-check-sent/runtime");
/* eslint-enable @typescript-eslint/no-require-imports */

test("the URLs a program sends are answered with the call that makes them, or with what the service would refuse", async () => {
  const sent: { method: string; path: string }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ method: init?.method ?? "GET", path: String(input) });
    const count = String(input).includes("/$count");
    return count ? new Response("0", { headers: { "Content-Type": "text/plain" } }) : new Response(JSON.stringify({ value: [] }), { headers: { "Content-Type": "application/json" } });
  };
  const client = rt.createClient({ baseUrl: "https://shop.example/odata/v4", fetch });
  const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  await api.listOrders(client, api.orders(), { filter: "status eq 'shipped' and lines/any(l:l/quantity gt 1)", orderby: ["placedDateTime desc"], top: 5 });
  await api.listOrders(client, api.orders(), { filter: "placedDateTime ge '2024-01-31T08:00:00Z'" });
  await rt.count(client, api.orders(), { filter: "piad eq true" });
  await api.listCustomers(client, api.customers(), { expand: { orders: { filter: "status eq 'opne'" } } });
  await api.listOrders(client, api.orders(), { filter: `customerId eq ${rt.literal("Guid", id)}` });
  // Each URL as sent: absolute, below the service root, its query percent-encoded.
  expect(sent.every((s) => s.path.startsWith("https://shop.example/odata/v4/"))).toBe(true);
  expect(sent[1].path).toBe("https://shop.example/odata/v4/orders?$filter=placedDateTime%20ge%20'2024-01-31T08:00:00Z'");
  const answers = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, sent).results.map((r) => (r.ok ? r.call.call : r.problem));
  expect(answers).toEqual([
    `const result = await listOrders(client, target, { filter: (o) => o.status.eq("shipped").and(o.lines.any((l) => l.quantity.gt(1))), orderby: "placedDateTime desc", top: 5 });`,
    "GET /orders: $filter=placedDateTime ge '2024-01-31T08:00:00Z': placedDateTime is an Edm.DateTimeOffset: '2024-01-31T08:00:00Z' is a string; write it unquoted: 2024-01-31T08:00:00Z",
    "GET /orders/$count: $filter=piad eq true: shop.model.order has no property piad; did you mean paid?",
    "GET /customers: $expand=orders($filter=status eq 'opne'): $filter=status eq 'opne': status is a shop.model.status, which has no member opne; did you mean open?",
    `const result = await listOrders(client, target, { filter: (o) => o.customerId.eq("${id}") });`,
  ]);
});
