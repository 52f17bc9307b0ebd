/**
 * The names a program's file imports from its own modules (a relative specifier only): `import X,
 * { a, b as c } from "./m"`, `import * as m from "./m"`, `const { a, b: c } = require("./m")`
 * (imported-helpers.ts reads the helpers they name; reexports.ts, a default export or an `export {
 * a }` of an imported name).
 */
import type { JsText } from "./js-literals";

/** `import X, { a, b as c } from "./m"`, `import * as m from "./m"` (not `import type`): the default's name, the list or the namespace, the specifier. */
const IMPORT = /(?<![\w$.])import\s+(?!type\s)(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^{}]*)\}\s*|\*\s*as\s+([A-Za-z_$][\w$]*)\s*)?from\s*(["'])(\.{1,2}\/[^"'\n]*)\4/g;
/** `const { a, b: c } = require("./m")`, `const X = require("./m")` (the module's `module.exports`). */
const REQUIRE = /(?<![\w$.])(?:const|let|var)\s+(?:\{([^{}]*)\}|([A-Za-z_$][\w$]*))\s*=\s*require\(\s*(["'])(\.{1,2}\/[^"'\n]*)\3\s*\)/g;

/**
 * The names a file imports from its own modules: each local name, the module's name for it
 * (`default` for its default export, `*` for a namespace: `import * as g`, and a default import or
 * a `require`'s whole module, whose members may be called too, `g.graphGet(…)`), and the specifier's place.
 */
export function importedNames(js: JsText): { local: string; name: string; specifier: string; at: number }[] {
  const out: { local: string; name: string; specifier: string; at: number }[] = [];
  const list = (inside: string, separator: RegExp, specifier: string, at: number) => {
    for (const entry of inside.split(",")) {
      const parts = entry.trim().split(separator).map((p) => p.trim());
      if (!parts[0] || parts[0] === "type" || /^type\s/.test(parts[0])) continue;
      const local = parts[1] ?? parts[0];
      if (/^[A-Za-z_$][\w$]*$/.test(local) && /^[A-Za-z_$][\w$]*$/.test(parts[0])) out.push({ local, name: parts[0], specifier, at });
    }
  };
  const whole = (local: string, specifier: string, at: number) => out.push({ local, name: "default", specifier, at }, { local, name: "*", specifier, at });
  for (const m of js.text.matchAll(IMPORT)) {
    if (!js.isCode(m.index)) continue;
    const at = m.index + m[0].lastIndexOf(m[4]! + m[5]!) + 1;
    if (m[1] && m[1] !== "type") whole(m[1], m[5]!, at);
    if (m[2] !== undefined) list(m[2], /\s+as\s+/, m[5]!, at);
    if (m[3] !== undefined) out.push({ local: m[3], name: "*", specifier: m[5]!, at });
  }
  for (const m of js.text.matchAll(REQUIRE)) {
    if (!js.isCode(m.index)) continue;
    const at = m.index + m[0].lastIndexOf(m[3]! + m[4]!) + 1;
    if (m[2]) whole(m[2], m[4]!, at);
    else list(m[1]!, /\s*:\s*/, m[4]!, at);
  }
  return out;
}
