/**
 * A well-formedness check of an XML text (XML 1.0 with namespaces), in one loop over its char codes.
 * fast-xml-parser's parser reads malformed documents without complaint (mismatched or unclosed tags,
 * unquoted attributes, `&bogus;`, ...) and its validator is a second, slow pass; this scan runs first
 * and reports the first problem with its offset. It builds no tree: it keeps the open elements' names
 * (as offsets into the text) and the current tag's attribute names.
 *
 * The CLI runs it in a cold process, so it is written for V8's tiers as much as for speed once
 * optimised: one small loop (Scanner.run) hands each token to a short method, plain text and
 * attribute values are skipped by tight loops over a table of ASCII character classes, and a warm-up
 * document (WARM_UP) is scanned first.
 */
import { SourceText } from "./source";

export type WellFormedResult =
  | {
      ok: true;
      /** Whether any attribute other than `xmlns`/`xmlns:*` has a prefix, like `m:HasStream`. */
      prefixedAttributes: boolean;
      /** Whether the DOCTYPE declares general entities (a part of the text cannot be parsed alone then). */
      declaresEntities: boolean;
      /** The general entities the DOCTYPE declares, when it declares any, by name: the value of each name's first declaration (XML 1.0 §4.2). */
      entities?: ReadonlyMap<string, string>;
      /** The DOCTYPE's `[start, end)` offsets, when there is one. */
      doctype?: [number, number];
      /**
       * The offsets of the start tags with an attribute value that fast-xml-parser reads otherwise than
       * XML 1.0 §3.3.3 does: one with a literal tab, line feed or carriage return (each is a space), or
       * starting or ending with whitespace (the parser trims it). Absent when there is none.
       */
      spacedTags?: ReadonlySet<number>;
      /**
       * Whether an element below the third level (inside a `<Schema>` or an `<edmx:Include>`), or a
       * child of an `<edmx:Reference>`, declares a namespace (`xmlns`, `xmlns:p`): its descendants'
       * names are resolved through it then.
       */
      nestedDeclarations: boolean;
    }
  | {
      ok: false;
      message: string;
      offset: number;
      /** Well-formed XML that odatagen refuses to read (an external entity, one that refers to another). */
      unsupported?: true;
      /** Where the element path of the message is read, when not at `offset` (an unclosed element's is its own, read at the end). */
      pathAt?: number;
    };

export interface WellFormedOptions {
  /** Elements nested deeper than this are reported (a bound for the readers that recurse). */
  maxDepth?: number;
  /**
   * When given, receives the `[start, end)` offsets of every `<Annotations>` element that is a child
   * of a `<Schema>` at the third level (`Edmx/DataServices/Schema`), as pairs, in document order.
   */
  schemaAnnotations?: number[];
  /**
   * When given, receives for every `<EntityType>`, `<ComplexType>` and `<EnumType>` child of a
   * `<Schema>` that is not an empty-element tag, as triples: the offset of its start tag's `<`, and
   * the `[start, end)` offsets of its content (after the start tag's `>`, up to the end tag's `<`),
   * in document order. For an `<Action>` or `<Function>` the content starts after its first
   * `<Parameter>` element (the binding parameter of a bound operation), or after the start tag when
   * it has none.
   */
  bodies?: number[];
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21; // !
const DQUOTE = 0x22; // "
const HASH = 0x23; // #
const PERCENT = 0x25; // %
const AMP = 0x26; // &
const SQUOTE = 0x27; // '
const DASH = 0x2d; // -
const DOT = 0x2e; // .
const SLASH = 0x2f; // /
const COLON = 0x3a; // :
const SEMI = 0x3b; // ;
const LT = 0x3c; // <
const EQ = 0x3d; // =
const GT = 0x3e; // >
const QUESTION = 0x3f; // ?
const LBRACKET = 0x5b; // [
const RBRACKET = 0x5d; // ]
const UNDERSCORE = 0x5f; // _

/** Entities every XML document knows (XML 1.0 §4.6). */
const PREDEFINED = new Set(["lt", "gt", "amp", "apos", "quot"]);

/**
 * How many characters the references to the DOCTYPE's entities may add up to. A value cannot refer
 * to another entity (entityValue), but a document can still refer to a long one many times: a
 * 1 MB document could otherwise expand to gigabytes.
 */
export const MAX_ENTITY_EXPANSION = 16 * 1024 * 1024;

/** The general entities a DOCTYPE declares, and how much their references have expanded to so far. */
class Entities {
  readonly values = new Map<string, string>();
  private expanded = 0;

