/**
 * A `$filter`, or a `$orderby` item, as documentation writes it, checked against the type it reads
 * before `odatagen url` writes it as the `filter` (or `orderby`) option, which the service reads as
 * text: a misspelling there is a 400 at run time, so `url` says it first. What is checked:
 *
 * - each member path names what the type has: a property, a navigation property, a subtype's
 *   behind its type cast (`microsoft.graph.user/displayName`), a lambda variable's
 *   (`assignedLicenses/any(x:x/skuId eq …)`), `$count` after a collection;
 * - a path does not go on through a collection (that takes `any` or `all`) or a primitive value;
 * - a canonical function's name is one URL Conventions §5.1.1.4–§5.1.1.11 defines (any case, as
 *   OData 4.01 reads them);
 * - a literal compared with a property (`eq`, `ne`, `gt`, `ge`, `lt`, `le`, `in`, `has`) is of a
 *   kind that property takes: a string quoted, a date-time, Guid or number not, an enumeration
 *   value one of its members; so is one compared with a canonical function's result; and of
 *   that kind, a value of some type: a day of the calendar, a time of day (url-filter-forms.ts);
 * - a canonical function's arguments after the first are of the kinds it takes, and two
 *   properties (or results) compared are of one kind (url-filter-calls.ts);
 * - an arithmetic operator's operands are numbers, dates or durations, as it takes them, and what
 *   one operator between two known operands gives is compared as a property of its kind is.
 *
 * What it cannot tell is passed: an open type's undeclared name (a dynamic property) unless it is
 * a near miss of a declared one, a name a slice left out, what follows `$root` or a bound function,
 * and what a longer arithmetic expression is compared with.
 */
import { laterMembers } from "../model/evolvable-enums";
import type { EnumType, PrimitiveName, StructuredType, TypeRef } from "../model/types";
import { enumPrefixProblem, memberHint, miscasedProblem, type EnumNames } from "./literal-forms";
import { literalFormProblem, numberSuffixProblem } from "./url-filter-forms";
import { allNavigation, allProperties, isOpen } from "../model/rules";
import { nearestName } from "../nearest-name";
import { descendants } from "../passes/slice/paths";
import { ARITHMETIC, arithmeticFamily, checkArithmetic, checkArithmeticLiterals, isArithmetic, simpleArithmetic, WORDS_OF, type Operand } from "./url-filter-arithmetic";
import { familyOf, literalFamily, readCalls, type ArgumentKind, type Call, type Family } from "./url-filter-calls";
import { tokens, type LiteralKind, type Token } from "./url-filter-tokens";
import { KEY_LITERALS } from "./request-keys";

/** What a path reaches. */
export type Reached =
  | { kind: "structured"; type: StructuredType; collection: boolean; shown: string }
  /** `is`: what it is in words where that is not its Edm type (an arithmetic expression's result: `a number`). */
  | { kind: "primitive"; name: PrimitiveName; collection: boolean; shown: string; is?: string }
  | { kind: "enum"; type: EnumType; collection: boolean; shown: string }
  /** `dynamic`: what the path is where it names a dynamic property (`costCentre (a dynamic property of ns.T, an open type)`). */
  | { kind: "unknown"; dynamic?: string };

/** The canonical functions (URL Conventions §5.1.1.4–§5.1.1.11, OData 4.01's among them), in lower case. */
const FUNCTIONS = [
  "concat", "contains", "endswith", "indexof", "length", "startswith", "substring", "matchespattern", "tolower", "toupper", "trim",
  "hassubset", "hassubsequence", "date", "day", "fractionalseconds", "hour", "maxdatetime", "mindatetime", "minute", "month", "now",
  "second", "time", "totaloffsetminutes", "totalseconds", "year", "ceiling", "floor", "round", "cast", "isof", "case",
];
const STRING: { types: PrimitiveName[]; what: string } = { types: ["String"], what: "a string" };
const DATES: { types: PrimitiveName[]; what: string } = { types: ["Date", "DateTimeOffset"], what: "a date or a date and time" };
const TIMES: { types: PrimitiveName[]; what: string } = { types: ["DateTimeOffset", "TimeOfDay"], what: "a time of day or a date and time" };
/** What a canonical function's first argument is (URL Conventions §5.1.1.7–§5.1.1.9), by the function's name in lower case. */
const ARGUMENT_KINDS: Record<string, { types: PrimitiveName[]; what: string }> = {
  contains: STRING, endswith: STRING, startswith: STRING, indexof: STRING, substring: STRING, tolower: STRING, toupper: STRING,
  trim: STRING, matchespattern: STRING,
  year: DATES, month: DATES, day: DATES, date: { types: ["DateTimeOffset"], what: "a date and time" },
  hour: TIMES, minute: TIMES, second: TIMES, fractionalseconds: TIMES, time: { types: ["DateTimeOffset"], what: "a date and time" },
  totaloffsetminutes: { types: ["DateTimeOffset"], what: "a date and time" }, totalseconds: { types: ["Duration"], what: "a duration" },
};
const COMPARISON = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const OPERATORS = new Set([...COMPARISON, ...ARITHMETIC, "and", "or", "has", "in"]);

