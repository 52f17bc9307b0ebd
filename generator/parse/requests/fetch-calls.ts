/**
 * The requests of `fetch` calls, as a browser's "Copy as fetch" and "Copy all as fetch" write them:
 * `fetch("https://…/me", { "headers": {…}, "body": "{\"displayName\":\"x\"}", "method": "PATCH" });`.
 * Each call's URL (a string literal), with where it starts, its method (GET when the options name
 * none), its body's text and its headers' names.
 */

/** A `fetch(` call whose first argument is a string literal. */
const CALL = /\bfetch\(\s*("(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')\s*(,\s*\{)?/g;

/** Whether `text` holds fetch calls (one at a line's start, after an `await` or a `const x =` too). */
export function hasFetchCalls(text: string): boolean {
  return /^[ \t]*(?:(?:const|let|var)\s+\w+\s*=\s*)?(?:await\s+)?fetch\(\s*["']/m.test(text);
}

export function fetchCalls(text: string): { method: string; url: string; at: number; body?: string; headers?: string[] }[] {
  const out: { method: string; url: string; at: number; body?: string; headers?: string[] }[] = [];
  for (const m of text.matchAll(CALL)) {
    const url = stringValue(m[1]!);
    if (url === undefined) continue;
    const init = m[2] ? objectText(text, m.index + m[0].length - 1) : undefined;
    const options = init === undefined ? undefined : parsed(init);
    const method = typeof options?.method === "string" ? options.method.toUpperCase() : (/["']?method["']?\s*:\s*["'](\w+)["']/.exec(init ?? "")?.[1]?.toUpperCase() ?? "GET");
    // Its headers' names where its options are JSON, as a browser writes them (none named: none sent).
    const headers = options === undefined ? undefined : typeof options.headers === "object" && options.headers !== null ? Object.keys(options.headers).map((k) => k.toLowerCase()) : [];
    out.push({ method, url, at: m.index + m[0].indexOf(m[1]!) + 1, ...(typeof options?.body === "string" ? { body: options.body } : {}), ...(headers ? { headers } : {}) });
  }
  return out;
}

/** A JavaScript string literal's value: a double-quoted one as JSON reads it, a single-quoted one with its escapes undone. */
function stringValue(literal: string): string | undefined {
  const json = literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal;
  try {
    return JSON.parse(json) as string;
  } catch {
    return undefined;
  }
}

/** The object literal starting at `text[from]` (a `{`), up to its matching `}`, strings skipped. */
function objectText(text: string, from: number): string | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(from, i + 1);
  }
  return undefined;
}

/** The options object as JSON reads it (a browser writes its keys quoted); undefined where it is other JavaScript. */
function parsed(object: string): { method?: unknown; body?: unknown; headers?: unknown } | undefined {
  try {
    return JSON.parse(object) as { method?: unknown; body?: unknown; headers?: unknown };
  } catch {
    return undefined;
  }
}