  /** Counts a reference to `name` at `start`; refuses the one past MAX_ENTITY_EXPANSION. */
  expand(value: string, name: string, start: number): void {
    this.expanded += value.length;
    if (this.expanded > MAX_ENTITY_EXPANSION)
      refuse(`references to the entities the DOCTYPE declares expand to more than ${MAX_ENTITY_EXPANSION.toLocaleString("en-US")} characters in all; this one ('&${name};', ${value.length.toLocaleString("en-US")} characters) passes that`, start);
  }
}

/** Classes of the ASCII characters, as bits, so that the hot loops test a character with one lookup. */
const SPACE_CLASS = 1; // whitespace (XML 1.0 §2.3 S)
const NAME_START_CLASS = 2; // may start a name (the colon is handled apart)
const NAME_CLASS = 4; // may continue a name
const NAME_END_CLASS = 8; // may follow a name
const TEXT_STOP_CLASS = 16; // ends a run of plain text: < & > and the control characters XML does not allow
const VALUE_STOP_CLASS = 32; // ends a run of plain attribute value: < & " ' tab, LF, CR and those control characters
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === UNDERSCORE;
  const space = c === SPACE || c === LF || c === TAB || c === CR;
  const control = c < SPACE && !space;
  ASCII_CLASS[c] =
    (space ? SPACE_CLASS : 0) |
    (letter ? NAME_START_CLASS | NAME_CLASS : 0) |
    ((c >= 0x30 && c <= 0x39) || c === DASH || c === DOT ? NAME_CLASS : 0) |
    (space || [GT, SLASH, EQ, QUESTION, LT, LBRACKET, DQUOTE, SQUOTE].includes(c) ? NAME_END_CLASS : 0) |
    (control || c === LT || c === AMP || c === GT ? TEXT_STOP_CLASS : 0) |
    ((space && c !== SPACE) || control || c === LT || c === AMP || c === DQUOTE || c === SQUOTE ? VALUE_STOP_CLASS : 0);
}

/** Thrown inside the scan, turned into the result by checkWellFormed. */
class NotWellFormed {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly unsupported?: true,
    readonly pathAt?: number,
  ) {}
}

function fail(message: string, offset: number, pathAt?: number): never {
  throw new NotWellFormed(message, offset, undefined, pathAt);
}

function refuse(message: string, offset: number): never {
  throw new NotWellFormed(message, offset, true);
}

/**
 * A small document that takes every branch of the scan that a good document can take. Scanning it
 * first gives V8 the type feedback of all of them, so the scan of a large document is optimised once
 * instead of being deoptimised (and slowly interpreted) each time a branch is met for the first time.
 */
const WARM_UP = `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x"><!ENTITY % p "y"><!-- c --><?q?> %p; ]>
<!-- c --><?pi x?><p:a xmlns:p="u" p:b='&amp;&#65;&#x42;&e;' c = "d" ${Array.from({ length: 33 }, (_, k) => `a${k}="${k}"`).join(" ")}>
<b/><c x="1"></c >t&lt;]>&#9;<![CDATA[<]]></p:a>`;
let warmedUp = false;

export function checkWellFormed(text: string, options: WellFormedOptions = {}): WellFormedResult {
  if (!warmedUp) {
    warmedUp = true;
    for (let k = 0; k < 3; k++) checkWellFormed(WARM_UP);
  }
  try {
    const scanner = new Scanner(text, options.maxDepth ?? Infinity, options.schemaAnnotations, options.bodies);
    scanner.run();
    const { prefixedAttributes, declaresEntities, entities, doctypeAt, doctypeEnd, spacedTags, nestedDeclarations } = scanner;
    return {
      ok: true, prefixedAttributes, declaresEntities, nestedDeclarations,
      ...(declaresEntities && { entities: entities.values }),
      ...(doctypeEnd > 0 && { doctype: [doctypeAt, doctypeEnd] }),
      ...(spacedTags && { spacedTags }),
    };
  } catch (e) {
    if (e instanceof NotWellFormed) return { ok: false, message: e.message, offset: e.offset, ...(e.unsupported && { unsupported: e.unsupported }), ...(e.pathAt !== undefined && { pathAt: e.pathAt }) };
    throw e;
  }
}

