/**
 * The names a JavaScript or TypeScript program imports, by module specifier, as far as slicing by
 * the generated functions a program calls needs (`--include @src/**\/*.ts`,
 * passes/slice/imported-elements.ts): `import { a, b as c, type D } from "m"`, `import type { … }`,
 * `import * as m from "m"` (then each `m.name` the file writes), `export { … } from "m"` (and
 * `export * from "m"`, which names none), and
 * `const { a, b } = require("m")` or `= await import("m")`. Also the file's string literals, which
 * may name a type (a cast's `"microsoft.graph.user"`, an `"#microsoft.graph.user"` compared with
 * `@odata.type`). Read in one pass over tokens: strings, templates (their `${…}`s as code),
 * comments and regular expressions skipped; a file of any size in linear time.
 */

/** A name imported from a module, and the offset of where it is written. */
export interface ImportedName {
  specifier: string;
  name: string;
  at: number;
}

export interface ModuleImports {
  names: ImportedName[];
  /** `export * from "m"`: every name of a module re-exported, none named; the specifier and where it is. */
  reexports: { specifier: string; at: number }[];
  /** Every string literal's value (and a template's without `${…}`), and its offset. */
  strings: { value: string; at: number }[];
}

import { JsText } from "./js-literals";

type Token = { kind: "word" | "string" | "punct"; value: string; at: number };

/** The names `text` imports, and its string literals. */
export function moduleImports(text: string): ModuleImports {
  const tokens = tokenize(new JsText(text));
  const names: ImportedName[] = [];
  const namespaces = new Map<string, string>();
  const strings: ModuleImports["strings"] = [];
  const reexports: ModuleImports["reexports"] = [];
  for (const t of tokens) if (t.kind === "string") strings.push({ value: t.value, at: t.at });
  const at = (i: number) => tokens[i];
  const is = (i: number, value: string) => at(i)?.kind !== "string" && at(i)?.value === value;
  /**
   * The names of a `{ a, b as c, type D }` list at `i` (its `{`): each imported name; the index after
   * `}`. A list holds no braces (a nested destructuring is not read): each scan ends at the next
   * brace, so the scans of a file cover each token once, however many lists are left open.
   */
  const braces = (i: number): { list: Token[]; end: number } | undefined => {
    const list: Token[] = [];
    let k = i + 1;
    for (; k < tokens.length && !is(k, "}"); k++) {
      if (is(k, "{")) return undefined;
      const t = at(k)!;
      // `a as c` and `{ a: c }` (a destructuring's local name), `{ a = 1 }`: a.
      if (t.kind !== "word" || is(k - 1, "as") || is(k - 1, ":") || is(k - 1, "=")) continue;
      // `type D`: D; a keyword `type` alone is a name (`{ type }`), as is `as` first (`{ as }`).
      if (t.value === "type" && at(k + 1)?.kind === "word" && !is(k + 1, "as")) continue;
      if (t.value === "as" && !is(k - 1, ",") && !is(k - 1, "{")) continue;
      list.push(t);
    }
    return k < tokens.length ? { list, end: k + 1 } : undefined;
  };
  const from = (i: number): string | undefined => (is(i, "from") && at(i + 1)?.kind === "string" ? at(i + 1)!.value : undefined);
  const add = (list: Token[], specifier: string) => {
    for (const t of list) names.push({ specifier, name: t.value, at: t.at });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || is(i - 1, ".")) continue;
    if (t.value === "import" || t.value === "export") {
      let k = i + 1;
      if (is(k, "type")) k++;
      if (is(k, "*")) {
        // `import * as m from "m"`; `export * from "m"` re-exports names this file does not use.
        if (t.value === "import" && is(k + 1, "as") && at(k + 2)?.kind === "word") {
          const specifier = from(k + 3);
          if (specifier !== undefined) namespaces.set(at(k + 2)!.value, specifier);
        } else if (t.value === "export") {
          const specifier = from(is(k + 1, "as") ? k + 3 : k + 1);
          if (specifier !== undefined) reexports.push({ specifier, at: t.at });
        }
        continue;
      }
      // A default import before the list: `import X, { a } from "m"`, `import X, * as m from "m"`.
      if (t.value === "import" && at(k)?.kind === "word" && !is(k, "from") && is(k + 1, ",")) k += 2;
      if (t.value === "import" && is(k, "*") && is(k + 1, "as") && at(k + 2)?.kind === "word") {
        const specifier = from(k + 3);
        if (specifier !== undefined) namespaces.set(at(k + 2)!.value, specifier);
        continue;
      }
      if (!is(k, "{")) continue;
      const list = braces(k);
      const specifier = list && from(list.end);
      if (list && specifier !== undefined) add(list.list, specifier);
      continue;
    }
    // `const { a, b } = require("m")` / `= await import("m")`.
    if ((t.value === "const" || t.value === "let" || t.value === "var") && is(i + 1, "{")) {
      const list = braces(i + 1);
      if (!list || !is(list.end, "=")) continue;
      let k = list.end + 1;
      if (is(k, "await")) k++;
      if ((is(k, "require") || is(k, "import")) && is(k + 1, "(") && at(k + 2)?.kind === "string" && is(k + 3, ")")) {
        add(list.list, at(k + 2)!.value);
      }
    }
  }
  if (namespaces.size) {
    for (let i = 0; i + 2 < tokens.length; i++) {
      const t = tokens[i]!;
      const specifier = t.kind === "word" && !is(i - 1, ".") ? namespaces.get(t.value) : undefined;
      if (specifier !== undefined && is(i + 1, ".") && at(i + 2)!.kind === "word") names.push({ specifier, name: at(i + 2)!.value, at: at(i + 2)!.at });
    }
  }
  return { names, strings, reexports };
}

