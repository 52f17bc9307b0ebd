/**
 * The guards narrow only as far as their check goes (vr.Checked): `isSession(x)` lets any property
 * be absent, so `x` is not a `Session` (`isSession({})` is true), at any depth; with
 * `{ complete: true }` in a read it is; `@odata.type` still narrows an `Any…` union; in
 * `update` and `replace` that may be absent too. Compiled with TypeScript 5.9 and 7 against the
 * committed generated/graph-callrecords; the run-time checks are the same functions as before.
 */
import * as path from "node:path";
import { compileCases, forEachCompiler, REPO } from "./helpers/typecheck";

const DIR = path.join(REPO, "generated", "graph-callrecords");

const HEAD = `import { assertSession, isSession } from "./microsoft.graph.callRecords.validators.js";
import type { Endpoint, Modality, Session } from "./microsoft.graph.callRecords.types.js";
import type { ValidateOptions } from "./validation.js";

declare const x: unknown;
declare const wide: ValidateOptions;
declare const flag: { complete: boolean };

export function usage(): void {`;

const UA = `#microsoft.graph.callRecords.clientUserAgent`;

/** One statement per line, and whether the compiler must refuse it. */
const CASES: [line: string, refused: boolean][] = [
  // By default absent properties pass the check: not a Session, at the top or nested.
  [`if (isSession(x)) { const m: Modality[] = x.modalities; void m; }`, true],
  [`if (isSession(x)) { const m: Modality[] | undefined = x.modalities; void m; }`, false],
  [`if (isSession(x)) { const s: Session = x; void s; }`, true],
  [`if (isSession(x)) { const e: Endpoint | null | undefined = x.caller; void e; }`, true],
  [`if (isSession(x)) { const u = x.caller?.userAgent; if (u && u["@odata.type"] === "${UA}") { const p: string = u.platform; void p; } }`, true],
  [`if (isSession(x, { mode: "read", strict: false })) { const m: Modality[] = x.modalities; void m; }`, true],
  [`if (isSession(x, flag)) { const m: Modality[] = x.modalities; void m; }`, true],
  [`{ const y: unknown = x; assertSession(y); const m: Modality[] = y.modalities; void m; }`, true],
  // The union of an abstract type's subtypes still narrows by @odata.type.
  [`if (isSession(x)) { const u = x.caller?.userAgent; if (u && u["@odata.type"] === "${UA}") { const p: string | undefined = u.platform; void p; } }`, false],
  [`if (isSession(x, { mode: "create" })) { const u = x.caller?.userAgent; if (u) { const t: string = u["@odata.type"]; void t; } }`, false],
  // So does a concrete type's with subtypes (`AnyEndpoint`), where a value of the type itself has none or its own name.
  [`if (isSession(x)) { const c = x.caller; if (c?.["@odata.type"] === "#microsoft.graph.callRecords.participantEndpoint") { const n: string | null | undefined = c.name; void n; } }`, false],
  [`if (isSession(x)) { const c = x.caller; if (c?.["@odata.type"] === "#microsoft.graph.callRecords.endpoint") { const n = c.name; void n; } }`, true],
  // complete: true in a read: the whole value, as declared.
  [`if (isSession(x, { complete: true })) { const m: Modality[] = x.modalities; const s: Session = x; void [m, s]; }`, false],
  [`if (isSession(x, { complete: true, mode: "read" })) { const e: Endpoint | null | undefined = x.caller; void e; }`, false],
  [`if (isSession(x, { complete: true })) { const u = x.caller?.userAgent; if (u && u["@odata.type"] === "${UA}") { const p: string = u.platform; void p; } }`, false],
  [`{ const y: unknown = x; assertSession(y, { complete: true }); const m: Modality[] = y.modalities; void m; }`, false],
  // Write bodies leave keys, computed and immutable properties out even when complete.
  [`if (isSession(x, { complete: true, mode: "create" })) { const s: Session = x; void s; }`, true],
  [`if (isSession(x, { mode: "replace" })) { const s: Session = x; void s; }`, true],
  // A PATCH body (or options whose mode is not known) may leave out an abstract type's @odata.type.
  [`if (isSession(x, { mode: "update" })) { const u = x.caller?.userAgent; if (u) { const t: string = u["@odata.type"]; void t; } }`, true],
  [`if (isSession(x, wide)) { const u = x.caller?.userAgent; if (u) { const t: string = u["@odata.type"]; void t; } }`, true],
];

forEachCompiler((label, c) => {
  test(`${label}: the guards narrow to what their options check`, () => {
    const refused = compileCases(c, DIR, HEAD, CASES.map(([l]) => l));
    expect(CASES.map(([l], i) => [l, refused.has(i)])).toEqual(CASES.map(([l, r]) => [l, r]));
  });
});
