/**
 * The patterns `--include` and `--exclude` take. A pattern starting with `/` is a URL path pattern,
 * matched segment by segment (`*` one segment, `**` any number of them, `{id}` key segments ignored);
 * any other pattern is a glob over qualified names and namespaces (`*` stops at a dot, `**` does not).
 */

export interface NamePattern {
  kind: "name";
  text: string;
  regex: RegExp;
}

/** One segment of a path pattern: `**`, or a regular expression over one segment. */
export type PathSegment = { any: true } | { any: false; regex: RegExp; literal: string | undefined };

export interface PathPattern {
  kind: "path";
  text: string;
  segments: PathSegment[];
}

export type Pattern = NamePattern | PathPattern;

export function parsePattern(text: string): Pattern {
  const t = text.trim();
  if (t.startsWith("/")) return { kind: "path", text: t, segments: pathSegments(t) };
  return { kind: "name", text: t, regex: new RegExp(`^${globBody(t, "[^.]")}$`) };
}

/** `a.*.b` → regular-expression source; `one` is what `*` and `?` may match one of. */
function globBody(glob: string, one: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += ".*";
      i++;
    } else if (c === "*") out += `${one}*`;
    else if (c === "?") out += one;
    else out += c.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return out;
}

/**
 * `/communications/callRecords/{id}/sessions/**` → segments. Key segments (`{id}`) and key
 * predicates (`callRecords('x')`) address a member of a collection, which the walk does not model
 * as a step, so they are dropped.
 */
function pathSegments(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const raw of text.split("/")) {
    if (raw === "" || /^\{[^}]*\}$/.test(raw)) continue;
    const seg = raw.replace(/\(.*\)$/, "");
    if (seg === "**") {
      if (out.length === 0 || !out[out.length - 1].any) out.push({ any: true });
      continue;
    }
    const wild = /[*?]/.test(seg);
    out.push({ any: false, regex: new RegExp(`^${globBody(seg, ".")}$`), literal: wild ? undefined : seg });
  }
  return out;
}

/**
 * The states of a path pattern after some segments, as a bit set over segment positions (position
 * `segments.length` means the whole pattern matched). Patterns are short, so a number suffices.
 */
export type States = number;

export function startStates(p: PathPattern): States {
  return closeOverAny(p, 1);
}

/** Follows `**` segments, which may match zero segments. */
function closeOverAny(p: PathPattern, states: States): States {
  let s = states;
  for (let i = 0; i < p.segments.length; i++) if (s & (1 << i) && p.segments[i].any) s |= 1 << (i + 1);
  return s;
}

/**
 * The states after one more segment named `name`. A cast segment (a qualified type name) is matched
 * only by a pattern segment that names it literally, never by a wildcard.
 */
export function advance(p: PathPattern, states: States, name: string, isCast: boolean): States {
  let next = 0;
  for (let i = 0; i < p.segments.length; i++) {
    if (!(states & (1 << i))) continue;
    const seg = p.segments[i];
    if (seg.any) {
      if (!isCast) next |= 1 << i;
    } else if (isCast ? seg.literal === name : seg.regex.test(name)) next |= 1 << (i + 1);
  }
  return closeOverAny(p, next);
}

export function accepts(p: PathPattern, states: States): boolean {
  return (states & (1 << p.segments.length)) !== 0;
}

/** Path patterns longer than this are refused (the state set is a 31-bit number). */
export const MAX_PATH_SEGMENTS = 30;