/**
 * The scan. `run` is the one loop over the text; it hands each token to a method that returns the
 * offset after it. The open elements are kept as offsets of their names, innermost last.
 */
class Scanner {
  private readonly openAt: number[] = [];
  private readonly openLength: number[] = [];
  private depth = 0;
  /** The attribute names of the tag being read, as offsets (a Set takes over on a tag with very many). */
  private readonly attrAt: number[] = [];
  private readonly attrLength: number[] = [];
  /** General entities declared in the DOCTYPE's internal subset. */
  readonly entities = new Entities();
  /** Where the DOCTYPE starts and ends (0 and 0: there is none). */
  doctypeAt = 0;
  doctypeEnd = 0;
  private rootSeen = false;
  private doctypeSeen = false;
  prefixedAttributes = false;
  /** See WellFormedResult.nestedDeclarations. */
  nestedDeclarations = false;
  /** See WellFormedResult.spacedTags (made at the first). */
  spacedTags: Set<number> | undefined;
  /** Where the `<Annotations>` element being read starts (-1: none is open). */
  private spanStart = -1;
  /** The start tag and content start of the schema child whose content is being located (-1: none is open). */
  private bodyTag = -1;
  private bodyStart = -1;
  /** Inside an operation: its first `<Parameter>` is still to come (1) or open (2); 0 otherwise. */
  private firstParameter = 0;

  constructor(
    private readonly t: string,
    private readonly maxDepth: number,
    private readonly spans: number[] | undefined,
    private readonly bodies: number[] | undefined,
  ) {}

  private spaced(tagStart: number): void {
    (this.spacedTags ??= new Set()).add(tagStart);
  }

  get declaresEntities(): boolean {
    return this.entities.values.size > 0;
  }

