/**
 * The prebuild fast path: an output is up to date when its manifest records the same generator,
 * options and input hashes as now, and every file it lists is on disk with the recorded size and
 * hash. Then nothing needs parsing. Uses only Node built-ins, so that a no-change run loads neither
 * the XML parser nor the templates; file hashes are taken from the stat cache when a file's stat
 * has not changed since it was last hashed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readManifest, recordedInputPath, sha256, type Manifest, type ManifestInput, type ManifestOptions } from "./manifest";
import { unreadableReason } from "../diagnostics";
import { decodeInput, type Decoded } from "../parse/decode";
import { generatorIdentity } from "./fingerprint";
import { hasLeftovers } from "./stage";
import { sameStat, StatCache, type StatFields } from "./statcache";
import { display } from "./within";
import { readFifo } from "./read-pipe";

export interface ReadInputs {
  /** Input text with line endings normalised to LF, paths as shown in diagnostics. */
  contents: { file: string; content: string }[];
  /** Each input's path and `inputDigest`, as the manifest records them. */
  records: ManifestInput[];
  /** Inputs that could not be read, with the reason; `missing` when there is no such file. */
  unreadable: UnreadableInput[];
  /** Each regular input file read, by the path it was given as: what `rememberOutput` needs to not read it again. */
  reads: Map<string, InputRead>;
}

/** An input that could not be read: its path as given, why, and whether there is no such file (ENOENT). */
export interface UnreadableInput {
  file: string;
  reason: string;
  missing?: boolean;
}

/** An input file's stat taken just before it was read, when that was (`Date.now()`), and its `inputDigest`. */
export interface InputRead {
  before: fs.Stats;
  at: number;
  sha256: string;
}

export function readInputs(outDir: string, files: string[]): ReadInputs {
  const records: ManifestInput[] = [];
  const reads = new Map<string, InputRead>();
  const read = readInputFiles(files, (file, content, digest, before) => {
    const sha256 = digest();
    records.push({ file: recordedInputPath(outDir, file), sha256 });
    if (before) reads.set(file, { ...before, sha256 });
  });
  return { ...read, records, reads };
}

/**
 * An input's hash as the manifest records it: of its text as generating reads it (decoded, line
 * ends normalised to LF), not of its bytes. A spec checked out with CRLF line ends (git's
 * core.autocrlf, the default on Windows) generates the same files as with LF, so it must find them
 * up to date and leave the committed manifest as it is. Bytes that are not text are hashed as they are.
 */
export function inputDigest(buf: Buffer): string {
  return digestOf(buf, decodeInput(buf));
}

/**
 * `inputDigest` of bytes already decoded. UTF-8 without a CR is its own text's encoding: its bytes
 * are hashed as they are, which gives the same hash without encoding 3.5 MB of text again.
 */
function digestOf(buf: Buffer, decoded: Decoded): string {
  if (!decoded.ok || (decoded.utf8 && !decoded.text.includes("\r"))) return sha256(buf);
  return sha256(lfLineEnds(decoded.text));
}

/** CRLF and a lone CR as LF (XML 1.0 §2.11; CSDL JSON's line ends are whitespace). */
function lfLineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** The longest string V8 makes (2^29 − 24 characters): a larger file could not be read as text. */
const MAX_STRING = 0x1fffffe8;

/**
 * The most memory reading an input takes, per byte of it: fast-xml-parser held 35 bytes a byte of a
 * document of one long text (67 MB took 2.4 GB; 150 MB ran out of Node's default 4.3 GB heap and
 * aborted the process), Graph's 3.5 MB about 40 with the model and output.
 */
const MEMORY_PER_BYTE = 64;

/** The largest input this process can read and parse: its heap's limit over `MEMORY_PER_BYTE` (68 MB with Node's default heap), at most the longest string. */
function maxInput(): number {
  // Asked once an input is read: a no-change run answered from the stat cache does not load node:v8.
  return (maxInputBytes ??= Math.min(MAX_STRING, Math.floor((require("node:v8") as typeof import("node:v8")).getHeapStatistics().heap_size_limit / MEMORY_PER_BYTE)));
}
let maxInputBytes: number | undefined;

