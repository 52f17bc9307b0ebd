/**
 * A local, disposable record of file stats (size, mtime, ctime, inode) seen when a file's hash was
 * last verified, so that the no-change fast path can trust an unchanged stat instead of re-reading
 * and re-hashing megabytes of input and output. Any write to a file changes its ctime (which tools
 * cannot set back), so a stat match means the content is what was hashed.
 *
 * Kept in the nearest `node_modules/.cache/odatagen/` above the output folder (the usual place for
 * tool caches; never committed); without a node_modules folder there is no cache and files are
 * hashed every time. Losing or corrupting the cache only costs speed.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** What of a file's stat is compared. */
export interface StatFields {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface Entry extends StatFields {
  sha256: string;
}

/** Whether two stats are the same file with the same contents, as far as a stat can say. */
export function sameStat(a: StatFields, b: StatFields): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

export class StatCache {
  private entries: Record<string, Entry> = {};
  private meta: Record<string, unknown> = {};
  private dirty = false;

  private constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      const data = JSON.parse(fs.readFileSync(file, "utf8")) as { entries?: Record<string, Entry>; meta?: Record<string, unknown> };
      if (data && typeof data.entries === "object" && data.entries) this.entries = data.entries;
      if (data && typeof data.meta === "object" && data.meta) this.meta = data.meta;
    } catch {
      // no cache yet
    }
  }

  /** Whether there is a file to keep the cache in (else remembering is of no use). */
  get kept(): boolean {
    return this.file !== undefined;
  }

  static forOutput(outDir: string): StatCache {
    return new StatCache(cacheFile(outDir));
  }

  /** The file's hash if its stat is the one recorded with it. */
  lookup(file: string, st: fs.Stats): string | undefined {
    const e = this.entries[file];
    return e && sameStat(e, st) ? e.sha256 : undefined;
  }

  remember(file: string, st: fs.Stats, sha256: string): void {
    const e = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, sha256 };
    const old = this.entries[file];
    if (old && JSON.stringify(old) === JSON.stringify(e)) return;
    this.entries[file] = e;
    this.dirty = true;
  }

  /** Other values worth keeping between runs (e.g. the generator fingerprint and what it was computed from). */
  getMeta<T>(key: string): T | undefined {
    return this.meta[key] as T | undefined;
  }

  setMeta(key: string, value: unknown): void {
    if (JSON.stringify(this.meta[key]) === JSON.stringify(value)) return;
    this.meta[key] = value;
    this.dirty = true;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ entries: this.entries, meta: this.meta }));
      fs.renameSync(tmp, this.file);
      this.dirty = false;
    } catch {
      // a cache that cannot be written only costs speed
    }
  }
}

/** A file beside the output's stat cache, e.g. for the model summary of the last generation. */
export function cacheSibling(outDir: string, suffix: string): string | undefined {
  return cacheFile(outDir)?.replace(/\.json$/, suffix);
}

function cacheFile(outDir: string): string | undefined {
  const cache = cacheFolderAbove(path.dirname(path.resolve(outDir)));
  return cache && path.join(cache, `${fnv1a(path.resolve(outDir))}.json`);
}

/** `node_modules/.cache/odatagen` in the nearest folder from `dir` up that has a `node_modules`. */
export function cacheFolderAbove(dir: string): string | undefined {
  for (; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules"))) return path.join(dir, "node_modules", ".cache", "odatagen");
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A short, stable name for a path (FNV-1a, 2 × 32 bits); not security-relevant. */
export function fnv1a(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
