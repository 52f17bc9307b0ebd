/**
 * The patterns `--include` and `--exclude` take. A pattern starting with `/` is a URL path pattern,
 * matched segment by segment (`*` one segment, `**` any number of them, though not past a navigation
 * property that is not contained, `advance`; `{id}` key segments and a last
 * `$ref`, `$count` or `$value` ignored, Graph's addressing by path read as the entity before it:
 * `/me/drive/root:/Book.xlsx:/content` as `/me/drive/root/content`);
 * any other pattern is a glob over qualified names (`*` stops at a dot, `**` does not), or a
 * namespace written out.
 */

export interface NamePattern {
  kind: "name";
  text: string;
  matches: Matcher;
}

export type Matcher = (text: string) => boolean;

/**
 * One segment of a path pattern: `**` (`from`: its index among the pattern's `/`-separated parts,
 * for the text from it on, `patternFrom`), or a matcher for one segment (and the segment itself
 * when it has no wildcard).
 */
export type PathSegment = { any: true; from: number } | { any: false; matches: Matcher; literal: string | undefined };

export interface PathPattern {
  kind: "path";
  text: string;
  segments: PathSegment[];
}

export type Pattern = NamePattern | PathPattern;

export function parsePattern(text: string): Pattern {
  const t = text.trim();
  if (t.startsWith("/")) return { kind: "path", text: t, segments: pathSegments(t) };
  return { kind: "name", text: t, matches: globMatcher(t, DOT) };
}

/**
 * Whether a name pattern names a type or operation: its qualified name matches, or the pattern is
 * its namespace written out. A glob matches qualified names only: `microsoft.graph.*` names the
 * types of `microsoft.graph`, not those of `microsoft.graph.callRecords`, though `*` would match
 * that namespace's last part (`microsoft.graph.**` names both).
 */
export function namesElement(p: NamePattern, x: { qualifiedName: string; namespace: string }): boolean {
  return p.matches(x.qualifiedName) || p.text === x.namespace;
}

// A glob as tokens: a character code, or one of these wildcards.
const ONE = -1; // `?`: one character (not the stop character: a dot in a name glob)
const STAR = -2; // `*` in a name glob: a run of characters other than the stop character
const ANY = -3; // `**`, or `*` in a path segment: a run of any characters
const DOT = 46;

/**
 * A glob as a matcher that runs in time proportional to text × pattern, without backtracking: a
 * regular expression built from a glob with several stars backtracks exponentially on a long name
 * that almost matches (`**a**a**a**x` against a long name of `a`s runs for minutes). `stop`: the
 * character (its code) that `*` and `?` do not match, `**` does (a dot in a name glob, a `/` in an
 * accepted warning's element path glob); without one, `*` is `**`.
 */
export function globMatcher(glob: string, stop?: number): Matcher {
  const stops = stop !== undefined;
  if (!/[*?]/.test(glob)) return (text) => text === glob;
  const tokens: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      const star = glob[i + 1] === "*" || !stops ? ANY : STAR;
      while (glob[i + 1] === "*") i++;
      const last = tokens[tokens.length - 1];
      // Runs of stars match what their widest one matches.
      if (last === STAR || last === ANY) tokens[tokens.length - 1] = Math.min(last, star);
      else tokens.push(star);
    } else tokens.push(c === "?" ? ONE : c.charCodeAt(0));
  }
  // Most globs start with a literal prefix (`microsoft.graph.*`): compared first, as a string.
  let fixed = 0;
  while (tokens[fixed] >= 0) fixed++;
  const prefix = glob.slice(0, fixed);
  const m = tokens.length;
  /** Adds the states reachable without reading a character: past stars, which may match nothing. */
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) if (set[i] && tokens[i] <= STAR) set[i + 1] = 1;
  };
  return (text) => {
    if (!text.startsWith(prefix)) return false;
    let now = new Uint8Array(m + 1);
    let next = new Uint8Array(m + 1);
    now[fixed] = 1;
    close(now);
    for (let k = fixed; k < text.length; k++) {
      const c = text.charCodeAt(k);
      next.fill(0);
      let alive = false;
      for (let i = 0; i < m; i++) {
        if (!now[i]) continue;
        const t = tokens[i];
        if (t === ANY || (t === STAR && c !== stop)) next[i] = 1; // the star goes on
        else if (t === c || (t === ONE && c !== stop)) next[i + 1] = 1;
        else continue;
        alive = true;
      }
      if (!alive) return false;
      close(next);
      [now, next] = [next, now];
    }
    return now[m] === 1;
  };
}

/** Segments a path may end in that address something of what the path before them does. */
export const SYSTEM_SEGMENTS: ReadonlySet<string> = new Set(["$ref", "$count", "$value"]);