/** Where the expression is read: the type it filters, and whether the model is a slice. */
export interface FilterScope {
  type: StructuredType;
  sliced: boolean;
  /** The names `$compute` adds at this level (`… as Total`), which name no property of the type. */
  computed?: ReadonlySet<string>;
  /** Paths go on through collections to their items (`$apply`'s `groupby((Sales/Product/Name))`). */
  throughCollections?: boolean;
  /** The model's aliases and types, which an enum literal's prefix must name the enum by (`enumPrefixProblem`). */
  enumNames: EnumNames;
}

/**
 * A documentation page's placeholder in a `$filter` (`{start}`, or quoted, `'{id}'`): where it is
 * in the text (`at` to `end`), and the Edm kind of the property it is compared with (`rt.literal`'s
 * first argument: `"DateTimeOffset"`, `"enum:Ns.Color"`), when it is compared with one.
 */
export interface FilterPlaceholder {
  name: string;
  at: number;
  end: number;
  quoted: boolean;
  kind?: string;
  /** The property it is compared with, as a message names it. */
  comparedWith?: string;
  /** Where it is a function's argument instead: `the second argument of startswith, a string`. */
  role?: string;
}

/** The first problem of a `$filter` expression on `scope.type`, or undefined. */
export function checkFilter(text: string, scope: FilterScope): string | undefined {
  const read = readFilter(text, scope);
  return "problem" in read ? read.problem : undefined;
}

/** A `$filter` expression on `scope.type`: its first problem, or its placeholders in order. */
export function readFilter(text: string, scope: FilterScope): { problem: string } | { placeholders: FilterPlaceholder[]; laterMembers: string[] } {
  const check = new ExpressionCheck(scope);
  const problem = check.run(text);
  return problem === undefined ? { placeholders: [...check.placeholders.values()], laterMembers: [...check.laterMembers] } : { problem };
}

/** The first problem of `$orderby`'s items (`receivedDateTime desc`, `from/emailAddress/name`), or undefined. */
export function checkOrderByItems(items: readonly string[], scope: FilterScope): string | undefined {
  for (const item of items) {
    // A last word that is neither asc nor desc but close to one (`displayName dsc`) is a misspelling.
    const last = /\s([A-Za-z]+)$/.exec(item)?.[1];
    const close = last && !/^(asc|desc)$/i.test(last) ? nearestName(last.toLowerCase(), ["asc", "desc"]) : undefined;
    // Both are one edit from `dsc`: the first letter tells them apart.
    if (close) return `${item}: an item ends with asc or desc; did you mean ${/^d/i.test(last!) ? "desc" : /^a/i.test(last!) ? "asc" : close}?`;
    const bad = checkFilter(item.replace(/\s+(asc|desc)$/i, ""), scope);
    if (bad) return bad;
  }
  return undefined;
}

class ExpressionCheck {
  /** Lambda variables in scope, innermost last, each with the parenthesis depth that closes it. */
  private readonly variables: { name: string; reached: Reached; depth: number }[] = [];
  /** What each path token reached, by its index. */
  private readonly reached = new Map<number, Reached>();
  /** The placeholders, by their token. */
  readonly placeholders = new Map<Token, FilterPlaceholder>();
  /** The members after an evolvable enum's `unknownFutureValue` its literals name (model/evolvable-enums.ts). */
  readonly laterMembers = new Set<string>();
  /** The canonical function calls whose result is known, by the index of their closing parenthesis and of their name. */
  private calls = new Map<number, Call>();
  private callsAt = new Map<number, Call>();
  /** The index of each arithmetic operator (`add`, `sub`, `mul`, `div`, `divby`, `mod`) where one stands. */
  private readonly arithmeticAt = new Set<number>();

  constructor(private readonly scope: FilterScope) {}

