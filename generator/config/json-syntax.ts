/**
 * Where a JSON text first breaks the JSON grammar (RFC 8259), and why, in words. Used after
 * `JSON.parse` has failed: its messages differ between Node versions and some give no position at
 * all ("Unexpected token '}', ... is not valid JSON"), while a config error should point at a line
 * and column as every other diagnostic does. Also where each value of a valid text starts
 * (`jsonValueOffsets`), for a problem found in a value later (a slice pattern that matches nothing).
 * Iterative, so that deep nesting cannot overflow the stack.
 */
export interface JsonSyntaxProblem {
  /** Character offset of the problem. */
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Where a value sits in a JSON document: the member names and item indices down to it. */
export type JsonPath = readonly (string | number)[];

/**
 * The first syntax error in `text`, or undefined when it is valid JSON. `onValue` is told where each
 * value starts, with its path, in document order (a member named twice is told twice); `onKey`, where
 * each member's name starts (its opening quote), with the path of its value.
 */
export function findJsonSyntaxProblem(
  text: string,
  onValue?: (path: JsonPath, offset: number) => void,
  onKey?: (path: JsonPath, offset: number) => void,
): JsonSyntaxProblem | undefined {
  let i = 0;
  /** The path of the value read next: a member name or an item index per open container. */
  const where: (string | number)[] = [];
  const problem = (message: string, offset = i): JsonSyntaxProblem => ({ offset, message });
  const found = () => {
    if (i >= text.length) return "found the end of the file";
    const hint = text[i] === "/" ? " (JSON has no comments)" : text[i] === "'" ? " (JSON takes double quotes)" : "";
    return `found ${shown(text[i])}${hint}`;
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  /** A string starting at text[i] === '"'; a problem, or undefined with i after its closing quote. */
  const string = (): JsonSyntaxProblem | undefined => {
    const start = i++;
    for (;;) {
      if (i >= text.length) return problem("a string that is never closed (no ending \")", start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return problem("an invalid escape in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)");
        i = ESCAPE.lastIndex;
        continue;
      }
      if (c < 0x20) return problem(`${shown(text[i])} inside a string (write it as an escape, e.g. \\n)`);
      i++;
    }
  };
  /** What the parser expects next, per open container: a value, or what follows one. */
  const open: ("{" | "[")[] = [];
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (expectValue) {
      const c = text[i];
      if (i < text.length) onValue?.(where, i);
      if (c === "{" || c === "[") {
        open.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === "{" ? "}" : "]")) {
          open.pop();
          i++;
          expectValue = false;
          continue;
        }
        where.push(0);
        if (c === "{") {
          const key = member();
          if (key) return key;
        }
        continue;
      }
      if (c === '"') {
        const p = string();
        if (p) return p;
      } else if (c === "-" || (c >= "0" && c <= "9")) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return problem(`an invalid number`);
        i = NUMBER.lastIndex;
      } else if (text.startsWith("true", i)) i += 4;
      else if (text.startsWith("false", i)) i += 5;
      else if (text.startsWith("null", i)) i += 4;
      else return problem(`expected a value, ${found()}`);
      expectValue = false;
      continue;
    }
    const top = open[open.length - 1];
    if (top === undefined) return i < text.length ? problem(`${shown(text[i])} after the end of the JSON value`) : undefined;
    const close = top === "{" ? "}" : "]";
    if (text[i] === close) {
      open.pop();
      where.pop();
      i++;
      continue;
    }
    if (text[i] !== ",") return problem(`expected ',' or '${close}' after ${top === "{" ? "a property value" : "a list item"}, ${found()}`);
    i++;
    skipSpace();
    if (text[i] === close) return problem(`'${close}' after a comma (JSON allows no trailing comma)`);
    if (top === "{") {
      const key = member();
      if (key) return key;
    } else where[where.length - 1] = (where[where.length - 1] as number) + 1;
    expectValue = true;
  }

  /** An object member's name and colon; then a value is expected. */
  function member(): JsonSyntaxProblem | undefined {
    skipSpace();
    if (text[i] !== '"') return problem(`expected a property name in double quotes, ${found()}`);
    const start = i;
    const p = string();
    if (p) return p;
    if (onValue || onKey) where[where.length - 1] = JSON.parse(text.slice(start, i)) as string;
    onKey?.(where, start);
    skipSpace();
    if (text[i] !== ":") return problem(`expected ':' after the property name, ${found()}`);
    i++;
    expectValue = true;
    return undefined;
  }
}

/** A character as a message shows it: quoted, or as U+XXXX when it is invisible. */
function shown(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x20 || code === 0x7f || code === 0xfeff || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029
    ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
    : `'${c}'`;
}

/**
 * Where each value of a valid JSON text starts, by its path as config messages write it
 * (`services[0].include[1]`); a member named twice is where its last value (the one JSON.parse keeps) is.
 */
export function jsonValueOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  findJsonSyntaxProblem(text, (path, offset) => offsets.set(elementPath(path), offset));
  return offsets;
}

/** Where each member's name starts (its opening quote), by its path, as `jsonValueOffsets` has its value's. */
export function jsonKeyOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  findJsonSyntaxProblem(text, undefined, (path, offset) => offsets.set(elementPath(path), offset));
  return offsets;
}

/**
 * The members a JSON text names twice in one object (RFC 8259 §4: names SHOULD be unique), each
 * later one by its path with where its name and the first one's start. JSON.parse keeps the last
 * value without a word, so `"out": "a", …, "out": "b"` would write to b. A repeat inside a value
 * that is itself a repeat is not listed again.
 */
export function jsonRepeatedKeys(text: string): { path: string; offset: number; first: number }[] {
  const seen = new Map<string, number>();
  const repeats: { path: string; offset: number; first: number }[] = [];
  findJsonSyntaxProblem(text, undefined, (at, offset) => {
    const key = elementPath(at);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, offset);
    else if (!repeats.some((r) => key.startsWith(r.path) && /^[.[]/.test(key.slice(r.path.length)))) repeats.push({ path: key, offset, first });
  });
  return repeats;
}

/** `services[0].include[1]`: member names joined by dots, item indices in brackets. */
export function elementPath(path: JsonPath): string {
  let out = "";
  for (const step of path) out += typeof step === "number" ? `[${step}]` : out ? `.${step}` : step;
  return out;
}
