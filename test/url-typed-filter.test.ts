// `odatagen url` prints a list's `$filter` as a typed filter where one says it all (README, Typed
// filters; generator/emit/url-typed-filter.ts), on test/fixtures/requests/url-filter.xml. Each
// printed filter is run by the generated runtime (the filter it sends is accepted by `odatagen
// url`'s checker, and printed and run again, sends the same text), and every printed call compiles
// under both real compilers. What a typed filter cannot say stays a string, and nesting of any
// depth is read without exhausting the stack.
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { writable } from "../generator/emit/literal-forms";
import { literal, type KeyKind } from "../templates/static/runtime";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, forEachCompiler, runTsc, BASE_OPTIONS } from "./helpers/typecheck";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "url-filter.xml");
const dir = generateFixture("requests/url-filter.xml", "url-typed-filter");
type Api = typeof import("./.generated/url-typed-filter/shop.model.requests");
type Runtime = typeof import("./.generated/url-typed-filter/runtime");
const api: Api = require(path.join(dir, "shop.model.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

/** The call `odatagen url` prints for a list of orders with `filter`, or its refusal. */
function printed(filters: readonly string[]): string[] {
  const requests = filters.map((f) => ({ path: `/orders?$filter=${encodeURIComponent(f)}` }));
  return urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }], acceptWarnings: ["ODG106"] }, requests).results.map((r) => (r.ok ? r.call.call : r.problem));
}

/** The typed filter's code in a printed call (`filter: (o) => …`), or undefined where it is a string. */
function typedCode(call: string): string | undefined {
  const start = call.indexOf("filter: (");
  if (start < 0) return undefined;
  // To the comma or brace that ends the member, outside strings and brackets.
  let depth = 0;
  for (let i = start + "filter: ".length; i < call.length; i++) {
    const c = call[i]!;
    if (c === '"') {
      i++;
      while (call[i] !== '"') i += call[i] === "\\" ? 2 : 1;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return call.slice(start + "filter: ".length, i).trim();
      depth--;
    } else if (c === "," && depth === 0) return call.slice(start + "filter: ".length, i);
  }
  return undefined;
}

let sent = "";
const client = rt.createClient({
  baseUrl: "https://shop.example/odata",
  fetch: async (input: string | URL | Request) => {
    sent = new URL(String(input)).searchParams.get("$filter") ?? "";
    return new Response(JSON.stringify({ value: [] }), { headers: { "Content-Type": "application/json" } });
  },
});

/** The `$filter` the runtime sends for a typed filter's code. */
async function run(code: string): Promise<string> {
  const filter = new Function(`return ${code};`)() as NonNullable<Parameters<Api["listOrders"]>[2]>["filter"];
  await api.listOrders(client, api.orders(), { filter });
  return sent;
}

const FILTERS = [
  "status eq 'shipped' and paid eq true",
  "status eq shop.model.status'open' or status eq shop.status'cancelled'",
  "tags has shop.model.tags'gift' and tags eq 'gift,fragile'",
  "placedDateTime ge 2024-01-31T08:00:00Z and deliveryDate le 2024-02-01 and cutOff lt 17:30:00",
  "customerId eq 0f8fad5b-d9cb-469f-a165-70867728950e and orderNumber gt 100 and warranty eq duration'P1DT2H'",
  "lines/any(l:l/sku eq 0f8fad5b-d9cb-469f-a165-70867728950e and l/quantity ge 2) and notes/all(n:contains(n,'door'))",
  "not (paid eq true or status eq 'open') and not contains(id,'x')",
  "(status eq 'open' or status eq 'shipped') and (orderNumber lt 5 or orderNumber gt 100)",
  "paid and not paid",
  "id in ('a','b') and orderNumber in (1, 2)",
  "tolower(id) eq 'a' and length(trim(id)) gt 3 and startswith(toupper(shipTo/city),'LY')",
  "shipTo/city eq shipTo/postalCode and shipTo/postalCode ne null and lines/any(l:l/price gt 2.50)",
  "notes/any() and lines/all(x:x/quantity gt 0 and x/sku ne null)",
  "lines/any(l:l/quantity gt 1) and notes/any(l:l eq 'l')",
  "id eq 'O''Neil' and shipTo/city eq ''",
  "year(placedDateTime) eq 2024 and month(deliveryDate) le 6 and hour(cutOff) lt 18",
  "lines/$count gt 0 and notes/$count eq lines/$count",
  "orderNumber le 9223372036854775807 and orderNumber ge -9223372036854775808",
];