/** Why an input is refused: `size` bytes, more than `maxInput()` (a pipe's: read so far, `size` undefined). */
const tooLarge = (size?: number) => Object.assign(new Error("too large"), { code: "ERR_FS_FILE_TOO_LARGE", size, limit: maxInput(), perByte: MEMORY_PER_BYTE });

/** Inputs read ahead by `prereadStreams`: their bytes, or why they could not be read. */
const prereadInputs = new Map<string, Buffer | Error>();

/**
 * Reads now the inputs that are no regular files (a pipe, `-i <(curl …)`, a FIFO, standard input,
 * a device), each once; `readInput` then takes what was read. The CLI calls this before it takes the
 * output lock, so that nothing is held while it waits for a FIFO's writer; a FIFO is read by the
 * event loop (read-pipe.ts), so that Ctrl+C while it waits is answered as at any other moment.
 * Any other (a terminal: `-i /dev/stdin` left unpiped, a device) is read blocking, where no handler
 * can run until the read ends: `beforeRead(true)` is called first (the CLI lets go of its start-up
 * signal handlers then, so that Ctrl+C ends the wait by the signal's default action), and
 * `beforeRead(false)` before a FIFO is read (the CLI sets them again, for a FIFO after a terminal).
 */
export async function prereadStreams(files: readonly string[], beforeRead: (blocking: boolean) => void = () => {}): Promise<void> {
  for (const file of files) {
    if (prereadInputs.has(file)) continue;
    let st: fs.Stats;
    try {
      st = file === "/dev/stdin" ? fs.fstatSync(0) : fs.statSync(file);
    } catch {
      continue; // reported when it is read
    }
    if (st.isFile()) continue;
    try {
      beforeRead(!st.isFIFO());
      prereadInputs.set(file, st.isFIFO() ? await readFifo(file, maxInput(), tooLarge) : readInput(file));
    } catch (e) {
      prereadInputs.set(file, e as Error);
    }
  }
}

/**
 * An input's bytes. A regular file larger than a string can be is refused before it is read (600 MB
 * read only to be refused took 1.3 s and 660 MB). Anything else — a pipe (`-i /dev/stdin`, `-i
 * <(curl …)`), a device — has no size to go by: it is read to its end, and refused as soon as it is
 * longer than that (`-i /dev/zero` once read until the process ran out of memory).
 */
function readInput(file: string, regular?: (read: Omit<InputRead, "sha256">) => void): Buffer {
  const preread = prereadInputs.get(file);
  if (preread instanceof Error) throw preread;
  if (preread) return preread;
  // The process's own standard input, whatever it is: a socket (as Node gives a child) cannot be
  // opened again by its name.
  const stdin = file === "/dev/stdin";
  const at = Date.now();
  const st = stdin ? fs.fstatSync(0) : fs.statSync(file);
  if (st.size > maxInput()) throw tooLarge(st.size);
  if (st.isFile()) {
    if (!stdin) regular?.({ before: st, at });
    return fs.readFileSync(stdin ? 0 : file);
  }
  const fd = stdin ? 0 : fs.openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks, total);
      total += n;
      if (total > maxInput()) throw tooLarge();
      chunks.push(chunk.subarray(0, n));
    }
  } finally {
    if (!stdin) fs.closeSync(fd);
  }
}

/**
 * The files read as `generate` reads its inputs (also by `odatagen diff`); `each` sees the text of
 * each file read, its `inputDigest` (computed when asked) and, for a regular file, its stat before the read.
 */
