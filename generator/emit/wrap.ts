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
