/**
 * Long lines of generated code, wrapped as Prettier wraps them: a list (import names, parameters)
 * whose line would exceed LINE_WIDTH is written one item per line, indented two spaces, each with a
 * trailing comma. What fits stays on one line.
 */

/** The widest line a wrapped list leaves on one line (Prettier's `printWidth`, as wide as reads well). */
export const LINE_WIDTH = 120;

/** Whether a line of `length` characters stays on one line. */
export function fits(length: number): boolean {
  return length <= LINE_WIDTH;
}

/** `items` one per line, indented two spaces past `indent`, each with a trailing comma, between line breaks. */
export function itemLines(items: readonly string[], indent = ""): string {
  let out = "\n";
  for (const item of items) out += `${indent}  ${item},\n`;
  return out + indent;
}

/**
 * What goes between a signature's parentheses (or angle brackets): `params` on one line when the
 * line(s) `before(…)after` fit, else one a line, a parameter's own further lines (an object type's
 * members) indented two spaces more. `before` and `after` are the template's text on either side,
 * given only to be measured.
 */
export function parameters(before: string, params: readonly string[], after: string): string {
  const one = params.join(", ");
  // Where `before` ends a wrapped list of its own (`>(` after type parameters), its last line.
  if (before.includes("\n")) before = before.slice(before.lastIndexOf("\n") + 1);
  const br = one.indexOf("\n");
  const oneLine = br < 0 ? fits(before.length + one.length + after.length + 2) : fits(before.length + br + 1) && fits(one.length - one.lastIndexOf("\n") + after.length);
  if (params.length === 0 || oneLine) return one;
  return itemLines(params.map((p) => (p.includes("\n") ? p.replace(/\n/g, "\n  ") : p)));
}
