/**
 * Statements of generated code whose line would pass LINE_WIDTH, broken as Prettier 3 breaks them
 * (wrap-code.ts breaks the expressions in them): an `if` without braces, and a `switch`'s head.
 */
import { fits } from "./line-width";
import { brokenExpression } from "./wrap-code";

/**
 * `keyword (test)` (`if`, `switch`) at `indent`, followed on its line by `after` characters: as it
 * is where that fits, else, as Prettier writes it, `keyword (` with the test on the next line,
 * indented two spaces more (broken by `brokenExpression` where its own line would not fit either),
 * and `)` on a line of its own.
 */
export function statementHead(keyword: string, test: string, after: number, indent: string): string {
  if (fits(indent.length + keyword.length + test.length + 3 + after)) return `${keyword} (${test})`;
  const inner = `${indent}  `;
  return `${keyword} (\n${inner}${brokenExpression(test, inner.length, 0, inner)}\n${indent})`;
}

/**
 * `if (test) statement;` at `indent`, on one line where it fits; else, as Prettier writes an `if`
 * without braces, the statement on the next line, indented two spaces more (a call there broken by
 * `brokenExpression`), and the head `if (test)` broken by `statementHead` where it would not fit.
 */
export function ifStatement(test: string, statement: string, indent: string): string {
  const one = `if (${test}) ${statement};`;
  if (fits(indent.length + one.length)) return one;
  const inner = `${indent}  `;
  return `${statementHead("if", test, 0, indent)}\n${inner}${brokenExpression(statement, inner.length, 1, inner)};`;
}
