/**
 * The name a placeholder takes for an expression of a program whose value is not known (a
 * template's `${…}`, an operand of a `+` join, a URL function's argument): the name of what the
 * expression is made from, its first operand, as a reader looks for it in the program.
 *
 * - A name or a member's path is named by its last name (`$` and digits it starts with left out, as
 *   a collection's variable's are, request-variables.ts): `userId` → `{userId}`, `trip.ID` → `{ID}`,
 *   `this.user?.id!` → `{id}`; an index's contents are passed over: `ids[0]` → `{ids}`,
 *   `rows[i].ID` → `{ID}`.
 * - An operator's other operands are passed over: `trip.ID * 2` → `{ID}`, `page * size` → `{page}`,
 *   `-n` → `{n}`, `(a + b)` → `{a}`, `await getId` → `{getId}`.
 * - An assertion's type is passed over: `id as string` → `{id}`, `(user.id satisfies string)` → `{id}`.
 * - A function's call is named by its first argument: `encodeURIComponent(user.id)` → `{id}`,
 *   `Number(trip.ID)` → `{ID}`, `String(ids[0])` → `{ids}`; one without arguments by its own name
 *   (`nextId()` → `{nextId}`). A method's call is named by what it is called on: `id.trim()` →
 *   `{id}`, `user.id.toString()` → `{id}`.
 * - An expression that starts with no name (`"x" + id` → `{id}`, `` `nested ${deep}` `` →
 *   `{deep}`), or two words with nothing between them, is named by its last word; one ending in
 *   none (`5 * 2`) names none, and the caller writes `{value}`.
 */

import { lastWord } from "./request-variables";

/** A name or a member's path, with `!`, `?.` and simple indexes (`ids[0]`, `rows[i]`) between its names: its first name, then each step after it (pathAt). */
const FIRST = /[A-Za-z_$][\w$]*/y;
const STEP = /\s*(?:!|\??\.\s*[A-Za-z_$][\w$]*|\[[^[\]]*\])/y;
/** `as T` or `satisfies T` after an expression: its type, not what it is made from (`id as string` → `{id}`). */
const ASSERTED = /^\s+(?:as|satisfies)(?![\w$])/;

/**
 * The path `text` starts with, or undefined. Read a step at a time: one regular expression repeating
 * its group over the path (`(?:…)*`) overflowed V8's stack on a path of millions of steps (`a.a.a.…`,
 * 8 MB in a template's `${…}`: url --from exited 70).
 */
function pathAt(text: string): string | undefined {
  FIRST.lastIndex = 0;
  if (!FIRST.test(text)) return undefined;
  let end = FIRST.lastIndex;
  for (STEP.lastIndex = end; STEP.test(text); STEP.lastIndex = end) end = STEP.lastIndex;
  return text.slice(0, end);
}
/** What an operand may start with before its name: white space, a unary operator, a parenthesis, a keyword that takes an operand. */
const PREFIX = /^(?:\s|[-+!~(]|(?:await|typeof|void|new)(?![\w$]))*/;
const NAME = /[A-Za-z_$][\w$]*/g;

/** The name of the expression `expression` (its text) as a placeholder; undefined where it names none. */
export function expressionName(expression: string): string | undefined {
  let rest = expression;
  // A call's first argument is read the same way, a few calls deep (`encodeURIComponent(String(id))`).
  for (let calls = 0; calls < 4; calls++) {
    rest = rest.slice(PREFIX.exec(rest)![0].length);
    const path = pathAt(rest);
    // Another expression (a literal first, `"x" + id`; a nested template; two words, no JavaScript) is named by its last word;
    // an assertion's type is passed over (`id as string` is `id`).
    if (path === undefined || (/^\s*[\w$]/.test(rest.slice(path.length)) && !ASSERTED.test(rest.slice(path.length)))) return lastWord(rest);
    // The path's names, its indexes' contents left out; `$` and digits a name starts with too (`$id` → `{id}`).
    const names = path.replace(/\[[^[\]]*\]/g, "").match(NAME)!;
    const after = rest.slice(path.length).trimStart();
    const name = !after.startsWith("(") ? names[names.length - 1] : names.length > 1 ? names[names.length - 2] : /^\(\s*\)/.test(after) ? names[0] : undefined;
    if (name !== undefined) return name.replace(/^[\d$]+/, "") || undefined;
    rest = after.slice(1);
  }
  return undefined;
}