  run(text: string): string | undefined {
    const all = tokens(text);
    if (typeof all === "string") return all;
    let depth = 0;
    let operandEnded = false;
    for (let i = 0; i < all.length; i++) {
      const tok = all[i]!;
      const next = all[i + 1];
      if (tok.t === "punct") {
        if (tok.text === "(" || tok.text === "[") depth++;
        if (tok.text === ")" || tok.text === "]") {
          depth--;
          while (this.variables.length && this.variables[this.variables.length - 1]!.depth > depth) this.variables.pop();
        }
        operandEnded = tok.text === ")" || tok.text === "]";
        continue;
      }
      if (tok.t !== "path") {
        // A number's OData 2 and 3 suffix (`1.5m`), wherever it stands: url-filter-forms.ts.
        const suffixed = tok.t === "literal" && tok.kind === "number" ? numberSuffixProblem(tok.text) : undefined;
        if (suffixed) return suffixed;
        // `NULL`, `Null`: the ABNF's null is lower case alone.
        const miscased = tok.t === "literal" && tok.kind === "null" ? miscasedProblem(tok.text) : undefined;
        if (miscased && tok.t === "literal") return `${tok.text} ${miscased}`;
        if (tok.t === "placeholder") this.placeholders.set(tok, { name: tok.name, at: tok.at, end: tok.at + tok.text.length, quoted: false });
        const quoted = tok.t === "literal" && tok.kind === "string" ? /^\{([^{}]+)\}$/.exec(tok.value ?? "") : null;
        if (quoted && tok.t === "literal") this.placeholders.set(tok, { name: quoted[1]!, at: tok.at, end: tok.at + tok.text.length, quoted: true });
        operandEnded = true;
        continue;
      }
      const word = tok.segments.length === 1 ? tok.segments[0]!.toLowerCase() : undefined;
      if (word !== undefined && operandEnded && OPERATORS.has(word)) {
        if (ARITHMETIC.has(word)) this.arithmeticAt.add(i);
        operandEnded = false;
        continue;
      }
      if (word !== undefined && !operandEnded && ["not", "inf", "nan"].includes(word)) {
        // `inf`, `Nan`: INF and NaN in other letters' case are no number, unless a declared property's name.
        const miscased = miscasedProblem(tok.segments[0]!);
        const declared = miscased ? this.resolve(tok.segments) : undefined;
        if (miscased && (declared === undefined || typeof declared === "string" || declared.kind === "unknown")) return `${tok.segments[0]} ${miscased}`;
        if (!miscased) {
          operandEnded = word !== "not";
          continue;
        }
      }
      operandEnded = true;
      if (next?.t === "punct" && next.text === "(") {
        const bad = this.call(tok, all, i, depth);
        if (bad) return bad;
        continue;
      }
      // A qualified name alone is a type's (isof(Ns.T), cast(x, Edm.String)), not a path; a
      // function's first argument was resolved with the function (firstArgument).
      if ((tok.segments.length === 1 && tok.segments[0]!.includes(".")) || this.reached.has(i)) continue;
      const r = this.resolve(tok.segments);
      if (typeof r === "string") return r;
      this.reached.set(i, r);
    }
    const read = readCalls(
      text,
      all,
      (i) => {
        const tok = all[i]!;
        return tok.t === "path" && tok.segments.length === 1 && FUNCTIONS.includes(tok.segments[0]!.toLowerCase());
      },
      (from, to, calls) => this.argument(all, from, to, calls),
      (tok, name, role) => {
        const slot = this.placeholders.get(tok);
        if (slot && slot.kind === undefined) [slot.kind, slot.role] = [name, role];
        return slot !== undefined;
      },
    );
    if (read.problem) return read.problem;
    this.calls = read.calls;
    this.callsAt = new Map([...read.calls.values()].map((c) => [c.start, c]));
    return this.arithmetic(all) ?? this.comparisons(all);
  }

  /** Each arithmetic operator's operands, checked (url-filter-arithmetic.ts). */
  private arithmetic(all: readonly Token[]): string | undefined {
    const calls = { byClose: this.calls, byStart: this.callsAt };
    const operandAt = (j: number) => this.operandAt(all, j);
    // A literal operand's form (`2024-02-30`): a quoted string's is not known, a placeholder's is the caller's.
    const form = (lit: Extract<Token, { t: "literal" }>, beside: Omit<Operand, "chained"> | undefined) => (this.placeholders.has(lit) ? undefined : formBeside(beside?.dynamic, lit));
    return checkArithmetic(all, this.arithmeticAt, calls, operandAt) ?? checkArithmeticLiterals(all, this.arithmeticAt, calls, operandAt, form);
  }

