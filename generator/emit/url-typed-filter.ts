/**
 * A `$filter` as the typed filter a list takes (README, Typed filters): `Age gt 30 and
 * Emails/any(e:endswith(e,'.com'))` is `(p) => p.Age.gt(30).and(p.Emails.any((e) => e.endswith(".com")))`.
 * What `odatagen url` prints for a list, once url-filter.ts has checked the expression against the
 * type. Only what a typed filter can say is written so: comparisons of a property (or of
 * `tolower`, `toupper`, `trim`, `length` of one) with a literal, null or another property; `in`;
 * `has`; `contains`, `startswith`, `endswith` of a property and a literal; `and`, `or`, `not`,
 * parentheses; `any` and `all` over a collection property; a Boolean property alone (`eq true`).
 * Anything else (navigation, casts, arithmetic, other functions, `$it`, placeholders) leaves the
 * filter a string: undefined.
 */
import type { StructuredType, TypeRef } from "../model/types";
import { allProperties, isOpen } from "../model/rules";
import { isIdentifier, JS_RESERVED } from "../passes/names";
import { numberProblem, writable } from "./literal-forms";
import { NUMBERS, tokens, type Token } from "./url-filter-tokens";

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const TEXT_TESTS = new Set(["contains", "startswith", "endswith"]);
const TEXT_TERMS = new Set(["tolower", "toupper", "trim", "length"]);
/** The date and time functions a typed filter has, with the Edm types each takes (URL Conventions §5.1.1.8). */
const DATE_PARTS: Readonly<Record<string, readonly string[]>> = {
  year: ["Date", "DateTimeOffset"],
  month: ["Date", "DateTimeOffset"],
  day: ["Date", "DateTimeOffset"],
  hour: ["DateTimeOffset", "TimeOfDay"],
  minute: ["DateTimeOffset", "TimeOfDay"],
  second: ["DateTimeOffset", "TimeOfDay"],
};

/** What a term holds: a primitive's Edm name (`String`, `Int32`), an enum, a complex type; each maybe a collection. */
type Held = { kind: "primitive"; name: string; collection: boolean } | { kind: "enum"; type: string; collection: boolean } | { kind: "complex"; type: StructuredType; collection: boolean };

/** A term written: its code (`p.Home.City`), its text in the filter (`Home/City`) and what it holds. */
interface Written {
  code: string;
  shown: string;
  held: Held;
}

/** Thrown inside the reader where the expression is more than a typed filter says; caught in `typedFilter`. */
class Untyped extends Error {}

/**
 * A documentation page's placeholder for a value (`{start}`, or quoted, `'{id}'`) as a variable of
 * the call: its name there, given the TypeScript type a value of it takes and what it is, in words.
 */
export type FilterVariable = (name: string, what: string, type: string) => string;

/** The typed filter's code for `text` over `type`, or undefined where it must stay a string. */
export function typedFilter(text: string, type: StructuredType, variable?: FilterVariable): string | undefined {
  const all = tokens(text);
  if (typeof all === "string" || all.length === 0) return undefined;
  const root = rootName(type, all);
  try {
    // Read twice: once to see that it can be typed, and only then with its placeholders made
    // variables of the call (a filter left a string names them in its template instead).
    const trial = new Reader(all, root, type);
    trial.expression();
    if (!trial.done()) return undefined;
    return `(${root}) => ${new Reader(all, root, type, variable).expression()}`;
  } catch (e) {
    if (e instanceof Untyped) return undefined;
    throw e;
  }
}

/** The placeholders' names in the text (`{start}`, `'{id}'`): no parameter of the typed filter may have one. */
function placeholderNames(all: readonly Token[]): Set<string> {
  return new Set(all.flatMap((t) => (t.t === "placeholder" ? [t.name] : t.t === "literal" && t.kind === "string" && /^\{.*\}$/s.test(t.value ?? "") ? [t.value!.slice(1, -1)] : [])));
}

