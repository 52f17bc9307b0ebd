// The masks that hide deferred spans from the XML parser: a one-byte text masked in its bytes reads
// as the same text as one masked by joining its pieces.
import { maskSpans } from "../generator/parse/deferred";

const text = "<a><b x='é'>hidden ÿ text</b><c>kept</c><d>\u00a0more hidden\u00a0</d></a>";
const spans = [text.indexOf("<b"), text.indexOf("<c>"), text.indexOf("<d>"), text.indexOf("</a>")];

test("a one-byte text masked in its bytes is the text masked by joining pieces", () => {
  const joined = maskSpans(text, spans);
  expect(joined).toBe(`<a><!--${" ".repeat(spans[1]! - spans[0]! - 7)}--><c>kept</c><!--${" ".repeat(spans[3]! - spans[2]! - 7)}--></a>`);
  expect(maskSpans(text, spans, true)).toBe(joined);
});

test("with no spans, the text is unchanged either way", () => {
  expect(maskSpans(text, [], true)).toBe(text);
  expect(maskSpans(text, [])).toBe(text);
});
