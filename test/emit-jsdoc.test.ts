// The doc comments of generated code (emit/imports.ts jsdoc): descriptions from the metadata are
// untrusted text, so a comment must never end early, keep trailing spaces, or be empty.
import { jsdoc } from "../generator/emit/imports";

test.each([
  ["nothing to say", [undefined, undefined], ""],
  ["an empty or blank description", ["", "   "], ""],
  ["one plain line", ["The session."], "  /** The session. */\n"],
  ["one line with leading spaces kept", ["  indented"], "  /**   indented */\n"],
  ["trailing spaces removed", ["The session.  "], "  /** The session. */\n"],
  ["a trailing no-break space removed", ["The session.\u00a0"], "  /** The session. */\n"],
  ["a comment end escaped", ["a */ b"], "  /** a *\\/ b */\n"],
  ["two lines", ["First.", "@deprecated Use other."], "  /**\n   * First.\n   *\n   * @deprecated Use other.\n   */\n"],
  ["line breaks, CRLF too, each line trimmed", ["one \r\ntwo\n\nthree"], "  /**\n   * one\n   * two\n   *\n   * three\n   */\n"],
])("%s", (_, lines, expected) => {
  expect(jsdoc("  ", lines as (string | undefined)[])).toBe(expected);
});