  /** The one-token operand at `j`: a literal, or a path this check reached. */
  private operandAt(all: readonly Token[], j: number): Omit<Operand, "chained"> | undefined {
    const tok = all[j];
    if (tok?.t === "literal") {
      if (this.placeholders.has(tok)) return undefined;
      if (tok.kind === "enum") return { family: "never", shown: tok.text, is: "an enumeration value" };
      // A duration in OData 4.01's quoted form ('P1D') beside a date or duration is one.
      if (tok.kind === "string" && /^-?P[\dTYMDHS.]/i.test(tok.value ?? "")) return undefined;
      const family = literalFamily(tok.kind);
      return family === undefined ? undefined : { family: arithmeticFamily(family), shown: tok.text, is: WORDS_OF[family] };
    }
    const r = this.reached.get(j);
    if (tok?.t !== "path" || r === undefined || this.placeholders.has(tok)) return undefined;
    // A dynamic property: of no family known, named as a comparison names it (`formBeside`).
    if (r.kind === "unknown") return r.dynamic === undefined ? undefined : { family: undefined, shown: tok.segments.join("/"), is: "a dynamic property", dynamic: r.dynamic };
    if (r.kind !== "primitive" || r.collection) return { family: "never", shown: r.shown, is: r.collection ? `${describe(r)} collection` : describe(r) };
    const family = familyOf(r.name);
    return { family: family && arithmeticFamily(family), shown: r.shown, is: describe(r) };
  }

  /** What a function's argument from token `from` to `to` is: a path, a literal or a call alone. */
  private argument(all: readonly Token[], from: number, to: number, calls: ReadonlyMap<number, Call>): ArgumentKind {
    const tok = all[from]!;
    const call = calls.get(to);
    if (call?.start === from) return { family: familyOf(call.result), shown: call.shown, is: `an Edm.${call.result}` };
    if (from !== to) return undefined;
    if (tok.t === "literal") return { family: literalFamily(tok.kind), shown: tok.text };
    const r = this.reached.get(from);
    if (tok.t !== "path" || r === undefined || r.kind === "unknown" || r.collection) return undefined;
    return { family: r.kind === "primitive" ? familyOf(r.name) : undefined, shown: r.shown, is: describe(r) };
  }

  /** A call: a canonical function's name checked; `path/any(v: …)` and `path/all(v: …)` bind `v`. */
  private call(tok: Extract<Token, { t: "path" }>, all: Token[], i: number, depth: number): string | undefined {
    const last = tok.segments[tok.segments.length - 1]!;
    if (tok.segments.length === 1) {
      if (last.includes(".")) return undefined;
      if (FUNCTIONS.includes(last.toLowerCase())) return this.firstArgument(last, all, i);
      const near = nearestName(last.toLowerCase(), FUNCTIONS);
      return `${last} is no canonical function${near ? `; did you mean ${near}?` : " (a bound function is called by its qualified name)"}`;
    }
    const lambda = last.toLowerCase();
    if (lambda !== "any" && lambda !== "all") return undefined; // a bound function on a path: its parameters are the service's
    const over = this.resolve(tok.segments.slice(0, -1));
    if (typeof over === "string") return over;
    if (over.kind !== "unknown" && !over.collection) return `${over.shown} is not a collection: ${last} goes after one`;
    const v = all[i + 2];
    const colon = all[i + 3];
    const closes = (t: Token | undefined) => t?.t === "punct" && t.text === ")";
    // URL Conventions §5.1.1.10: `any()` (not empty), or `any(x:condition)` and `all(x:condition)`.
    if (closes(v)) return lambda === "any" ? undefined : `${tok.segments.join("/")}(): all takes a variable and a condition, ${last}(x:…)`;
    if (v?.t === "path" && v.segments.length === 1 && colon?.t === "punct" && colon.text === ":") {
      if (closes(all[i + 4])) return `${tok.segments.join("/")}(${v.segments[0]}:): ${last} has no condition after its variable`;
      const element: Reached = over.kind === "unknown" ? { kind: "unknown" } : { ...over, collection: false, shown: v.segments[0]! };
      // In scope from the parenthesis on, so the walk reads `v` itself as a path to it.
      this.variables.push({ name: v.segments[0]!, reached: element, depth: depth + 1 });
      return undefined;
    }
    return `${tok.segments.join("/")}(…): ${last} takes a variable, a colon and a condition (${last}(x:x eq …))${lambda === "any" ? ", or nothing" : ""}`;
  }