export function readInputFiles(
  files: readonly string[],
  each?: (file: string, content: string, digest: () => string, before?: Omit<InputRead, "sha256">) => void,
): Omit<ReadInputs, "records" | "reads"> {
  const result: Omit<ReadInputs, "records" | "reads"> = { contents: [], unreadable: [] };
  for (const file of files) {
    let before: Omit<InputRead, "sha256"> | undefined;
    const text = inputText(() => readInput(file, (read) => (before = read)), file);
    if ("reason" in text) {
      result.unreadable.push({ file, reason: text.reason, ...(text.missing && { missing: true }) });
      continue;
    }
    result.contents.push({ file: display(file), content: text.content });
    each?.(file, text.content, text.digest, before);
  }
  return result;
}

/**
 * An input's text as `generate` reads it, from the bytes `read` returns (throwing as `fs` does),
 * or why it cannot be read; `file` is the name it was read by.
 */
export function inputText(read: () => Buffer, file: string): { content: string; digest: () => string } | { reason: string; missing?: boolean } {
  let buf: Buffer;
  let decoded: Decoded;
  try {
    buf = read();
    decoded = decodeInput(buf); // throws for a text longer than a string can be
  } catch (e) {
    // A pattern in a config's `input` (`specs/*.xml`) is a file name to the file system.
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    const wildcard = missing && /[*?[\]{}]/.test(path.basename(file));
    return { reason: `${unreadableReason(e)}${wildcard ? "; odatagen does not expand wildcards: list each file" : ""}`, ...(missing && { missing }) };
  }
  if (!decoded.ok) return { reason: decoded.reason };
  const known = decoded;
  return { content: lfLineEnds(known.text), digest: () => digestOf(buf, known) };
}

/** The bytes of the regular file open as `fd`, refused as `readInput` refuses one larger than a string can be. */
export function readOpenFile(fd: number): Buffer {
  const size = fs.fstatSync(fd).size;
  if (size > maxInput()) throw tooLarge(size);
  return fs.readFileSync(fd);
}


/**
 * Hash of a file (of an input: its inputDigest), from the stat cache when its stat is unchanged; undefined when unreadable, and for
 * what is no regular file (a pipe or FIFO: its stat says nothing of what it holds, and reading it
 * again would wait for another writer).
 */
function hashFile(file: string, cache: StatCache, input = false): { sha256: string; size: number } | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return undefined;
    // An input's entry holds its inputDigest, under a key of its own (a byte hash kept by an
    // earlier version, or for the same file as an output, is another value).
    const key = input ? `input:${file}` : file;
    const known = cache.lookup(key, st);
    if (known) return { sha256: known, size: st.size };
    const at = Date.now();
    const buf = fs.readFileSync(file);
    const h = input ? inputDigest(buf) : sha256(buf);
    // A file changed just before the stat could change again, unseen in the stat, while being read.
    if (settledBefore(st, at)) cache.remember(key, st, h);
    return { sha256: h, size: st.size };
  } catch {
    return undefined;
  }
}

/**
 * Whether `outDir` holds exactly what generating `inputs` (absolute paths) with `options` would
 * write, judged from the manifest alone. `requestFiles`: the files of requests an `include` glob
 * matches now (write/request-files.ts), each of which the manifest must record (a file added since
 * is read by a new run; one removed is found by its hash).
 */
export function isUpToDate(outDir: string, options: ManifestOptions, inputs: string[], removeStale = true, requestFiles: readonly string[] = []): boolean {
  const m = readManifest(outDir);
  if (!m || !m.fingerprint) return false;
  if (JSON.stringify(m.options) !== JSON.stringify(options)) return false;
  if (m.inputs.filter((i) => !i.followed).length !== inputs.length || hasLeftovers(outDir)) return false;
  const followed = new Set(m.inputs.filter((i) => i.followed).map((i) => i.file));
  if (!requestFiles.every((f) => followed.has(recordedInputPath(outDir, f)))) return false;
  const cache = StatCache.forOutput(outDir);
  const identity = generatorIdentity(cache);
  const ok =
    m.version === identity.version &&
    m.fingerprint === identity.fingerprint &&
    sameInputs(m, outDir, inputs, cache) &&
    sameFollowed(m, outDir, cache) &&
    sameFiles(m, outDir, cache, removeStale);
  cache.save();
  return ok;
}