/** The root parameter's name: the type's first letter (`p` for Person), unless the text uses it as a lambda variable or a placeholder. */
function rootName(type: StructuredType, all: readonly Token[]): string {
  const used = new Set([...all.flatMap((t) => (t.t === "path" ? [t.segments[0]!] : [])), ...placeholderNames(all)]);
  const first = type.name[0]?.toLowerCase() ?? "";
  for (const name of [/^[a-z]$/.test(first) ? first : "x", "it", "item"]) if (!used.has(name)) return name;
  return "x0";
}

class Reader {
  private i = 0;
  /** How many expressions the one being read is inside. */
  private depth = 0;
  /** The placeholders' names, which a lambda's parameter may not take. */
  private readonly placeholders: ReadonlySet<string>;
  /** Lambda variables in scope: their names in the text, their code names and what their items hold. */
  private readonly variables: { name: string; code: string; held: Held }[] = [];

  constructor(
    private readonly all: readonly Token[],
    private readonly root: string,
    private readonly type: StructuredType,
    private readonly variable: FilterVariable = (name) => name,
  ) {
    this.placeholders = placeholderNames(all);
  }

  done(): boolean {
    return this.i === this.all.length;
  }

  /** `a or b`, as `a.or(b)`: each `or`'s operands read as `and`s. */
  expression(): string {
    // Nested deeper than a person writes (parentheses, `not`s, lambdas): left as written, and the
    // reader's recursion stays shallow whatever the text.
    if (++this.depth > MAX_DEPTH) throw new Untyped();
    const parts = [this.conjunction()];
    while (this.word("or")) parts.push(this.conjunction());
    this.depth--;
    return joined(parts, "or");
  }

  private conjunction(): string {
    const parts = [this.unary()];
    while (this.word("and")) parts.push(this.unary());
    return joined(parts, "and");
  }

  private unary(): string {
    let nots = 0;
    while (this.word("not")) if (++nots > MAX_DEPTH) throw new Untyped();
    return this.comparison() + ".not()".repeat(nots);
  }

  private comparison(): string {
    if (this.punct("(")) {
      const inner = this.expression();
      if (!this.punct(")")) throw new Untyped();
      return inner;
    }
    const call = this.callName();
    if (call && TEXT_TESTS.has(call)) {
      this.i += 2;
      const left = this.term();
      if (!this.punct(",")) throw new Untyped();
      const right = this.value(left.held, false, `the second argument of ${call}, a string`);
      if (!this.punct(")") || !isText(left.held)) throw new Untyped();
      return `${left.code}.${call}(${right})`;
    }
    const lambda = this.lambda();
    if (lambda !== undefined) return lambda;
    const left = this.term();
    const op = this.peekWord();
    if (op && COMPARISONS.has(op)) {
      this.i++;
      if (left.held.collection || left.held.kind === "complex") throw new Untyped();
      // Only eq and ne compare with null (typed filters take null there alone).
      return `${left.code}.${op}(${this.value(left.held, true, compared(left), op === "eq" || op === "ne")})`;
    }
    if (op === "in") {
      this.i++;
      if (!this.punct("(") || left.held.collection || left.held.kind === "complex") throw new Untyped();
      const values: string[] = [];
      do values.push(this.value(left.held, false, compared(left)));
      while (this.punct(","));
      if (!this.punct(")")) throw new Untyped();
      return `${left.code}.in([${values.join(", ")}])`;
    }
    if (op === "has") {
      this.i++;
      if (left.held.kind !== "enum" || left.held.collection) throw new Untyped();
      return `${left.code}.has(${this.value(left.held, false, compared(left))})`;
    }
    // A Boolean property alone is a condition: `isTest` is `isTest eq true`.
    if (left.held.kind === "primitive" && left.held.name === "Boolean" && !left.held.collection) return `${left.code}.eq(true)`;
    throw new Untyped();
  }