  /**
   * A canonical function's first argument, where it is a path alone (`startswith(mail,'a')`): of a
   * type the function takes. A string function takes a string (`contains(createdDateTime,'2024')`
   * is refused), a date and time function a date, a time of day or a date and time. A collection,
   * and anything but a path, is passed.
   */
  private firstArgument(fn: string, all: readonly Token[], i: number): string | undefined {
    const [arg, after] = [all[i + 2], all[i + 3]];
    if (arg?.t !== "path" || after?.t !== "punct" || (after.text !== "," && after.text !== ")")) return undefined;
    const takes = ARGUMENT_KINDS[fn.toLowerCase()];
    if (!takes || (arg.segments.length === 1 && arg.segments[0]!.includes("."))) return undefined;
    const r = this.resolve(arg.segments);
    if (typeof r === "string") return r;
    this.reached.set(i + 2, r);
    if (r.kind === "unknown" || r.collection) return undefined;
    const name = r.kind === "primitive" ? r.name : undefined;
    if (name !== undefined && takes.types.includes(name)) return undefined;
    return `${fn} takes ${takes.what}: ${r.shown} is ${describe(r)}`;
  }

  /** What `segments` reach from the type, a lambda variable or `$it`; or why they reach nothing. */
  private resolve(segments: readonly string[]): Reached | string {
    const [head] = segments;
    let at = 0;
    let cur: Reached = { kind: "structured", type: this.scope.type, collection: false, shown: this.scope.type.qualifiedName };
    const variable = [...this.variables].reverse().find((v) => v.name === head);
    if (variable) [cur, at] = [variable.reached, 1];
    else if (head === "$it") at = 1;
    else if (head?.startsWith("$")) return { kind: "unknown" }; // $root, $this: not followed
    for (; at < segments.length; at++) {
      const seg = segments[at]!;
      // Past a dynamic property (`costCentre/x`): not known, and no longer the property the message would name.
      if (cur.kind === "unknown") return { kind: "unknown" };
      if (seg === "$count") {
        if (!cur.collection) return `${cur.shown} is not a collection: $count counts one`;
        cur = { kind: "primitive", name: "Int64", collection: false, shown: `${cur.shown}/$count` };
        continue;
      }
      if (cur.collection && this.scope.throughCollections) cur = { ...cur, collection: false };
      if (cur.collection) return `${cur.shown} is a collection: a condition on its items takes any or all (${cur.shown}/any(x:x/${seg} …))`;
      if (cur.kind !== "structured") return seg.includes(".") ? { kind: "unknown" } : `${cur.shown} is ${describe(cur)}, which has no ${seg}`;
      const next = this.member(cur.type, seg, at === 0 ? seg : `${cur.shown}/${seg}`);
      if (typeof next === "string") return next;
      cur = next;
    }
    return cur;
  }

  /** What `seg` names on `type`: a subtype by its cast, a property or a navigation property. */
  private member(type: StructuredType, seg: string, shown: string): Reached | string {
    if (seg.includes(".")) {
      for (let t: StructuredType | undefined = type; t; t = t.baseType) if (t.qualifiedName === seg) return { kind: "structured", type, collection: false, shown };
      const sub = descendants(type).find((d) => d.qualifiedName === seg);
      if (sub) return { kind: "structured", type: sub, collection: false, shown };
      if (this.scope.sliced) return { kind: "unknown" };
      const near = nearestName(seg, descendants(type).map((d) => d.qualifiedName));
      return `${seg} is no type derived from ${type.qualifiedName}${near ? `; did you mean ${near}?` : ""}`;
    }
    if (type === this.scope.type && this.scope.computed?.has(seg)) return { kind: "unknown" };
    // A name in another case is taken: Graph reads names in any case, and its documentation
    // writes some so (`JoinWebUrl` for onlineMeeting's joinWebUrl).
    const named = (x: { name: string }) => x.name === seg || x.name.toLowerCase() === seg.toLowerCase();
    const p = allProperties(type).find(named);
    if (p) return reachedBy(p.type, shown);
    const n = allNavigation(type).find(named);
    if (n) return { kind: "structured", type: n.target, collection: n.collection, shown };
    const names = [...allProperties(type), ...allNavigation(type)].map((x) => x.name);
    if (type === this.scope.type) names.push(...(this.scope.computed ?? []));
    const near = nearestName(seg, names);
    const open = isOpen(type);
    // A dynamic property of an open type, or a navigation property a slice left out, may be there.
    if (!near && (open || this.scope.sliced)) return { kind: "unknown", ...(open && { dynamic: `${shown} (a dynamic property of ${type.qualifiedName}, an open type${this.scope.sliced ? ", or one the slice left out" : ""})` }) };
    return `${type.qualifiedName} ${open ? "declares" : "has"} no property ${seg}${near ? `; did you mean ${near}?` : ""}`;
  }

