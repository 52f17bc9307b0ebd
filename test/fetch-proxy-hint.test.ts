// When `odatagen fetch` says, after a network error or the time limit, that a proxy is set which Node's fetch does not use: table-driven.
import { unusedProxyHint } from "../generator/fetch/proxy-hint";

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