function sameInputs(m: Manifest, outDir: string, inputs: string[], cache: StatCache): boolean {
  const given = m.inputs.filter((i) => !i.followed);
  return inputs.every((file, i) => {
    const rec = given[i];
    return rec.file === recordedInputPath(outDir, file) && hashFile(file, cache, true)?.sha256 === rec.sha256;
  });
}

/**
 * The documents references led to (write/follow.ts) hold what they held, and the files they looked
 * for in vain are still missing (or no regular files): then the references of the unchanged inputs
 * lead where they led, and nothing needs parsing to know it.
 */
function sameFollowed(m: Manifest, outDir: string, cache: StatCache): boolean {
  const at = (rec: string) => path.resolve(outDir, ...rec.split("/"));
  if (!m.inputs.every((rec) => !rec.followed || hashFile(at(rec.file), cache, true)?.sha256 === rec.sha256)) return false;
  return (m.lookedFor ?? []).every((rec) => {
    try {
      return !fs.statSync(at(rec)).isFile();
    } catch {
      return true;
    }
  });
}

function sameFiles(m: Manifest, outDir: string, cache: StatCache, removeStale: boolean): boolean {
  return m.files.every((f) => {
    if (f.stale && removeStale) return false;
    const h = hashFile(path.join(outDir, f.path), cache);
    return h !== undefined && h.size === f.size && h.sha256 === f.sha256;
  });
}

/**
 * After a write: remembers the stats of the files just written, so the next run can trust them.
 * `reads` (from `readInputs`): an input whose stat is the one taken before it was read is
 * remembered with the hash taken then, without reading it again (see `unchangedSinceRead`).
 */
export function rememberOutput(outDir: string, inputs: string[], reads?: ReadonlyMap<string, InputRead>): void {
  const m = readManifest(outDir);
  if (!m) return;
  const cache = StatCache.forOutput(outDir);
  if (!cache.kept) return; // nowhere to keep it: nothing to hash for
  for (const file of inputs) {
    const read = reads?.get(file);
    const now = read && statOf(file);
    if (read && now && unchangedSinceRead(read, now)) cache.remember(`input:${file}`, now, read.sha256);
    else hashFile(file, cache, true);
  }
  // The files were just written (under the output lock) with the contents the manifest hashes: their
  // stats are remembered with those hashes instead of reading 14 MB back (a file whose size differs
  // was changed by someone else meanwhile and is left to be hashed next time).
  for (const f of m.files) {
    const file = path.join(outDir, f.path);
    const st = statOf(file);
    if (st && st.size === f.size) cache.remember(file, st, f.sha256);
  }
  cache.save();
}

/**
 * Time stamps coarser than this (FAT's mtime is kept to 2 s) could hide a write made in the same
 * tick as the last one.
 */
const COARSEST_TIMES_MS = 2000;

/**
 * Whether an input read earlier still holds what was read: its stat now is the one taken just
 * before the read (a write changes the ctime, which no tool can set back), and that stat was taken
 * long enough after its last change that a write after it, in the same time stamp tick, cannot
 * look the same (a file changed just before it was read is read again to be hashed).
 */
export function unchangedSinceRead(read: Omit<InputRead, "sha256">, now: fs.Stats): boolean {
  return sameStat(read.before, now) && settledBefore(read.before, read.at);
}

/**
 * Whether a file's last change (`st`) came long enough before `at`, when it was read, that a
 * write after the read cannot leave the same stat: only then is its stat remembered with what the
 * read found (as git does with "racily clean" entries; a file changed more recently is hashed
 * again next time).
 */
function settledBefore(st: StatFields, at: number): boolean {
  return st.ctimeMs < at - COARSEST_TIMES_MS && st.mtimeMs < at - COARSEST_TIMES_MS;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined; // gone already: nothing to remember
  }
}