  /** Each comparison of a path with a literal (`a eq 'x'`, `'x' eq a`, `a in ('x','y')`, `a has Ns.E'x'`), checked. */
  private comparisons(all: readonly Token[]): string | undefined {
    for (let i = 1; i < all.length; i++) {
      const op = all[i]!;
      if (op.t !== "path" || op.segments.length !== 1) continue;
      const word = op.segments[0]!.toLowerCase();
      if (!COMPARISON.has(word) && word !== "in" && word !== "has") continue;
      const left = this.operandEndingAt(all, i - 1);
      if (!left) continue;
      const lits = word === "in" ? listAfter(all, i) : [all[i + 1]];
      if (COMPARISON.has(word)) {
        const right = this.operandStartingAt(all, i + 1);
        if (right) {
          const bad = right.arithmeticAfter ? undefined : sameKind(left, right.reached, word);
          if (bad) return bad;
          continue;
        }
        if (nextToArithmetic(all, i + 1)) continue;
      }
      for (const lit of lits) {
        if (lit && this.placed(lit, left)) continue;
        if (lit?.t !== "literal") continue;
        const bad = literalFits(left, lit, word, this.scope.enumNames);
        if (bad) return bad;
        this.noteLater(left, lit);
      }
    }
    for (let i = 0; i + 2 < all.length; i++) {
      const [lit, op] = [all[i]!, all[i + 1]!];
      if ((lit.t !== "literal" && lit.t !== "placeholder") || op.t !== "path" || op.segments.length !== 1 || !COMPARISON.has(op.segments[0]!.toLowerCase())) continue;
      const right = this.operandStartingAt(all, i + 2);
      if (isArithmetic(all[i - 1]) || !right || right.arithmeticAfter) continue;
      if (this.placed(lit, right.reached) || lit.t !== "literal") continue;
      const bad = literalFits(right.reached, lit, op.segments[0]!, this.scope.enumNames);
      if (bad) return bad;
      this.noteLater(right.reached, lit);
    }
    return undefined;
  }

  /** Notes the members after an evolvable enum's sentinel that a literal compared with one of its values names. */
  private noteLater(reached: Reached, lit: Extract<Token, { t: "literal" }>): void {
    if (reached.kind !== "enum") return;
    const later = laterMembers(reached.type);
    if (!later.length) return;
    for (const part of (lit.value ?? "").split(",")) {
      const member = later.find((m) => m.name === part.trim());
      if (member) this.laterMembers.add(member.name);
    }
  }

  /**
   * The operand that ends at token `i` (a path this check reached, or a call whose result is
   * known); where arithmetic comes before it, the expression it ends, if that is one operator
   * between two known operands (`orderNumber add 1`).
   */
  private operandEndingAt(all: readonly Token[], i: number): Reached | undefined {
    const call = this.calls.get(i);
    const start = call ? call.start : i;
    if (isArithmetic(all[start - 1])) return this.expression(all, start - 1, { endsAt: i });
    if (call) return resultOf(call);
    return this.reached.get(i);
  }

  /** The operand that starts at token `i`, and whether arithmetic (or a call on it) follows it: where arithmetic follows, the expression it starts, if that is one operator between two known operands. */
  private operandStartingAt(all: readonly Token[], i: number): { reached: Reached; arithmeticAfter: boolean } | undefined {
    const call = this.callsAt.get(i);
    const end = call ? call.close : i;
    if (isArithmetic(all[end + 1])) {
      const expression = this.expression(all, end + 1, { startsAt: i });
      if (expression) return { reached: expression, arithmeticAfter: false };
    }
    if (call) return { reached: resultOf(call), arithmeticAfter: isArithmetic(all[call.close + 1]) };
    const reached = this.reached.get(i);
    return reached && { reached, arithmeticAfter: nextToArithmetic(all, i) };
  }

  /**
   * What the arithmetic operator at `k` gives, where it stands alone between two known operands
   * (not part of a longer expression) that go together: a number, a date and time, a duration.
   * `endsAt` or `startsAt` is where the comparison's side must end or start.
   */
  private expression(all: readonly Token[], k: number, side: { endsAt?: number; startsAt?: number }): Reached | undefined {
    if (!this.arithmeticAt.has(k)) return undefined;
    const found = simpleArithmetic(all, k, { byClose: this.calls, byStart: this.callsAt }, (j) => this.operandAt(all, j));
    if (!found || (side.endsAt !== undefined && found.end !== side.endsAt) || (side.startsAt !== undefined && found.start !== side.startsAt)) return undefined;
    return { kind: "primitive", name: EXPRESSION_TYPES[found.result], collection: false, shown: found.shown, is: WORDS_OF[found.result] };
  }

