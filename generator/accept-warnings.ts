/**
 * Accepted warnings (`acceptWarnings` in a service's config, `--accept-warning`, generate()'s
 * `acceptWarnings`): the warnings a service is known to have and its users cannot mend (they do not
 * own its metadata), each named by its code alone (`ODG108`) or by its code and a glob over its
 * element path (`ODG108 API_TEST_SRV.A_TestEntityType/*`). An accepted warning stays in the
 * diagnostics, marked `accepted` with the entry that accepts it, and no longer fails a run under
 * `--fail-on-warnings`; an entry that accepts nothing is reported (ODG501), so that one the
 * metadata no longer needs is noticed. Errors cannot be accepted; notes need no acceptance.
 */
import { Codes, type Diagnostic, type Place } from "./diagnostics";
import { nearestName } from "./nearest-name";
import { globMatcher, type Matcher } from "./passes/slice/glob";

/** The codes some warning is reported with (the README's table of codes says which). */
export const WARNING_CODES: readonly string[] = [
  Codes.unsupportedInput, Codes.missingAttribute, Codes.invalidAttribute, Codes.undefinedType, Codes.duplicateName,
  Codes.badKey, Codes.undefinedNavigationTarget, Codes.unknownPrimitive, Codes.unresolvedReference, Codes.unknownCsdl,
  Codes.referenceFollowed, Codes.sliceEmpty, Codes.sliceExcludedBase, Codes.slicePruned, Codes.whyWithoutSlice,
  Codes.requestOutsideService,
];

/** The warnings only `odatagen url --from` reports, about the requests of a file: they never fail a run. */
const URL_WARNING_CODES: readonly string[] = [Codes.requestAnsweredError, Codes.requestWithoutHeader];

/** The codes only notes (severity info) have. */
const NOTE_CODES: readonly string[] = [Codes.nameChanged, Codes.sliceSummary];

/** One entry: its text as written, its code, the matcher of its element path glob (none: every path), where it is written. */
export interface Acceptance {
  text: string;
  code: string;
  matches?: Matcher;
  place?: Place | undefined;
}

const SLASH = 47;

/**
 * An entry read: its code and its glob (a `*` is a run of characters without `/`, a `?` one such
 * character, a `**` any run), or what is wrong with it, in words that follow its element path in a
 * message (`services[0].acceptWarnings[1]: …`).
 */
export function parseAcceptance(text: string): Acceptance | string {
  const form = `write a warning's code (ODG108), or a code, a space and a glob over the element path the warning ends with ("ODG108 API_TEST_SRV.A_TestEntityType/*")`;
  const written = text.trimStart();
  if (written.trim() === "") return `expected an accepted warning, got an empty string: ${form}`;
  const space = /\s/.exec(written);
  const code = space ? written.slice(0, space.index) : written;
  const glob = space ? written.slice(space.index).trim() : undefined;
  if (!/^ODG\d{3}$/.test(code)) {
    const near = nearestName(code, ALL_CODES) ?? ALL_CODES.find((c) => c.slice(3) === code.replace(/\D/g, "").padStart(3, "0"));
    return `${JSON.stringify(code)} is not a diagnostic's code${near ? `; did you mean ${near}?` : ""} (${form})`;
  }
  const problem = codeProblem(code);
  if (problem) return problem;
  if (glob === "") return `nothing follows ${code} but blanks: an empty glob matches no element path; give the path (the [...] a warning ends with), or write ${code} alone to accept every ${code} warning`;
  return glob === undefined ? { text: written.trim(), code } : { text: written.trim(), code, matches: globMatcher(glob, SLASH) };
}

