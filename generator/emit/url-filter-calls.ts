/**
 * The canonical function calls of a `$filter` (URL Conventions §5.1.1.7–§5.1.1.11): what each
 * returns, so that a comparison with its result is checked as one with a property is
 * (`year(createdDateTime) eq '2024'`: a number, written unquoted), and the kind of the arguments
 * after the first (`startswith(displayName,5)`: a string, written quoted). The first argument is
 * checked where the call is met (url-filter.ts, `firstArgument`).
 */
import type { PrimitiveName } from "../model/types";
import { NUMBERS, type LiteralKind, type Token } from "./url-filter-tokens";

/** What an operand is, as far as a comparison cares. */
export type Family = "string" | "number" | "boolean" | "guid" | "datetime" | "time" | "duration" | "binary";

/** A call whose result's kind is known: the index of its name's token and of its closing parenthesis. */
export interface Call {
  start: number;
  close: number;
  result: PrimitiveName;
  /** The call as written, as a message quotes it. */
  shown: string;
}

/**
 * What an argument is, where the caller can tell: its family, as written, and what it is in words
 * (`an Edm.DateTimeOffset`; none for a literal).
 */
export type ArgumentKind = { family: Family | undefined; shown: string; is?: string } | undefined;

/** Each canonical function's result, by its name in lower case (round, floor and ceiling: a number, as their argument is). */
const RESULTS: Record<string, PrimitiveName> = {
  length: "Int32", indexof: "Int32", year: "Int32", month: "Int32", day: "Int32", hour: "Int32", minute: "Int32", second: "Int32",
  totaloffsetminutes: "Int32", fractionalseconds: "Decimal", totalseconds: "Decimal",
  tolower: "String", toupper: "String", trim: "String", substring: "String", concat: "String",
  date: "Date", time: "TimeOfDay", now: "DateTimeOffset", maxdatetime: "DateTimeOffset", mindatetime: "DateTimeOffset",
  contains: "Boolean", startswith: "Boolean", endswith: "Boolean", matchespattern: "Boolean", hassubset: "Boolean", hassubsequence: "Boolean", isof: "Boolean",
  round: "Double", floor: "Double", ceiling: "Double",
};

/**
 * The kinds of the arguments after the first, by the function's name in lower case. `concat` of
 * two collections (OData 4.01) is passed: a collection's family is unknown.
 */
const LATER_ARGUMENTS: Record<string, readonly Family[]> = {
  contains: ["string"], startswith: ["string"], endswith: ["string"], indexof: ["string"], concat: ["string"], matchespattern: ["string"],
  substring: ["number", "number"],
};

const WORDS: Record<Family, string> = {
  string: "a string", number: "a number", boolean: "true or false", guid: "a Guid", datetime: "a date and time", time: "a time of day", duration: "a duration", binary: "binary data",
};
const ORDINALS = ["first", "second", "third"];


/** The family of a primitive type; undefined where a comparison may take several (geography, untyped). */
export function familyOf(name: PrimitiveName): Family | undefined {
  if (NUMBERS.has(name)) return "number";
  const families: Partial<Record<PrimitiveName, Family>> = {
    String: "string", Boolean: "boolean", Guid: "guid", Date: "datetime", DateTimeOffset: "datetime", TimeOfDay: "time", Duration: "duration", Binary: "binary",
  };
  return families[name];
}

/** The family of a literal; undefined for null, an enumeration value, JSON and geography. */
export function literalFamily(kind: LiteralKind): Family | undefined {
  const families: Partial<Record<LiteralKind, Family>> = { string: "string", number: "number", boolean: "boolean", guid: "guid", date: "datetime", datetime: "datetime", time: "time", duration: "duration", binary: "binary" };
  return families[kind];
}

/**
 * The calls of canonical functions in `all`, innermost first (an argument that is a call is known
 * before the call it is in), with the first problem of their later arguments. `argument` tells what
 * the tokens from `from` to `to` are (undefined where it cannot tell); `placeholder` is told of each
 * argument that is one token, with the kind its function takes there, and says whether it is a
 * placeholder (which then takes that kind).
 */
export function readCalls(
  text: string,
  all: readonly Token[],
  isFunction: (i: number) => boolean,
  argument: (from: number, to: number, calls: ReadonlyMap<number, Call>) => ArgumentKind,
  placeholder: (tok: Token, name: PrimitiveName, role: string) => boolean,
): { calls: Map<number, Call>; problem?: string } {
  /** By the index of the closing parenthesis. */
  const calls = new Map<number, Call>();
  const open: { at: number; fn: number | undefined; commas: number[] }[] = [];
  for (let i = 0; i < all.length; i++) {
    const tok = all[i]!;
    if (tok.t !== "punct") continue;
    if (tok.text === "(" || tok.text === "[") open.push({ at: i, fn: i > 0 && isFunction(i - 1) ? i - 1 : undefined, commas: [] });
    else if (tok.text === ",") open[open.length - 1]?.commas.push(i);
    else if (tok.text === ")" || tok.text === "]") {
      const group = open.pop();
      if (group?.fn === undefined) continue;
      const fnTok = all[group.fn] as Extract<Token, { t: "path" }>;
      const name = fnTok.segments[0]!.toLowerCase();
      const bounds = [group.at, ...group.commas, i];
      const later = LATER_ARGUMENTS[name] ?? [];
      for (let k = 1; k < bounds.length - 1 && k - 1 < later.length; k++) {
        const [from, to] = [bounds[k]! + 1, bounds[k + 1]! - 1];
        const wanted = later[k - 1]!;
        const role = `the ${ORDINALS[k]} argument of ${fnTok.segments[0]}`;
        if (from === to && placeholder(all[from]!, wanted === "string" ? "String" : "Int32", `${role}, ${WORDS[wanted]}`)) continue;
        const arg = argument(from, to, calls);
        if (!arg || arg.family === undefined || arg.family === wanted) continue;
        const what = `${fnTok.segments[0]} takes ${WORDS[wanted]} as its ${ORDINALS[k]} argument`;
        if (arg.is !== undefined) return { calls, problem: `${what}: ${arg.shown} is ${arg.is}` };
        const fix = wanted === "string" ? `; write it quoted: '${arg.shown.replace(/'/g, "''")}'` : "";
        return { calls, problem: `${what}: ${arg.shown} is not ${WORDS[wanted]}${fix}` };
      }
      const result = RESULTS[name];
      if (result !== undefined) calls.set(i, { start: group.fn, close: i, result, shown: text.slice(fnTok.at, tok.at + 1) });
    }
  }
  return { calls };
}
