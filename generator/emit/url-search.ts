/**
 * `$search`'s syntax (URL Conventions §5.1.7; the ABNF's `searchExpr`): words and `"phrases"`,
 * joined by `AND` (or a space), `OR` and `NOT`, grouped in parentheses. What the service searches
 * is its own; what a service following OData refuses as malformed is said here: a quote or a
 * parenthesis left open, an operator with nothing on one side, and a word with a character no
 * search word takes (Graph's `$search=displayName:x`, which it refuses: a property's name and
 * value go in a phrase, `$search="displayName:x"`).
 */

/** Why `value`, a `$search`'s text (percent-decoded), is malformed; undefined when it is not. */
export function checkSearch(value: string): string | undefined {
  if (!value.trim()) return "an empty search: give a word or a \"phrase\"";
  const tokens: { text: string; phrase: boolean }[] = [];
  let depth = 0;
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "(" || c === ")") {
      depth += c === "(" ? 1 : -1;
      if (depth < 0) return `a ) with no ( before it, at character ${i + 1}`;
      tokens.push({ text: c, phrase: false });
      i++;
      continue;
    }
    if (c === '"') {
      // A phrase: up to the next quote not escaped by a backslash (OData 4.01 takes \" and \\ in one).
      let j = i + 1;
      while (j < value.length && value[j] !== '"') j += value[j] === "\\" ? 2 : 1;
      if (j >= value.length) return `the phrase that starts at character ${i + 1} has no closing "`;
      if (j === i + 1) return `an empty phrase, "", at character ${i + 1}`;
      tokens.push({ text: value.slice(i, j + 1), phrase: true });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < value.length && !/[\s()"]/.test(value[j]!)) j++;
    const word = value.slice(i, j);
    const bad = /[:=<>|]/.exec(word);
    if (bad) return `${word}: a search word takes no ${bad[0]}; write it as a phrase, in double quotes: "${word}"`;
    tokens.push({ text: word, phrase: false });
    i = j;
  }
  if (depth > 0) return "a ( with no ) after it";
  const operator = (t: { text: string; phrase: boolean } | undefined) => t !== undefined && !t.phrase && (t.text === "AND" || t.text === "OR");
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (t.phrase) continue;
    if (operator(t) && (before === undefined || before.text === "(" || operator(before) || (before.text === "NOT" && !before.phrase)))
      return `${t.text} has no search term before it`;
    if ((operator(t) || t.text === "NOT") && (after === undefined || after.text === ")" || operator(after))) return `${t.text} has no search term after it`;
    if (t.text === "(" && after?.text === ")") return "empty parentheses, ()";
  }
  return undefined;
}
