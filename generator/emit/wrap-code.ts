/**
 * Long type expressions and calls of generated code, broken as Prettier breaks them (wrap.ts holds
 * the lists): what fits on its line stays as it is; else the outermost group breaks first (a type's
 * arguments, a call's arguments, a union's members, an object type's members), and each part is
 * broken the same way where its own line still would not fit. Each function takes the text, the
 * characters before it on its line (`before`) and after it (`after`), and the indentation of that
 * line (`indent`); the lines it adds carry their whole indentation.
 */
import { bracketedItems, closingBracket as closing, topLevelItems, topLevelSplit } from "../top-level-items";
import { fits } from "./line-width";

/** The length of the last line of `text`. */
function lastLine(text: string): number {
  return text.length - text.lastIndexOf("\n") - 1;
}

/** Whether a type argument is hugged by the brackets of a generic of one argument (Prettier's `shouldHugType`): an object type, a simple one, or a hugged union. */
function hugged(arg: string): boolean {
  return arg.startsWith("{") || /^[\w.$]+(\[\])*$|^"(?:[^"\\]|\\.)*"$|^'(?:[^'\\]|\\.)*'$/.test(arg) || huggedUnion(topLevelSplit(arg, " | "));
}

/** TypeScript's keyword types, which Prettier's `shouldHugType` does not count as named types (`string | null` is not hugged). */
const KEYWORD_TYPES: ReadonlySet<string> = new Set(["any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown"]);

/** Whether a union's members stay on one line around a member that breaks (Prettier's `shouldHugType`): one named type (`A`, `A<…>`, not an array of it, nor a keyword type) or object type, the others `null` or `void`. */
function huggedUnion(members: readonly string[]): boolean {
  const whole = (m: string, open: number) => open >= 0 && closing(m, open) === m.length - 1;
  const named = (m: string) => (/^[\w.$]+$/.test(m) && !KEYWORD_TYPES.has(m)) || (/^[\w.$]+</.test(m) && whole(m, m.indexOf("<"))) || (m.startsWith("{") && whole(m, 0));
  const empty = (m: string) => m === "null" || m === "void";
  return members.length > 1 && members.filter(empty).length === members.length - 1 && members.every((m) => empty(m) || named(m));
}

/** How much of a type, followed by `after` characters, stays on its line before its first break: up to its type arguments' `<` where they break (`brokenType`), else all of it and `after`. */
function firstPart(type: string, after: number): number {
  const open = type.indexOf("<");
  const args = open > 0 && /^[\w.$]+$/.test(type.slice(0, open)) ? bracketedItems(type, open) : undefined;
  if (!args) return type.length + after;
  return args.length === 1 && hugged(args[0]) ? type.length + after : open + 1;
}

/** The members of an object type `{ a: A; b: B }`, else undefined. */
function objectMembers(text: string): string[] | undefined {
  if (!text.startsWith("{ ") || !text.endsWith(" }") || closing(text, 0) !== text.length - 1) return undefined;
  return topLevelSplit(text.slice(2, -2), "; ");
}

/** `text`, one member of an object type (`"name"?: T`), its type broken after `before` characters, before `after`. */
function brokenMember(text: string, before: number, after: number, indent: string): string {
  const colon = topLevelSplit(text, ": ");
  if (colon.length < 2) return text;
  return annotated(colon[0], brokenAnnotation(colon.slice(1).join(": "), before + colon[0].length + 2, after, indent));
}

/** `key: type`, or `key:` where the type starts on the next line. */
function annotated(key: string, type: string): string {
  return type.startsWith("\n") ? `${key}:${type}` : `${key}: ${type}`;
}