/** Why a well-formed code cannot be accepted, or undefined when it can. */
function codeProblem(code: string): string | undefined {
  if (WARNING_CODES.includes(code)) return undefined;
  if (code === Codes.acceptedNothing) return `${code} says that an accepted warning matches nothing: remove that entry rather than accept ${code}`;
  if (NOTE_CODES.includes(code)) return `${code} is a note (severity info), which never fails a run: notes need no acceptance`;
  if (URL_WARNING_CODES.includes(code)) return `${code} is a warning of odatagen url --from about a file's requests, which fails no run: it needs no acceptance`;
  if (ALL_CODES.includes(code)) return `${code} is always an error, and errors cannot be accepted (codes a warning can have: ${WARNING_CODES.join(", ")})`;
  const near = nearestName(code, WARNING_CODES);
  return `no diagnostic has the code ${code}${near ? `; did you mean ${near}?` : ""} (codes a warning can have: ${WARNING_CODES.join(", ")})`;
}

const ALL_CODES: readonly string[] = Object.values(Codes);

/**
 * Marks each warning an entry accepts (`accepted`: the first such entry's text), in place. `stale`:
 * how an entry that accepts none is reported (ODG501): a warning, a note (a slice, which may have
 * left out the element whose warning it accepts), or not at all (a run that failed before every
 * warning was found). Returns those reports.
 */
export function settleAcceptances(diagnostics: Diagnostic[], entries: readonly Acceptance[], stale: "warning" | "info" | "none"): Diagnostic[] {
  if (!entries.length) return [];
  const used = new Set<Acceptance>();
  for (const d of diagnostics) {
    if (d.severity !== "warning" || d.accepted !== undefined) continue;
    const by = entries.find((a) => a.code === d.code && (!a.matches || a.matches(d.path)));
    if (!by) continue;
    d.accepted = by.text;
    used.add(by);
  }
  if (stale === "none") return [];
  const reports: Diagnostic[] = [];
  for (const a of entries) {
    if (used.has(a)) continue;
    const open = stale === "warning" ? openWarnings(a, diagnostics) : undefined;
    const why = stale === "info"
      ? "in this slice; the slice may leave out the element whose warning it accepts (a run without the slice tells whether the entry is still needed)"
      : `of this service: ${open ?? "remove the entry (the warning it accepted is gone), or correct its code or glob"}`;
    const message = `accepted warning ${JSON.stringify(a.text)} matches no warning ${why}`;
    const at = a.place ?? { file: "", line: 0, column: 0, path: "" };
    reports.push({ code: Codes.acceptedNothing, severity: stale, message, file: at.file, line: at.line, column: at.column, path: at.path });
  }
  return reports;
}

/**
 * Why an entry with a glob accepts nothing while warnings of its code are left open, and what to
 * write: when its `*` stops short of them at a `/` (`ODG103 svc.Container/*` for
 * `svc.Container/People/svc.Flight/Airline`), the entry with `**` that accepts them; else where
 * they are. Undefined when none is open (the warning it accepted is gone).
 */
function openWarnings(a: Acceptance, diagnostics: readonly Diagnostic[]): string | undefined {
  if (!a.matches) return undefined;
  const open = diagnostics.filter((d) => isOpenWarning(d) && d.code === a.code);
  if (!open.length) return undefined;
  const glob = a.text.slice(a.code.length).trim();
  const wider = glob.replace(/\*+/g, "**");
  const reached = wider === glob ? [] : open.filter((d) => globMatcher(wider, SLASH)(d.path));
  const count = (n: number) => `${n} ${a.code} warning${n === 1 ? "" : "s"}`;
  if (reached.length)
    return `a * stays within one step of the element path (between two /), and ${JSON.stringify(`${a.code} ${wider}`)} accepts ${count(reached.length)} of the service, such as ${reached[0].path}`;
  return `correct its glob: ${count(open.length)} of the service ${open.length === 1 ? "is" : "are"} not accepted, such as ${open[0].path}; or remove the entry`;
}

/** Whether a warning fails a run under `--fail-on-warnings`: one that is not accepted. */
export function isOpenWarning(d: Diagnostic): boolean {
  return d.severity === "warning" && d.accepted === undefined;
}