/**
 * `/communications/callRecords/{id}/sessions/**` → segments. Key segments (`{id}`) and key
 * predicates (`callRecords('x')`) address a member of a collection, which the walk does not model
 * as a step, so they are dropped.
 */
function pathSegments(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  const raws = rawSegments(text);
  // A last `$ref` (URL Conventions §4.4), `$count` (§4.8) or `$value` (§4.10) addresses the
  // references, count or stream of what the path before it does, as documentation writes requests.
  if (raws.length > 1 && SYSTEM_SEGMENTS.has(raws[raws.length - 1])) raws.pop();
  for (let i = 0; i < raws.length; i++) {
    let raw = raws[i];
    // Graph's addressing by path (`…/root:/Documents/Book.xlsx:/content`, `…/items/{parent-id}:/{filename}:`):
    // the entity before the colon, then the segments after the path's closing colon (the path itself
    // names nothing of the metadata's: the entity reached is of the same type).
    if (i > 0 && raw.length > 1 && raw.endsWith(":") && raw !== "**:") {
      raw = raw.slice(0, -1);
      for (i++; i < raws.length - 1 && !raws[i].endsWith(":"); i++);
    }
    if (raw === "" || /^\{[^}]*\}$/.test(raw)) continue;
    const seg = withoutKey(raw);
    if (seg === "**") {
      if (out.length === 0 || !out[out.length - 1].any) out.push({ any: true, from: i });
      continue;
    }
    const wild = /[*?]/.test(seg);
    out.push({ any: false, matches: globMatcher(seg), literal: wild ? undefined : seg });
  }
  return out;
}

/** The pattern's text from its `**` segment `seg` on (of `/me/**` from its `**`: `**`). */
export function patternFrom(p: PathPattern, seg: { from: number }): string {
  return rawSegments(p.text).slice(seg.from).join("/");
}

function rawSegments(text: string): string[] {
  return text.split("/").filter((raw) => raw !== "");
}

/**
 * The pattern with each literal segment that starts with a schema alias (`self.admin`) written with
 * its namespace instead: a cast or operation segment may name its schema either way, and an
 * `--exclude` written one way applies to an `--include` written the other.
 */
export function withNamespaces(p: PathPattern, aliases: ReadonlyMap<string, string>): PathPattern {
  if (!aliases.size) return p;
  let changed = false;
  const segments = p.segments.map((seg): PathSegment => {
    if (seg.any || seg.literal === undefined) return seg;
    const dot = seg.literal.lastIndexOf(".");
    const ns = dot > 0 ? aliases.get(seg.literal.slice(0, dot)) : undefined;
    if (ns === undefined) return seg;
    changed = true;
    const literal = `${ns}${seg.literal.slice(dot)}`;
    return { any: false, matches: (text) => text === literal, literal };
  });
  return changed ? { ...p, segments } : p;
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
 * only by a pattern segment that names it literally, never by a wildcard. `leaves`: the segment is a
 * navigation property that is not contained (CSDL 4.01 §8.4: without `ContainsTarget`, its target
 * lives under its entity set's path, not under this one), which a `**` may match as its last
 * segment but does not go on below; a segment written out (`*` included) is followed all the same.
 */
export function advance(p: PathPattern, states: States, name: string, isCast: boolean, leaves = false): States {
  let next = 0;
  for (let i = 0; i < p.segments.length; i++) {
    if (!(states & (1 << i))) continue;
    const seg = p.segments[i];
    if (seg.any) {
      if (!isCast) next |= 1 << (leaves ? i + 1 : i);
    } else if (isCast ? seg.literal === name : seg.matches(name)) next |= 1 << (i + 1);
  }
  return closeOverAny(p, next);
}

export function accepts(p: PathPattern, states: States): boolean {
  return (states & (1 << p.segments.length)) !== 0;
}

/** Path patterns longer than this are refused (the state set is a 31-bit number). */
export const MAX_PATH_SEGMENTS = 30;

/**
 * A path segment without its key, the `(…)` it ends with: from its first `(` after any line break.
 * One pass: a pattern for it (`/\(.*\)$/`) tried every `(` of a run, quadratic in the run's length.
 */
export function withoutKey(raw: string): string {
  if (!raw.endsWith(")")) return raw;
  const lineBreak = Math.max(raw.lastIndexOf("\n"), raw.lastIndexOf("\r"), raw.lastIndexOf("\u2028"), raw.lastIndexOf("\u2029"));
  const open = raw.indexOf("(", lineBreak + 1);
  return open < 0 ? raw : raw.slice(0, open);
}
