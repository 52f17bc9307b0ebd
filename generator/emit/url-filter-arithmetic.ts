/**
 * The arithmetic of a `$filter` (URL Conventions §5.1.1.2): each operator's operands are of kinds
 * it takes. url-filter.ts finds the operators, and tells what a one-token operand is.
 */
import { familyOf, type Call, type Family } from "./url-filter-calls";
import type { Token } from "./url-filter-tokens";

/** The arithmetic operators, in lower case. */
export const ARITHMETIC = new Set(["add", "sub", "mul", "div", "divby", "mod"]);

/** The canonical function calls whose result is known, by the index of their closing parenthesis and of their name. */
export interface Calls {
  byClose: ReadonlyMap<number, Call>;
  byStart: ReadonlyMap<number, Call>;
}

/** What the one-token operand at token `j` is (a literal, or a path the check reached), where that is known. */
export type OperandAt = (j: number) => Omit<Operand, "chained"> | undefined;

/** Whether `tok` is an arithmetic operator's word. */
export function isArithmetic(tok: Token | undefined): boolean {
  return tok?.t === "path" && tok.segments.length === 1 && ARITHMETIC.has(tok.segments[0]!.toLowerCase());
}

/**
 * Each arithmetic operator's operands (URL Conventions §5.1.1.2): numbers, or for `add` and
 * `sub` dates and durations (a date and time plus or minus a duration, two dates subtracted,
 * two durations), for `mul` and `div` a duration and a number (OData 4.01). A string, Boolean,
 * Guid, binary value, enumeration value, structured value or collection is refused wherever it
 * stands beside one; two known operands of kinds that do not go together only where neither is
 * part of a longer arithmetic expression, whose order of operations this check does not follow.
 */
export function checkArithmetic(all: readonly Token[], operators: Iterable<number>, calls: Calls, operandAt: OperandAt): string | undefined {
  for (const i of operators) {
    const op = (all[i] as Extract<Token, { t: "path" }>).segments[0]!;
    const left = operandBefore(all, i, calls, operandAt);
    const right = operandAfter(all, i, calls, operandAt);
    const shown = `${left?.shown ?? "…"} ${op} ${right?.shown ?? "…"}`;
    for (const side of [left, right]) {
      if (side?.family === "never") return `${shown}: ${side.shown} is ${side.is}; ${op} takes ${ARITHMETIC_TAKES[op.toLowerCase()]}`;
    }
    if (!left?.family || !right?.family || left.chained || right.chained) continue;
    if (left.family !== "never" && right.family !== "never" && !goTogether(op.toLowerCase(), left.family, right.family)) return `${shown}: ${left.shown} is ${left.is} and ${right.shown} ${right.is}; ${op} takes ${ARITHMETIC_TAKES[op.toLowerCase()]}`;
  }
  return undefined;
}

/**
 * A literal beside an arithmetic operator that is no value of any type (`placedDateTime sub
 * 2024-02-30T00:00:00Z`, `warranty add duration'soon'`): why (`formProblem`, url-filter-forms.ts),
 * naming the other operand and what it is where that is known, and handing `formProblem` the
 * operand beside it (a dynamic property, which it names as a comparison does). Undefined where there is none.
 */
export function checkArithmeticLiterals(all: readonly Token[], operators: Iterable<number>, calls: Calls, operandAt: OperandAt, formProblem: (lit: Extract<Token, { t: "literal" }>, beside: Operand | undefined) => string | undefined): string | undefined {
  for (const i of operators) {
    const op = (all[i] as Extract<Token, { t: "path" }>).segments[0]!;
    const left = operandBefore(all, i, calls, operandAt);
    const right = operandAfter(all, i, calls, operandAt);
    for (const [lit, otherToken, other] of [[all[i - 1], all[i + 1], right], [all[i + 1], all[i - 1], left]] as const) {
      const form = lit?.t === "literal" ? formProblem(lit, otherToken?.t === "literal" ? undefined : other) : undefined;
      if (!form) continue;
      // The property (or result) beside it, what it is; another literal needs no words.
      const beside = other?.family && other.family !== "never" && otherToken?.t !== "literal" ? `${other.shown} is ${other.is}, and ` : "";
      return `${left?.shown ?? "…"} ${op} ${right?.shown ?? "…"}: ${beside}${form}`;
    }
  }
  return undefined;
}

/**
 * The arithmetic operator at `k` between two known operands, where neither is part of a longer
 * arithmetic expression and they go together: where it starts and ends, as written, and what it
 * gives (URL Conventions §5.1.1.2: numbers give a number; a date and time plus or minus a duration a
 * date and time; two dates subtracted, two durations, a duration times or by a number a duration).
 */
