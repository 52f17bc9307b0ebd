/**
 * Name assignment: one resolver gives every schema type a TypeScript name that is unique in its
 * namespace's module and clashes with no reserved word or global the generated code uses. Every
 * rename is reported.
 */
import { Codes, type DiagnosticBag } from "../diagnostics";
import type { Model, SchemaType } from "../model/types";
import { stringLiteral } from "../string-literal";

/** Globals and keywords a generated type must not shadow. */
const RESERVED = new Set([
  "Array", "Boolean", "Date", "Error", "Function", "JSON", "Map", "Math", "Number", "Object", "Omit", "Partial",
  "Pick", "Promise", "Readonly", "Record", "RegExp", "Set", "String", "Symbol", "Exclude", "Extract", "Required",
  "AbortSignal", "Blob", "Headers", "Request", "Response", "URL", "Uint8Array", "NonNullable", "ReturnType", "Awaited",
  "Infinity", "NaN", "Any", "Unknown", "Never", "Object",
]);

/** JavaScript reserved words (ECMA-262 §12.7.2) and TypeScript's contextual type names. */
export const JS_RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "arguments",
  "eval", "any", "unknown", "never", "number", "string", "boolean", "symbol", "object", "undefined", "bigint",
  "rt", "vr", "client", "options", "body", "target", "parent", "params", "key",
]);

export interface Names {
  /** TypeScript name of a schema type, unique within its namespace module. */
  type(t: SchemaType): string;
  /**
   * The type names and companion names (`companionNames`) of a namespace's types, over every type
   * of the service even in a slice: other names derived from a type's (`PersonNavigation`) avoid them.
   */
  declared(namespace: string): ReadonlySet<string>;
  /** The type names alone of a namespace's types (not their companion names), over every type of the service even in a slice. */
  typeNames(namespace: string): ReadonlySet<string>;
}