  run(): void {
    const t = this.t;
    const n = t.length;
    let i = t.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (t.startsWith("<?xml", i) && (isSpace(t.charCodeAt(i + 5)) || t.charCodeAt(i + 5) === QUESTION)) {
      i = processingInstruction(t, i, true);
    }
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === LT) i = this.markup(i);
      else if (this.depth > 0) i = this.text(i);
      else if (isSpace(c)) i++;
      else fail(this.rootSeen ? "text after the root element" : "text before the root element", i);
    }
    if (this.depth > 0) {
      const at = this.openAt[this.depth - 1];
      // Reported at its start tag; its path is read at the end, where it is the innermost element open.
      fail(`unclosed tag '${t.substr(at, this.openLength[this.depth - 1])}': the input ends before its closing tag`, at - 1, n);
    }
    if (!this.rootSeen) fail("the document has no root element", n);
  }

  /** Text inside the root element, up to the next markup. */
  private text(i: number): number {
    const t = this.t;
    for (;;) {
      i = plainText(t, i);
      const c = t.charCodeAt(i);
      if (c === LT || i >= t.length) return i;
      if (c === AMP) i = reference(t, i, this.entities);
      else if (c === GT) fail("']]>' is not allowed in text", i - 2);
      else fail(invalidCharacter(c), i);
    }
  }

  /** The markup starting with the `<` at `i`. */
  private markup(i: number): number {
    const t = this.t;
    const c = t.charCodeAt(i + 1);
    if (c === SLASH) return this.endTag(i);
    if (c !== BANG && c !== QUESTION) return this.startTag(i);
    if (t.startsWith("<!--", i)) return comment(t, i);
    if (c === QUESTION) return processingInstruction(t, i, false);
    if (t.startsWith("<![CDATA[", i)) {
      if (this.depth === 0) fail("a CDATA section is allowed only inside the root element", i);
      return cdata(t, i);
    }
    if (t.startsWith("<!DOCTYPE", i)) {
      if (this.doctypeSeen || this.rootSeen) fail("a DOCTYPE is allowed only once, before the root element", i);
      this.doctypeSeen = true;
      this.doctypeAt = i;
      return (this.doctypeEnd = doctype(t, i, this.entities));
    }
    return fail(`unexpected markup '<${word(t, i + 1)}'`, i);
  }

  /** An end tag: the same name as the innermost open element. */
  private endTag(tagStart: number): number {
    const t = this.t;
    let i = tagStart + 2;
    if (this.depth === 0) fail(`closing tag '${word(t, i)}' has no matching opening tag`, tagStart);
    const top = this.depth - 1;
    const at = this.openAt[top];
    const length = this.openLength[top];
    let k = 0;
    while (k < length && t.charCodeAt(i + k) === t.charCodeAt(at + k)) k++;
    if (k < length || isNameChar(t.charCodeAt(i + k)) || t.charCodeAt(i + k) === COLON) {
      const found = readName(t, i, "element");
      fail(`Expected closing tag '${t.substr(at, length)}' (opened at ${position(t, at - 1)}) ` +
        `instead of closing tag '${t.substr(i, found)}'`, tagStart);
    }
    i += length;
    while (isSpace(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) !== GT) fail(`closing tag '${t.substr(at, length)}' is not closed with '>'`, i < t.length ? i : tagStart);
    this.depth = top;
    if (top === 4 && this.firstParameter === 2) {
      this.bodyStart = i + 1;
      this.firstParameter = 0;
    }
    if (top === 3 && this.spanStart >= 0) {
      this.spans?.push(this.spanStart, i + 1);
      this.spanStart = -1;
    }
    if (top === 3 && this.bodyStart >= 0) {
      this.bodies?.push(this.bodyTag, this.bodyStart, tagStart);
      this.bodyStart = -1;
      this.firstParameter = 0;
    }
    return i + 1;
  }

  /** A start tag or an empty-element tag, with its attributes. */
  private startTag(tagStart: number): number {
    const t = this.t;
    const n = t.length;
    if (this.depth === 0 && this.rootSeen) {
      fail(`a second root element '${word(t, tagStart + 1)}': a document has one root element`, tagStart);
    }
    this.rootSeen = true;
    const nameAt = tagStart + 1;
    const nameLength = readName(t, nameAt, "element");
    if ((nameLength === 9 || nameLength === 11) && isReservedName(t, nameAt, nameLength)) refuseName(t, nameAt, nameLength, "an element");
    let i = nameAt + nameLength;
    let attrCount = 0;
    let attrSet: Set<string> | undefined;
    let c: number;
    for (;;) {
      const spaceAt = i;
      while (isSpace(t.charCodeAt(i))) i++;
      if (i >= n) fail(`tag '${t.substr(nameAt, nameLength)}' is not closed with '>' before the end of the input`, tagStart);
      c = t.charCodeAt(i);
      if (c === GT || c === SLASH) break;
      if (i === spaceAt) fail(`expected whitespace, '>' or '/>' in tag '${t.substr(nameAt, nameLength)}'`, i);
      // An attribute: name = "value".
      const at = i;
      const length = readName(t, i, "attribute");
      if ((length === 9 || length === 11) && isReservedName(t, i, length)) refuseName(t, i, length, "an attribute");
      if (attrSet === undefined) {
        for (let a = 0; a < attrCount; a++) {
          if (this.attrLength[a] === length && sameChars(t, this.attrAt[a], at, length)) {
            fail(`duplicate attribute '${t.substr(at, length)}'`, at);
          }
        }
        this.attrAt[attrCount] = at;
        this.attrLength[attrCount] = length;
        attrCount++;
        if (attrCount === 32) attrSet = nameSet(t, this.attrAt, this.attrLength, attrCount);
      } else {
        const name = t.substr(at, length);
        if (attrSet.has(name)) fail(`duplicate attribute '${name}'`, at);
        attrSet.add(name);
      }
      if (!this.prefixedAttributes && hasPrefix(t, at, length) && !t.startsWith("xmlns:", at)) {
        this.prefixedAttributes = true;
      }
      if (!this.nestedDeclarations && t.charCodeAt(at) === 0x78 /* x */ && isDeclaration(t, at, length) && this.isNested()) {
        this.nestedDeclarations = true;
      }
      i = this.attributeValue(at, length, at + length, tagStart);
    }
    const span = this.spans !== undefined && this.depth === 3 && this.isSchemaAnnotations(nameAt, nameLength);
    const parameter = this.firstParameter === 1 && this.depth === 4 && hasLocalName(t, nameAt, nameLength, "Parameter");
    if (c === SLASH) {
      if (t.charCodeAt(i + 1) !== GT) fail("expected '>' after '/' in a tag", i);
      if (span) this.spans?.push(tagStart, i + 2);
      if (parameter) {
        this.bodyStart = i + 2;
        this.firstParameter = 0;
      }
      return i + 2;
    }
    if (span) this.spanStart = tagStart;
    else if (parameter) this.firstParameter = 2;
    else if (this.bodies !== undefined && this.depth === 3) {
      const kind = this.schemaChildKind(nameAt, nameLength);
      if (kind !== 0) {
        this.bodyTag = tagStart;
        this.bodyStart = i + 1;
        this.firstParameter = kind === 2 ? 1 : 0;
      }
    }
    if (this.depth >= this.maxDepth) fail(`elements are nested more than ${this.maxDepth} deep`, tagStart);
    this.openAt[this.depth] = nameAt;
    this.openLength[this.depth] = nameLength;
    this.depth++;
    return i + 1;
  }

  /**
   * Whether the element whose start tag is being read is inside a schema or an include (below the
   * third level), or a child of a reference (an `<Annotation>` there: CSDL XML §4.1).
   */
  private isNested(): boolean {
    return this.depth >= 3 || (this.depth === 2 && hasLocalName(this.t, this.openAt[1], this.openLength[1], "Reference"));
  }

  /** Whether the element named at `nameAt` is `Annotations` and its parent (the innermost open element) a `Schema`. */
  private isSchemaAnnotations(nameAt: number, nameLength: number): boolean {
    return hasLocalName(this.t, nameAt, nameLength, "Annotations") && hasLocalName(this.t, this.openAt[2], this.openLength[2], "Schema");
  }

  /**
   * For an element whose parent is a `Schema`: 1 for `EntityType`, `ComplexType` and `EnumType`, 2 for
   * `Action` and `Function` (their content is located after the first `Parameter`), else 0.
   */
  private schemaChildKind(nameAt: number, nameLength: number): number {
    const t = this.t;
    if (!hasLocalName(t, this.openAt[2], this.openLength[2], "Schema")) return 0;
    if (hasLocalName(t, nameAt, nameLength, "EntityType") || hasLocalName(t, nameAt, nameLength, "ComplexType") ||
      hasLocalName(t, nameAt, nameLength, "EnumType")) return 1;
    return hasLocalName(t, nameAt, nameLength, "Action") || hasLocalName(t, nameAt, nameLength, "Function") ? 2 : 0;
  }

  /**
   * `= "value"` after the attribute name at `at`, in the tag at `tagStart`; returns the offset after
   * the closing quote.
   */
  private attributeValue(at: number, length: number, i: number, tagStart: number): number {
    const t = this.t;
    // A file cut off inside a tag (an interrupted download) says so, wherever in the tag it ends.
    const cut = () => fail(`tag '${word(t, tagStart + 1)}' is not closed with '>' before the end of the input`, tagStart);
    while (isSpace(t.charCodeAt(i))) i++;
    if (i >= t.length) cut();
    if (t.charCodeAt(i) !== EQ) fail(`attribute '${t.substr(at, length)}' has no value`, i);
    i++;
    while (isSpace(t.charCodeAt(i))) i++;
    if (i >= t.length) cut();
    const quote = t.charCodeAt(i);
    if (quote !== DQUOTE && quote !== SQUOTE) fail(`the value of attribute '${t.substr(at, length)}' is not quoted`, i);
    const valueAt = i;
    i++;
    if (i < t.length && t.charCodeAt(i) !== quote && trimmed(t.charCodeAt(i))) this.spaced(tagStart);
    for (;;) {
      i = plainValue(t, i, quote);
      const c = t.charCodeAt(i);
      if (c === quote) {
        if (trimmed(t.charCodeAt(i - 1)) && i - 1 > valueAt) this.spaced(tagStart);
        return i + 1;
      }
      if (c === TAB || c === LF || c === CR) {
        this.spaced(tagStart);
        i++;
        continue;
      }
      if (i >= t.length) fail(`the value of attribute '${t.substr(at, length)}' is not closed before the end of the input`, valueAt);
      if (c === LT) fail(`'<' is not allowed in the value of attribute '${t.substr(at, length)}'`, i);
      if (c === AMP) {
        // A DOCTYPE's entity may hold a tab or line break (XML 1.0 §3.3.3 makes each a space) or
        // start or end with a space: its value is normalized with the tag's (attribute-values.ts).
        if (this.entities.values.size > 0 && t.charCodeAt(i + 1) !== HASH) this.spaced(tagStart);
        i = reference(t, i, this.entities);
      } else fail(invalidCharacter(c), i);
    }
  }
}

