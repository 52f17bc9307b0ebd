/**
 * `odatagen fetch` for one document: download a service's metadata, and the documents its
 * references name whose types it uses (fetch/documents.ts), recursively, each once; then the files
 * to save — the document at `out`; each document of an `http:`/`https:` Uri beside it (`specs/sap.xml`
 * → `specs/sap.Common.xml`), with the reference map (`specs/sap.references.json`,
 * write/reference-map.ts) through which `generate` follows those Uris offline; each document of a
 * relative Uri where that Uri leads (`specs/parts/types.xml`). Reads the files already there to say
 * what changed; writes nothing (fetch/save.ts does).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { credentialsAsHeader, download, shownUrl, type DownloadOptions } from "./download";
import { neededReferences, readDownloaded, type Downloaded } from "./documents";
import { decodeInput } from "../parse/decode";
import { formatReferenceMap, parseReferenceMap, referenceMapFile } from "../write/reference-map";
import { display } from "../write/within";
import type { InputFile } from "../read-documents";

/** At most this many referenced documents are downloaded for one service. */
export const MAX_REFERENCED = 32;
/** The most bytes one document may have (Graph v1.0's is 3.5 MB, its beta about 40 MB). */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export interface FetchTarget {
  url: string;
  /** The file to save the document in (absolute). */
  out: string;
  /** Headers for the service's own origin (those of `url`): a referenced document on another host gets none. */
  headers: ReadonlyMap<string, string>;
  json: boolean;
  timeoutMs: number;
  /** Said after a network error or the time limit (fetch/proxy-hint.ts). */
  proxyHint?: string;
  /** Said where the proxy asked for credentials (fetch/proxy-hint.ts). */
  proxyCredentialsHint?: string;
}

/** A file to save: its new content (undefined: remove it), and what it holds now (undefined: not there). */
export interface PlannedFile {
  file: string;
  content: Buffer | undefined;
  old: Buffer | undefined;
  /** Where it came from (a URL as shown), or MAP. */
  from: string;
}

/** The `from` of the reference map. */
export const MAP = "reference map";

export type Fetched = { ok: true; files: PlannedFile[]; notes: string[] } | { ok: false; problem: string };

/**
 * A reference to download: its Uri as written, the URL it names (resolved against the URL of the
 * document that writes it), and, for a relative Uri, the file it leads to from the saved document
 * (saved there, `generate` follows it as any relative Uri); an absolute one is saved beside the main
 * document and mapped (`file` undefined).
 */
export interface Ref {
  written: string;
  url: string;
  file?: string;
}

