// When `odatagen fetch` says, after a network error or the time limit, that a proxy is set which Node's fetch does not use: table-driven.
import { unusedProxyHint } from "../generator/fetch/proxy-hint";

test.each<[string, Record<string, string>, string, string | undefined]>([
  ["no proxy set", {}, "20.20.2", undefined],
  ["Node 20 never uses one", { HTTPS_PROXY: "http://proxy:8080" }, "20.20.2", "HTTPS_PROXY is set, which the fetch of Node 20.20.2 never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1"],
  ["nor with NODE_USE_ENV_PROXY", { http_proxy: "http://proxy:8080", NODE_USE_ENV_PROXY: "1" }, "22.20.0", "http_proxy is set, which the fetch of Node 22.20.0 never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1"],
  ["Node 22.21 without NODE_USE_ENV_PROXY", { HTTP_PROXY: "http://proxy:8080" }, "22.21.0", "HTTP_PROXY is set, which Node's fetch goes through only with NODE_USE_ENV_PROXY=1"],
  ["Node 24 with NODE_USE_ENV_PROXY uses it", { HTTPS_PROXY: "http://proxy:8080", NODE_USE_ENV_PROXY: "1" }, "24.11.0", undefined],
  ["Node 24 with --use-env-proxy uses it", { HTTPS_PROXY: "http://proxy:8080", NODE_OPTIONS: "--use-env-proxy" }, "24.11.0", undefined],
])("%s", (_, env, version, want) => {
  expect(unusedProxyHint(env, version)).toBe(want);
});
