/**
 * Following `edmx:Reference`s (CSDL XML §3.3, CSDL JSON §3.3 `$Reference`) to local files: a `Uri`
 * that is a relative reference or a `file:` URL is resolved against the folder of the document that
 * writes it (RFC 3986 §5.2), percent-decoded, and the regular file it names is read as an input too
 * (generate.ts, readDocuments, asks for each reference). Nothing is fetched: an `http:` Uri stays a
 * reference to a document the inputs do not hold. A document may lead only to files in the folder
 * of a given input or below it: metadata downloaded from a service picks its own Uris, and must not
 * make odatagen read `~/.ssh/…` or `/proc/…`. That is compared by real path, so that a symlink in
 * the folder that points out of it leads nowhere, while a folder given through a symlink (`specs/`
 * linking to a shared checkout) still holds what is really in it; the file is read from where it was
 * opened, checked again there (write/read-inside.ts). Uses only Node built-ins (the fast path loads this).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { Followed, FollowReference } from "../read-documents";
import { registerFollower } from "../run-record";
import { sha256 } from "./manifest";
import { type InputRead } from "./uptodate";
import { display } from "./within";
import { insideRoots, notFileKind, readInside, realLocation, realPath } from "./read-inside";
import { parseReferenceMap, referenceMapFile } from "./reference-map";

export interface Follower {
  follow: FollowReference;
  /**
   * The files read because a reference led to them (absolute), in the order read, with their
   * inputDigest and the stat taken just before the read (write/uptodate.ts, rememberOutput).
   */
  followed: ({ file: string } & InputRead)[];
  /**
   * The files references led to that were not there, or not regular files (absolute): one that
   * appears changes what a run reads (write/uptodate.ts, isUpToDate).
   */
  lookedFor: string[];
}

/** Why a reference is not followed when following is switched off, as each command switches it off. */
export const FOLLOWING_OFF = {
  generate: "references are not followed (--no-follow-references, or the service's followReferences: false)",
  diff: "references are not followed (--no-follow-references)",
  code: "references are not followed (createFollower was given off: true)",
} as const;

/**
 * A follower for a run over `inputs` (paths, absolute or from the working folder; an input's `file`
 * may be spelled either way, and is found by where it leads): each followed file is read once,
 * and so is a given input a reference names (compared by real path). With `off`, none is followed,
 * and `offReason` (how the caller's user switched it off, `FOLLOWING_OFF`) says why.
 */
export function createFollower(inputs: readonly string[], options: { off?: boolean | undefined; offReason?: string | undefined } = {}): Follower {
  const followed: Follower["followed"] = [];
  const lookedFor: string[] = [];
  /** Each document read, as shown, → its absolute path, or undefined when it has no folder (a pipe). */
  const locations = new Map<string, string | undefined>();
  /** Real path → the document as shown. */
  const seen = new Map<string, string>();
  /** The real paths of the folders a followed file may be in (or below): each input's folder, and the real file's folder when the input is a symlink. */
  const roots: string[] = [];
  /** The given inputs that are files, whose reference maps (write/reference-map.ts) map `http:` Uris. */
  const files: string[] = [];
  for (const given of inputs) {
    const file = path.resolve(given);
    const at = located(file) ? file : undefined;
    locations.set(display(file), at);
    if (!at) continue;
    files.push(at);
    const real = realPath(at);
    for (const dir of [realPath(path.dirname(at)), real && path.dirname(real)]) if (dir && !roots.includes(dir)) roots.push(dir);
    if (real) seen.set(real, display(file));
  }

  // What the library's writeOutput records of the run that used it (run-record.ts).
  let maps: ReturnType<typeof readMaps> | undefined;
  const log = { inputs: inputs.map((f) => path.resolve(f)), off: options.off === true, calls: 0, followed, lookedFor };
  const follow = (uri: string, from: string): Followed => {
    log.calls++;
    if (options.off) return { kind: "not-followed", reason: options.offReason ?? FOLLOWING_OFF.code };
    // A document is known by its path as shown (display); a caller may spell it otherwise (absolute, `./x.xml`).
    const shownFrom = locations.has(from) ? from : display(path.resolve(from));
    if (!locations.has(shownFrom)) return { kind: "not-followed", reason: `${from} is not among the files given to createFollower, so its folder is not known: give its path there too` };
    const mapped = /^https?:/i.test(uri) ? (maps ??= readMaps(files, roots, followed, lookedFor)).lead(uri) : undefined;
    if (mapped && typeof mapped !== "string") return { kind: "not-followed", ...mapped };
    const target = mapped ?? resolveUri(uri, locations.get(shownFrom));
    if (typeof target !== "string") return { kind: "not-followed", reason: target.reason };
    const shown = display(target);
    const real = realLocation(target);
    if (!insideRoots(real, roots)) {
      const through = real === target ? "" : `, which is ${display(real)}`;
      return { kind: "not-followed", reason: `it leads to ${shown}${through}, outside the folders of the inputs (a document brings in files in its input's folder or below it, never others): give that document as an input too` };
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A name no file can have: a warning-free "not followed", as for a file that is not there.
      if (code === "ENAMETOOLONG") return { kind: "not-followed", reason: "it names no file (a name longer than the file system allows)" };
      if (code !== "ENOENT" && code !== "ENOTDIR") return { kind: "unreadable", file: shown, reason: (e as Error).message };
      lookedFor.push(target);
      return { kind: "not-followed", reason: `there is no file ${shown} (looked for there): save the document there, or give it as an input too` };
    }
    if (!st.isFile()) {
      lookedFor.push(target);
      const what = notFileKind(st);
      return { kind: "not-followed", reason: `it leads to ${shown}, which is ${what} and is not read`, warn: true };
    }
    const known = seen.get(real);
    if (known !== undefined) return { kind: "known", file: known };
    // Read from the file opened, checked again: the checks above were by name.
    const read = readInside(target, roots);
    if ("notFile" in read) return { kind: "not-followed", reason: `it leads to ${shown}, which is ${read.notFile} and is not read`, warn: true };
    if ("reason" in read) return { kind: "unreadable", file: shown, reason: read.reason };
    const input = { file: shown, content: read.content };
    seen.set(read.real, input.file);
    locations.set(input.file, target);
    followed.push({ file: target, sha256: sha256(input.content), before: read.before, at: read.at });
    return { kind: "read", input };
  };
  registerFollower(follow, log);
  return { follow, followed, lookedFor };
}