export async function fetchDocuments(target: FetchTarget): Promise<Fetched> {
  const base: Omit<DownloadOptions, "headers"> = { json: target.json, timeoutMs: target.timeoutMs, maxBytes: MAX_DOCUMENT_BYTES, proxyHint: target.proxyHint, proxyCredentialsHint: target.proxyCredentialsHint };
  const origin = new URL(target.url).origin;
  // A user and password in the URL are the service's credentials: sent with its other documents too.
  const own = credentialsAsHeader(target.url, target.headers).headers;
  const main = await downloadDocument(target.url, { ...base, headers: own });
  if (!main.ok) return main;
  const docs: InputFile[] = [{ file: display(target.out), content: main.text }];
  const files: PlannedFile[] = [planned(target.out, main.body, shownUrl(target.url))];
  const mapFile = referenceMapFile(target.out);
  const taken = new Set([target.out, mapFile].map((f) => path.basename(f)));
  for (const name of othersFiles(target.out, mapFile)) taken.add(name);
  /** The references of the documents read, in order; those that cannot be downloaded, with why. */
  const refs: Ref[] = [];
  const unusable = new Map<string, string>();
  /** What the documents read declare, and what each Uri's references include: a Uri not downloaded for that is said so. */
  const declared = new Set(main.declares);
  const includes = new Map<string, string[]>();
  const add = (got: Downloaded & { url: string }, file: string) => {
    const { uris: written, url } = got;
    for (const [u, ns] of got.includes) includes.set(u, [...new Set([...(includes.get(u) ?? []), ...ns])]);
    for (const w of written) {
      const ref = downloadable(w, url, file);
      if (typeof ref === "string") unusable.set(w, ref);
      else if (!refs.some((r) => r.written === w && r.url === ref.url)) refs.push(ref);
    }
  };
  add(main, target.out);
  /** URL → the document's file; the map: absolute Uri → file name. */
  const done = new Map<string, string>();
  const saved = new Map<string, string>();
  let skipped: string[] = [];
  let blocked: string[] = [];
  for (;;) {
    const open = refs.filter((r) => !done.has(r.url));
    // Reading the model costs a second parse (on Graph, a second or so): only when a document has references.
    const weigh = [...new Set([...open.map((r) => r.written), ...unusable.keys()])];
    const needed = weigh.length ? neededReferences(docs, weigh) : [];
    skipped = open.filter((r) => !needed.includes(r.written)).map((r) => r.written);
    blocked = needed.filter((w) => unusable.has(w) && !refs.some((r) => r.written === w));
    const next = open.filter((r) => needed.includes(r.written));
    if (!next.length) break;
    for (const ref of next) {
      if (done.has(ref.url)) continue;
      if (done.size >= MAX_REFERENCED) return { ok: false, problem: `${shownUrl(target.url)} and the documents it references name more than ${MAX_REFERENCED} documents to download; odatagen fetch stops there` };
      // Credentials are the service's: a document on another host (a vocabulary on GitHub) gets none.
      const headers = sameOrigin(ref.url, origin) ? own : new Map<string, string>();
      const got = await downloadDocument(ref.url, { ...base, headers });
      if (!got.ok) return { ok: false, problem: `${got.problem} (a document ${shownUrl(target.url)} references)` };
      let file = ref.file;
      if (file === undefined) {
        file = path.join(path.dirname(target.out), referencedName(target.out, ref.url, got.text, taken));
        saved.set(ref.written, path.basename(file));
      } else {
        const clash = placeClash(file, [target.out, mapFile, ...files.map((f) => f.file)]);
        if (clash) return { ok: false, problem: `${JSON.stringify(ref.written)} leads to ${display(file)}, ${clash}` };
      }
      done.set(ref.url, file);
      docs.push({ file: display(file), content: got.text });
      for (const ns of got.declares) declared.add(ns);
      add(got, file);
      files.push(planned(file, got.body, shownUrl(ref.url)));
    }
  }
  const oldMap = readIfThere(mapFile);
  if (saved.size) files.push({ ...planned(mapFile, Buffer.from(formatReferenceMap(saved)), MAP), old: oldMap });
  else if (oldMap) files.push({ file: mapFile, content: undefined, old: oldMap, from: MAP });
  const notes = [
    ...[...new Set(skipped)].map((u) => `not downloaded: ${shownUrl(u)} (${readAlready(includes.get(u), declared) ?? "only its terms are used, which odatagen reads by name"})`),
    ...blocked.map((w) => `not downloaded: ${w}, whose types the documents use, ${unusable.get(w)} (until then generate reads them as Edm.Untyped, ODG110)`),
  ];
  return { ok: true, files, notes };
}

/**
 * `written`, a reference's Uri in the document downloaded from `url` and saved at `file`, as a
 * reference to download; or why it cannot be: a relative Uri is saved where it leads from `file`,
 * so it must go down from that folder (no `..`, no query or fragment, not `/…`), as generate
 * follows one; `file:` and other schemes name nothing to download.
 */
