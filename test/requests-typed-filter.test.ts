// Typed filters (README, Typed filters): a list's `filter` given as a function of the type's
// properties, on test/fixtures/requests/typed-filter.xml, which has a property of each kind a
// filter writes differently. Each filter is sent over loopback and its `$filter` compared with the
// expression written by hand; every one is then checked against the metadata by `odatagen url`'s
// checker (urlCalls), which was written apart from the runtime. Values of no literal of their
// property's type are TypeErrors before anything is sent; what does not compile is checked by both
// real compilers. Against a real OData server: requests-mockserver.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { RecordingServer } from "./helpers/recording-server";
import { expectErrorsWhereMarked, forEachCompiler } from "./helpers/typecheck";
import { urlCalls } from "../generator/url-calls";
import { createClient } from "../generated/graph-callrecords/runtime";
import { cloudCommunicationsCallRecords, communications } from "../generated/graph-callrecords/microsoft.graph.requests";
import { callRecordSessions, listSessions } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "typed-filter.xml");
const dir = generateFixture(FIXTURE, "typed-filter");
type Api = typeof import("./.generated/typed-filter/Shop.requests");
type Runtime = typeof import("./.generated/typed-filter/runtime");
const api: Api = require(path.join(dir, "Shop.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
type Fields = Parameters<Extract<NonNullable<Parameters<Api["listProducts"]>[2]>["filter"], Function>>[0];
type Filter = (p: Fields) => InstanceType<Runtime["Condition"]>;

const server = new RecordingServer();
let client: ReturnType<Runtime["createClient"]>;
let baseUrl = "";
beforeAll(async () => {
  baseUrl = await server.start();
  client = rt.createClient({ baseUrl });
});
afterAll(() => server.stop());

/** The `$filter` a list of Products sends for `filter`, decoded. */
async function sent(filter: Filter): Promise<string> {
  server.json(200, { value: [] });
  await api.listProducts(client, api.products(), { filter });
  const query = new URL(server.last().url, "http://host").searchParams;
  return query.get("$filter") ?? "";
}

const CASES: [string, Filter, string][] = [
  ["a String, quoted", (p) => p.name.eq("O'Neil"), "name eq 'O''Neil'"],
  ["an Int32 and a Boolean", (p) => p.stock.gt(0).and(p.active.eq(true)), "stock gt 0 and active eq true"],
  ["an Int64 as a number, a string or a bigint", (p) => rt.or(p.id.eq(1), p.id.eq("9007199254740993"), p.id.eq(9007199254740993n as never)), "id eq 1 or id eq 9007199254740993 or id eq 9007199254740993"],
  ["a Decimal given as text, unquoted", (p) => p.price.le("12.50"), "price le 12.50"],
  ["a Double's INF", (p) => p.weight.lt(Infinity), "weight lt INF"],
  ["a Guid through a type definition", (p) => p.sku.eq("9d9b2fa0-efbf-490e-a5e3-bac8f7d47354"), "sku eq 9d9b2fa0-efbf-490e-a5e3-bac8f7d47354"],
  ["a DateTimeOffset from a Date", (p) => p.changed.ge(new Date(Date.UTC(2024, 0, 5, 13, 20))), "changed ge 2024-01-05T13:20:00.000Z"],
  ["a DateTimeOffset from its text", (p) => p.changed.lt("2024-01-05T13:20:00+02:00"), "changed lt 2024-01-05T13:20:00+02:00"],
  ["a Date, a TimeOfDay and a Duration", (p) => rt.and(p.released.eq("2024-01-05"), p.opens.lt("09:30:00"), p.warranty.ge("P2DT1H")), "released eq 2024-01-05 and opens lt 09:30:00 and warranty ge duration'P2DT1H'"],
  ["a Binary, written as base64url", (p) => p.thumbprint.eq("q+8/"), "thumbprint eq binary'q-8_'"],
  ["an enum member, with its type's name", (p) => p.status.ne("closed"), "status ne Shop.Status'closed'"],
  ["a flags enum's has", (p) => p.colors.has("Red"), "colors has Shop.Color'Red'"],
  ["null", (p) => p.name.ne(null).and(p.size.value.eq(null)), "name ne null and size/value eq null"],
  ["a complex property's member", (p) => p.size.value.gt(2).and(p.size.unit.eq("cm")), "size/value gt 2 and size/unit eq 'cm'"],
  ["a complex property none of whose members needs a table", (p) => p.note.text.contains("fragile"), "contains(note/text,'fragile')"],
  ["one property compared with another", (p) => p.name.ne(p.size.unit), "name ne size/unit"],
  ["in, written as eq joined by or (OData 4.0 has no in)", (p) => p.status.in(["open", "closed"]).and(p.stock.in([])), "(status eq Shop.Status'open' or status eq Shop.Status'closed') and false"],
  ["string functions", (p) => p.name.tolower().startswith("a").or(p.name.trim().length().gt(3)), "startswith(tolower(name),'a') or length(trim(name)) gt 3"],
  ["date and time functions", (p) => p.changed.year().eq(2024).and(p.released.month().ge(6), p.opens.hour().lt(9), p.changed.second().eq(0)), "year(changed) eq 2024 and month(released) ge 6 and hour(opens) lt 9 and second(changed) eq 0"],
  ["not, and or inside and, parenthesized", (p) => rt.or(p.stock.eq(1), p.stock.eq(2)).and(p.active.eq(true).not()), "(stock eq 1 or stock eq 2) and not (active eq true)"],
  ["not of a call needs no parentheses; and inside or none", (p) => p.name.endswith("x").not().not().or(p.stock.eq(1).and(p.stock.eq(2))), "not not endswith(name,'x') or stock eq 1 and stock eq 2"],
  ["not binds tighter than and", (p) => p.name.contains("x").not().and(p.stock.eq(1)), "not contains(name,'x') and stock eq 1"],
  ["any of a collection of strings", (p) => p.labels.any((l) => l.eq("new")), "labels/any(x1:x1 eq 'new')"],
  ["any without a test: not empty", (p) => p.labels.any(), "labels/any()"],
  ["a collection's $count", (p) => p.labels.count().eq(0).or(p.parts.count().gt(p.stock)), "labels/$count eq 0 or parts/$count gt stock"],
  ["a collection's $count, an Edm.Int64, beyond Int32's range", (p) => p.labels.count().lt(2 ** 40), "labels/$count lt 1099511627776"],
  [
    "an Int16, a Byte and an SByte at the ends of their ranges, also a lambda's item",
    (p) => rt.and(p.rank.ge(-32768), p.shelf.le(255), p.tilt.in([-128, 127]), p.ratings.any((r) => r.eq(0)), p.stock.lt(2147483647)),
    "rank ge -32768 and shelf le 255 and (tilt eq -128 or tilt eq 127) and ratings/any(x1:x1 eq 0) and stock lt 2147483647",
  ],
  [
    "lambdas within lambdas, over complex items, each with its own variable",
    (p) => p.parts.all((part) => part.made.lt("2024-01-01").and(part.sizes.any((s) => s.value.gt("1.5")))),
    "parts/all(x1:x1/made lt 2024-01-01 and x1/sizes/any(x2:x2/value gt 1.5))",
  ],
  ["the same variable again beside a lambda", (p) => p.parts.any((a) => a.tags.any((t) => t.eq("a"))).and(p.labels.any((l) => l.eq("b"))), "parts/any(x1:x1/tags/any(x2:x2 eq 'a')) and labels/any(x1:x1 eq 'b')"],
  ["no conditions: true", () => rt.and(), "true"],
  [
    "members named as Object's (toString, __proto__, constructor)",
    (p) => rt.and(p.odd.toString.eq("2024-01-05"), p.odd.__proto__.eq("9d9b2fa0-efbf-490e-a5e3-bac8f7d47354"), p.odd.constructor.any((d) => d.value.gt(1))),
    "odd/toString eq 2024-01-05 and odd/__proto__ eq 9d9b2fa0-efbf-490e-a5e3-bac8f7d47354 and odd/constructor/any(x1:x1/value gt 1)",
  ],
];

describe("a typed filter's $filter", () => {
  test.each(CASES)("%s", async (_, filter, expected) => {
    expect(await sent(filter)).toBe(expected);
  });

  test("each is a filter the metadata allows, as odatagen url checks it", () => {
    const requests = CASES.map(([, , expected]) => ({ path: `/Products?$filter=${encodeURIComponent(expected)}` }));
    const answer = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, requests);
    expect(answer.results.map((r, i) => (r.ok ? "ok" : `${CASES[i]![0]}: ${r.problem}`))).toEqual(CASES.map(() => "ok"));
  });

  test("with other options, and on a bound function's collection", async () => {
    server.json(200, { value: [] });
    await api.listProducts(client, api.products(), { filter: (p) => p.stock.gt(0), select: ["name"], top: 2 });
    expect(decodeURIComponent(server.last().url)).toBe("/Products?$select=name&$filter=stock gt 0&$top=2");
    server.json(200, { value: [] });
    await api.cheapest(client, api.products(), { filter: (p) => p.changed.gt(new Date(Date.UTC(2024, 0, 1))) });
    expect(decodeURIComponent(server.last().url)).toBe("/Products/Shop.cheapest()?$filter=changed gt 2024-01-01T00:00:00.000Z");
  });

  test("in with 200,000 values is written without overflowing the stack (no service takes the URL: written, not sent)", () => {
    const many = Array.from({ length: 200_000 }, (_, i) => i);
    const text = rt.filterText((p: Fields) => p.stock.in(many), api.ProductFilterKinds);
    expect(text.startsWith("stock eq 0 or stock eq 1 or ")).toBe(true);
    expect(text.endsWith(" or stock eq 199999")).toBe(true);
  });

  test("an open type's dynamic property by name, its value written as it is", async () => {
    server.json(200, { value: [] });
    await api.listMakers(client, api.makers(), { filter: (m) => m.$dynamic("extension_ab12_costCentre").eq("O'B").and(m.$dynamic("rating").gt(4.5), m.$dynamic("vip").eq(true)) });
    expect(new URL(server.last().url, "http://host").searchParams.get("$filter")).toBe("extension_ab12_costCentre eq 'O''B' and rating gt 4.5 and vip eq true");
    server.json(200, { value: [] });
    await api.listMakers(client, api.makers(), { filter: (m) => m.$dynamic("code").startswith("A") });
    expect(new URL(server.last().url, "http://host").searchParams.get("$filter")).toBe("startswith(code,'A')");
    await expect(api.listMakers(client, api.makers(), { filter: (m) => m.$dynamic("n").eq(NaN) })).rejects.toThrow("n: a dynamic property is compared with a string, a finite number or a Boolean, not NaN");
    const dated = (term: unknown) => (term as { year(): { eq(n: number): InstanceType<Runtime["Condition"]> } }).year().eq(1);
    await expect(api.listMakers(client, api.makers(), { filter: (m) => dated(m.$dynamic("d")) })).rejects.toThrow("year(d): takes an Edm.Date or an Edm.DateTimeOffset, and d is a dynamic property, whose type the metadata does not tell");
  });

  test("a string filter is sent as written", async () => {
    server.json(200, { value: [] });
    await api.listProducts(client, api.products(), { filter: "stock gt 0" });
    expect(decodeURIComponent(server.last().url)).toBe("/Products?$filter=stock gt 0");
  });
});

describe("values of no literal of their property's type are TypeErrors, and nothing is sent", () => {
  test.each<[string, Filter, RegExp]>([
    ["a Guid, naming the property", (p) => p.sku.eq("not-a-guid"), /^sku: not an Edm\.Guid literal: not-a-guid/],
    ["an Int16 out of its range, as a key's is", (p) => p.rank.eq(40000), /^rank: not an Edm\.Int16 literal: 40000 is out of its range -32768\.\.32767$/],
    ["a Byte below 0", (p) => p.shelf.eq(-1), /^shelf: not an Edm\.Byte literal: -1 is out of its range 0\.\.255$/],
    ["an SByte above 127", (p) => p.tilt.in([1, 128]), /^tilt: not an Edm\.SByte literal: 128 is out of its range -128\.\.127$/],
    ["a Byte item of a collection out of its range", (p) => p.ratings.any((r) => r.gt(256)), /^x1: not an Edm\.Byte literal: 256 is out of its range 0\.\.255$/],
    ["an Int32 out of its range, though no table lists an Int32", (p) => p.stock.eq(2 ** 40), /^stock: not an Edm\.Int32 literal: 1099511627776 is out of its range -2147483648\.\.2147483647$/],
    ["an Int32 given a bigint out of its range", (p) => p.stock.eq(-(2n ** 31n) - 1n as never), /^stock: not an Edm\.Int32 literal: -2147483649 is out of its range/],
    ["a day that is not in the calendar", (p) => p.released.eq("2023-02-30"), /2023-02-30 is no day of the calendar/],
    ["a Date with a time of day for an Edm.Date", (p) => p.released.eq(new Date(Date.UTC(2024, 0, 5, 13)) as never), /has a time of day/],
    ["a whole number that is not whole", (p) => p.stock.eq(1.5), /stock: not a value of its type: 1\.5/],
    ["a Date for a String", (p) => p.name.eq(new Date()), /name: not a value of its type: a Date \(name is no date\)/],
    ["a string function on a DateTimeOffset", (p) => p.changed.contains("2024"), /contains\(changed\): a string function takes a String, and changed is an Edm\.DateTimeOffset/],
    ["a date function on a String", (p) => p.name.year().eq(2024), /year\(name\): takes an Edm\.Date or an Edm\.DateTimeOffset, and name is a String, Boolean or whole number/],
    ["a time function on a Date", (p) => p.released.hour().eq(1), /hour\(released\): takes an Edm\.DateTimeOffset or an Edm\.TimeOfDay, and released is an Edm\.Date/],
    ["has on a String", (p) => (p.name as unknown as { has(v: string): InstanceType<Runtime["Condition"]> }).has("a"), /name has: only an enum property has members/],
    ["a value compared with an Edm.Untyped", (p) => p.extra.eq(1 as never), /extra: a value of no literal \(Edm\.Untyped, Geography or Geometry\) is compared with null only/],
    ["a navigation property of a complex type", (p) => p.parts.any((x) => (x.maker as unknown as { eq(v: number): InstanceType<Runtime["Condition"]> }).eq(1)), /x1\/maker: a navigation property is compared with null only/],
    ["an item compared with a whole complex value", (p) => (p.parts as unknown as { eq(v: object): InstanceType<Runtime["Condition"]> }).eq({}), /parts: a structured value is compared with null only/],
    ["a boolean where a condition goes", (p) => rt.and(p.active.eq(true), true as never), /a typed filter's and takes conditions \(p\.Age\.gt\(30\)\), not the boolean true: compare a property/],
    ["a filter that returns no condition", () => "stock gt 0" as never, /a typed filter's function takes conditions .* not string/],
  ])("%s", async (_, filter, message) => {
    const before = server.requests.length;
    await expect(api.listProducts(client, api.products(), { filter })).rejects.toThrow(message);
    expect(server.requests.length).toBe(before);
  });

  test("inside $expand, a typed filter is refused: the runtime does not know the expanded type's kinds", async () => {
    const options = { expand: { maker: { filter: () => rt.and() } } } as never;
    await expect(api.listProducts(client, api.products(), options)).rejects.toThrow("a typed filter (a function) is taken by a read of a collection; inside $expand, write the filter as a string");
  });
});

test("the module's tables list only the properties whose value does not tell their Edm type", () => {
  const module = fs.readFileSync(path.join(dir, "Shop.requests.ts"), "utf8");
  expect(module).toContain('export const DimensionFilterKinds: rt.FilterKinds = { value: "Decimal" };');
  // An Int16, a Byte and an SByte are listed, for their ranges; an Int32 is not (a number not listed is held to Int32's).
  expect(module).toContain('  rank: "Int16",\n  shelf: "Byte",\n  tilt: "SByte",\n  ratings: "Byte",\n');
  expect(module).toContain('export const PartFilterKinds: rt.FilterKinds = {\n  sizes: [() => DimensionFilterKinds],\n  made: "Date",\n  maker: "Navigation",\n};');
  expect(module).toContain("  note: rt.plainKinds,\n  parts: [() => PartFilterKinds],\n");
  // Maker's properties are an Int32 and a String: no table, and its list passes none.
  expect(module).not.toContain("MakerFilterKinds");
  expect(module).toContain("return rt.readPage(client, target, options, ProductFilterKinds);");
  expect(module).toContain("return rt.readPage(client, target, options);");
});

describe("on Graph's callRecords (the committed generated/graph-callrecords)", () => {
  test("a session's filter on a date, a collection of enum members, an enum in a complex value and text through a union of subtypes: written as Graph's metadata types them, and accepted by odatagen url", async () => {
    const graphClient = createClient({ baseUrl: `${baseUrl}/v1.0` });
    server.json(200, { value: [] });
    await listSessions(graphClient, callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1")), {
      filter: (s) =>
        s.startDateTime
          .ge(new Date(Date.UTC(2024, 0, 1)))
          .and(s.modalities.any((m) => m.eq("audio")), s.failureInfo.stage.eq("callSetup"), s.callee.userAgent.headerValue.startswith("Teams")),
    });
    const url = decodeURIComponent(server.last().url);
    const filter =
      "startDateTime ge 2024-01-01T00:00:00.000Z and modalities/any(x1:x1 eq microsoft.graph.callRecords.modality'audio') and " +
      "failureInfo/stage eq microsoft.graph.callRecords.failureStage'callSetup' and startswith(callee/userAgent/headerValue,'Teams')";
    expect(url).toBe(`/v1.0/communications/callRecords/r1/sessions?$filter=${filter}`);
    const spec = path.join(__dirname, "..", "specs", "graph-callrecords.xml");
    const answer = urlCalls({ inputs: [{ file: spec, content: fs.readFileSync(spec, "utf8") }] }, [{ path: `/communications/callRecords/r1/sessions?$filter=${encodeURIComponent(filter)}` }]);
    expect(answer.results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([expect.stringContaining("listSessions(")]);
  });
});

const USAGE = `
import * as rt from "./runtime.js";
import { and, not, or, type TypedFilter } from "./index.js";
import { listMakers, listProducts, makers, products, type ProductNavigation } from "./Shop.requests.js";
import type { Product } from "./Shop.types.js";

declare const client: rt.Client;
// The index gives the conditions' functions and the type of a filter kept apart from its call
// (with the type's …Navigation, whose properties it leaves out).
const recent: TypedFilter<Product, ProductNavigation> = (p) => and(p.changed.gt(new Date(0)), or(p.active.eq(true), not(p.stock.eq(0))));
const navigating: TypedFilter<Product> = (p) => p.maker.id.eq(1);

export async function usage(): Promise<void> {
  await listProducts(client, products(), { filter: (p) => p.name.eq("a").and(p.stock.gt(1), p.status.in(["open"]), p.colors.has("Red")) });
  await listProducts(client, products(), { filter: (p) => p.changed.gt(new Date()).or(p.changed.lt("2024-01-01T00:00:00Z")) });
  await listProducts(client, products(), { filter: (p) => p.parts.any((x) => x.sizes.all((s) => s.value.gt(1).and(s.unit.eq("cm")))) });
  await listProducts(client, products(), { filter: (p) => p.id.eq("1").or(p.id.eq(1), p.weight.eq("INF"), p.size.unit.eq(p.name)) });
  await listMakers(client, makers(), { filter: (m) => m.id.eq(1) });
  await listProducts(client, products(), { filter: recent });
  // @ts-expect-error without …Navigation, the navigation properties are fields, which the list does not give
  await listProducts(client, products(), { filter: navigating });
  // @ts-expect-error an Int32 takes a number
  await listProducts(client, products(), { filter: (p) => p.stock.eq("1") });
  // @ts-expect-error no such member of the enum
  await listProducts(client, products(), { filter: (p) => p.status.eq("opened") });
  // @ts-expect-error no such property
  await listProducts(client, products(), { filter: (p) => p.nmae.eq("a") });
  // @ts-expect-error a navigation property is not in a typed filter's reach
  await listProducts(client, products(), { filter: (p) => p.maker.id.eq(1) });
  // @ts-expect-error a string function on a number
  await listProducts(client, products(), { filter: (p) => p.stock.contains("1") });
  // @ts-expect-error has is an enum's
  await listProducts(client, products(), { filter: (p) => p.name.has("a") });
  // @ts-expect-error a collection is no value to compare
  await listProducts(client, products(), { filter: (p) => p.labels.eq("a") });
  // @ts-expect-error a String compared with a number property
  await listProducts(client, products(), { filter: (p) => p.stock.eq(p.name) });
  // @ts-expect-error a filter returns a condition, not a boolean
  await listProducts(client, products(), { filter: (p) => p.stock === undefined });
  await listMakers(client, makers(), { filter: (m) => m.$dynamic("extension_ab12_costCentre").eq("x") });
  // @ts-expect-error a type that is not open has no dynamic properties
  await listProducts(client, products(), { filter: (p) => p.$dynamic("x").eq("x") });
  // @ts-expect-error inside $expand a filter is a string
  await listProducts(client, products(), { expand: { maker: { filter: (m: never) => m } } });
}
`;

forEachCompiler((label, c) => {
  test(`${label}: a typed filter takes the properties and values of the type, and nothing else`, () => {
    expectErrorsWhereMarked(c, dir, USAGE);
  });
});