const WORD_START = /[A-Za-z_$\u0080-\uffff]/;
const WORD = /[\w$\u0080-\uffff]/;

/**
 * `text` as words, strings and punctuation, comments and regular expressions skipped (a regular
 * expression told from a division as the rest of the reader tells it, js-literals.ts: a quote, a
 * backtick or a `/*` in `/["'`]/g` or `/\/*$/` starts nothing). A template literal is a string token
 * where it has no `${…}`; its `${…}`s are read as code (a stack of the braces open in each, not
 * recursion, so templates nested to any depth cost nothing more).
 */
function tokenize(js: JsText): Token[] {
  const text = js.text;
  const tokens: Token[] = [];
  /** For each template being read: the number of braces open in its current `${…}`. */
  const templates: number[] = [];
  let i = 0;
  const template = () => {
    // From after a backtick or a `}` closing a `${`: to the next backtick or `${`.
    let value = "";
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === "\\") {
        value += text[++i] ?? "";
        continue;
      }
      if (c === "`") {
        i++;
        return { value, closed: true };
      }
      if (c === "$" && text[i + 1] === "{") {
        i += 2;
        templates.push(0);
        return { value, closed: false };
      }
      value += c;
    }
    return { value, closed: true };
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    const regex = c === "/" ? js.regexEnd(i) : undefined;
    if (regex !== undefined) {
      i = regex + 1;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      let value = "";
      for (i++; i < text.length && text[i] !== c && text[i] !== "\n"; i++) value += text[i] === "\\" ? (text[++i] ?? "") : text[i];
      i++;
      tokens.push({ kind: "string", value, at: start });
      continue;
    }
    if (c === "`") {
      i++;
      const part = template();
      if (part.closed) tokens.push({ kind: "string", value: part.value, at: start });
      continue;
    }
    if (templates.length && (c === "{" || c === "}")) {
      const open = templates.length - 1;
      if (c === "{") templates[open]!++;
      else if (templates[open]! > 0) templates[open]!--;
      else {
        // The `}` that closes a `${`: the template goes on.
        templates.pop();
        i++;
        template();
        continue;
      }
      tokens.push({ kind: "punct", value: c, at: start });
      i++;
      continue;
    }
    if (WORD_START.test(c)) {
      for (i++; i < text.length && WORD.test(text[i]!); i++);
      tokens.push({ kind: "word", value: text.slice(start, i), at: start });
      continue;
    }
    tokens.push({ kind: "punct", value: c, at: start });
    i++;
  }
  return tokens;
}