/**
 * A type as it is where `before`, it and `after` fit on one line, else broken: a union a member a
 * line after `| ` (the first on this line), a member's own breaks indented two spaces more; an
 * intersection (`(A & B)`) after its first member's ` &`, or, a named type and an object type,
 * around the object type's members (`(A & {` … `})`); an object type a member a line, each
 * ending with `;`; a generic type (or an array of it, `A<…>[]`) its type arguments one a line, commas between them (none after
 * the last: TypeScript refuses one in type arguments, TS1009), or, with one argument that is an
 * object type, that argument hugged by the angle brackets (`Promise<{` … `}>`). Any other type is
 * left as it is.
 */
export function brokenType(text: string, before: number, after: number, indent?: string): string {
  // `indent ??= …` rather than a default value in the parameter list: with a default, V8 gives the body
  // a context of its own where a closure captures its constants, made by a runtime call on every call
  // (docs/performance-notes.md, "Block contexts").
  indent ??= "";
  if (fits(before + text.length + after) || holdsArrow(text)) return text;
  const inner = `${indent}  `;
  const members = topLevelSplit(text, " | ");
  if (huggedUnion(members)) {
    const main = members.findIndex((m) => m !== "null" && m !== "void");
    const left = members.slice(0, main).map((m) => `${m} | `).join("");
    const right = members.slice(main + 1).map((m) => ` | ${m}`).join("");
    return `${left}${brokenType(members[main], before + left.length, right.length + after, indent)}${right}`;
  }
  if (members.length > 1) {
    const last = members.length - 1;
    return members.map((m, i) => `${i ? `\n${indent}` : ""}| ${brokenType(m, indent.length + 2, i === last ? after : 0, inner)}`).join("");
  }
  if (text.startsWith("(") && closing(text, 0) === text.length - 1) {
    const parts = topLevelSplit(text.slice(1, -1), " & ");
    if (parts.length < 2) return text;
    // A named type and an object type: the object type hugged, `(A & {` … `})`.
    if (parts.length === 2 && objectMembers(parts[1])) return `(${parts[0]} & ${brokenType(parts[1], before + parts[0].length + 4, after + 1, indent)})`;
    const first = brokenType(parts[0], before + 1, 2, indent);
    return `(${first} &${parts.slice(1).map((p, i) => `\n${inner}${p}${i < parts.length - 2 ? " &" : ""}`).join("")})`;
  }
  // An array of a union in parentheses, `(A | B)[]`: the union on a line of its own between them
  // (not a named type's with null, `(A | null)[]`, which Prettier keeps on the line).
  const grouped = text[0] === "(" ? /\)((?:\[\])+)$/.exec(text) : null;
  if (grouped && closing(text, 0) === text.length - grouped[1].length - 1 && !huggedUnion(topLevelSplit(text.slice(1, grouped.index), " | "))) return `(\n${inner}${brokenType(text.slice(1, grouped.index), inner.length, 0, inner)}\n${indent})${grouped[1]}`;
  const array = /^[\w.$]+<.*>((?:\[\])+)$/.exec(text);
  if (array) return `${brokenType(text.slice(0, -array[1].length), before, array[1].length + after, indent)}${array[1]}`;
  const object = objectMembers(text);
  if (object) return `{\n${object.map((m) => `${inner}${brokenMember(m, inner.length, 1, inner)};\n`).join("")}${indent}}`;
  const open = text.indexOf("<");
  const args = open > 0 && text.endsWith(">") && /^[\w.$]+$/.test(text.slice(0, open)) ? bracketedItems(text, open) : undefined;
  if (!args) return text;
  const name = text.slice(0, open);
  if (args.length === 1 && hugged(args[0])) return `${name}<${brokenType(args[0], before + open + 1, after + 1, indent)}>`;
  return `${name}<\n${args.map((a, i) => `${inner}${brokenType(a, inner.length, i < args.length - 1 ? 1 : 0, inner)}`).join(",\n")}\n${indent}>`;
}

/**
 * A parameter's or a member's type after its `name: ` (`before` characters in all): as
 * `brokenType` breaks it, but a union that does not fit starts on the next line, a member a line
 * after `| `, indented two spaces past `indent`, as Prettier writes a long union there.
 */