/**
 * The reference maps beside the given inputs (`files`, absolute), read once, at the first `http:` or
 * `https:` Uri: each map read is recorded in `followed` (a changed map changes the run), and each
 * map looked for in vain in `lookedFor` (one that appears does too). `lead(uri)` is the file a map
 * names for `uri` (the first input's map that has it), why it leads nowhere (a map that cannot be
 * read, a warning), or undefined when no map has it.
 */
function readMaps(files: readonly string[], roots: readonly string[], followed: Follower["followed"], lookedFor: string[]) {
  const found: { file: string; references: Map<string, string> }[] = [];
  const problems: string[] = [];
  for (const input of files) {
    const file = referenceMapFile(input);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(file);
    } catch {
      st = undefined;
    }
    if (!st?.isFile()) {
      lookedFor.push(file);
      continue;
    }
    const read = readInside(file, roots);
    if (!("content" in read)) {
      problems.push(`the reference map ${display(file)} cannot be read: ${"reason" in read ? read.reason : read.notFile}`);
      continue;
    }
    followed.push({ file, sha256: sha256(read.content), before: read.before, at: read.at });
    const parsed = parseReferenceMap(read.content);
    if (parsed.ok) found.push({ file, references: parsed.references });
    else problems.push(`the reference map ${display(file)} is not one odatagen reads: ${parsed.problem}`);
  }
  return {
    lead(uri: string): string | { reason: string; warn: true } | undefined {
      const map = found.find((m) => m.references.has(uri));
      if (map) return path.resolve(path.dirname(map.file), ...map.references.get(uri)!.split(/[\\/]/));
      return problems.length ? { reason: problems.join("; "), warn: true } : undefined;
    },
  };
}

/**
 * The absolute path a reference's `uri` names, resolved against `base` (the referencing file's
 * path; undefined for a document read from a pipe), or why it names no local file.
 */
export function resolveUri(uri: string, base: string | undefined): string | { reason: string } {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(uri)?.[1];
  if (scheme && scheme.toLowerCase() !== "file")
    return { reason: `odatagen does not fetch ${scheme}: URIs (a build stays offline and gives the same output each time): save the document and give it as an input too, or save it beside this document and reference it by a relative Uri${/^https?$/i.test(scheme) ? " (odatagen fetch downloads the service's metadata with the documents it needs, and maps their Uris to the files saved)" : ""}` };
  if (/[?#]/.test(uri)) return { reason: "a Uri with a query or a fragment names no file" };
  if (scheme) {
    try {
      return fileURLToPath(uri);
    } catch (e) {
      return { reason: `it names no local file (${(e as Error).message})` };
    }
  }
  if (uri === "") return { reason: "an empty Uri names the document itself" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return { reason: "its percent-encoding is malformed" };
  }
  if (decoded.includes("\0")) return { reason: "it names no file (a NUL character)" };
  if (decoded.startsWith("/")) return path.resolve(decoded);
  if (base === undefined) return { reason: "this document was read from a pipe or standard input, which has no folder to resolve a relative Uri against: give the referenced document as an input too" };
  return path.resolve(path.dirname(base), decoded);
}

/** Whether an input has a folder its relative references are resolved against: a regular file, not a pipe or standard input. */
function located(file: string): boolean {
  if (file === "/dev/stdin" || /^\/(dev|proc\/[^/]+)\/fd\/\d+$/.test(file)) return false;
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
