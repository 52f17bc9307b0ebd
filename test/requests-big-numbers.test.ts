// Edm.Int64 and Edm.Decimal values between the caller and the service, over real HTTP on
// 127.0.0.1: a bigint in a body is written with its exact digits, as a JSON number, or as a string
// when the client is ieee754Compatible.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("requests/big-numbers.xml", "big-numbers");
type Runtime = typeof import("./.generated/big-numbers/runtime");
const rt: Runtime = require(path.join(dir, "runtime"));
const api: typeof import("./.generated/big-numbers/Disk.requests") = require(path.join(dir, "Disk.requests"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** The body `send` puts on the wire for `body`, from a client with `options`. */
async function sent(body: unknown, options: { ieee754Compatible?: boolean } = {}): Promise<string> {
  const client = rt.createClient({ baseUrl: srv.url, ...options });
  srv.handle(() => ({ status: 204 }));
  await rt.send(client, "POST", "/Files", body, undefined);
  return srv.requests[0].body;
}

describe("a bigint in a body", () => {
  test("is a JSON number with all its digits, at any depth, negative too", async () => {
    expect(await sent({ size: 9007199254740993n })).toBe('{"size":9007199254740993}');
    const body = { id: -9223372036854775808n, chunks: [1n, 9223372036854775807n], quota: { used: 18446744073709551615n, share: 0.5 }, name: "a" };
    expect(await sent(body)).toBe('{"id":-9223372036854775808,"chunks":[1,9223372036854775807],"quota":{"used":18446744073709551615,"share":0.5},"name":"a"}');
    expect(await sent(12345678901234567890n)).toBe("12345678901234567890");
  });

  test("strings that look like the marker stay strings", async () => {
    const body = { a: "~1", b: "~~2", c: ["~", 3n, "~~~4"], "~5": 6n, d: '"~7"' };
    expect(await sent(body)).toBe('{"a":"~1","b":"~~2","c":["~",3,"~~~4"],"~5":6,"d":"\\"~7\\""}');
    expect(JSON.parse(await sent(body))).toEqual({ a: "~1", b: "~~2", c: ["~", 3, "~~~4"], "~5": 6, d: '"~7"' });
  });

  test("is a JSON string when the client is ieee754Compatible (IEEE754Compatible=true)", async () => {
    expect(await sent({ size: 9007199254740993n, ratio: 0.5 }, { ieee754Compatible: true })).toBe('{"size":"9007199254740993","ratio":0.5}');
    expect(srv.requests[0].headers["content-type"]).toBe("application/json;IEEE754Compatible=true");
  });

  test("NaN and ±Infinity are written as JSON Format §7.1's strings, not as JSON.stringify's null", async () => {
    expect(await sent({ ratio: NaN, scores: [Infinity, -Infinity, 1.5], nested: { x: -Infinity } })).toBe('{"ratio":"NaN","scores":["INF","-INF",1.5],"nested":{"x":"-INF"}}');
  });

  test("a complex or collection parameter in an alias is written so too: a bigint with its digits, NaN and ±Infinity as strings", () => {
    const url = rt.functionCall("", "ns.f", [["range", "json", { low: -Infinity, high: 9007199254740993n, mid: NaN }]]);
    expect(decodeURIComponent(url)).toBe('/ns.f(range=@range)?@range={"low":"-INF","high":9007199254740993,"mid":"NaN"}');
  });

  test("a body without a bigint is written as JSON.stringify writes it", async () => {
    const body = { name: "~9", size: 9007199254740991, price: "1.10", when: new Date(0) };
    expect(await sent(body)).toBe(JSON.stringify(body));
  });
});

describe("a bigint in a function's complex or collection parameter, in a parameter alias", () => {
  // IEEE754Compatible=true is a parameter of a payload's media type (JSON Format §3.2, §4.1: a payload
  // that writes Int64 as strings says so in its Content-Type); a URL has none, and a GET no body, so
  // a service reads the alias's JSON numbers as numbers (OData .NET refuses a string there).
  test.each([false, true])("is a JSON number with all its digits (ieee754Compatible %s)", async (ieee754Compatible) => {
    const client = rt.createClient({ baseUrl: srv.url, ieee754Compatible });
    srv.handle(() => ({ body: { value: true } }));
    await api.within(client, { quota: { used: 9007199254740993n, share: 0.5 }, chunks: [9007199254740993n, -1n] });
    const r = srv.requests[srv.requests.length - 1]!;
    expect(decodeURIComponent(r.url)).toBe('/within(quota=@quota,chunks=@chunks)?@quota={"used":9007199254740993,"share":0.5}&@chunks=[9007199254740993,-1]');
    expect([r.headers.accept, r.headers["content-type"]]).toEqual([ieee754Compatible ? "application/json;IEEE754Compatible=true" : "application/json", undefined]);
  });
});