/** Whether fast-xml-parser's `trim` takes this character off the ends of an attribute value (JavaScript's whitespace). */
function trimmed(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || (c >= 0x80 && /\s/.test(String.fromCharCode(c)));
}

/**
 * The end of the run of plain text from `i`: the offset of the next `<`, `&`, character XML does not
 * allow, or `>` after `]]`; the text's length at the end.
 */
function plainText(t: string, i: number): number {
  const n = t.length;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80 && (ASCII_CLASS[c] & TEXT_STOP_CLASS) !== 0) {
      if (c !== GT || (t.charCodeAt(i - 1) === RBRACKET && t.charCodeAt(i - 2) === RBRACKET)) return i;
    }
  }
  return n;
}

/** The end of the run of plain attribute value from `i`: the offset of the quote, `<`, `&`, ... */
function plainValue(t: string, i: number, quote: number): number {
  const n = t.length;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80 && (ASCII_CLASS[c] & VALUE_STOP_CLASS) !== 0) {
      if (c === quote || (c !== DQUOTE && c !== SQUOTE)) return i;
    }
  }
  return n;
}

/** Whether the (possibly prefixed) name at `at` has this local name. */
function hasLocalName(t: string, at: number, length: number, local: string): boolean {
  const start = at + length - local.length;
  if (start < at || !t.startsWith(local, start)) return false;
  return start === at || t.charCodeAt(start - 1) === COLON;
}

