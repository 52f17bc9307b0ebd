/**
 * A JSON text read into a tree that keeps where each value and member name starts (`JSON.parse`
 * keeps no positions, and a CSDL JSON diagnostic must point at a line and column). Objects keep
 * their members as a list, in document order, duplicates included: no member name can reach a
 * prototype (`__proto__`, `constructor`). A text that is not JSON is reported by
 * `findJsonSyntaxProblem` (config/json-syntax.ts), with the words and the position config files get.
 */
import { findJsonSyntaxProblem } from "../config/json-syntax";

export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonObject {
  kind: "object";
  /** Offset of the `{`. */
  at: number;
  members: JsonMember[];
}

export interface JsonMember {
  name: string;
  /** Offset of the name's opening quote. */
  at: number;
  value: JsonValue;
}

export interface JsonArray {
  kind: "array";
  at: number;
  items: JsonValue[];
}

export interface JsonString {
  kind: "string";
  at: number;
  value: string;
}

/** A number, kept as written (a Decimal or Int64 loses digits as a JavaScript number). */
export interface JsonNumber {
  kind: "number";
  at: number;
  text: string;
}

export interface JsonBoolean {
  kind: "boolean";
  at: number;
  value: boolean;
}

export interface JsonNull {
  kind: "null";
  at: number;
}

/** Where and why a text is not JSON odatagen reads. */
export interface JsonProblem {
  offset: number;
  message: string;
}

/** Deeper nesting is refused (a CSDL document nests a dozen levels; this keeps the reader's recursion bounded). */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class NotJson extends Error {
  constructor(readonly problem?: JsonProblem) {
    super("not JSON");
  }
}

/** The JSON value of `text` (after any byte-order mark was removed), or where and why it is not JSON. */
export function parseJson(text: string): { value: JsonValue } | { problem: JsonProblem } {
  try {
    return { value: new JsonReader(text).document() };
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    // The reader says only that the text broke off; the syntax scan says where and why, in words.
    return { problem: e.problem ?? findJsonSyntaxProblem(text) ?? { offset: 0, message: "not JSON" } };
  }
}

class JsonReader {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): JsonValue {
    const v = this.value(0);
    this.space();
    if (this.i < this.text.length) throw new NotJson();
    return v;
  }

  private space(): void {
    const t = this.text;
    let i = this.i;
    for (let c = t.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = t.charCodeAt(++i));
    this.i = i;
  }

  private value(depth: number): JsonValue {
    this.space();
    const t = this.text;
    const at = this.i;
    const c = t[at];
    if (c === "{" || c === "[") {
      if (depth >= MAX_JSON_DEPTH) throw new NotJson({ offset: at, message: `nesting deeper than ${MAX_JSON_DEPTH} levels, which odatagen does not read` });
      return c === "{" ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return { kind: "string", at, value: this.string() };
    if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = at;
      if (!NUMBER.test(t)) throw new NotJson();
      this.i = NUMBER.lastIndex;
      return { kind: "number", at, text: t.slice(at, this.i) };
    }
    if (t.startsWith("true", at)) return this.literal({ kind: "boolean", at, value: true }, 4);
    if (t.startsWith("false", at)) return this.literal({ kind: "boolean", at, value: false }, 5);
    if (t.startsWith("null", at)) return this.literal({ kind: "null", at }, 4);
    throw new NotJson();
  }

  private literal<T extends JsonValue>(v: T, length: number): T {
    this.i += length;
    return v;
  }

  private object(depth: number): JsonObject {
    const node: JsonObject = { kind: "object", at: this.i, members: [] };
    this.i++;
    this.space();
    if (this.text[this.i] === "}") {
      this.i++;
      return node;
    }
    for (;;) {
      this.space();
      const at = this.i;
      if (this.text[at] !== '"') throw new NotJson();
      const name = this.string();
      this.space();
      if (this.text[this.i] !== ":") throw new NotJson();
      this.i++;
      node.members.push({ name, at, value: this.value(depth) });
      this.space();
      const c = this.text[this.i++];
      if (c === "}") return node;
      if (c !== ",") throw new NotJson();
    }
  }

  private array(depth: number): JsonArray {
    const node: JsonArray = { kind: "array", at: this.i, items: [] };
    this.i++;
    this.space();
    if (this.text[this.i] === "]") {
      this.i++;
      return node;
    }
    for (;;) {
      node.items.push(this.value(depth));
      this.space();
      const c = this.text[this.i++];
      if (c === "]") return node;
      if (c !== ",") throw new NotJson();
    }
  }

  /** A string at text[i] === '"'; i ends after its closing quote. Escapes are decoded by JSON.parse, one string at a time. */
  private string(): string {
    const t = this.text;
    const start = this.i;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const q = t.indexOf('"', i);
      if (q < 0) throw new NotJson();
      // A quote after an odd number of backslashes is part of the string.
      let b = q;
      while (t.charCodeAt(b - 1) === 0x5c) b--;
      if (b < q) escaped = true;
      i = q + 1;
      if ((q - b) % 2 === 0) break;
    }
    this.i = i;
    const body = t.slice(start + 1, i - 1);
    if (!escaped && body.indexOf("\\") < 0) {
      // Control characters must be escaped (RFC 8259 §7).
      for (let k = 0; k < body.length; k++) if (body.charCodeAt(k) < 0x20) throw new NotJson();
      return body;
    }
    try {
      return JSON.parse(t.slice(start, i)) as string;
    } catch {
      throw new NotJson();
    }
  }
}

/** A line-and-column-free description of a JSON value's kind, for messages (`a number`, `an object`). */
export function kindOf(v: JsonValue): string {
  switch (v.kind) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "string":
      return "a string";
    case "number":
      return `the number ${v.text}`;
    case "boolean":
      return String(v.value);
    case "null":
      return "null";
  }
}
