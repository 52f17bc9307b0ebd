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
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha256: string;
}

export class StatCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;

  private constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      const data = JSON.parse(fs.readFileSync(file, "utf8")) as { entries?: Record<string, Entry> };
      if (data && typeof data.entries === "object" && data.entries) this.entries = data.entries;
    } catch {
      // no cache yet
    }
  }

  static forOutput(outDir: string): StatCache {
    return new StatCache(cacheFile(outDir));
  }

  /** The file's hash if its stat is the one recorded with it. */
  lookup(file: string, st: fs.Stats): string | undefined {
    const e = this.entries[file];
    return e && e.size === st.size && e.mtimeMs === st.mtimeMs && e.ctimeMs === st.ctimeMs && e.ino === st.ino ? e.sha256 : undefined;
  }

  remember(file: string, st: fs.Stats, sha256: string): void {
    const e = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, sha256 };
    const old = this.entries[file];
    if (old && JSON.stringify(old) === JSON.stringify(e)) return;
    this.entries[file] = e;
    this.dirty = true;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ entries: this.entries }));
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
  for (let dir = path.dirname(path.resolve(outDir)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules"))) {
      const key = crypto.createHash("sha256").update(path.resolve(outDir)).digest("hex").slice(0, 16);
      return path.join(dir, "node_modules", ".cache", "odatagen", `${key}.json`);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