  /** `path/any(v:…)`, `path/all(v:…)` or `path/any()`, as `any`/`all` of the collection; undefined where the next token is none. */
  private lambda(): string | undefined {
    const t = this.all[this.i];
    if (t?.t !== "path") return undefined;
    const last = t.segments[t.segments.length - 1]!.toLowerCase();
    if ((last !== "any" && last !== "all") || t.segments.length < 2 || !this.isPunct(this.i + 1, "(")) return undefined;
    const over = this.path(t.segments.slice(0, -1));
    if (!over.held.collection) throw new Untyped();
    this.i += 2;
    if (last === "any" && this.punct(")")) return `${over.code}.any()`;
    const v = this.all[this.i];
    if (v?.t !== "path" || v.segments.length !== 1 || !this.isPunct(this.i + 1, ":")) throw new Untyped();
    this.i += 2;
    const name = v.segments[0]!;
    const code = this.variableCode(name);
    this.variables.push({ name, code, held: { ...over.held, collection: false } });
    const body = this.expression();
    this.variables.pop();
    if (!this.punct(")")) throw new Untyped();
    return `${over.code}.${last}((${code}) => ${body})`;
  }

  /** A lambda variable's name in the code: its own where that is an identifier no other name in scope has. */
  private variableCode(name: string): string {
    const taken = new Set([this.root, ...this.placeholders, ...this.variables.map((v) => v.code)]);
    let code = isIdentifier(name) && !JS_RESERVED.has(name) && !RESERVED.has(name) ? name : `x${this.variables.length + 1}`;
    while (taken.has(code)) code += "_";
    return code;
  }

  /** A property (through complex ones), or a text, date or time function of one: `tolower(Name)` as `p.Name.tolower()`. */
  private term(): Written {
    const call = this.callName();
    const part = call !== undefined && Object.prototype.hasOwnProperty.call(DATE_PARTS, call) ? DATE_PARTS[call] : undefined;
    if (call && (TEXT_TERMS.has(call) || part)) {
      this.i += 2;
      if (++this.depth > MAX_DEPTH) throw new Untyped();
      const inner = this.term();
      this.depth--;
      if (!this.punct(")")) throw new Untyped();
      const fits = part ? inner.held.kind === "primitive" && !inner.held.collection && part.includes(inner.held.name) : isText(inner.held);
      if (!fits) throw new Untyped();
      const held: Held = call === "length" || part ? { kind: "primitive", name: "Int32", collection: false } : inner.held;
      return { code: `${inner.code}.${call}()`, shown: `${call}(${inner.shown})`, held };
    }
    const t = this.all[this.i];
    if (t?.t !== "path") throw new Untyped();
    this.i++;
    // `Emails/$count`: the number of a collection's items.
    if (t.segments.length > 1 && t.segments[t.segments.length - 1] === "$count") {
      const over = this.path(t.segments.slice(0, -1));
      if (!over.held.collection) throw new Untyped();
      return { code: `${over.code}.count()`, shown: t.segments.join("/"), held: { kind: "primitive", name: "Int32", collection: false } };
    }
    return this.path(t.segments);
  }

  /** The segments of a member path from the root or a lambda variable, through complex properties. */
  private path(segments: readonly string[]): Written {
    const variable = [...this.variables].reverse().find((v) => v.name === segments[0]);
    let code = variable ? variable.code : this.root;
    const shown = segments.join("/");
    let held: Held = variable ? variable.held : { kind: "complex", type: this.type, collection: false };
    const rest = variable ? segments.slice(1) : segments;
    for (const [i, segment] of rest.entries()) {
      if (held.kind !== "complex" || held.collection) throw new Untyped();
      const p = allProperties(held.type).find((x) => x.name === segment);
      // An open type's undeclared name, last: a dynamic property (`$dynamic`), whose type is not told.
      if (!p && i === rest.length - 1 && isOpen(held.type) && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(segment)) {
        return { code: `${code}.$dynamic(${JSON.stringify(segment)})`, shown, held: { kind: "primitive", name: DYNAMIC, collection: false } };
      }
      if (!p) throw new Untyped();
      code += isIdentifier(p.name) ? `.${p.name}` : `[${JSON.stringify(p.name)}]`;
      held = heldBy(p.type);
    }
    return { code, shown, held };
  }