/** `callRecord` → `CallRecord`; characters not allowed in identifiers become `_`. */
export function pascal(name: string): string {
  const clean = identifierChars(name);
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

export function camel(name: string): string {
  const clean = identifierChars(name);
  return clean.charAt(0).toLowerCase() + clean.slice(1);
}

/** An identifier of ASCII letters, digits, `_` and `$`: most names, checked first because it is fast. */
const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/**
 * Blocks of long-standing scripts whose letters (and marks, digits) an identifier may hold: Latin,
 * Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Thai, kana, CJK ideographs, Hangul.
 * Outside them a character becomes `_`: TypeScript's own character tables (5.9 and 7 alike) lag
 * behind the Unicode version of the Node running the generator, and the output must not depend on
 * either (a letter new in Unicode 16, such as U+1C89 or the Telugu U+0C5C, is refused by tsc as an
 * invalid character; the blocks leave those out).
 */
const SCRIPTS = "\\u00c0-\\u02af\\u0300-\\u036f\\u0370-\\u052f\\u0531-\\u058f\\u05d0-\\u05ea\\u0620-\\u06ff\\u0900-\\u0c5b\\u0c5d-\\u0cdb\\u0cdd-\\u0dff\\u0e00-\\u0e7f\\u1e00-\\u1fff\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3";
const START = `(?:[A-Za-z_$]|(?=[${SCRIPTS}])\\p{ID_Start})`;
const PART = `(?:[\\w$]|(?=[${SCRIPTS}])\\p{ID_Continue})`;
/** An ECMAScript IdentifierName (§12.7) of ASCII and those scripts' letters. */
const IDENTIFIER = new RegExp(`^${START}${PART}*$`, "u");
const NOT_IDENTIFIER_PART = new RegExp(`(?!${PART}).`, "gsu");

/**
 * The name with each character an identifier cannot hold replaced by `_`. CSDL names may be any
 * Unicode letters (`Größe`, `名前`), and so may TypeScript identifiers, within the scripts above;
 * what CSDL allows and an identifier does not (format characters, `\p{Cf}`) is replaced.
 */
function identifierChars(name: string): string {
  if (ASCII_IDENTIFIER.test(name)) return name;
  const s = name.replace(NOT_IDENTIFIER_PART, "_");
  return IDENTIFIER.test(s) ? s : "_" + s;
}

/**
 * The names a type's module declares for it besides its own: an enum's value list (`…Values`) and,
 * for a flags enum, its member type (`…Member`); an entity or complex type's `Any…` union (taken by
 * each such type, whether or not it has subtypes in this run, so that a name does not depend on a
 * slice). A type claims its name only when these are free too, and no later type may take them; so
 * Graph's `conversationMember` is `ConversationMember`, beside the entity type `Conversation`.
 */
export function companionNames(t: SchemaType, name: string): string[] {
  if (t.kind === "enum") return t.isFlags ? [`${name}Values`, `${name}Member`] : [`${name}Values`];
  if (t.kind === "entity" || t.kind === "complex") return [`Any${name}`];
  return [];
}

/**
 * Names the types of `model`. They are chosen over the types of `among` (by default `model`): for a
 * slice, the full model, so that a kept type is named as in a full run even when its name clashes
 * with a left-out type's (and never clashes with one). Renames are reported for `model`'s types.
 */
export function assignNames(model: Model, diags: DiagnosticBag, among: Model = model): Names {
  const names = new Map<string, string>();
  // The same names by type object, over `among`'s types and `model`'s (a slice's are copies): what
  // `type` asks (~75,000 times on Graph). A lookup by the qualified name read each type's name
  // string too, one more place in memory to wait for: at emit, where the types are long out of
  // the cache, it cost ~1 µs a call (docs/performance-notes.md, session 73).
  const byType = new Map<SchemaType, string>();
  const declared = new Map<string, Set<string>>();
  const typeNames = new Map<string, Set<string>>();
  for (const schema of among.schemas) {
    const taken = new Set<string>();
    const own = new Set<string>();
    declared.set(schema.namespace, taken);
    typeNames.set(schema.namespace, own);
    const free = (t: SchemaType, n: string) => !taken.has(n) && companionNames(t, n).every((c) => !taken.has(c));
    // Per base name, the next number to try: names are never given back, so the numbers below it are
    // still taken, and thousands of types on one identifier cost one step each, not one per type numbered.
    const next = new Map<string, number>();
    for (const t of schema.types) {
      const base = pascal(t.name);
      let name = RESERVED.has(base) ? `${base}Type` : base;
      if (!free(t, name)) {
        let i = next.get(base) ?? 2;
        do name = `${base}${i++}`;
        while (!free(t, name));
        next.set(base, i);
      }
      taken.add(name);
      own.add(name);
      for (const c of companionNames(t, name)) taken.add(c);
      names.set(t.qualifiedName, name);
    }
  }
  for (const schema of model.schemas) {
    for (const t of schema.types) {
      const name = names.get(t.qualifiedName) ?? pascal(t.name);
      byType.set(t, name);
      // Capitalising is the naming rule, not a rename; anything beyond it is reported.
      if (name !== t.name.charAt(0).toUpperCase() + t.name.slice(1)) {
        const base = pascal(t.name);
        const why = name !== base ? `${base} is taken or reserved` : "characters an identifier cannot hold became _";
        diags.add(Codes.nameChanged, "info", `${t.qualifiedName} is emitted as ${name} (${why})`, t.qualifiedName, t.at);
      }
    }
  }
  // The full model's types too, which a slice's request names read (each as its qualified name is named).
  if (among !== model) for (const schema of among.schemas) for (const t of schema.types) byType.set(t, names.get(t.qualifiedName) ?? pascal(t.name));
  return { type: (t) => byType.get(t) ?? names.get(t.qualifiedName) ?? pascal(t.name), declared: (namespace) => declared.get(namespace) ?? new Set(),
    typeNames: (namespace) => typeNames.get(namespace) ?? new Set(),
  };
}

/**
 * English plural for function names: `session` → `sessions`, `policy` → `policies`, `status` →
 * `statuses`; a name that ends in `s` after a letter other than `s`, `u`, `a` or `i` is taken to be
 * plural already and stays as it is (`settings`, `properties`, `insights`).
 */
export function plural(word: string): string {
  if (/(ss|us|as|is|x|z|ch|sh)$/.test(word)) return word + "es";
  if (/s$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
  return word + "s";
}

/** Whether a property name can be written bare in an object type. */
export function isIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name) || IDENTIFIER.test(name);
}

/** A property key as written in TypeScript: bare when possible, else a string literal (`stringLiteral`). */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/**
 * A member name as an object literal's key. `__proto__`, bare or quoted, would set the literal's
 * prototype instead of adding a member, so it is written as a computed key.
 */
export function literalKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/** A name as a key of an object literal in code printed for a person (`odatagen url`): bare where it may be, else double-quoted; `__proto__` computed. */
export function snippetKey(name: string): string {
  if (name === "__proto__") return '["__proto__"]';
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** A name as an object literal's quoted key (`"next"`), `__proto__` computed (`["__proto__"]`), for the reason `literalKey` gives. */
export function quotedKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : stringLiteral(name);
}

/** Allocates unique identifiers within one module. */
export class Scope {
  private readonly taken = new Set<string>();
  /** Per wanted name, the next number to try when it is taken. */
  private readonly next = new Map<string, number>();
  constructor(reserved: Iterable<string> = JS_RESERVED) {
    for (const r of reserved) this.taken.add(r);
  }
  /** `want`, or when taken `want2`, `want3`, ... (`want_2`, ... with `separator` "_"). */
  claim(want: string, separator = ""): string {
    let name = want;
    if (this.taken.has(name)) {
      // Numbered from 2, resuming after the last number tried for this name (names are never given
      // back), so that thousands of clashes on one name cost each one step, not one per clash before.
      const stem = want + separator;
      let i = this.next.get(stem) ?? 2;
      do name = `${stem}${i++}`;
      while (this.taken.has(name));
      this.next.set(stem, i);
    }
    this.taken.add(name);
    return name;
  }
  has(name: string): boolean {
    return this.taken.has(name);
  }
}
