/**
 * What a name of a program holds where it is read, as far as straight-line code tells it: the
 * innermost `const` or `let` of that name whose block holds the reading, its initializer, and the
 * changes after it that are statements of its own block, `url = …`, `url += …`,
 * `url.searchParams.set(…)` (also `append`, `delete`), up to the reading. A change anywhere else (in
 * a branch, a loop, a callback: `if (x) url = …`, `while (…) { url = … }`) gives up: the value then
 * depends on what runs. So does a `var` of the name, a declaration that is not a statement (`for
 * (let url of urls)`), or a reading inside a function (a callback) of a name changed after it. A
 * `searchParams` change that is not such a statement, or whose arguments are no literals, leaves
 * the query partial (it may hold more). Declarations and changes are found in one pass over the
 * file each, those in a string, a template's text, a comment or a regular expression passed over
 * (an old `url = …` left in a comment); blocks are told by their braces (JsText.closing, which pairs them as a
 * tokenizer does: a `}` in `/^}/` closes nothing).
 */
import type { JsText } from "./js-literals";
import { readLiteral, scalarLiteral, skipBlank } from "./js-values";
import { declarationEnd } from "./js-declarations";
import { hiddenAt, parametersOf, type Parameters } from "./js-parameters";
import { changeQuery } from "./url-objects";
import { BlockNesting, parentsOf } from "./block-nesting";

/** A value read from the source: a URL's text with its `{{name}}` placeholders, and whether its query may hold more. */
export interface Value {
  value: string;
  partial?: true;
}

/** Reads the expression at an index: its value and its end; undefined where it is not read. */
export type ReadExpression = (at: number) => (Value & { end: number }) | undefined;

interface Declaration {
  at: number;
  /** The `{` of its block; -1 at the file's top level. */
  block: number;
  /** Its initializer's index (after `=`); undefined where it has none (`let url;`). */
  init?: number;
  /** A `const` or `let` statement; else (a `var`, a `for (let …)`) nothing is known of the name in its block. */
  readable: boolean;
}

interface Change {
  at: number;
  /** `=` and `+=` give the value at `value`; `set`, `append`, `delete` change its query (arguments at `value`); `other` changes a member (`url.pathname = …`); `escape` hands a URL object (or its `searchParams`) to code that may change its query (`addPaging(url)`, `const p = url.searchParams`). */
  kind: "=" | "+=" | "set" | "append" | "delete" | "other" | "escape";
  value: number;
}

/** A declaration's changes, in order: whether each is a statement of its block, whether one gives up the name, the last assignment's index, and the values after each (as found). */
interface Owned {
  changes: Change[];
  straight: boolean[];
  givesUp: boolean;
  lastAssigned: number;
  values: (Value | undefined)[];
  /** Whether the name holds a URL object after each (urls[k]: after k changes), which code it is handed to may change; a string it may not. */
  urls: boolean[];
}