  /**
   * A literal compared with a term holding `held`, as the value a typed filter takes: a string or a
   * number as TypeScript types the property (`'Female'` and `Ns.Gender'Female'` are `"Female"`, a date
   * `"2024-01-05"`); with `orTerm`, another property too; with `nullable`, null.
   */
  private value(held: Held, orTerm: boolean, what: string, nullable = false): string {
    const t = this.all[this.i];
    if (orTerm && t?.t === "path") {
      const other = this.term();
      const same = family(other.held) === family(held) && (held.kind !== "enum" || (other.held.kind === "enum" && other.held.type === held.type));
      if (other.held.collection || other.held.kind === "complex" || !same) throw new Untyped();
      return other.code;
    }
    if (t?.t === "placeholder" || (t?.t === "literal" && t.kind === "string" && /^\{[^{}"']+\}$/.test(t.value ?? ""))) {
      this.i++;
      return this.placeholder(t.t === "placeholder" ? t.name : t.value!.slice(1, -1), held, what);
    }
    if (t?.t !== "literal") throw new Untyped();
    this.i++;
    if (t.kind === "null") {
      if (!nullable) throw new Untyped();
      return "null";
    }
    const f = family(held);
    if (t.kind === "boolean") {
      if (f !== "boolean" && f !== "dynamic") throw new Untyped();
      return t.text.toLowerCase();
    }
    if (t.kind === "number") {
      // A dynamic property's number as it is, where JavaScript holds it exactly; else the filter stays a string.
      if (f === "dynamic") {
        if (/^-?\d+(\.\d+)?$/.test(t.text) && String(Number(t.text)) === t.text) return t.text;
        throw new Untyped();
      }
      if (f !== "number" && f !== "bignumber") throw new Untyped();
      // A value the runtime's literal of the property's type refuses (literal-forms.ts `numberProblem`:
      // a whole number's fraction or exponent, one beyond its type's range, Int64's too, a Double
      // beyond its own) is left as written, a comparison the service promotes (to Decimal, Double).
      if (held.kind !== "primitive" || numberProblem(t.text, held.name) !== undefined) throw new Untyped();
      // A number JavaScript holds exactly, as a number; an Int64's or a Decimal's longer one as its text.
      return String(Number(t.text)) === t.text ? t.text : f === "bignumber" ? JSON.stringify(t.text) : fail();
    }
    if (t.kind === "enum") {
      if (f !== "enum" || t.value === undefined) throw new Untyped();
      return JSON.stringify(t.value);
    }
    if (t.kind === "string") {
      // A quoted value compared with a Guid or a date (which a lenient service may take) stays as written.
      if (f !== "enum" && f !== "dynamic" && !(held.kind === "primitive" && held.name === "String")) throw new Untyped();
      return JSON.stringify(t.value ?? "");
    }
    if (f !== "text" || held.kind !== "primitive" || !FORMS[t.kind]?.includes(held.name)) throw new Untyped();
    // duration'P1D', binary'…': the text between the quotes.
    const quoted = /'(.*)'$/s.exec(t.text);
    const text = quoted ? quoted[1]!.replace(/''/g, "'") : t.text;
    if (!writable(held.name, text)) throw new Untyped();
    return JSON.stringify(text);
  }

  /**
   * A placeholder's variable, typed as the property takes a value (`what`: where it stands, in
   * words); an enum's, whose type the call does not import, leaves the filter a string.
   */
  private placeholder(name: string, held: Held, what: string): string {
    const f = family(held);
    if (held.kind !== "primitive" || f === "other") throw new Untyped();
    const type = f === "number" ? "number" : f === "bignumber" ? "number | string" : f === "boolean" ? "boolean" : held.name === "Date" || held.name === "DateTimeOffset" ? "string | Date" : "string";
    return this.variable(name, `${what}, in the $filter`, type);
  }

  private callName(): string | undefined {
    const t = this.all[this.i];
    if (t?.t !== "path" || t.segments.length !== 1 || !this.isPunct(this.i + 1, "(")) return undefined;
    return t.segments[0]!.toLowerCase();
  }

  private peekWord(): string | undefined {
    const t = this.all[this.i];
    return t?.t === "path" && t.segments.length === 1 ? t.segments[0]!.toLowerCase() : undefined;
  }

  private word(w: string): boolean {
    if (this.peekWord() !== w) return false;
    this.i++;
    return true;
  }

  private isPunct(i: number, text: string): boolean {
    const t = this.all[i];
    return t?.t === "punct" && t.text === text;
  }

  private punct(text: string): boolean {
    if (!this.isPunct(this.i, text)) return false;
    this.i++;
    return true;
  }
}

/** How deep expressions may nest (parentheses, lambdas) for a typed filter to be written. */
const MAX_DEPTH = 64;

/** Words, beside JavaScript's reserved ones, an arrow function's parameter may not be named in strict code. */
const RESERVED = new Set(["await", "let", "static", "implements", "interface", "package", "private", "protected", "public", "arguments", "eval"]);

/** The unquoted literals' forms each Edm type written as text takes (a Guid as a Guid, a date as a date). */
const FORMS: Partial<Record<string, readonly string[]>> = {
  guid: ["Guid"],
  date: ["Date"],
  datetime: ["DateTimeOffset"],
  time: ["TimeOfDay"],
  duration: ["Duration"],
  binary: ["Binary"],
};

function fail(): never {
  throw new Untyped();
}

/** `a.and(b, c)`: the first operand's method, the others its arguments. */
function joined(parts: readonly string[], op: "and" | "or"): string {
  return parts.length === 1 ? parts[0]! : `${parts[0]}.${op}(${parts.slice(1).join(", ")})`;
}

function heldBy(ref: TypeRef): Held {
  const t = ref.type;
  if (t.kind === "complex") return { kind: "complex", type: t, collection: ref.collection };
  if (t.kind === "enum") return { kind: "enum", type: t.qualifiedName, collection: ref.collection };
  const primitive = t.kind === "primitive" ? t : t.kind === "typedef" ? t.underlying : undefined;
  if (!primitive) throw new Untyped();
  return { kind: "primitive", name: primitive.name, collection: ref.collection };
}

/** Which values a term takes, as TypeScript types them: text, a number, an Int64's or Decimal's number or text, a Boolean, an enum's member, a dynamic property's any of these. */
function family(held: Held): "text" | "number" | "bignumber" | "boolean" | "enum" | "dynamic" | "other" {
  if (held.kind === "enum") return "enum";
  if (held.kind !== "primitive") return "other";
  const n = held.name;
  if (n === DYNAMIC) return "dynamic";
  if (n === "Boolean") return "boolean";
  if (n === "Int64" || n === "Decimal") return "bignumber";
  if (NUMBERS.has(n)) return "number";
  if (["String", "Guid", "Date", "DateTimeOffset", "TimeOfDay", "Duration", "Binary"].includes(n)) return "text";
  return "other";
}

/** A term as a placeholder's words name what it is compared with: `the value compared with createdDateTime, an Edm.DateTimeOffset`. */
function compared(term: Written): string {
  const held = term.held;
  const what = held.kind !== "primitive" ? "" : held.name === DYNAMIC ? ", a dynamic property" : `, an Edm.${held.name}`;
  return `the value compared with ${term.shown}${what}`;
}

function isText(held: Held): boolean {
  return held.kind === "primitive" && (held.name === "String" || held.name === DYNAMIC) && !held.collection;
}

/** What a dynamic property holds, in `Held`'s primitive name: no Edm type's. */
const DYNAMIC = "(dynamic)";
