/**
 * Import lists for one generated module: a name from another module is imported under its own name
 * unless that is taken here, then under an alias made from the other module's namespace (its
 * `namespaceLabels` label). Types, and in a requests module the root functions of another
 * namespace's container that bindings name.
 */
import { fileStem } from "../file-names";
import { camel, pascal, Scope } from "../passes/names";
import { fits, itemLines } from "./wrap";

export interface ImportView {
  from: string;
  typeOnly: boolean;
  names: string[];
  /** The names in braces: `{ A, B }`, or one per line when the import's line would be too long (wrap.ts). */
  list: string;
}

export class Imports {
  private readonly modules = new Map<string, Map<string, string>>();
  /** Per module, the names imported as values (`useValue`); the others are types. */
  private readonly values = new Map<string, Set<string>>();
  private readonly used: Scope;

  /**
   * `names`: the module's own names, or the Scope the module declares its names through while
   * imports are added (then neither can take a name the other has). `labels`: each namespace's
   * label for aliases (`namespaceLabels`).
   */
  /**
   * `functions`: in a requests module, the Scope its functions are named through; a type is not
   * imported under one of their names either (TypeScript 7 reads the value `_` as the type-only
   * import `_`, not the module's own function `_`).
   */
  constructor(
    names: Iterable<string> | Scope,
    private readonly labels: ReadonlyMap<string, string>,
    private readonly functions?: Scope,
  ) {
    this.used = names instanceof Scope ? names : new Scope(names);
  }

  /** The label of `namespace` for an alias: `CallRecords` for `microsoft.graph.callRecords`. */
  private label(namespace: string): string {
    return this.labels.get(namespace) ?? pascal(namespace.slice(namespace.lastIndexOf(".") + 1));
  }

  /**
   * The identifier to use here for `name` exported by `from` (a module path like
   * `./microsoft.graph.types.js`); `hint` is the other module's namespace, used for an alias.
   */
  use(from: string, name: string, hint: string): string {
    let names = this.modules.get(from);
    if (!names) this.modules.set(from, (names = new Map()));
    const known = names.get(name);
    if (known) return known;
    // Its own name when free, else one made from the other module's namespace, numbered if need be.
    const want = this.used.has(name) || this.functions?.has(name) ? alias(name, this.label(hint)) : name;
    let local = this.used.claim(want);
    while (this.functions?.has(local)) local = this.used.claim(want);
    names.set(name, local);
    return local;
  }

  /**
   * As `use`, for a function the module calls (imported as a value, not a type): `functions` is the
   * Scope the module's functions are named through, once they all are; the name is free in both
   * and claimed in both. An alias is camel-cased: `catalogOrderLines`.
   */
  useValue(from: string, name: string, hint: string, functions: Scope): string {
    let names = this.modules.get(from);
    if (!names) this.modules.set(from, (names = new Map()));
    let values = this.values.get(from);
    if (!values) this.values.set(from, (values = new Set()));
    values.add(name);
    const known = names.get(name);
    if (known) return known;
    const want = this.used.has(name) || functions.has(name) ? `${camel(this.label(hint))}${pascal(name)}` : name;
    let local = this.used.claim(want);
    while (functions.has(local)) local = this.used.claim(want);
    functions.claim(local);
    names.set(name, local);
    return local;
  }

  /**
   * Sorted import statements' data (deterministic output). `typeOnly`: whether a module's names are
   * types; one that also gives values (`useValue`) is imported with a `type` modifier on each type.
   */
  view(typeOnly: (from: string) => boolean): ImportView[] {
    return [...this.modules.keys()].sort().map((from) => {
      const values = this.values.get(from);
      const types = typeOnly(from);
      const mixed = types && values !== undefined;
      const names = [...this.modules.get(from)!.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([n, local]) => `${mixed && !values?.has(n) ? "type " : ""}${n === local ? n : `${n} as ${local}`}`);
      return { from, typeOnly: types && !mixed, names, list: importList(names, from, types && !mixed) };
    });
  }
}

/**
 * `{ A, B }` for `import { A, B } from "from";`, or `{`, a name per line and `}` when that line is
 * too long; one name always on the line, however long, as Prettier never breaks a list of one.
 */
function importList(names: readonly string[], from: string, typeOnly: boolean): string {
  const one = names.join(", ");
  // `import type { ` + names + ` } from "` + from + `";`
  return names.length === 1 || fits((typeOnly ? 14 : 9) + one.length + 9 + from.length + 2) ? `{ ${one} }` : `{${itemLines(names)}}`;
}

/**
 * A name imported from the module of a namespace under another name: the namespace's label first,
 * keeping the name's own case at its start (`GraphSession`, `graphNamespaceChecker`).
 */