/** A declaration of a name, not a member (`x.let`): where js-declarations.ts reads from, as it stops. */
const DECLARATION = /(?<![\w$.])(const|let|var)\s+([A-Za-z_$][\w$]*)/g;
const CHANGE = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:(\+=|=(?![=>]))|(?:\|\||&&|\?\?|\*\*|<<|>>>?|[-*/%&|^])=|\.\s*searchParams\s*\.\s*(set|append|delete)\s*\(|\.\s*[\w$.]+\s*[-+*/]?=(?![=>]))/g;
/** What, at the start of the next line, carries an expression on past a line's end (no `;` inserted there): an operator, a call's or an index's bracket, a template. */
const CONTINUES = /(?:[-+*/%.?:&|^<>=,([`]|!=|(?:in|instanceof|as|satisfies)(?![\w$]))/y;
/** A `for (url of …)` or `for (url in …)`: the name is assigned each turn. */
const LOOP_TARGET = /\bfor\s*(?:await\s*)?\(\s*([A-Za-z_$][\w$]*)\s+(?:of|in)\b/g;
/** A destructuring assignment's pattern's end (`[url] = …`, `({ link: url } = …)`). */
const PATTERN_END = /[\]}]\s*=(?![=>])/g;
/**
 * `name[` (a computed member, assigned where its `]` is followed by `=`), `Object.assign(name`,
 * `delete name.` or `delete name[`, and the name in parentheses, cast or not, before a member
 * (`(init as any).method`, `(<any>init)[k]`, `(init!).method`: assigned where `=` follows the member).
 */
const MEMBER_CHANGE = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\[|\bObject\s*\.\s*assign\s*\(\s*([A-Za-z_$][\w$]*)(?![\w$])|\bdelete\s+([A-Za-z_$][\w$]*)\s*[.[]|(?<![\w$)\]])\(\s*(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>\s*)?([A-Za-z_$][\w$]*)\s*(?:!\s*)?(?:(?:as|satisfies)\s+[^()=;]*?)?\)\s*([.[])/dg;
/** A member's names after a `.` and an assignment to it: `.method =`, `.headers.x +=`. */
const MEMBER_ASSIGNED = /^\s*[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*(?:\|\||&&|\?\?|\*\*|<<|>>>?|[-+*/%&|^])?=(?![=>])/;
const KEYWORDS = new Set(["const", "let", "var", "return", "typeof", "else", "do", "new", "in", "of", "await", "yield"]);

export class Bindings {
  private readonly js: JsText;
  private readonly read: ReadExpression;
  /** Each `{`'s index and what closes it, in order, and the innermost one around it (-1: none). */
  private opens: number[] = [];
  private parents: number[] = [];
  /** Each name's declarations by the `{` of their block (-1: the top level). */
  private declarations = new Map<string, Map<number, Declaration[]>>();
  /** The names declared with `var`. */
  private vars = new Set<string>();
  /** Each `{`'s place in `opens`. */
  private index = new Map<number, number>();
  /** Each name's changes by the declaration they change. */
  private owned = new Map<string, Map<Declaration, Owned>>();
  private changes = new Map<string, Change[]>();
  private depth = 0;
  /** The blocks' nesting (block-nesting.ts), and each name's declaring blocks' (made when first asked). */
  private nesting: BlockNesting | undefined;
  private declaringNesting = new Map<string, { opens: number[]; nesting: BlockNesting }>();
  /** The names functions take as parameters (js-parameters.ts). */
  private parameters: Parameters;
  /** The changes whose right-hand side is being read. */
  private reading = new Set<Change>();

  /** Adds a declaration of `name` to its block's, in place (a copy each time was quadratic in a file declaring one name many times). */
  private declare(name: string, d: Declaration): void {
    let byBlock = this.declarations.get(name);
    if (!byBlock) this.declarations.set(name, (byBlock = new Map()));
    const list = byBlock.get(d.block);
    if (list) list.push(d);
    else byBlock.set(d.block, [d]);
  }

  constructor(js: JsText, read: ReadExpression) {
    this.js = js;
    this.read = read;
    const text = js.text;
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== "{") continue;
      const close = js.closing(i);
      if (close === undefined) continue;
      while (stack.length && js.closing(this.opens[stack[stack.length - 1]!]!)! < i) stack.pop();
      this.parents.push(stack.length ? stack[stack.length - 1]! : -1);
      stack.push(this.opens.length);
      this.index.set(i, this.opens.length);
      this.opens.push(i);
    }
    for (const m of text.matchAll(DECLARATION)) {
      if (!js.isCode(m.index)) continue;
      const name = m[2]!;
      // Past its type annotation (js-declarations.ts), its `=` or its end.
      const end = m[1] === "var" ? undefined : declarationEnd(js, m.index + m[0].length);
      const readable = end !== undefined && this.statementStart(m.index);
      const init = readable && text[end] === "=" ? skipBlank(text, end + 1) : undefined;
      if (m[1] === "var") this.vars.add(name);
      const block = this.innermost(m.index);
      this.declare(name, { at: m.index, block, readable, ...(init !== undefined ? { init } : {}) });
    }
    // A parameter is a declaration of its function's body that nothing is known of.
    this.parameters = parametersOf(js);
    for (const { name, block } of this.parameters.inBlocks) {
      this.declare(name, { at: block, block, readable: false });
    }
    for (const m of text.matchAll(CHANGE)) {
      const name = m[1]!;
      if (!js.isCode(m.index)) continue;
      if (KEYWORDS.has(name) || /\b(?:const|let|var)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const kind = (m[2] ?? m[3] ?? "other") as Change["kind"];
      const list = this.changes.get(name) ?? [];
      list.push({ at: m.index, kind, value: skipBlank(text, m.index + m[0].length) });
      this.changes.set(name, list);
    }
    // Assignments not read as above give the name up: a loop's target and a destructuring's names.
    const other = (name: string, at: number) => {
      const list = this.changes.get(name) ?? [];
      list.push({ at, kind: "other", value: at });
      this.changes.set(name, list);
    };
    for (const m of text.matchAll(LOOP_TARGET)) if (js.isCode(m.index)) other(m[1]!, m.index + m[0].indexOf(m[1]!, 3));
    const openers = new Map<number, number>();
    for (let i = text.indexOf("["); i >= 0; i = text.indexOf("[", i + 1)) {
      const close = js.closing(i);
      if (close !== undefined) openers.set(close, i);
    }
    for (const open of this.opens) openers.set(js.closing(open)!, open);
    const patterns: [number, number][] = [];
    for (const m of text.matchAll(PATTERN_END)) {
      const open = openers.get(m.index);
      // `cache[url] = …` assigns a member, not the name.
      if (open !== undefined && !(text[open] === "[" && /[\w$)\]]\s*$/.test(text.slice(Math.max(0, open - 40), open)))) patterns.push([open, m.index]);
    }
    // A pattern inside another (`[[a] = b] = c`) is read with it: each name once.
    let scanned = -1;
    for (const [open, close] of patterns.sort((a, b) => a[0] - b[0])) {
      if (close < scanned) continue;
      for (const n of text.slice(open, close).matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?!\s*:)/g)) if (js.isCode(open + n.index)) other(n[0], open + n.index);
      scanned = close;
    }
    this.findEscapes();
    for (const list of this.changes.values()) list.sort((a, b) => a.at - b.at);
  }

  /**
   * The places where a URL object (a name given a `new URL(…)`) is handed to code that may change
   * its query: each reading of the name that is none of a request's or a string's (`fetch(url)`, an
   * HTTP client's or the Graph client's call, `String(url)`, `new URL(url)`, `${url}`, `url +`,
   * `url.href`, `url.searchParams.get(…)`, a condition), such as `addPaging(url)`,
   * `mutate(url.searchParams)` or `const p = url.searchParams` (whose `p.set(…)` changes it). After
   * one, its query is partial. One pass over the file's words, made where it has such a name.
   */
  private findEscapes(): void {
    const text = this.js.text;
    const objects = new Set<string>();
    const isUrl = (at: number | undefined) => isNewUrl(text, at);
    for (const [name, byBlock] of this.declarations) for (const list of byBlock.values()) if (list.some((d) => isUrl(d.init))) objects.add(name);
    for (const [name, list] of this.changes) if (list.some((c) => c.kind === "=" && isUrl(c.value))) objects.add(name);
    if (objects.size === 0) return;
    for (const m of text.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) {
      const name = m[0];
      if (!objects.has(name) || !this.js.isCode(m.index)) continue;
      const end = m.index + name.length;
      const before = text.slice(Math.max(0, m.index - 200), m.index);
      const after = text.slice(end, end + 100);
      if (!escapes(before, after)) continue;
      const list = this.changes.get(name) ?? [];
      list.push({ at: m.index, kind: "escape", value: m.index });
      this.changes.set(name, list);
    }
  }

  /** What `name` holds where it is read at `at`; undefined where that is not known for certain. */
  valueAt(name: string, at: number): Value | undefined {
    const declaration = this.owner(name, at);
    if (!declaration?.readable || this.depth > 32 || hiddenAt(this.parameters.inExpressions.get(name), at)) return undefined;
    this.depth++;
    try {
      return this.fold(name, declaration, at);
    } finally {
      this.depth--;
    }
  }

  /**
   * The `{` of the object literal `name` holds where it is read at `at` (a fetch's init): a
   * `const` given one that nothing changes after (`init.method = …` gives it up); undefined for
   * anything else (a parameter around `at`, a `let`).
   */
  objectAt(name: string, at: number): number | undefined {
    if (hiddenAt(this.parameters.inExpressions.get(name), at)) return undefined;
    const d = this.owner(name, at);
    if (!d?.readable || d.init === undefined || this.js.text[d.init] !== "{" || !this.js.text.startsWith("const", d.at)) return undefined;
    if (this.ownChanges(name, d).changes.length) return undefined;
    // A member changed as CHANGE does not find it (`init["method"] = …`, `Object.assign(init, …)`, `delete init.method`).
    return (this.memberChanges().get(name) ?? []).some((c) => c > d.at && this.owner(name, c) === d) ? undefined : d.init;
  }

  private objectChanges: Map<string, number[]> | undefined;

  /** Where each name's object is changed by a computed member's assignment, `Object.assign` or `delete` (one pass over the file, made when first asked). */
  private memberChanges(): Map<string, number[]> {
    if (this.objectChanges) return this.objectChanges;
    const found = new Map<string, number[]>();
    for (const m of this.js.text.matchAll(MEMBER_CHANGE)) {
      const name = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
      const at = m[4] !== undefined ? m.indices![4]![0] : m.index + m[0].lastIndexOf(name);
      if (!this.js.isCode(at)) continue;
      if (m[4] !== undefined) {
        // `(init as any).method =`, `(<any>init)["method"] =`: the member assigned.
        const end = m.index + m[0].length;
        const close = m[5] === "[" ? this.js.closing(end - 1) : undefined;
        const assigned = m[5] === "[" ? close !== undefined && ASSIGNED.test(this.js.text.slice(close + 1, close + 8)) : MEMBER_ASSIGNED.test(this.js.text.slice(end, end + 200));
        if (assigned) (found.get(name) ?? found.set(name, []).get(name)!).push(at);
        continue;
      }
      if (m[1] !== undefined) {
        // `init[…] =`: the bracket's close followed by an assignment.
        const close = this.js.closing(m.index + m[0].length - 1);
        if (close === undefined || !ASSIGNED.test(this.js.text.slice(close + 1, close + 8))) continue;
      }
      (found.get(name) ?? found.set(name, []).get(name)!).push(at);
    }
    return (this.objectChanges = found);
  }

  /** The `{` of the innermost block around `at`; undefined at the file's top level. */
  blockAround(at: number): number | undefined {
    const open = this.innermost(at);
    return open < 0 ? undefined : open;
  }

  /**
   * Whether `name` is declared in a block around `at` (a function's parameter, an arrow's, a
   * `const`, `let` or `var` of a function's body or a block in it), not at the file's top level:
   * there it is not what the file imports by that name (`function f(del) { del(x) }`). With
   * `within` (the `{` of the block a helper of that name is declared in), only the blocks inside
   * it count: the helper's own declaration does not hide it. An arrow's expression body taking the
   * name as a parameter counts where it does not hold `within` too (one holding both is taken for
   * the outer one: the helper is read).
   */
  declaredInBlock(name: string, at: number, within?: number): boolean {
    const expressions = this.parameters.inExpressions.get(name);
    if (hiddenAt(expressions, at) && (within === undefined || !hiddenAt(expressions, within))) return true;
    if (!this.declarations.has(name)) return false;
    // A block declaring it around `at`, below `within` where `within` is around `at` too (the walk out from `at` stops there).
    const declaring = this.innermostDeclaring(name, at);
    if (declaring < 0) return false;
    if (within === undefined || within < 0 || !(within < at && this.js.closing(within)! >= at)) return true;
    return declaring > within;
  }

  /** Whether the file declares `name` anywhere, or takes it as a parameter (an import of that name is then not what it reads). */
  declares(name: string): boolean {
    this.declared ??= new Set([...this.declarations.keys(), ...this.vars, ...this.parameters.inExpressions.keys(), ...this.parameters.inBlocks.map((p) => p.name)]);
    return this.declared.has(name);
  }
  private declared: Set<string> | undefined;

  /** Whether a parameter (or a `var`) of `name` around `at` hides what the file declares by that name: a URL function (`function g(u) { fetch(u(y)) }`). */
  hidden(name: string, at: number): boolean {
    return hiddenAt(this.parameters.inExpressions.get(name), at) || this.owner(name, at)?.readable === false;
  }

  private fold(name: string, declaration: Declaration, at: number): Value | undefined {
    const own = this.ownChanges(name, declaration);
    if (own.givesUp) return undefined;
    // The changes before the reading (binary search); one whose right-hand side holds the reading
    // (`url = url + "?$top=5"`) is not yet made there.
    let [lo, hi] = [0, own.changes.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own.changes[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    const made = lo > 0 && this.reading.has(own.changes[lo - 1]!) ? lo - 1 : lo;
    // Read inside a nested function (a callback) or after an arrow, a later assignment may come first.
    const from = made > 0 ? own.changes[made - 1]!.at : declaration.at;
    if (own.lastAssigned > at && (this.innermost(at) !== declaration.block || /=>|\bfunction\b/.test(this.js.text.slice(from, at)))) return undefined;
    return this.valueAfter(declaration, own, made);
  }

  /** The value after the first `count` changes, each found once (values[k]: after k changes). */
  private valueAfter(declaration: Declaration, own: Owned, count: number): Value | undefined {
    while (own.values.length <= count) {
      const k = own.values.length;
      if (k === 0) {
        // A `const`'s number or Boolean is its value too (a `let`'s may change by `n++`, which is not read).
        const value = declaration.init === undefined ? undefined : this.statementValue(declaration.init, this.js.text.startsWith("const", declaration.at));
        if (own.values.length === 0) {
          own.values.push(value);
          own.urls.push(isNewUrl(this.js.text, declaration.init));
        }
        continue;
      }
      const [c, value] = [own.changes[k - 1]!, own.values[k - 1]];
      const url = c.kind === "=" ? isNewUrl(this.js.text, c.value) : c.kind === "+=" ? false : own.urls[k - 1]!;
      let next: Value | undefined;
      if (c.kind === "=") next = this.changeValue(c);
      else if (c.kind === "+=") {
        const more = this.changeValue(c);
        next = value && more ? { value: value.value + more.value, ...(value.partial || more.partial ? { partial: true as const } : {}) } : undefined;
      } else if (c.kind === "escape") next = value && (own.urls[k - 1] ? { ...value, partial: true } : value);
      else next = value && this.searchParams(value, c, own.straight[k - 1]!);
      // A change's right-hand side reading the name filled this place already.
      if (own.values.length === k) {
        own.values.push(next);
        own.urls.push(url);
      }
    }
    return own.values[count];
  }

  /** The value a change's right-hand side gives. */
  private changeValue(c: Change): Value | undefined {
    this.reading.add(c);
    try {
      return this.statementValue(c.value);
    } finally {
      this.reading.delete(c);
    }
  }

  /** The value of the expression at `at` where it is the whole statement (`;`, a line's end or `}` after it); with `scalars`, a number or Boolean literal's too (`const TOP = 10`). */
  private statementValue(at: number, scalars = false): Value | undefined {
    const r: ReturnType<ReadExpression> = this.read(at) ?? (scalars ? scalarLiteral(this.js, at) : undefined);
    if (!r || !/^[ \t]*(?:;|\r?\n|$|\}|\/\/)/.test(this.js.text.slice(r.end, r.end + 3))) return undefined;
    // A line's end is no statement's where the next line goes on with it (`const TOP = 5\n  * 2`, `true\n  ? a : b`).
    if (!/^[ \t]*[;}]/.test(this.js.text.slice(r.end, r.end + 3))) {
      CONTINUES.lastIndex = skipBlank(this.js.text, r.end);
      if (CONTINUES.test(this.js.text)) return undefined;
    }
    return { value: r.value, ...(r.partial ? { partial: true as const } : {}) };
  }

  /** A `searchParams` call's change of the URL: its literal arguments applied; else the query is partial. */
  private searchParams(url: Value, change: Change, straight: boolean): Value {
    const text = this.js.text;
    const name = this.js.literal(change.value);
    const comma = name ? skipBlank(text, name.end) : -1;
    const second = change.kind !== "delete" && text[comma] === "," ? readLiteral(this.js, comma + 1) : undefined;
    const close = second ? skipBlank(text, second.end) : comma;
    const value = second?.value;
    const literal = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    if (!straight || !name || text[close] !== ")" || (change.kind !== "delete" && !literal)) return { ...url, partial: true };
    return { ...url, value: changeQuery(url.value, change.kind as "set" | "append" | "delete", name.value, change.kind === "delete" ? undefined : String(value)) };
  }

  /** The declaration of `name` a reading at `at` sees: the one of the innermost block around it, walking out block by block. */
  private owner(name: string, at: number): Declaration | undefined {
    const byBlock = this.declarations.get(name);
    if (!byBlock || this.vars.has(name)) return undefined;
    // The innermost block around it that declares it, else the top level's.
    const here = byBlock.get(this.innermostDeclaring(name, at));
    // Two declarations in one block (a redeclaration) are a var's habit: nothing is known.
    return here && here.length === 1 ? here[0] : undefined;
  }

  /** The changes of `name` that are its declaration's, with what is known of them (found once per name). */
  private ownChanges(name: string, declaration: Declaration): Owned {
    let owned = this.owned.get(name);
    if (!owned) {
      owned = new Map();
      for (const c of this.changes.get(name) ?? []) {
        const d = this.owner(name, c.at);
        if (!d || c.at <= d.at) continue;
        let own = owned.get(d);
        if (!own) owned.set(d, (own = { changes: [], straight: [], givesUp: false, lastAssigned: -1, values: [], urls: [] }));
        const straight = this.statementStart(c.at) && this.innermost(c.at) === d.block;
        const assigns = c.kind === "=" || c.kind === "+=";
        own.changes.push(c);
        own.straight.push(straight);
        if (c.kind === "other" || (assigns && !straight)) own.givesUp = true;
        if (assigns) own.lastAssigned = c.at;
      }
      this.owned.set(name, owned);
    }
    return owned.get(declaration) ?? { changes: [], straight: [], givesUp: false, lastAssigned: -1, values: [], urls: [] };
  }

  /** The `{` of the innermost block around `at`; -1 at the file's top level. */
  private innermost(at: number): number {
    const k = (this.nesting ??= new BlockNesting(this.opens, (open) => this.js.closing(open)!, this.parents)).innermost(at);
    return k < 0 ? -1 : this.opens[k]!;
  }

  /** The innermost block around `at` (its `{`) that declares `name`, not counting the top level; -1: none. */
  private innermostDeclaring(name: string, at: number): number {
    let nesting = this.declaringNesting.get(name);
    if (!nesting) {
      const opens = [...(this.declarations.get(name)?.keys() ?? [])].filter((b) => this.index.has(b)).sort((a, b) => a - b);
      const closeOf = (open: number) => this.js.closing(open)!;
      this.declaringNesting.set(name, (nesting = { opens, nesting: new BlockNesting(opens, closeOf, parentsOf(opens, closeOf)) }));
    }
    const k = nesting.nesting.innermost(at);
    return k < 0 ? -1 : nesting.opens[k]!;
  }

  /** Whether `at` starts a statement: after `;`, `{`, `}`, `export`, the file's start, or a line ending in a word, a string or `]` (where JavaScript inserts a `;`). */
  private statementStart(at: number): boolean {
    const before = this.js.text.slice(Math.max(0, at - 200), at);
    const exported = /\bexport\s+$/.exec(before);
    const rest = exported ? before.slice(0, exported.index) : before;
    const m = /(\S)(\s*)$/.exec(rest);
    if (!m) return at - before.length === 0 || rest.trim() === "";
    if (/[;{}]/.test(m[1]!)) return true;
    return m[2]!.includes("\n") && /[\w$"'`\]]/.test(m[1]!) && !/\b(?:else|do)\s*$/.test(rest);
  }
}

/** A URL object's reading that only reads it: as a request's or a string's, a member read, or a condition (what is before and after the name). */
const READS_AFTER = /^\s*(?:\??\.\s*(?:href|origin|protocol|host|hostname|port|pathname|search|hash|username|password|toString|toJSON)\b|\.\s*searchParams\s*\.\s*(?:get|getAll|has|toString|forEach|entries|keys|values|size|set|append|delete)\b|\+(?!\+)|(?:===?|!==?|instanceof)(?!=))/;
const READS_BEFORE = /(?:(?:\bfetch|\.\s*(?:get|post|put|patch|delete|head|options|request|api)(?:\s*<[^<>()]*>)?|\bString|\bnew\s+URL|\bencodeURI(?:Component)?|\bconsole\s*\.\s*\w+|\bif|\bwhile)\s*\(\s*|\bnew\s+URL\s*\([^()]{0,200},\s*|\$\{\s*|(?:\+|===?|!==?|!|\btypeof|\bconst|\blet|\bvar)\s*)$/;
/** An assignment to the name (a change of its own, js-bindings' CHANGE). */
const ASSIGNED = /^\s*(?:\|\||&&|\?\?|\*\*|<<|>>>?|[-+*/%&|^])?=(?![=>])/;

/** Whether a `new URL(…)` starts at `at`. */
function isNewUrl(text: string, at: number | undefined): boolean {
  return at !== undefined && /^new\s+URL\b/.test(text.slice(at, at + 12));
}

function escapes(before: string, after: string): boolean {
  return !READS_AFTER.test(after) && !ASSIGNED.test(after) && !READS_BEFORE.test(before);
}
