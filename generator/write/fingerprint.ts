/**
 * What produced an output: odatagen's version plus a hash of the compiled code that shapes the output
 * (parse, model, passes, emit) and the templates. Computed from file contents, not times, so the
 * same build gives the same fingerprint on every machine. The CLI, config, diff, fetch and write code are
 * left out: they do not change what is generated. With a stat cache, the hash is reused while every
 * one of those files has the stat it had when it was hashed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createSha256 } from "./manifest";
import type { StatCache } from "./statcache";

/** The package root: dist/write/ → ../.. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
const NOT_OUTPUT_SHAPING = new Set(["cli", "config", "diff", "fetch", "write"]);

export interface GeneratorIdentity {
  version: string;
  fingerprint: string;
}

let cached: GeneratorIdentity | undefined;

export function generatorIdentity(cache?: StatCache): GeneratorIdentity {
  if (cached) return cached;
  const pkgFile = path.join(PACKAGE_ROOT, "package.json");
  const codeDir = path.resolve(__dirname, "..");
  const files = [
    // The precompiled templates are a cache derived from templates/ (hashed below), present or not
    // depending on how dist/ was built: they must not change the fingerprint.
    ...listFiles(codeDir, "", true)
      .filter((r) => r.endsWith(".js") && r !== "templates.precompiled.js")
      .map((r) => [r, path.join(codeDir, r)]),
    ...listFiles(path.join(PACKAGE_ROOT, "templates"), "", false).map((r) => [`templates/${r}`, path.join(PACKAGE_ROOT, "templates", r)]),
  ];
  const statOf = (f: string) => {
    const st = fs.statSync(f);
    return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
  };
  const signature = [statOf(pkgFile), ...files.map(([rel, abs]) => `${rel}:${statOf(abs)}`)].join("|");
  const known = cache?.getMeta<{ signature: string } & GeneratorIdentity>("generator");
  if (known && known.signature === signature) return (cached = { version: known.version, fingerprint: known.fingerprint });
  const version = (JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { version: string }).version;
  const hash = createSha256();
  for (const [rel, abs] of files) hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
  cached = { version, fingerprint: hash.digest("hex").slice(0, 16) };
  cache?.setMeta("generator", { signature, ...cached });
  return cached;
}

function listFiles(root: string, rel: string, skipTop: boolean): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!(skipTop && rel === "" && NOT_OUTPUT_SHAPING.has(e.name))) out.push(...listFiles(root, r, false));
    } else if (e.isFile()) out.push(r);
  }
  return out;
}
