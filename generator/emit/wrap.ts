/**
 * Long lines of generated code, wrapped as Prettier wraps them: a list (import names, parameters)
 * whose line would exceed LINE_WIDTH is written one item per line, indented two spaces, each with a
 * trailing comma. What fits stays on one line.
 */
import { closingBracket, topLevelItems } from "../top-level-items";
import { fits, LINE_WIDTH } from "./line-width";
import { brokenExpression, brokenItem, brokenPureCall, brokenType, PURE } from "./wrap-code";

export { fits, LINE_WIDTH } from "./line-width";

/** `items` one per line, indented two spaces past `indent`, each with a trailing comma, between line breaks. */
export function itemLines(items: readonly string[], indent = ""): string {
  let out = "\n";
  for (const item of items) out += `${indent}  ${item},\n`;
  return out + indent;
}

/**
 * What goes between a signature's parentheses (or angle brackets): `params` on one line when the
 * line(s) `before(…)after` fit (a parameter of several lines only when it is the only one), else the
 * only one, of an object type, hugged by the parentheses (`f(params: {` … `}): T {`), else one a line, a parameter's own further lines (an object type's
 * members) indented two spaces more, and one whose own line would still pass LINE_WIDTH broken as
 * Prettier breaks it (wrap-code.ts `brokenItem`: its type's arguments or members one a line).
 * `before` and `after` are the template's text on either side, given only to be measured.
 */