  /**
   * Whether `tok` is a placeholder, compared with what `other` reached: it takes that property's
   * kind (its value is written by `rt.literal`, so its quotes, or their absence, do not matter).
   */
  private placed(tok: Token, other: Reached): boolean {
    const slot = this.placeholders.get(tok);
    if (!slot) return false;
    if (other.kind === "primitive" && !other.collection && KEY_LITERALS.has(other.name)) [slot.kind, slot.comparedWith] = [other.name, `${other.shown}, an Edm.${other.name}`];
    if (other.kind === "enum" && !other.collection) [slot.kind, slot.comparedWith] = [`enum:${other.type.qualifiedName}`, `${other.shown}, a ${other.type.qualifiedName}`];
    return true;
  }

}

/** The Edm type an arithmetic expression's result is taken for, by its family: what literals it is compared with. */
const EXPRESSION_TYPES: Record<"number" | "datetime" | "duration", PrimitiveName> = { number: "Double", datetime: "DateTimeOffset", duration: "Duration" };

function resultOf(call: Call): Reached {
  return { kind: "primitive", name: call.result, collection: false, shown: call.shown };
}

/** Why `left op right` compares two values of different kinds (`createdDateTime gt displayName`); undefined where they may be compared. */
function sameKind(left: Reached, right: Reached, op: string): string | undefined {
  if (left.kind !== "primitive" || right.kind !== "primitive" || left.collection || right.collection) return undefined;
  const [a, b] = [familyOf(left.name), familyOf(right.name)];
  if (a === undefined || b === undefined || a === b) return undefined;
  return `${left.shown} ${op} ${right.shown}: ${left.shown} is ${describe(left)} and ${right.shown} ${describe(right)}; a comparison takes two values of one kind`;
}

/** Whether the operand at `i` is part of an arithmetic expression or a call (`1 add x`, `x/…(`). */
function nextToArithmetic(all: readonly Token[], i: number): boolean {
  const after = all[i + 1];
  return isArithmetic(after) || (after?.t === "punct" && after.text === "(");
}

/** The literals of `in`'s list (`('a','b')` or `["a","b"]`) after token `i`; none when no list follows. */
function listAfter(all: readonly Token[], i: number): Token[] {
  const open = all[i + 1];
  if (open?.t !== "punct" || (open.text !== "(" && open.text !== "[")) return [];
  const out: Token[] = [];
  for (let j = i + 2; j < all.length; j++) {
    const t = all[j]!;
    if (t.t === "punct" && (t.text === ")" || t.text === "]")) break;
    if (t.t === "punct" && t.text === ",") continue;
    if (t.t !== "literal" && t.t !== "placeholder") return []; // an expression in the list: not checked
    out.push(t);
  }
  return out;
}

function reachedBy(ref: TypeRef, shown: string): Reached {
  let t = ref.type;
  if (t.kind === "typedef") t = t.underlying;
  if (t.kind === "primitive") return { kind: "primitive", name: t.name, collection: ref.collection, shown };
  if (t.kind === "enum") return { kind: "enum", type: t, collection: ref.collection, shown };
  return { kind: "structured", type: t, collection: ref.collection, shown };
}

/** What a path reached, as a message names it: `an Edm.String`, `a microsoft.graph.importance`. */
function describe(r: Exclude<Reached, { kind: "unknown" }>): string {
  return r.kind === "primitive" ? (r.is ?? `an Edm.${r.name}`) : `a ${r.type.qualifiedName}`;
}

/** The literal kinds a value of each family is compared with (a duration as OData 4.01's quoted string too). */
const LITERALS_OF: Record<Family, readonly LiteralKind[]> = {
  number: ["number"], string: ["string"], boolean: ["boolean"], guid: ["guid"], datetime: ["datetime", "date"], time: ["time"], duration: ["duration", "string"], binary: ["binary"],
};

/** Which literal kinds a primitive property compares with; undefined where any may (geography, streams, untyped). */
function kindsOf(name: PrimitiveName): readonly LiteralKind[] | undefined {
  const family = familyOf(name);
  return family && LITERALS_OF[family];
}