export function brokenAnnotation(text: string, before: number, after: number, indent = ""): string {
  if (fits(before + text.length + after)) return text;
  const members = topLevelSplit(text, " | ");
  if (members.length < 2 || huggedUnion(members) || holdsArrow(text)) return brokenType(text, before, after, indent);
  const inner = `${indent}  `;
  return `\n${inner}${brokenType(text, inner.length, after, inner)}`;
}

/**
 * One item of a parameter list (`name?: T`, `name: T = {}`) or of a type parameter list (`S extends
 * C = D`) on its own line, indented by `indent`, followed by `,`: as it is where it fits, else its
 * type broken (`brokenAnnotation`, `brokenType`). A type parameter breaks after `=` where only its
 * default does not fit; else its constraint's type arguments one a line, or, a union (or a type
 * that does not break), the constraint on the next line after `extends`, and then the default
 * after `=` on the next line where `= D` would not fit on the constraint's last line.
 */
export function brokenItem(item: string, indent = "  "): string {
  if (fits(indent.length + item.length + 1) || item.includes("\n") || holdsArrow(item)) return item;
  const inner = `${indent}  `;
  const typeParameter = /^((?:const )?[\w$]+) extends (.*)$/.exec(item);
  if (typeParameter) {
    const [constraint, ...rest] = topLevelSplit(typeParameter[2], " = ");
    const byDefault = rest.join(" = ");
    const head = `${indent}${typeParameter[1]} extends`;
    const end = byDefault ? 2 : 1; // ` =` (its line breaks after it where need be), or `,`
    // The constraint on the line of `extends` where it, or a union whole, fits up to its first break (Prettier's "fluid" layout).
    const union = topLevelSplit(constraint, " | ");
    const onLine = union.length > 1 && !huggedUnion(union) ? fits(head.length + 1 + constraint.length + end) : fits(head.length + 1 + firstPart(constraint, end));
    const typed = onLine
      ? `${head} ${brokenType(constraint, head.length + 1, end, indent)}`
      : `${head}\n${inner}${brokenType(constraint, inner.length, end, inner)}`;
    if (!byDefault) return typed.slice(indent.length);
    // Likewise the default after ` = `, else on the next line.
    const after = fits(lastLine(typed) + 3 + firstPart(byDefault, 1))
      ? ` ${brokenType(byDefault, lastLine(typed) + 3, 1, lastLine(typed) === inner.length ? inner : indent)}`
      : `\n${inner}${brokenType(byDefault, inner.length, 1, inner)}`;
    return `${typed.slice(indent.length)} =${after}`;
  }
  const [declared, ...value] = topLevelSplit(item, " = ");
  const initial = value.length ? ` = ${value.join(" = ")}` : "";
  const colon = topLevelSplit(declared, ": ");
  if (colon.length < 2) return item;
  return `${annotated(colon[0], brokenAnnotation(colon.slice(1).join(": "), indent.length + colon[0].length + 2, initial.length + 1, indent))}${initial}`;
}

/** The comment that marks a call pure for bundlers. */
export const PURE = "/* @__PURE__ */ ";

/** The elements of an array literal (`[a, b]`) or the members of an object literal (`{ a: 1, b: 2 }`), else undefined. */
function literalItems(text: string): string[] | undefined {
  const items = text[0] === "[" || text[0] === "{" ? bracketedItems(text, 0) : undefined;
  // An empty literal (`[]`, `{ }`) has no items, not one empty one.
  return items?.length === 1 && items[0] === "" ? [] : items;
}

/**
 * Whether `text` is an array literal of two or more elements that are all array literals of two or
 * more: a "matrix" (`[["a", x], ["b", y]]`, a composite key's or a function's parameters), which
 * Prettier always writes an element a line, breaking the lists around it too.
 */
