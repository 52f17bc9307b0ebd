/**
 * Why a download that failed (a network error, the time limit) may have gone around the proxy a
 * company's network needs: the variable that names the proxy for `url` is set (`HTTPS_PROXY`, else
 * `HTTP_PROXY`, for an `https:` URL; `HTTP_PROXY` alone for an `http:` one, as Node reads them), its
 * host is not in `NO_PROXY`, and Node's `fetch` does not use it (it does from Node 22.21, with
 * `NODE_USE_ENV_PROXY=1`). Undefined when none is set for it, or Node uses it.
 */
export function unusedProxyHint(env: NodeJS.ProcessEnv, nodeVersion: string, url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const u = new URL(url);
  const names = u.protocol === "https:" ? ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] : ["HTTP_PROXY", "http_proxy"];
  const name = names.find((n) => env[n]);
  if (!name || bypassed(u.hostname, env.NO_PROXY || env.no_proxy || "")) return undefined;
  const [major, minor] = nodeVersion.split(".").map(Number);
  const can = major > 22 || (major === 22 && minor >= 21);
  const asked = env.NODE_USE_ENV_PROXY === "1" || /--use-env-proxy\b/.test(env.NODE_OPTIONS ?? "");
  if (can && asked) return undefined;
  return can
    ? `${name} is set, which Node's fetch goes through only with NODE_USE_ENV_PROXY=1`
    : `${name} is set, which the fetch of Node ${nodeVersion} never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1`;
}

/** Whether `NO_PROXY` (hosts and domains, by commas or spaces; `*` for all) names `host`, whom no proxy would serve. */
function bypassed(host: string, noProxy: string): boolean {
  return noProxy.split(/[,\s]+/).some((entry) => {
    const name = entry.replace(/:\d+$/, "").replace(/^\*?\.?/, "").toLowerCase();
    return entry === "*" || (name !== "" && (host === name || host.endsWith(`.${name}`)));
  });
}
