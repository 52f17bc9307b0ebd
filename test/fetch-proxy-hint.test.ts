// When `odatagen fetch` says, after a network error or the time limit, that a proxy is set which Node's fetch does not use: table-driven.
import { askedForProxyCredentials, proxyCredentialsHint, unusedProxyHint } from "../generator/fetch/proxy-hint";
import { download } from "../generator/fetch/download";

const HTTPS = "https://host.example/$metadata";

test.each<[string, Record<string, string>, string, string | undefined]>([
  ["no proxy set", {}, "20.20.2", undefined],
  ["Node 20 never uses one", { HTTPS_PROXY: "http://proxy:8080" }, "20.20.2", "HTTPS_PROXY is set, which the fetch of Node 20.20.2 never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1"],
  ["nor with NODE_USE_ENV_PROXY", { http_proxy: "http://proxy:8080", NODE_USE_ENV_PROXY: "1" }, "22.20.0", "http_proxy is set, which the fetch of Node 22.20.0 never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1"],
  ["Node 22.21 without NODE_USE_ENV_PROXY", { HTTP_PROXY: "http://proxy:8080" }, "22.21.0", "HTTP_PROXY is set, which Node's fetch goes through only with NODE_USE_ENV_PROXY=1"],
  ["Node 24 with NODE_USE_ENV_PROXY uses it", { HTTPS_PROXY: "http://proxy:8080", NODE_USE_ENV_PROXY: "1" }, "24.11.0", undefined],
  ["Node 24 with --use-env-proxy uses it", { HTTPS_PROXY: "http://proxy:8080", NODE_OPTIONS: "--use-env-proxy" }, "24.11.0", undefined],
])("%s", (_, env, version, want) => {
  expect(unusedProxyHint(env, version, HTTPS)).toBe(want);
});

// Node reads HTTPS_PROXY (else HTTP_PROXY) for an https: URL, HTTP_PROXY alone for an http: one, and
// no proxy for a host in NO_PROXY: a hint there would send the user to a fix that changes nothing.
test.each<[string, Record<string, string>, string, boolean]>([
  ["HTTPS_PROXY alone says nothing of an http: URL", { HTTPS_PROXY: "http://proxy:8080" }, "http://host.example/$metadata", false],
  ["HTTP_PROXY is said of an http: URL", { HTTP_PROXY: "http://proxy:8080" }, "http://host.example/$metadata", true],
  ["HTTP_PROXY is said of an https: URL too", { HTTP_PROXY: "http://proxy:8080" }, HTTPS, true],
  ["a host in NO_PROXY", { HTTPS_PROXY: "http://proxy:8080", NO_PROXY: "localhost, host.example" }, HTTPS, false],
  ["a host under a domain in no_proxy", { HTTPS_PROXY: "http://proxy:8080", no_proxy: ".example" }, HTTPS, false],
  ["NO_PROXY=*", { HTTPS_PROXY: "http://proxy:8080", NO_PROXY: "*" }, HTTPS, false],
  ["another host in NO_PROXY", { HTTPS_PROXY: "http://proxy:8080", NO_PROXY: "other.example,ost.example" }, HTTPS, true],
])("%s", (_, env, url, said) => {
  expect(unusedProxyHint(env, "20.20.2", url) !== undefined).toBe(said);
});

// A proxy that asks for credentials (407 Proxy Authentication Required): Node's fetch (undici's
// EnvHttpProxyAgent, under NODE_USE_ENV_PROXY=1) rejects with a bare `fetch failed`, whose cause is
// a DOMException `Request was cancelled.` (code 0), whose cause in turn says 407: as undici 6.28
// gives it against a loopback proxy answering CONNECT with 407.
const tunnelRefused = () =>
  new TypeError("fetch failed", {
    cause: new Error("Request was cancelled.", { cause: Object.assign(new Error("Proxy response (407) !== 200 when HTTP Tunneling"), { name: "AbortError", code: "UND_ERR_ABORTED" }) }),
  });

test.each<[string, unknown, boolean]>([
  ["a tunnel's CONNECT answered 407", tunnelRefused(), true],
  ["a request through the proxy answered 407", new TypeError("fetch failed", { cause: Object.assign(new Error("Proxy Authentication Required (407)"), { code: "UND_ERR_INVALID_ARG" }) }), true],
  ["a connection refused", new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8080"), { code: "ECONNREFUSED" }) }), false],
  ["a service's own 407 text elsewhere", new Error("status 407"), false],
])("%s", (_, error, asked) => {
  expect(askedForProxyCredentials(error)).toBe(asked);
});

test.each<[string, Record<string, string>, string]>([
  ["the proxy's URL has no credentials", { HTTPS_PROXY: "http://proxy.corp:8080" }, "the proxy of HTTPS_PROXY asked for credentials (407 Proxy Authentication Required): give them in its URL, HTTPS_PROXY=http://user:password@proxy.corp:8080 (percent-encoded: %40 for @, %3A for :)"],
  ["its credentials were refused (the password not said)", { HTTPS_PROXY: "http://me:s3cret@proxy.corp:8080" }, "the proxy of HTTPS_PROXY did not take the user and password in its URL (407 Proxy Authentication Required): check them (percent-encoded: %40 for @, %3A for :)"],
  // Node's fetch sends the proxy's credentials only with both a user and a password: a user alone was never sent.
  ["its URL has a user and no password", { HTTPS_PROXY: "http://me@proxy.corp:8080" }, "the proxy of HTTPS_PROXY asked for credentials (407 Proxy Authentication Required): its URL has a user and no password, and Node's fetch sends neither without the other: HTTPS_PROXY=http://me:password@proxy.corp:8080 (percent-encoded: %40 for @, %3A for :)"],
  ["its URL has a user and an empty password", { HTTPS_PROXY: "http://me:@proxy.corp:8080" }, "the proxy of HTTPS_PROXY asked for credentials (407 Proxy Authentication Required): its URL has a user and no password, and Node's fetch sends neither without the other: HTTPS_PROXY=http://me:password@proxy.corp:8080 (percent-encoded: %40 for @, %3A for :)"],
  ["no variable names it", {}, "the proxy asked for credentials (407 Proxy Authentication Required): give them in the proxy's URL, http://user:password@host:port (percent-encoded: %40 for @, %3A for :)"],
])("%s", (_, env, said) => {
  expect(proxyCredentialsHint(env, HTTPS)).toBe(said);
});

test("odatagen fetch behind a proxy that answers 407 says it asked for credentials, not a bare 'fetch failed'", async () => {
  const spy = jest.spyOn(globalThis, "fetch").mockRejectedValue(tunnelRefused());
  try {
    const got = await download(HTTPS, { headers: new Map(), json: false, timeoutMs: 1000, maxBytes: 1000, proxyCredentialsHint: proxyCredentialsHint({ HTTPS_PROXY: "http://proxy.corp:8080" }, HTTPS) });
    expect(got).toEqual({ ok: false, problem: `cannot download ${HTTPS}: the proxy of HTTPS_PROXY asked for credentials (407 Proxy Authentication Required): give them in its URL, HTTPS_PROXY=http://user:password@proxy.corp:8080 (percent-encoded: %40 for @, %3A for :)` });
  } finally {
    spy.mockRestore();
  }
});