const WRITTEN: Partial<Record<LiteralKind, string>> = {
  number: "a number",
  boolean: "true or false",
  guid: "a Guid, unquoted",
  datetime: "a date and time, unquoted (2024-01-31T08:00:00Z)",
  time: "a time of day, unquoted (08:00:00)",
  string: "a quoted string",
  duration: "a duration (duration'P1D')",
  binary: "binary'…'",
};

/**
 * Why `lit`, beside a path of no type known (a dynamic property, or one a slice left out), is no
 * literal at all (`literalFormProblem`), naming the path where it is a dynamic property (`dynamic`,
 * `costCentre (a dynamic property of ns.T, an open type)`); compared with it or an operand of its
 * arithmetic alike. Undefined where its form is one.
 */
function formBeside(dynamic: string | undefined, lit: Extract<Token, { t: "literal" }>): string | undefined {
  const form = literalFormProblem(lit.kind, lit.text, "", lit.value);
  return form && dynamic ? `${dynamic}: ${form}` : form;
}

/** Why `lit` does not fit what `left` reached, compared by `op`; undefined where it does (or may). */
function literalFits(left: Reached, lit: Extract<Token, { t: "literal" }>, op: string, names: EnumNames): string | undefined {
  if (lit.kind === "null" || lit.kind === "other") return undefined;
  // A dynamic property (or one a slice left out), of no type known: the literal's form alone (`2024-02-30`, a Guid written wrong).
  if (left.kind === "unknown") return formBeside(left.dynamic, lit);
  const what = `${left.shown} is ${describe(left)}`;
  if (left.collection) return `${what} collection: compare its items with any or all (${left.shown}/any(x:x ${op} ${lit.text}))`;
  if (left.kind === "structured") return `${what}: compare one of its properties (${left.shown}/…)`;
  if (left.kind === "enum") return enumFits(left.type, lit, what, names);
  const kinds = kindsOf(left.name);
  if (!kinds) return undefined;
  if (kinds.includes(lit.kind)) {
    // Of a kind the property takes, but no value of any type (`2024-02-30`, `25:00`): url-filter-forms.ts.
    const form = literalFormProblem(lit.kind, lit.text, left.name, lit.value);
    return form && `${what}: ${form}`;
  }
  const wanted = kinds[0] === "date" || kinds[0] === "datetime" ? WRITTEN.datetime : WRITTEN[kinds[0]!];
  if (lit.kind === "string" && lit.value !== undefined && unquoted(lit.value, kinds)) return `${what}: ${lit.text} is a string; write it unquoted: ${lit.value}`;
  if (kinds[0] === "string" && lit.kind !== "enum") return `${what}: ${lit.text} is no string; write it quoted: '${lit.text}'`;
  return `${what}: ${lit.text} is no value of it; write ${wanted}`;
}

/** Whether the quoted value, unquoted, would be a literal of one of `kinds` (`'2024-01-01T00:00:00Z'`). */
function unquoted(value: string, kinds: readonly LiteralKind[]): boolean {
  const read = tokens(value);
  return typeof read !== "string" && read.length === 1 && read[0]!.t === "literal" && kinds.includes(read[0]!.kind);
}

/**
 * An enumeration value: `'Red'`, `'Red,Blue'` for flags, `Ns.Color'Red'` (the enum's own qualified
 * name, by its namespace or its schema's alias: `enumPrefixProblem`), or a number; each name a member of `e`.
 */
function enumFits(e: EnumType, lit: Extract<Token, { t: "literal" }>, what: string, model: EnumNames): string | undefined {
  if (lit.kind === "number") return undefined;
  const wrong = lit.kind === "enum" && lit.enumType !== undefined ? enumPrefixProblem(lit.enumType, lit.text.slice(lit.enumType.length + 1, -1), e, model) : undefined;
  if (wrong) return `${what}: ${lit.text} ${wrong}`;
  if (lit.kind !== "string" && lit.kind !== "enum") return `${what}: ${lit.text} is no value of it; write one of its members ('${e.members[0]?.name ?? ""}')`;
  const names = e.members.map((m) => m.name);
  // A member's name as the metadata writes it (the ABNF's `enumerationMember`, an identifier of the
  // model; a key's and a parameter's literal are read so too, enumMembers): `'High'` names no member
  // of an enum whose member is `high`, and the typed filter's `eq("High")` would not compile.
  const known = new Set(names);
  for (const part of (lit.value ?? "").split(",")) {
    const member = part.trim();
    if (known.has(member) || /^-?\d+$/.test(member)) continue;
    return `${what}, which has no member ${member}${memberHint(member, e)}`;
  }
  return undefined;
}