describe("a printed typed filter, run, sends a filter the metadata allows, which prints and runs to the same text", () => {
  const calls = printed(FILTERS);
  test.each(FILTERS.map((f, i) => [f, calls[i]!]))("%s", async (_, call) => {
    const code = typedCode(call);
    expect(code).toBeDefined();
    const first = await run(code!);
    const again = printed([first])[0]!;
    const code2 = typedCode(again);
    expect(code2).toBeDefined();
    expect(await run(code2!)).toBe(first);
  });
});

test("the texts sent, for the filters a reader checks by eye", async () => {
  const calls = printed(FILTERS);
  const sentFor = async (i: number) => run(typedCode(calls[i]!)!);
  expect(await sentFor(0)).toBe("status eq shop.model.status'shipped' and paid eq true");
  expect(await sentFor(4)).toBe("customerId eq 0f8fad5b-d9cb-469f-a165-70867728950e and orderNumber gt 100 and warranty eq duration'P1DT2H'");
  expect(await sentFor(6)).toBe("not (paid eq true or status eq shop.model.status'open') and not contains(id,'x')");
  expect(await sentFor(8)).toBe("paid eq true and not (paid eq true)");
  expect(await sentFor(9)).toBe("(id eq 'a' or id eq 'b') and (orderNumber eq 1 or orderNumber eq 2)");
  // The same variable in two lambdas, each its own parameter.
  expect(calls[13]).toContain(`o.lines.any((l) => l.quantity.gt(1)).and(o.notes.any((l) => l.eq("l")))`);
});

