/**
 * `.odatagen-manifest.json`, written into each output folder: which files odatagen wrote (with a
 * hash and size of each), and what they were generated from (input hashes, options, generator
 * fingerprint). It lets odatagen delete only its own stale files, and skip a regeneration whose
 * inputs, options and generator are unchanged. Its content is deterministic: no timestamps, no
 * absolute paths.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const MANIFEST = ".odatagen-manifest.json";

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  /** A stale file kept by `--no-clean`: no longer generated, removed by the next cleaning run. */
  stale?: boolean;
}

export interface ManifestInput {
  /** Relative to the output folder, with `/` separators. */
  file: string;
  sha256: string;
  /** Read because a reference led to it (write/follow.ts), not given. */
  followed?: true;
}

/** Options that change the output, as recorded. */
export interface ManifestOptions {
  keyAsSegment: boolean | null;
  include: string[];
  exclude: string[];
  /** Recorded only when set, so manifests written before these options existed stay valid. */
  includeDerived?: true;
  includeNavigation?: true;
  /** Recorded only when an artifact is left out. */
  validators?: false;
  requests?: false;
  /** Recorded only when set. */
  completeReads?: true;
  /** Recorded only when given (true or false); absent, the metadata decides. */
  unqualifiedOperations?: boolean;
  /** Recorded only when references are not followed. */
  followReferences?: false;
  /** Recorded only for JavaScript output, with the version of the compiler that made it. */
  emit?: "js";
  typescript?: string;
}

export interface Manifest {
  generator: "odatagen";
  version: string;
  /** Hash of the code and templates that produce the output (see fingerprint.ts). */
  fingerprint: string;
  options: ManifestOptions;
  inputs: ManifestInput[];
  /**
   * Files references led to that were not there or were no regular files, relative to the output
   * folder as inputs are (write/follow.ts): one that appears makes the output out of date.
   */
  lookedFor?: string[];
  files: ManifestFile[];
}

/** node:crypto is loaded on first use: a fully cached no-change run never needs it. */
export function createSha256(): import("node:crypto").Hash {
  return (require("node:crypto") as typeof import("node:crypto")).createHash("sha256");
}

export function sha256(data: string | Buffer): string {
  return createSha256().update(data).digest("hex");
}

/** The manifest in `outDir`, or undefined. Accepts the first format (`files: string[]`). */
export function readManifest(outDir: string): Manifest | undefined {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST), "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!m || typeof m !== "object" || m.generator !== "odatagen" || !Array.isArray(m.files)) return undefined;
  const files: ManifestFile[] = [];
  for (const f of m.files as unknown[]) {
    if (typeof f === "string") files.push({ path: f, sha256: "", size: -1 });
    else if (f && typeof f === "object" && typeof (f as ManifestFile).path === "string")
      files.push({
        path: (f as ManifestFile).path,
        sha256: String((f as ManifestFile).sha256 ?? ""),
        size: Number((f as ManifestFile).size ?? -1),
        ...((f as ManifestFile).stale ? { stale: true } : {}),
      });
  }
  return {
    generator: "odatagen",
    version: typeof m.version === "string" ? m.version : "",
    fingerprint: typeof m.fingerprint === "string" ? m.fingerprint : "",
    options: (m.options as ManifestOptions) ?? { keyAsSegment: null, include: [], exclude: [] },
    inputs: Array.isArray(m.inputs) ? (m.inputs as unknown[]).filter(isInputRecord) : [],
    ...(Array.isArray(m.lookedFor) ? { lookedFor: (m.lookedFor as unknown[]).filter((f): f is string => typeof f === "string") } : {}),
    files: files.filter((f) => isInside(f.path)),
  };
}

function isInputRecord(x: unknown): x is ManifestInput {
  return !!x && typeof x === "object" && typeof (x as ManifestInput).file === "string" && typeof (x as ManifestInput).sha256 === "string";
}

/** A manifest entry must name a file inside the output folder. */
export function isInside(rel: string): boolean {
  return rel !== "" && !path.isAbsolute(rel) && !rel.split(/[\\/]/).includes("..") && rel !== MANIFEST;
}

