/** The widest line a wrapped list leaves on one line (Prettier's `printWidth`, as wide as reads well). */
export const LINE_WIDTH = 120;

/** Whether a line of `length` characters stays on one line. */
export function fits(length: number): boolean {
  return length <= LINE_WIDTH;
}