function isSpace(c: number): boolean {
  return c < 0x80 && (ASCII_CLASS[c] & SPACE_CLASS) !== 0;
}

/** NameStartChar (XML 1.0 §2.3), colon excluded: namespaces give it its own rule. */
function isNameStart(c: number): boolean {
  if (c < 0x80) return (ASCII_CLASS[c] & NAME_START_CLASS) !== 0;
  return (
    (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) || (c >= 0x37f && c <= 0x1fff) || c === 0x200c || c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) || (c >= 0x2c00 && c <= 0x2fef) || (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd) ||
    // either half of a surrogate pair (characters from U+10000; a lone half is let through)
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/** NameChar (XML 1.0 §2.3), colon excluded. */
function isNameChar(c: number): boolean {
  if (c < 0x80) return (ASCII_CLASS[c] & NAME_CLASS) !== 0;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Characters that may follow a name; the caller reports the wrong ones with what it expected. */
function endsName(c: number): boolean {
  return c < 0x80 && (ASCII_CLASS[c] & NAME_END_CLASS) !== 0;
}

/** A character XML allows in a document (XML 1.0 §2.2). */
function isXmlChar(code: number): boolean {
  return code === TAB || code === LF || code === CR || (code >= SPACE && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * The length of the (qualified) name at `start`: at most one colon, neither first nor last
 * (Namespaces in XML §3). `what` names it in the message when there is none.
 */
function readName(t: string, start: number, what: string): number {
  if (!isNameStart(t.charCodeAt(start))) {
    const found = word(t, start);
    fail(found ? `invalid ${what} name '${found}'` : `expected ${what} name`, start);
  }
  let i = start + 1;
  let colon = false;
  for (;;) {
    const c = t.charCodeAt(i);
    if (c < 0x80 ? (ASCII_CLASS[c] & NAME_CLASS) !== 0 : isNameChar(c)) i++;
    else if (c === COLON && !colon && isNameStart(t.charCodeAt(i + 1))) {
      colon = true;
      i += 2;
    } else break;
  }
  if (i < t.length && !endsName(t.charCodeAt(i))) fail(`invalid ${what} name '${word(t, start)}'`, start);
  return i - start;
}

/**
 * Whether the name at `at` (9 or 11 characters long) is `__proto__`, `constructor` or `prototype`:
 * fast-xml-parser refuses an element or attribute so named (as a guard against prototype pollution),
 * and would do it with no position, or, in a type's content read later for a slice, with an
 * exception. The first character is tested first: CSDL's names of those lengths start otherwise.
 */
function isReservedName(t: string, at: number, length: number): boolean {
  const c = t.charCodeAt(at);
  if (c !== UNDERSCORE && c !== 0x63 /* c */ && c !== 0x70 /* p */) return false;
  return length === 11 ? t.startsWith("constructor", at) : t.startsWith("__proto__", at) || t.startsWith("prototype", at);
}

function refuseName(t: string, at: number, length: number, what: string): never {
  refuse(`${what} named '${t.substr(at, length)}': the XML parser odatagen uses refuses the names __proto__, constructor and prototype`, at);
}

function hasPrefix(t: string, at: number, length: number): boolean {
  for (let k = 1; k < length; k++) if (t.charCodeAt(at + k) === COLON) return true;
  return false;
}

/** Whether the attribute name at `at` is a namespace declaration: `xmlns` or `xmlns:p`. */
function isDeclaration(t: string, at: number, length: number): boolean {
  return t.startsWith("xmlns", at) && (length === 5 || t.charCodeAt(at + 5) === COLON);
}

function sameChars(t: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (t.charCodeAt(a + k) !== t.charCodeAt(b + k)) return false;
  return true;
}

function nameSet(t: string, at: number[], length: number[], count: number): Set<string> {
  const set = new Set<string>();
  for (let k = 0; k < count; k++) set.add(t.substr(at[k], length[k]));
  return set;
}

/** `&name;`, `&#123;` or `&#x7B;` at `start`; returns the offset after it. */
function reference(t: string, start: number, entities: Entities): number {
  let i = start + 1;
  if (t.charCodeAt(i) === HASH) {
    i++;
    const hex = t.charCodeAt(i) === 0x78; // x
    if (hex) i++;
    const digitsAt = i;
    let code = 0;
    for (;;) {
      const c = t.charCodeAt(i);
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30
        : hex && c >= 0x61 && c <= 0x66 ? c - 0x57
        : hex && c >= 0x41 && c <= 0x46 ? c - 0x37
        : -1;
      if (d < 0) break;
      if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + d;
      i++;
    }
    if (i === digitsAt || t.charCodeAt(i) !== SEMI) fail(`invalid character reference '${word(t, start)}'`, start);
    if (!isXmlChar(code)) fail(`character reference '${t.slice(start, i + 1)}' is not an XML character`, start);
    return i + 1;
  }
  if (!isNameStart(t.charCodeAt(i))) fail("'&' must start an entity reference such as &amp;", start);
  i++;
  while (isNameChar(t.charCodeAt(i))) i++;
  if (t.charCodeAt(i) !== SEMI) fail("'&' must start an entity reference such as &amp;", start);
  const name = t.slice(start + 1, i);
  if (PREDEFINED.has(name)) return i + 1;
  const value = entities.values.get(name);
  if (value === undefined) fail(`unknown entity '&${name};'`, start);
  entities.expand(value, name, start);
  return i + 1;
}

function comment(t: string, start: number): number {
  const end = t.indexOf("-->", start + 4);
  if (end < 0) fail("comment is not closed with '-->'", start);
  return end + 3;
}

function cdata(t: string, start: number): number {
  const end = t.indexOf("]]>", start + 9);
  if (end < 0) fail("CDATA section is not closed with ']]>'", start);
  return end + 3;
}

/** `<?target ...?>`; the XML declaration (target `xml`) only at the very start. */
function processingInstruction(t: string, start: number, declaration: boolean): number {
  const length = readName(t, start + 2, "processing instruction");
  const target = t.substr(start + 2, length);
  if (!declaration && target === "xml") fail("the XML declaration is allowed only at the very start of the document", start);
  if (!declaration && target.toLowerCase() === "xml") fail(`the processing instruction target '${target}' is reserved`, start);
  const end = t.indexOf("?>", start + 2 + length);
  if (end < 0) fail(`processing instruction '${target}' is not closed with '?>'`, start);
  if (declaration && !XML_DECLARATION.test(t.slice(start + 5, end)))
    fail(`malformed XML declaration: expected version="1.x", then optionally encoding="…" and standalone="yes" or "no"`, start);
  return end + 2;
}

/** XML 1.0 §2.8 and §4.3.3: what follows `<?xml` up to `?>` (S is space, tab, CR or LF). */
const XML_DECLARATION =
  /^[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*$/;

/** `<!DOCTYPE name ... [internal subset]>`; adds the general entities it declares to `entities`. */
function doctype(t: string, start: number, entities: Entities): number {
  const n = t.length;
  const unclosed = "DOCTYPE is not closed with '>'";
  let i = start + 9;
  if (!isSpace(t.charCodeAt(i))) fail("expected whitespace after '<!DOCTYPE'", i);
  while (isSpace(t.charCodeAt(i))) i++;
  i += readName(t, i, "DOCTYPE");
  let inSubset = false;
  for (;;) {
    if (i >= n) fail(unclosed, start);
    const c = t.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const end = t.indexOf(t[i], i + 1);
      if (end < 0) fail(unclosed, start);
      i = end + 1;
    } else if (!inSubset) {
      if (c === GT) return i + 1;
      if (c === LBRACKET) inSubset = true;
      i++;
    } else if (c === RBRACKET) {
      inSubset = false;
      i++;
    } else if (c === PERCENT) {
      const end = t.indexOf(";", i);
      if (end < 0) fail(unclosed, start);
      i = end + 1;
    } else if (t.startsWith("<!--", i)) i = comment(t, i);
    else if (t.startsWith("<?", i)) i = processingInstruction(t, i, false);
    else if (t.startsWith("<!", i)) i = declaration(t, i, entities, start);
    else if (isSpace(c)) i++;
    else fail(`unexpected '${c === LT ? `<${word(t, i + 1)}` : word(t, i)}' in the DOCTYPE`, i);
  }
}

/**
 * `<!ENTITY name ...>`, `<!ELEMENT ...>`, ... in a DOCTYPE's internal subset. The first declaration
 * of a name binds (XML 1.0 §4.2); one of a predefined entity (§4.6: `amp`, `lt`, ...) changes nothing.
 */
function declaration(t: string, start: number, entities: Entities, doctypeAt: number): number {
  let i = start + 2;
  if (t.startsWith("ENTITY", i) && isSpace(t.charCodeAt(i + 6))) {
    i += 6;
    while (isSpace(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) !== PERCENT) {
      const length = readName(t, i, "entity");
      const name = t.substr(i, length);
      if (hasPrefix(t, i, length)) fail(`entity name '${name}' has a colon (Namespaces in XML §7)`, i);
      i += length;
      while (isSpace(t.charCodeAt(i))) i++;
      if (!PREDEFINED.has(name)) {
        if (t.startsWith("SYSTEM", i) || t.startsWith("PUBLIC", i)) {
          refuse(`the entity '${name}' is external (${t.substr(i, 6)}): odatagen reads no file but the document`, i);
        }
        const value = entityValue(t, i, name);
        if (!entities.values.has(name)) entities.values.set(name, value);
      }
    }
  }
  for (;;) {
    if (i >= t.length) fail("DOCTYPE is not closed with '>'", doctypeAt);
    const c = t.charCodeAt(i);
    if (c === GT) return i + 1;
    if (c === DQUOTE || c === SQUOTE) {
      const end = t.indexOf(t[i], i + 1);
      if (end < 0) fail("DOCTYPE is not closed with '>'", doctypeAt);
      i = end + 1;
    } else i++;
  }
}

/**
 * An entity's quoted value at `start`. A reference in it (to another entity, or a character
 * reference) would be expanded where the entity is used (XML 1.0 §4.5), and markup in it parsed as
 * elements (§4.4.2), neither of which odatagen does: both are refused, so a value is plain text.
 */
function entityValue(t: string, start: number, name: string): string {
  const quote = t.charCodeAt(start);
  if (quote !== DQUOTE && quote !== SQUOTE) return "";
  const end = t.indexOf(t[start], start + 1);
  if (end < 0) return ""; // the DOCTYPE is reported as not closed
  const value = t.slice(start + 1, end);
  const amp = value.indexOf("&");
  if (amp >= 0) {
    const ref = /^&[^;\s&]{0,40};/.exec(value.slice(amp, amp + 48))?.[0] ?? "&";
    refuse(`the value of the entity '${name}' holds a reference (${ref}), which odatagen does not expand`, start + 1 + amp);
  }
  const lt = value.indexOf("<");
  if (lt >= 0) refuse(`the value of the entity '${name}' holds markup ('<'), which odatagen does not expand`, start + 1 + lt);
  // XML 1.0 §2.11: a line end in the document, the DOCTYPE too, is a line feed before anything reads it.
  return value.indexOf("\r") < 0 ? value : value.replace(/\r\n?/g, "\n");
}

/** The text from `start` up to the next space or markup character, for messages. */
function word(t: string, start: number): string {
  let end = start;
  while (end < t.length && end - start < 40) {
    const c = t.charCodeAt(end);
    if (isSpace(c) || c === LT || c === GT || c === SLASH || c === EQ || c === DQUOTE || c === SQUOTE) break;
    end++;
  }
  return t.slice(start, end);
}

function position(t: string, offset: number): string {
  const { line, column } = new SourceText("", t).position(offset);
  return `line ${line}, column ${column}`;
}

function invalidCharacter(c: number): string {
  return `invalid character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
}
