/**
 * Why a download that failed (a network error, the time limit) may have gone around the proxy a
 * company's network needs: `HTTPS_PROXY` or `HTTP_PROXY` is set, and Node's `fetch` does not use it
 * (it does from Node 22.21, with `NODE_USE_ENV_PROXY=1`). Undefined when none is set, or Node uses it.
 */
export function unusedProxyHint(env: NodeJS.ProcessEnv, nodeVersion: string): string | undefined {
  const name = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].find((n) => env[n]);
  if (!name) return undefined;
  const [major, minor] = nodeVersion.split(".").map(Number);
  const can = major > 22 || (major === 22 && minor >= 21);
  const asked = env.NODE_USE_ENV_PROXY === "1" || /--use-env-proxy\b/.test(env.NODE_OPTIONS ?? "");
  if (can && asked) return undefined;
  return can
    ? `${name} is set, which Node's fetch goes through only with NODE_USE_ENV_PROXY=1`
    : `${name} is set, which the fetch of Node ${nodeVersion} never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1`;
}