export function parameters(before: string, params: readonly string[], after: string): string {
  const one = params.join(", ");
  // Where `before` ends a wrapped list of its own (`>(` after type parameters), its last line.
  if (before.includes("\n")) before = before.slice(before.lastIndexOf("\n") + 1);
  const br = one.indexOf("\n");
  // A parameter of several lines (an object type with doc comments) is hugged by the parentheses
  // only when it is the only one, as Prettier does; with others, each goes on its own line.
  const oneLine = br < 0 ? fits(before.length + one.length + after.length + 2) : params.length === 1 && fits(before.length + br + 1) && fits(one.length - one.lastIndexOf("\n") + after.length);
  if (params.length === 0 || oneLine) return one;
  // The only parameter, of an object type (a function's address builder's `params: { … }`), hugged
  // by the parentheses, its members one a line (Prettier's shouldHugTheOnlyFunctionParameter).
  const object = params.length === 1 ? /^([\w$]+\??: )\{ /.exec(one) : null;
  if (object && closingBracket(one, object[1].length) === one.length - 1) {
    return `${object[1]}${brokenType(one.slice(object[1].length), before.length + 1 + object[1].length, after.length + 1)}`;
  }
  return itemLines(params.map((p) => (p.includes("\n") ? p.replace(/\n/g, "\n  ") : brokenItem(p))));
}

/**
 * What follows `=` in a type alias whose line starts with `head` (`export type X =`), or `:` in a
 * member or parameter indented by `indent`: ` A | B` when the line (and its `;` or `,`) fits, else
 * (an alias's, or a member's union of two or more, as Prettier 3.10 writes both) on the next line,
 * indented two spaces more, where it fits there, else a member a line,
 * each after `| ` and indented two spaces more, as Prettier writes a long union (one member alone
 * goes to the next line after an alias's `=`, and stays after a member's `:`, where Prettier keeps
 * it however long); a member whose line would still pass LINE_WIDTH broken as Prettier breaks
 * it (wrap-code.ts `brokenType`: `(A & {`, its object type a member a line, `})`). An alias of one
 * member `(A & { … })` is written without its parentheses, as Prettier writes it, `A & {` on its
 * line where the whole does not fit, or on the next line where even `A & {` passes LINE_WIDTH there.
 * An empty union is ` never`.
 */
export function unionType(head: string, members: readonly string[], indent = ""): string {
  if (members.length === 0) return " never";
  const alias = head.endsWith("=");
  const only = members[0];
  const bare = alias && members.length === 1 && only.startsWith("(") && closingBracket(only, 0) === only.length - 1;
  const one = bare ? only.slice(1, -1) : members.join(" | ");
  if (fits(head.length + one.length + 2)) return ` ${one}`;
  // `A & {` on the alias's line where that line fits, else on the next, the object type a member a
  // line (brokenType, its parentheses taken off).
  if (bare) {
    const broken = brokenType(only, head.length + 1, 1).slice(1, -1);
    return fits(head.length + 1 + broken.indexOf("\n")) ? ` ${broken}` : `\n  ${brokenType(only, 2, 1, "  ").slice(1, -1)}`;
  }
  // One type after a member's `:` stays on its line, as Prettier keeps it (its own parts broken where
  // they break: a string literal, a long `"@odata.type"?:` name, has none).
  if (!alias && members.length === 1) return ` ${brokenType(one, head.length + 1, 1, indent)}`;
  // A union that fits on the next line goes there whole, after a member's or parameter's `:` too.
  if ((alias || members.length > 1) && fits(`${indent}  ${one};`.length)) return `\n${indent}  ${one}`;
  if (members.length === 1) return `\n${indent}  ${brokenType(one, indent.length + 2, 1, `${indent}  `)}`;
  let out = "";
  const last = members.length - 1;
  // Measured here first: an `"@odata.type"?:` union has a literal per subtype (all entity types under `entity`).
  for (let i = 0; i <= last; i++) {
    const m = members[i];
    out += `\n${indent}  | ${fits(indent.length + 5 + m.length) ? m : brokenType(m, indent.length + 4, i === last ? 1 : 0, `${indent}    `)}`;
  }
  return out;
}

/** A call's text up to its `(` (`callee(`, `callee<T>(`, also one marked `@__PURE__` for bundlers), or an object or array literal's bracket. */
const OPENING = /^(?:\/\* @__PURE__ \*\/ )?(?:[\w.$]+(?:<[^()]*>)?\(|[{[])/;

/** A call of no argument or one name, its type arguments (if any) in group 1, its argument in group 2. */
const NAME_CALL = /^(?:\/\* @__PURE__ \*\/ )?[\w.$]+(?:<([^()]*)>)?\(([\w$]*)\)$/;

/**
 * Whether Prettier would rather move a call whole after `=` than break its arguments (its
 * `isPoorlyBreakableMemberOrCallChain`): no argument, or one name of at most a quarter of
 * LINE_WIDTH characters, and no type argument but one that is not a union, an intersection or an
 * object type.
 */
function poorlyBreakable(value: string): boolean {
  const call = NAME_CALL.exec(value);
  if (!call || call[2].length > LINE_WIDTH / 4) return false;
  return call[1] === undefined || (topLevelItems(call[1]).length === 1 && !/[|&{]/.test(call[1]));
}

/**
 * What follows `=` in a declaration whose line starts with `head`, as Prettier writes an assignment:
 * ` value` when `head value;` fits; else, a call or an object or array literal whose line fits up
 * to its opening bracket, on the line and broken (wrap-code.ts `brokenExpression`: a call's
 * arguments one a line, or a last literal hugged; a literal an item a line), unless it is a call
 * that hardly breaks (`poorlyBreakable`); else the value on the next line, indented two spaces, and
 * broken so where it still would not fit.
 */
export function assigned(head: string, value: string): string {
  if (fits(head.length + value.length + 2)) return ` ${value}`;
  const opening = OPENING.exec(value);
  if (opening && fits(head.length + 1 + opening[0].length) && !poorlyBreakable(value)) return ` ${brokenExpression(value, head.length + 1, 1)}`;
  return `\n  ${brokenExpression(value, 2, 1, "  ")}`;
}

/**
 * `assigned` of the call `callee(args…)` marked `@__PURE__` (`callee` a name, as `vr.validator`, with
 * no type arguments; each of `args` one argument), given its parts: the same text, byte for byte,
 * without scanning the joined call for its opening bracket, whether it hardly breaks and where its
 * arguments are (wrap-code.ts `brokenPureCall`). Graph's validators make ~17,000 such declarations.
 */
export function assignedCall(head: string, callee: string, args: readonly string[]): string {
  let length = PURE.length + callee.length + 2 + (args.length > 1 ? 2 * (args.length - 1) : 0);
  for (const a of args) length += a.length;
  if (fits(head.length + length + 2)) return ` ${PURE}${callee}(${args.join(", ")})`;
  // `poorlyBreakable` of such a call: no argument, or one name of at most a quarter of the line.
  const poorly = args.length === 0 || (args.length === 1 && args[0].length <= LINE_WIDTH / 4 && /^[\w$]*$/.test(args[0]));
  if (fits(head.length + 1 + PURE.length + callee.length + 1) && !poorly) return ` ${brokenPureCall(callee, args, head.length + 1, 1)}`;
  return `\n  ${brokenPureCall(callee, args, 2, 1, "  ")}`;
}

/**
 * An object literal's `members` between braces: `{ a: 1, b: 2 }` when the line(s) `before{…}after`
 * fit, else a member a line, indented two spaces past `indent`, each with a trailing comma.
 */
export function objectLiteral(before: string, members: readonly string[], after: string, indent = ""): string {
  if (members.length === 0) return "{}";
  const one = `{ ${members.join(", ")} }`;
  return fits(before.length + one.length + after.length) ? one : `{${itemLines(members, indent)}}`;
}

/** The length of `text`'s first line. */
function firstLine(text: string): number {
  const br = text.indexOf("\n");
  return br < 0 ? text.length : br;
}

/**
 * A type's arguments between angle brackets, one a line, indented two spaces past `indent`, with
 * commas between them but none after the last (TypeScript refuses a trailing comma in type
 * arguments, TS1009, though it takes one in type parameters); an argument's own further lines (an
 * object type's members) indented along; an argument given as a union's members on one line where
 * it fits, else a member a line after `| `, not indented further, as Prettier writes a union in a
 * type argument. One argument that is a plain name stays between the brackets however long
 * (`rt.New<Name>`), as Prettier keeps a simple type there (its `shouldHugType`).
 */
export function typeArguments(args: readonly (string | readonly string[])[], indent?: string): string {
  indent ??= ""; // not a default value: see wrap-code.ts brokenType
  if (args.length === 1 && typeof args[0] === "string" && /^[\w.$]+$/.test(args[0])) return `<${args[0]}>`;
  const inner = `${indent}  `;
  const lines = args.map((a, i) => {
    const one = typeof a === "string" ? a.replace(/\n/g, `\n${inner}`) : a.join(" | ");
    return typeof a === "string" || a.length < 2 || fits(inner.length + one.length + (i < args.length - 1 ? 1 : 0)) ? `${inner}${one}` : `${inner}| ${a.join(`\n${inner}| `)}`;
  });
  return `<\n${lines.join(",\n")}\n${indent}>`;
}

/**
 * What follows an interface's name (`head`, `export interface X`): ` extends A, B` and `rest` (` {}`,
 * ` {\n  …\n}`) when that first line fits, else as Prettier 3.10 writes it. Several bases: `extends`
 * on the next line, indented two spaces, the bases after it where that line fits, else each on its
 * own line, indented four. One base stays on the name's line however long (Prettier breaks there only
 * before a qualified name, `ns.Base`, which goes to the next line); one with type arguments (`args`,
 * given for it) has them one a line (`typeArguments`) where its line does not fit or one of them
 * spans lines (an object type of several members), as Prettier breaks a broken group's arguments.
 */
export function heritage(head: string, bases: readonly string[], rest: string, args?: readonly (string | readonly string[])[]): string {
  const one = ` extends ${bases.join(", ")}`;
  const base = bases[0];
  if (fits(head.length + firstLine(one + rest)) && (args === undefined || !base.includes("\n"))) return one + rest;
  if (bases.length > 1) {
    const line = `  extends ${bases.join(", ")}`;
    return fits(firstLine(line + rest)) ? `\n${line}${rest}` : `\n  extends\n    ${bases.join(",\n    ")}${rest}`;
  }
  if (args !== undefined) return ` extends ${base.slice(0, base.indexOf("<"))}${typeArguments(args)}${rest}`;
  return /^[\w$]+\.[\w$.]+$/.test(base) ? `\n  extends ${base}${rest}` : one + rest;
}