test("a placeholder becomes a variable of the type its property takes; one compared with an enumeration leaves the filter a template", () => {
  const file = { file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") };
  const [typed, template] = urlCalls({ inputs: [file] }, [
    { path: "/orders?$filter=placedDateTime ge {start} and id eq '{id}' and orderNumber gt {n} and contains(id,'{part}')" },
    { path: "/orders?$filter=status eq {s}" },
  ]).results.map((r) => {
    if (!r.ok) throw new Error(r.problem);
    return r.call;
  });
  expect(typed!.call).toBe("const result = await listOrders(client, target, { filter: (o) => o.placedDateTime.ge(start).and(o.id.eq(id), o.orderNumber.gt(n), o.id.contains(part)) });");
  expect(typed!.variables.filter((v) => v.name !== "client").map((v) => `${v.name}: ${v.type}`)).toEqual(["start: string | Date", "id: string", "n: number | string", "part: string"]);
  expect(template!.call).toBe('const result = await listOrders(client, target, { filter: `status eq ${literal("enum:shop.model.status", s)}` });');
  // A placeholder named as the root parameter would be (`o`): the root takes another name.
  const [named] = urlCalls({ inputs: [file] }, [{ path: "/orders?$filter=id eq '{o}'" }]).results;
  expect(named?.ok && named.call.call).toBe("const result = await listOrders(client, target, { filter: (it) => it.id.eq(o) });");
  // And a lambda's variable named as one (`l`) takes another name.
  const [lambda] = urlCalls({ inputs: [file] }, [{ path: "/orders?$filter=lines/any(l:l/quantity gt {l})" }]).results;
  expect(lambda?.ok && lambda.call.call).toBe("const result = await listOrders(client, target, { filter: (o) => o.lines.any((l_) => l_.quantity.gt(l)) });");
  // The typed one compiles with its variables declared as the call says.
  const [head, rest] = typed!.code.split("\n\n");
  const declared = typed!.variables.map((v) => `declare const ${v.name}: ${v.name === "client" ? "Client" : v.type};`);
  const usage = [`import type { Client } from "./index.js";`, head, ...declared, "export async function run() {", rest, "  void result;", "}", ""].join("\n");
  fs.writeFileSync(path.join(dir, "placeholder-usage.ts"), usage);
  const r = runTsc(anyCompiler(), dir, ["placeholder-usage.ts"], BASE_OPTIONS);
  expect(r.output).toBe("");
});

test("an open type's undeclared names are its dynamic properties ($dynamic), compared with strings, numbers and Booleans; the printed call compiles", () => {
  const file = { file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") };
  const [call] = urlCalls({ inputs: [file] }, [{ path: "/customers?$filter=extension_0a1b_costCentre eq 'x' and startswith(extension_0a1b_code,'A') and rating gt 4.5 and vip eq true and extension_0a1b_n ne {n}" }]).results.map((r) => {
    if (!r.ok) throw new Error(r.problem);
    return r.call;
  });
  expect(call!.call).toBe(
    'const result = await listCustomers(client, target, { filter: (c) => c.$dynamic("extension_0a1b_costCentre").eq("x").and(c.$dynamic("extension_0a1b_code").startswith("A"), c.$dynamic("rating").gt(4.5), c.$dynamic("vip").eq(true), c.$dynamic("extension_0a1b_n").ne(n)) });',
  );
  expect(call!.variables.find((v) => v.name === "n")).toMatchObject({ type: "string", what: "the value compared with extension_0a1b_n, a dynamic property, in the $filter" });
  const [head, rest] = call!.code.split("\n\n");
  const declared = call!.variables.map((v) => `declare const ${v.name}: ${v.name === "client" ? "Client" : v.type};`);
  fs.writeFileSync(path.join(dir, "dynamic-usage.ts"), [`import type { Client } from "./index.js";`, head, ...declared, "export async function run() {", rest, "  void result;", "}", ""].join("\n"));
  expect(runTsc(anyCompiler(), dir, ["dynamic-usage.ts"], BASE_OPTIONS).output).toBe("");
});

test("what a typed filter cannot say stays the string it was", () => {
  const untyped = [
    "parcels/$count gt 0",
    "shipTo ne null",
    "parcels/any(p:p/weight lt 2.5)",
    "customer/displayName eq 'Ann'",
    "shop.model.giftOrder/message ne null",
    "$it/paid eq false",
    "year(id) eq 2024",
    "'x' eq id",
    "orderNumber add 1 eq 2",
    "warranty eq duration'P1Y'",
    // A whole number's fraction or a value out of its type's range, which the runtime refuses as a key's.
    "lines/any(l:l/quantity gt 2147483648)",
    "lines/any(l:l/quantity eq 1.5)",
    "length(id) lt 3000000000",
    // An Int64's value the runtime's literal refuses (beyond its range, a fraction, an exponent): a comparison the service promotes.
    "orderNumber eq 99999999999999999999",
    "orderNumber gt -9223372036854775809",
    "orderNumber eq 1.5",
    "orderNumber lt 1e3",
    "warranty eq 'PT1H'",
    "deliveryDate eq 2023-02-30",
    `${"(".repeat(200)}paid eq true${")".repeat(200)}`,
    `${"tolower(".repeat(200)}id${")".repeat(200)} eq 'a'`,
    // null is compared by eq and ne only: a typed filter's gt, ge, lt and le take no null.
    "placedDateTime gt null",
    "length(id) lt null",
  ];
  const calls = printed(untyped);
  calls.forEach((call, i) => {
    if (!call.startsWith("const result")) return; // the checker refused it: nothing printed
    expect(call).toBe(`const result = await listOrders(client, target, { filter: ${JSON.stringify(untyped[i])} });`);
  });
  // The deep ones are checked and printed, not refused; so are those with null.
  expect(calls.slice(-4).every((c) => c.startsWith("const result"))).toBe(true);
});

test("a dynamic property's number is typed only where JavaScript holds it exactly", () => {
  const file = { file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") };
  const calls = urlCalls({ inputs: [file] }, [{ path: "/customers?$filter=rating eq 99999999999999999999" }, { path: "/customers?$filter=rating eq 1.50" }, { path: "/customers?$filter=rating eq 12" }]).results.map((r) => (r.ok ? r.call.call : r.problem));
  expect(calls).toEqual([
    'const result = await listCustomers(client, target, { filter: "rating eq 99999999999999999999" });',
    'const result = await listCustomers(client, target, { filter: "rating eq 1.50" });',
    'const result = await listCustomers(client, target, { filter: (c) => c.$dynamic("rating").eq(12) });',
  ]);
});

test("nesting of any depth is read without exhausting the stack", () => {
  const deep = 100_000;
  const texts = [`${"not ".repeat(deep)}paid eq true`, `${"(".repeat(deep)}paid eq true${")".repeat(deep)}`, `${"tolower(".repeat(deep)}id${")".repeat(deep)} eq 'a'`];
  const calls = printed(texts);
  // Each is answered (printed as the string it was, or refused by the checker): none throws.
  expect(calls).toHaveLength(3);
  for (const [i, call] of calls.entries()) if (call.startsWith("const result")) expect(call).toContain(`filter: ${JSON.stringify(texts[i])}`);
});

forEachCompiler((label, c) => {
  test(`${label}: every printed typed filter compiles where odatagen url prints it`, () => {
    const calls = printed(FILTERS);
    expect(calls.filter((call) => !call.startsWith("const result"))).toEqual([]);
    const lines = calls.map((call, i) => `export async function f${i}(): Promise<void> {\n  ${call}\n  void result;\n}`);
    const usage = `import * as rt from "./runtime.js";\nimport { listOrders, orders } from "./shop.model.requests.js";\ndeclare const client: rt.Client;\nconst target = orders();\n${lines.join("\n")}\n`;
    fs.writeFileSync(path.join(dir, "typed-usage.ts"), usage);
    const r = runTsc(c, dir, ["typed-usage.ts"], BASE_OPTIONS);
    expect(r.output).toBe("");
  });
});

test("the forms it writes a literal of are the runtime's: for each, a text is writable exactly when the runtime's literal takes it", () => {
  // url-typed-filter.ts cannot import the runtime (a template copied into outputs), so it keeps its forms: checked against it here.
  const texts: Record<string, string[]> = {
    Date: ["2024-01-05", "2023-02-29", "2024-02-29", "2023-02-30", "-0001-12-31", "12024-01-01", "2024-1-05", "2024-13-01"],
    TimeOfDay: ["09:30", "09:30:00", "23:59:60", "24:00:00", "09:30:00.123456789012", "09:30:00.1234567890123", "9:30"],
    DateTimeOffset: ["2024-01-05T13:20:00Z", "2024-01-05T13:20Z", "2024-01-05T13:20:00.5+01:00", "2024-01-05T25:00:00Z", "2024-01-05T13:20:00", "2024-02-30T00:00:00Z", "2024-01-05t13:20:00z"],
    Duration: ["P1D", "PT1H30M", "P1DT2H", "-PT0.5S", "P1Y", "P1M", "PT", "P", "pt1h"],
    Binary: ["q-8_", "AA==", "AAA=", "AAAA", "A", "AB=", "q+8/"],
  };
  for (const [kind, list] of Object.entries(texts)) {
    for (const text of list) {
      let runtime = true;
      try {
        literal(kind as KeyKind, text);
      } catch {
        runtime = false;
      }
      expect(`${kind} ${text}: ${writable(kind, text)}`).toBe(`${kind} ${text}: ${runtime}`);
    }
  }
});
