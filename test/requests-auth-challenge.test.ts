// An error answer's WWW-Authenticate header (RFC 9110 §11.6.1) is on the ODataError as
// `wwwAuthenticate`: Graph's continuous access evaluation answers a revoked token 401 with a claims
// challenge there, which a program hands to its identity library to get a token with those claims.
// Over real HTTP on 127.0.0.1, alone and inside a JSON batch.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "auth-challenge", { keyAsSegment: false });
const api: typeof import("./.generated/auth-challenge/Travel.Lite.requests") = require(path.join(dir, "Travel.Lite.requests"));
const rt: typeof import("./.generated/auth-challenge/runtime") = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

// Graph's documented challenge for a token revoked while it was valid.
const CHALLENGE = 'Bearer authorization_uri="https://login.windows.net/common/oauth2/authorize", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYwNDEwNjY1MSJ9fX0="';
const revoked = {
  error: { code: "InvalidAuthenticationToken", message: "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp", innerError: { "request-id": "r1" } },
};

async function rejection(call: Promise<unknown>): Promise<InstanceType<typeof rt.ODataError>> {
  const e: unknown = await call.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(rt.ODataError);
  return e as InstanceType<typeof rt.ODataError>;
}

test("a 401's WWW-Authenticate is the error's wwwAuthenticate; an error without one has none", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "t0k" });
  srv.handle((_, i) => (i === 0 ? { status: 401, headers: { "WWW-Authenticate": CHALLENGE }, body: revoked } : { status: 404, body: { error: { code: "NotFound", message: "no" } } }));
  const e = await rejection(api.getPerson(client, api.people().byKey("a")));
  expect({ status: e.status, code: e.code, wwwAuthenticate: e.wwwAuthenticate }).toEqual({ status: 401, code: "InvalidAuthenticationToken", wwwAuthenticate: CHALLENGE });
  const other = await rejection(api.getPerson(client, api.people().byKey("b")));
  expect(other.status).toBe(404);
  expect(other.wwwAuthenticate).toBeUndefined();
  expect("wwwAuthenticate" in other).toBe(false);
});

test("so does a request's own answer inside a JSON batch", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
  srv.handle((req) => {
    const [first] = (JSON.parse(req.body) as { requests: { id: string }[] }).requests;
    return { status: 200, body: { responses: [{ id: first!.id, status: 401, headers: { "www-authenticate": CHALLENGE, "content-type": "application/json" }, body: revoked }] } };
  });
  const b = rt.batch(client);
  const read = api.getPerson(b, api.people().byKey("a"));
  await b.send();
  const e = await rejection(read);
  expect([e.status, e.wwwAuthenticate]).toEqual([401, CHALLENGE]);
});