function alias(name: string, label: string): string {
  return /^[a-z]/.test(name) ? `${camel(label)}${pascal(name)}` : `${label}${name}`;
}

/**
 * Per namespace, the label its imports are aliased by: its last segments, as few as tell it from
 * every other namespace of the model, each Pascal-cased (`microsoft.graph.callRecords` →
 * `CallRecords`; `a.B` and `c.B` → `AB` and `CB`, so `a.B`'s `Item` is `ABItem` wherever it is
 * aliased, whichever other module is imported first). Compared without case, as `B` and `b` would
 * make one label. A label a module has a name of already is numbered there (`ABItem2`).
 */
export function namespaceLabels(namespaces: readonly string[]): Map<string, string> {
  const segments = namespaces.map((n) => n.split("."));
  const label = (parts: readonly string[], count: number) => parts.slice(-count).map(pascal).join("");
  const labels = new Map<string, string>();
  // One pass per number of segments, over every namespace: no pair of namespaces is compared.
  let open = namespaces.map((_, i) => i);
  for (let count = 1; open.length > 0; count++) {
    const seen = new Map<string, number>();
    for (const parts of segments) {
      const key = label(parts, count).toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    open = open.filter((i) => {
      const parts = segments[i] as string[];
      const own = label(parts, count);
      if (count < parts.length && (seen.get(own.toLowerCase()) ?? 0) > 1) return true;
      labels.set(namespaces[i] as string, own);
      return false;
    });
  }
  return labels;
}

/** The JSDoc block for a description (and deprecation), indented; "" when there is nothing to say. */
export function jsdoc(indent: string, lines: (string | undefined)[]): string {
  // The common cases, for every type and member: nothing to say, or one line that needs no care.
  let only: string | undefined;
  let count = 0;
  for (const l of lines) {
    if (l) {
      only = l;
      count++;
    }
  }
  if (count === 0) return "";
  if (count === 1 && isPlainLine(only as string)) return `${indent}/** ${only} */\n`;
  return blockDoc(indent, lines);
}

/**
 * `jsdoc` for texts that need care: joined by a blank line, each line trimmed, `*\/` escaped. In a
 * function of its own, in plain loops: arrays made by `filter`, `map` and `split` differ in V8's
 * hidden class by their contents, and each new one met here threw away `jsdoc`'s optimized code
 * (compiled four times over Graph, ~8 ms each).
 */
function blockDoc(indent: string, lines: readonly (string | undefined)[]): string {
  // Trailing blanks and line breaks of each text go (Graph's descriptions may end in `&#xD;&#xA;`).
  let text = "";
  for (const l of lines) if (l && l.trim() !== "") text += (text ? "\n\n" : "") + l.trimEnd();
  if (!text) return "";
  const body = text.replace(/\*\//g, "*\\/").split(/\r?\n/);
  if (body.length === 1) return `${indent}/** ${body[0].trimEnd()} */\n`;
  let out = `${indent}/**\n`;
  for (const line of body) {
    const l = line.trimEnd();
    out += l ? `${indent} * ${l}\n` : `${indent} *\n`;
  }
  return `${out}${indent} */\n`;
}

/** One line that needs no escaping or trimming in a doc comment: no line break, no `*\/`, no space at its end. */
function isPlainLine(s: string): boolean {
  // The last character alone: `/\s$/` would try every position of the text.
  return !SPACE.test(s.charAt(s.length - 1)) && !s.includes("\n") && !s.includes("\r") && !s.includes("*/");
}
const SPACE = /\s/;

/** Module paths for one namespace's artifacts (`fileStem`: a Windows device name is not one). */
export function moduleFile(namespace: string, artifact: "types" | "validators" | "requests"): string {
  return `${fileStem(namespace)}.${artifact}.ts`;
}

export function moduleSpecifier(namespace: string, artifact: "types" | "validators" | "requests"): string {
  let specifiers = SPECIFIERS.get(namespace);
  if (!specifiers) {
    const stem = fileStem(namespace);
    specifiers = { types: `./${stem}.types.js`, validators: `./${stem}.validators.js`, requests: `./${stem}.requests.js` };
    SPECIFIERS.set(namespace, specifiers);
  }
  return specifiers[artifact];
}
/**
 * The specifiers of each namespace's modules, made once: a module names another in thousands of
 * imports (`Imports.use`), and each new string would be hashed again to be looked up.
 */
const SPECIFIERS = new Map<string, Record<"types" | "validators" | "requests", string>>();

/** Code-point order, independent of the machine's locale. */
export function byString<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