export function manifestText(m: Manifest): string {
  const ordered: Manifest = {
    generator: "odatagen",
    version: m.version,
    fingerprint: m.fingerprint,
    options: {
      keyAsSegment: m.options.keyAsSegment, include: m.options.include, exclude: m.options.exclude,
      ...(m.options.includeDerived ? { includeDerived: true as const } : {}),
      ...(m.options.includeNavigation ? { includeNavigation: true as const } : {}),
      ...(m.options.validators === false ? { validators: false as const } : {}),
      ...(m.options.requests === false ? { requests: false as const } : {}),
      ...(m.options.completeReads ? { completeReads: true as const } : {}),
      ...(m.options.unqualifiedOperations !== undefined ? { unqualifiedOperations: m.options.unqualifiedOperations } : {}),
      ...(m.options.followReferences === false ? { followReferences: false as const } : {}),
      ...(m.options.emit === "js" ? { emit: "js" as const, typescript: m.options.typescript ?? "" } : {}),
    },
    inputs: m.inputs.map((i) => ({ file: i.file, sha256: i.sha256, ...(i.followed ? { followed: true as const } : {}) })),
    ...(m.lookedFor?.length ? { lookedFor: m.lookedFor } : {}),
    files: [...m.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => ({ path: f.path, sha256: f.sha256, size: f.size, ...(f.stale ? { stale: true } : {}) })),
  };
  return JSON.stringify(ordered, null, 2) + "\n";
}

export function manifestFiles(files: ReadonlyMap<string, string>): ManifestFile[] {
  return [...files].map(([p, content]) => ({ path: p, ...digestText(content) }));
}

/**
 * The SHA-256 and the UTF-8 length of a text, from one encoding of it, a chunk at a time into one
 * small reused buffer: no Buffer of a whole output (14 MB on Graph, which made V8 collect its whole
 * heap), and not two more passes over it (a string given to `hash.update` is encoded in full, and
 * `Buffer.byteLength` measures it again).
 */
function digestText(text: string): { sha256: string; size: number } {
  const hash = createSha256();
  let size = 0;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK);
    // A surrogate pair is encoded whole (split, each half would become U+FFFD).
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    scratch ??= Buffer.allocUnsafe(3 * CHUNK);
    const bytes = scratch.write(text.slice(at, end), "utf8");
    hash.update(scratch.subarray(0, bytes));
    size += bytes;
    at = end;
  }
  return { sha256: hash.digest("hex"), size };
}
/** Characters per chunk; UTF-8 takes at most 3 bytes for each UTF-16 code unit. */
const CHUNK = 64 * 1024;
let scratch: Buffer | undefined;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Input path as recorded: relative to the output folder, `/`-separated, so the manifest is portable. */
export function recordedInputPath(outDir: string, file: string): string {
  return path.relative(outDir, file).split(path.sep).join("/");
}

/**
 * What a run's follower (write/follow.ts) read, as the manifest records it after the run's inputs,
 * in the order read, and the files it looked for in vain (`lookedFor`, left out where none was).
 */
export function followedRecord(outDir: string, follower: { followed: readonly { file: string; sha256: string }[]; lookedFor: readonly string[] }): { inputs: ManifestInput[]; lookedFor?: string[] } {
  const inputs = follower.followed.map((f) => ({ file: recordedInputPath(outDir, f.file), sha256: f.sha256, followed: true as const }));
  const lookedFor = follower.lookedFor.map((f) => recordedInputPath(outDir, f));
  return { inputs, ...(lookedFor.length ? { lookedFor } : {}) };
}

export function optionsRecord(o: {
  keyAsSegment?: boolean; include?: string[]; exclude?: string[]; includeDerived?: boolean; includeNavigation?: boolean;
  validators?: boolean; requests?: boolean; completeReads?: boolean; unqualifiedOperations?: boolean; followReferences?: boolean;
  emit?: "ts" | "js"; typescript?: string;
}): ManifestOptions {
  const r: ManifestOptions = { keyAsSegment: o.keyAsSegment ?? null, include: [...(o.include ?? [])], exclude: [...(o.exclude ?? [])] };
  if (o.includeDerived) r.includeDerived = true;
  if (o.includeNavigation) r.includeNavigation = true;
  if (o.validators === false) r.validators = false;
  if (o.requests === false) r.requests = false;
  if (o.completeReads) r.completeReads = true;
  if (o.unqualifiedOperations !== undefined) r.unqualifiedOperations = o.unqualifiedOperations;
  if (o.followReferences === false) r.followReferences = false;
  if (o.emit === "js") Object.assign(r, { emit: "js", typescript: o.typescript ?? "" });
  return r;
}