function isMatrix(text: string): boolean {
  if (!text.startsWith("[") || closing(text, 0) !== text.length - 1) return false;
  const elements = text.length > 2 ? topLevelItems(text.slice(1, -1)) : [];
  return elements.length > 1 && elements.every((e) => e.startsWith("[") && closing(e, 0) === e.length - 1 && topLevelItems(e.slice(1, -1)).length > 1);
}

/**
 * Whether `text` holds `=>` outside its strings: a function type or an arrow function, which is
 * left as it is. One inside a string (an enum member or property named `a => b`) is no arrow.
 */
function holdsArrow(text: string): boolean {
  return text.includes("=>") && outsideStrings(text, (i) => text[i] === "=" && text[i + 1] === ">");
}

/** Whether `text` holds a matrix (`isMatrix`) outside its strings, which no line of it may hold whole. */
function holdsMatrix(text: string): boolean {
  // A matrix opens with `[` then, after spaces, `[`: most texts hold none, and are not scanned.
  return /\[\s*\[/.test(text) && outsideStrings(text, (i) => text[i] === "[" && isMatrix(text.slice(i, closing(text, i) + 1)));
}

/**
 * Whether `found` holds at an index of `text` outside its strings (`"…"`, `'…'`, `` `…` ``). For the
 * rare texts the two checks above scan (a callback a character); the hot scans of
 * top-level-items.ts keep their own loops.
 */
function outsideStrings(text: string, found: (i: number) => boolean): boolean {
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (found(i)) return true;
  }
  return false;
}

/**
 * An expression as it is where it fits on its line, else, a call (`callee<T>(a, b)`, also one
 * marked `@__PURE__` for bundlers), broken as Prettier breaks one: its type arguments one a line
 * where `callee<…>(` would not fit (`brokenType`); then its arguments on that line where they fit,
 * else a last argument that is an array or object literal hugged by the parentheses (`f(a, [` …
 * `])`, `f(a, {` … `})`, an item a line) where the others fit before it, else an argument a line,
 * each with a trailing comma; and so each argument. An array literal is an element a line, an
 * object literal a member a line (its value broken so). A matrix (`isMatrix`: a composite key's
 * `[["a", x], ["b", y]]`) is an element a line even where its line fits, and the calls and
 * literals around it are broken as above. A property read by its quoted name (`o["…"]`) has the
 * name on a line of its own, between `o[` and `]`. Any other expression is left as it is.
 */
export function brokenExpression(text: string, before: number, after: number, indent?: string): string {
  indent ??= ""; // not a default value: see brokenType
  if ((fits(before + text.length + after) && !holdsMatrix(text)) || holdsArrow(text)) return text;
  // A call marked pure for bundlers keeps its mark in front (`/* @__PURE__ */ f(` … `)`).
  if (text.startsWith(PURE)) return PURE + brokenExpression(text.slice(PURE.length), before + PURE.length, after, indent);
  const items = literalItems(text);
  if (items) return brokenLiteral(text, items, indent);
  const callee = /^[\w.$]+/.exec(text)?.[0];
  if (callee && text[callee.length] === "[" && closing(text, callee.length) === text.length - 1 && (text[callee.length + 1] === '"' || text[callee.length + 1] === "'")) {
    // A property read by a name too long for the line (`o["…"]`): the name on a line of its own.
    return `${callee}[\n${indent}  ${text.slice(callee.length + 1, -1)}\n${indent}]`;
  }
  if (!callee || !text.endsWith(")")) return text;
  let head = callee;
  let open = callee.length;
  if (text[open] === "<") {
    const end = closing(text, open);
    if (end < 0) return text;
    head = brokenType(text.slice(0, end + 1), before, 1, indent);
    open = end + 1;
  }
  const listed = text[open] === "(" ? bracketedItems(text, open) : undefined;
  if (!listed) return text;
  return brokenArguments(head, text.length - open > 2 ? listed : [], before, after, indent);
}

/**
 * `brokenExpression` of the call `callee(args…)` (`callee` a name, as `rt.readPage`, with or without
 * type arguments, as `rt.send<T>`; each of `args` one argument), given its parts rather than the
 * joined text, which it would split again. The same text, byte for byte.
 */
export function brokenCall(callee: string, args: readonly string[], before: number, after: number, indent?: string): string {
  indent ??= ""; // not a default value: see brokenType
  // The joined call holds a matrix or an arrow only inside the type arguments or an argument: neither spans the `(` or a `, `.
  const typed = callee.endsWith(">");
  const one = args.join(", ");
  if ((fits(before + callee.length + one.length + 2 + after) && !(typed && holdsMatrix(callee)) && !args.some(holdsMatrix)) || (typed && holdsArrow(callee)) || args.some(holdsArrow)) return `${callee}(${one})`;
  return brokenArguments(typed ? brokenType(callee, before, 1, indent) : callee, args, before, after, indent);
}

/** `brokenCall` of a call marked `@__PURE__` for bundlers, the mark in front, as `brokenExpression` lays out the joined text. */
export function brokenPureCall(callee: string, args: readonly string[], before: number, after: number, indent?: string): string {
  return PURE + brokenCall(callee, args, before + PURE.length, after, indent);
}

/** The tail of `brokenExpression` for a call: `head(` (the callee, its type arguments broken where need be) and its `args`. */
function brokenArguments(head: string, args: readonly string[], before: number, after: number, indent: string): string {
  const start = head.includes("\n") ? lastLine(head) : before + head.length;
  const one = args.join(", ");
  if (!args.length || (fits(start + one.length + 2 + after) && !args.some(holdsMatrix))) return `${head}(${one})`;
  const last = args[args.length - 1];
  if (last[0] === "[" || last[0] === "{") {
    const others = args.slice(0, -1).map((a) => `${a}, `).join("");
    const huggable = fits(start + 1 + others.length + 1) && !args.slice(0, -1).some(holdsMatrix);
    const hugged = huggable ? literalItems(last) : undefined;
    if (hugged?.length) return `${head}(${others}${brokenLiteral(last, hugged, indent)})`;
  }
  const inner = `${indent}  `;
  return `${head}(\n${args.map((a) => `${inner}${brokenExpression(a, inner.length, 1, inner)},\n`).join("")}${indent})`;
}

/** An array or object literal (`text`, its `items`) an item a line, indented two spaces past `indent`, each broken in turn; an empty one as it is. */
function brokenLiteral(text: string, items: readonly string[], indent: string): string {
  if (!items.length) return text;
  const inner = `${indent}  `;
  const item = text[0] === "{" ? (m: string) => brokenProperty(m, inner) : (e: string) => brokenExpression(e, inner.length, 1, inner);
  return `${text[0]}\n${items.map((i) => `${inner}${item(i)},\n`).join("")}${indent}${text[text.length - 1]}`;
}

/**
 * An object literal's member (`"key": value`) on its own line, indented by `indent`, followed by
 * `,`: its value broken as `brokenExpression` breaks it, where the line would not fit or the value
 * holds a matrix (`isMatrix`); a value that is a name or a string, which does not break, on the
 * next line, indented two spaces more.
 */
export function brokenProperty(member: string, indent: string): string {
  if (fits(indent.length + member.length + 1) && !holdsMatrix(member)) return member;
  const [key, ...value] = topLevelSplit(member, ": ");
  if (!value.length) return member;
  const text = value.join(": ");
  // A name or a string, which has nothing to break, on the next line (Prettier's fluid layout of an assignment).
  if (/^[A-Za-z_$][\w$.]*$|^["'][^]*["']$/.test(text)) return `${key}:\n${indent}  ${text}`;
  return `${key}: ${brokenExpression(text, indent.length + key.length + 2, 1, indent)}`;
}
