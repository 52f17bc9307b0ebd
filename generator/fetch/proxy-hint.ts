/**
 * Why a download that failed (a network error, the time limit) may have gone around the proxy a
 * company's network needs: the variable that names the proxy for `url` is set (`HTTPS_PROXY`, else
 * `HTTP_PROXY`, for an `https:` URL; `HTTP_PROXY` alone for an `http:` one, as Node reads them), its
 * host is not in `NO_PROXY`, and Node's `fetch` does not use it (it does from Node 22.21, with
 * `NODE_USE_ENV_PROXY=1`). Undefined when none is set for it, or Node uses it.
 */
export function unusedProxyHint(env: NodeJS.ProcessEnv, nodeVersion: string, url: string): string | undefined {
  const name = proxyVariable(env, url);
  if (!name) return undefined;
  const [major, minor] = nodeVersion.split(".").map(Number);
  const can = major > 22 || (major === 22 && minor >= 21);
  const asked = env.NODE_USE_ENV_PROXY === "1" || /--use-env-proxy\b/.test(env.NODE_OPTIONS ?? "");
  if (can && asked) return undefined;
  return can
    ? `${name} is set, which Node's fetch goes through only with NODE_USE_ENV_PROXY=1`
    : `${name} is set, which the fetch of Node ${nodeVersion} never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1`;
}

/**
 * What to say where the proxy answered 407 Proxy Authentication Required (`askedForProxyCredentials`),
 * which Node's fetch reports as a bare `fetch failed`: give the user and password in the proxy's URL
 * (`HTTPS_PROXY=http://user:password@proxy:8080`, which Node's fetch sends as Basic credentials, only
 * both together), or, where that URL has them, that the proxy did not take them. The password is never said.
 */
export function proxyCredentialsHint(env: NodeJS.ProcessEnv, url: string): string {
  const name = proxyVariable(env, url);
  const proxy = name && URL.canParse(env[name]!) ? new URL(env[name]!) : undefined;
  const encode = "(percent-encoded: %40 for @, %3A for :)";
  if (!name || !proxy) return `the proxy asked for credentials (407 Proxy Authentication Required): give them in the proxy's URL, http://user:password@host:port ${encode}`;
  // undici sends Proxy-Authorization only where the URL has both: a user alone was never sent.
  if (proxy.username && proxy.password) return `the proxy of ${name} did not take the user and password in its URL (407 Proxy Authentication Required): check them ${encode}`;
  if (proxy.username) return `the proxy of ${name} asked for credentials (407 Proxy Authentication Required): its URL has a user and no password, and Node's fetch sends neither without the other: ${name}=${proxy.protocol}//${proxy.username}:password@${proxy.host} ${encode}`;
  return `the proxy of ${name} asked for credentials (407 Proxy Authentication Required): give them in its URL, ${name}=${proxy.protocol}//user:password@${proxy.host} ${encode}`;
}

/**
 * Whether a rejected `fetch` is a proxy's 407: undici rejects with `fetch failed`, whose causes hold
 * `Proxy response (407) !== 200 when HTTP Tunneling` (a tunnel, as for https:) or `Proxy
 * Authentication Required (407)` (a request sent through the proxy as it is), a few causes down.
 */
export function askedForProxyCredentials(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) if (/\bproxy\b/i.test(e.message) && /\b407\b/.test(e.message)) return true;
  return false;
}

/** The variable Node reads the proxy of `url` from (`HTTPS_PROXY`, else `HTTP_PROXY`, for `https:`; `HTTP_PROXY` for `http:`), when it is set and `NO_PROXY` does not name the host. */
function proxyVariable(env: NodeJS.ProcessEnv, url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const u = new URL(url);
  const names = u.protocol === "https:" ? ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] : ["HTTP_PROXY", "http_proxy"];
  const name = names.find((n) => env[n]);
  return name && !bypassed(u.hostname, env.NO_PROXY || env.no_proxy || "") ? name : undefined;
}

/** Whether `NO_PROXY` (hosts and domains, by commas or spaces; `*` for all) names `host`, whom no proxy would serve. */
function bypassed(host: string, noProxy: string): boolean {
  return noProxy.split(/[,\s]+/).some((entry) => {
    const name = entry.replace(/:\d+$/, "").replace(/^\*?\.?/, "").toLowerCase();
    return entry === "*" || (name !== "" && (host === name || host.endsWith(`.${name}`)));
  });
}
