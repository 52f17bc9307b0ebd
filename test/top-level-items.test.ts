// top-level-items.ts: the scans that split generated code where no bracket or string is open, read by
// character code. `bracketedItems` must give what `closingBracket` and `topLevelItems` give together.
import { bracketedItems, closingBracket, topLevelItems, topLevelSplit } from "../generator/top-level-items";

test.each<[string, { given: string; separator: string; want: string[] }]>([
  ["a union around a generic's arguments", { given: "A<B, C> | D", separator: " | ", want: ["A<B, C>", "D"] }],
  ["a separator inside each kind of string stays", { given: `"a | b" | 'c | d' | \`e | f\``, separator: " | ", want: [`"a | b"`, `'c | d'`, `\`e | f\``] }],
  ["an escaped quote does not end its string", { given: `"a\\" | b" | c`, separator: " | ", want: [`"a\\" | b"`, "c"] }],
  ["brackets of each kind", { given: "f(a, b), [c, d], { e: 1, f: 2 }, G<h, i>", separator: ",", want: ["f(a, b)", " [c, d]", " { e: 1, f: 2 }", " G<h, i>"] }],
  ["characters above U+00FF (a two-byte string)", { given: `Größe<名前, "…,">, x`, separator: ",", want: [`Größe<名前, "…,">`, " x"] }],
  ["no separator at all", { given: "A<B | C>", separator: " | ", want: ["A<B | C>"] }],
])("topLevelSplit: %s", (_, { given, separator, want }) => {
  expect(topLevelSplit(given, separator)).toEqual(want);
});

test.each<[string, { given: string; open: number; want: number }]>([
  ["the last character", { given: "f(a, g(b))", open: 1, want: 9 }],
  ["inside the text", { given: "A<B>[]", open: 1, want: 3 }],
  ["a bracket inside a string does not count", { given: `f(")", 'x(')`, open: 1, want: 11 }],
  ["never closed", { given: "f(a, (b)", open: 1, want: -1 }],
])("closingBracket: %s", (_, { given, open, want }) => {
  expect(closingBracket(given, open)).toBe(want);
});

const BRACKETED: [string, number][] = [
  ["f(a, g(b, c), [d, e])", 1],
  ["rt.Selected<A, S, ANavigation, {}, \"id\", E>", 11],
  ["A<B>[]", 1],
  ["f(a)(b)", 1],
  ["f()", 1],
  ["[ ]", 0],
  ["{ a: 1, b: [2, 3] }", 0],
  [`f(")", 'x(', "a,b")`, 1],
  ["f(a, (b)", 1],
  [`Größe<名前, "…,">`, 5],
];

test.each(BRACKETED)("bracketedItems(%j, %d) is closingBracket and topLevelItems in one scan", (text, open) => {
  const close = closingBracket(text, open);
  expect(bracketedItems(text, open)).toEqual(close === text.length - 1 ? topLevelItems(text.slice(open + 1, -1)) : undefined);
});