export function downloadable(written: string, url: string, file: string): Ref | string {
  if (/^https?:\/\//i.test(written)) return URL.canParse(written) ? { written, url: written } : "which is no URL fetch can download (it does not parse as one)";
  if (/^[a-z][a-z\d+.-]*:/i.test(written)) return "which is no http: or https: URL";
  let decoded: string;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    return "whose percent-encoding is malformed";
  }
  // Checked decoded: `%5C..%5C` is `\..\`, a way up on Windows.
  if (/[?#]/.test(written) || /[\0\\:]/.test(decoded) || decoded.startsWith("/") || decoded.split("/").includes(".."))
    return "a relative Uri odatagen fetch does not save (it saves one that goes down from the document's folder, without a query or fragment): download that document yourself and save it where the Uri leads";
  if (!URL.canParse(written, url)) return "which is no URL fetch can download (it does not parse as one)";
  return { written, url: new URL(written, url).href, file: path.resolve(path.dirname(file), ...decoded.split("/")) };
}

async function downloadDocument(url: string, options: DownloadOptions): Promise<({ ok: true; body: Buffer; text: string; url: string } & Downloaded) | { ok: false; problem: string }> {
  const got = await download(url, options);
  if (!got.ok) return got;
  // Read as generate reads the saved file (UTF-16 by its byte-order mark, the XML declaration's
  // encoding); bytes that are in no encoding it reads are saved all the same, for generate to report.
  const decoded = decodeInput(got.body);
  const text = decoded.ok ? decoded.text : new TextDecoder("utf-8").decode(got.body);
  const read = readDownloaded(text, `${shownUrl(url)}${got.redirected ? ` (redirected to ${got.redirected})` : ""}`);
  return "problem" in read ? { ok: false, problem: read.problem } : { ok: true, body: got.body, text, url: got.url, ...read };
}

/**
 * Why a reference that includes `namespaces` need not be downloaded although its types are used:
 * each is declared by a document read already (the main document, when a document refers back to
 * it, or the same document under another Uri); undefined when one is not.
 */
function readAlready(namespaces: readonly string[] | undefined, declared: ReadonlySet<string>): string | undefined {
  if (!namespaces?.length || !namespaces.every((n) => declared.has(n))) return undefined;
  return `a document downloaded already declares ${namespaces.length > 1 ? "the namespaces it includes" : `${namespaces[0]}, which it includes`}`;
}

/**
 * Why a referenced document cannot be saved at `file` (absolute), beside the files this fetch saves
 * already (`taken`): one of them is there, or is in a folder `file` would be, or `file` in one of
 * theirs (`x` and `x/types.xml`); or a folder is there, or a file where a folder of it would be.
 */
function placeClash(file: string, taken: readonly string[]): string | undefined {
  if (taken.includes(file)) return "a file this fetch saves already";
  const below = taken.find((t) => t.startsWith(file + path.sep));
  if (below) return `a folder of ${display(below)}, which this fetch saves too`;
  const above = taken.find((t) => file.startsWith(t + path.sep));
  if (above) return `in ${display(above)}, which this fetch saves as a file`;
  for (let at = file; at !== path.dirname(at); at = path.dirname(at)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(at);
    } catch {
      continue;
    }
    if (at === file && st.isDirectory()) return "which is a folder";
    if (at !== file && !st.isDirectory()) return `but ${display(at)} is a file, not a folder`;
    if (at !== file) break;
  }
  return undefined;
}

function planned(file: string, content: Buffer, from: string): PlannedFile {
  return { file, content, old: readIfThere(file), from };
}

/**
 * The files beside the main document named as a referenced document's would be
 * (`<stem>.<word>.xml|json`) that no earlier fetch saved (its map does not name them): the
 * user's own, which a referenced document is never saved over (it takes the next `-2` name).
 */
function othersFiles(out: string, mapFile: string): string[] {
  const stem = path.basename(out, path.extname(out));
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(out));
  } catch {
    return [];
  }
  const old = readIfThere(mapFile);
  const map = old ? parseReferenceMap(old.toString("utf8")) : undefined;
  const ours = new Set(map?.ok ? [...map.references.values()] : []);
  return names.filter((n) => n.startsWith(`${stem}.`) && /\.(xml|json)$/.test(n) && !ours.has(n));
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function sameOrigin(uri: string, origin: string): boolean {
  try {
    return new URL(uri).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The file name a referenced document is saved under, beside `out`: `out`'s name without its
 * extension, a dot, the Uri's last path segment without its extension (`Common` for
 * `…/vocabularies/Common.xml`, `metadata` for `…/$metadata`), `.json` for CSDL JSON else `.xml`,
 * and `-2`, `-3`… where that name is taken.
 */
export function referencedName(out: string, uri: string, text: string, taken: Set<string>): string {
  const stem = path.basename(out, path.extname(out));
  let last = "";
  try {
    last = decodeURIComponent(new URL(uri).pathname.split("/").filter(Boolean).pop() ?? "");
  } catch {
    last = "";
  }
  const word = last.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_.-]+/g, "").replace(/^[.-]+/, "") || "reference";
  const ext = /^\uFEFF?\s*[{[]/.test(text) ? ".json" : ".xml";
  let name = `${stem}.${word}${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}.${word}-${i}${ext}`;
  taken.add(name);
  return name;
}
