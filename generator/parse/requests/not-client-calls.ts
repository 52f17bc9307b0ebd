/**
 * Calls named as an HTTP client's methods that send nothing: a `Map`'s, a `Set`'s, a `Headers`' or
 * a `URLSearchParams`' `get(key)` and `delete(key)`, whose key may be a constant holding a URL
 * (`const cache = new Map(); cache.get(USERS_URL)`), and a server's route (Express's
 * `app.get("/users/:id", (req, res) => …)`), whose handler is a function. What the receiver is is
 * told from the file's declarations of its name, wherever they are: `= new Map(…)` (or a `Set`,
 * `WeakMap`, `WeakSet`, `URLSearchParams`, `Headers`, `FormData`), or a type annotation naming one
 * (`cache: Map<string, X>`, a parameter or a class field); a URL's `searchParams` and a response's
 * `headers` are such objects by their names.
 */
import type { JsText } from "./js-literals";
import { expressionEnd, skipBlank } from "./js-values";

const KINDS = "(?:Readonly)?(?:Weak)?(?:Map|Set)|URLSearchParams|Headers|FormData";

/** The names the file declares as such an object (made once per file). */
const collections = new WeakMap<JsText, Set<string>>();

/** Whether the call whose method name's `.` is at `dot` is a collection's, not a request. */
export function isCollectionCall(js: JsText, dot: number): boolean {
  // The receiver's last word: `cache`, `this.cache`, `res.headers`, `url.searchParams`.
  const word = /([A-Za-z_$][\w$]*)\s*(?:[?!]\s*)?$/.exec(js.text.slice(Math.max(0, dot - 200), dot))?.[1];
  if (word === undefined) return false;
  if (word === "searchParams" || word === "headers") return true;
  let names = collections.get(js);
  if (!names) {
    names = new Set();
    // A name starts where no other word character is before it, and an annotation before `= new` is
    // read up to 200 characters: linear over a long line without `=` (hostile input), not quadratic.
    const declared = new RegExp(`(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*(?:[?!]?\\s*:\\s*(?:${KINDS})\\b|(?::[^=;\\n]{0,200})?=\\s*new\\s+(?:${KINDS})\\b)`, "g");
    for (const m of js.text.matchAll(declared)) names.add(m[1]!);
    collections.set(js, names);
  }
  return names.has(word);
}

/** Whether an argument after the one ending at `from` is a function (a route's handler): `(req, res) =>`, `async …`, `function`, `req =>`. */
export function hasHandler(js: JsText, from: number): boolean {
  const text = js.text;
  for (let i = skipBlank(text, from); text[i] === ","; ) {
    i = skipBlank(text, i + 1);
    const rest = text.slice(i, i + 200);
    if (/^(?:async\b|function\b|[A-Za-z_$][\w$]*\s*=>)/.test(rest)) return true;
    const close = rest[0] === "(" ? js.closing(i) : undefined;
    if (close !== undefined && /^\s*(?::[^=;,()]*)?=>/.test(text.slice(close + 1, close + 100))) return true;
    const end = expressionEnd(js, i);
    if (end === undefined) return false;
    i = end;
  }
  return false;
}