export function simpleArithmetic(all: readonly Token[], k: number, calls: Calls, operandAt: OperandAt): { start: number; end: number; shown: string; result: "number" | "datetime" | "duration" } | undefined {
  const op = (all[k] as Extract<Token, { t: "path" }>).segments[0]!;
  const left = operandBefore(all, k, calls, operandAt);
  const right = operandAfter(all, k, calls, operandAt);
  if (!left || !right || left.chained || right.chained) return undefined;
  if (!left.family || !right.family || left.family === "never" || right.family === "never") return undefined;
  const result = resultOf(op.toLowerCase(), left.family, right.family);
  if (!result) return undefined;
  const start = calls.byClose.get(k - 1)?.start ?? k - 1;
  const end = calls.byStart.get(k + 1)?.close ?? k + 1;
  return { start, end, shown: `${left.shown} ${op} ${right.shown}`, result };
}

/** What `op` gives for operands of families `a` and `b`; undefined where they do not go together. */
function resultOf(op: string, a: Family, b: Family): "number" | "datetime" | "duration" | undefined {
  if (!goTogether(op, a, b)) return undefined;
  if (a === "number" && b === "number") return "number";
  if ((op === "add" || op === "sub") && (a === "datetime") !== (b === "datetime")) return "datetime";
  return "duration";
}

/** The operand that ends just before token `i`: what it is, and whether arithmetic comes before it. */
function operandBefore(all: readonly Token[], i: number, calls: Calls, operandAt: OperandAt): Operand | undefined {
  const call = calls.byClose.get(i - 1);
  if (call) return { ...ofCall(call), chained: isArithmetic(all[call.start - 1]) };
  const operand = operandAt(i - 1);
  return operand && { ...operand, chained: isArithmetic(all[i - 2]) };
}

/** The operand that starts just after token `i`: what it is, and whether arithmetic comes after it. */
function operandAfter(all: readonly Token[], i: number, calls: Calls, operandAt: OperandAt): Operand | undefined {
  const call = calls.byStart.get(i + 1);
  if (call) return { ...ofCall(call), chained: isArithmetic(all[call.close + 1]) };
  const operand = operandAt(i + 1);
  return operand && { ...operand, chained: isArithmetic(all[i + 2]) };
}

/** An arithmetic operator's operand: its family (`never` for one no arithmetic takes), as written, what it is in words. */
export interface Operand {
  family: Family | "never" | undefined;
  shown: string;
  is: string;
  /** Whether it is part of a longer arithmetic expression on its other side. */
  chained: boolean;
  /** A dynamic property's words, where it is one (`costCentre (a dynamic property of ns.T, an open type)`): its family is not known. */
  dynamic?: string;
}

/** The families no arithmetic operator takes. */
const NEVER_ARITHMETIC = new Set<Family>(["string", "boolean", "guid", "binary", "time"]);

export const WORDS_OF: Record<Family, string> = {
  string: "a string", number: "a number", boolean: "a Boolean", guid: "a Guid", datetime: "a date", time: "a time of day", duration: "a duration", binary: "binary data",
};

/** What each arithmetic operator takes, in words. */
const ARITHMETIC_TAKES: Record<string, string> = {
  add: "numbers, or a date (or date and time) and a duration, or two durations",
  sub: "numbers, two dates, a date and a duration, or two durations",
  mul: "numbers, or a duration and a number",
  div: "numbers, or a duration and a number",
  divby: "numbers",
  mod: "numbers",
};

function ofCall(call: Call): Omit<Operand, "chained"> {
  const family = familyOf(call.result);
  return { family: family && arithmeticFamily(family), shown: call.shown, is: `an Edm.${call.result}` };
}

/** A family as arithmetic sees it: `never` for one it does not take. */
export function arithmeticFamily(family: Family): Family | "never" {
  return NEVER_ARITHMETIC.has(family) ? "never" : family;
}

/** Whether `op` takes operands of families `a` and `b` (URL Conventions §5.1.1.2). */
function goTogether(op: string, a: Family, b: Family): boolean {
  if (a === "number" && b === "number") return true;
  const pair = `${a} ${b}`;
  switch (op) {
    case "add":
      return ["datetime duration", "duration datetime", "duration duration"].includes(pair);
    case "sub":
      return ["datetime duration", "datetime datetime", "duration duration"].includes(pair);
    case "mul":
      return ["duration number", "number duration"].includes(pair);
    case "div":
      return pair === "duration number";
    default:
      return false;
  }
}
