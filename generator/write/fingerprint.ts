/**
 * What produced an output: odatagen's version plus a hash of the compiled code that shapes the output
 * (parse, model, passes, emit) and the templates. Computed from file contents, not times, so the
 * same build gives the same fingerprint on every machine. The CLI, config, diff and write code are
 * left out: they do not change what is generated.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The package root: dist/write/ → ../.. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
const NOT_OUTPUT_SHAPING = new Set(["cli", "config", "diff", "write"]);

let cached: { version: string; fingerprint: string } | undefined;

export function generatorIdentity(): { version: string; fingerprint: string } {
  if (cached) return cached;
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  const hash = crypto.createHash("sha256");
  const codeDir = path.resolve(__dirname, "..");
  for (const [root, skipTop] of [[codeDir, true], [path.join(PACKAGE_ROOT, "templates"), false]] as const) {
    for (const rel of listFiles(root, "", skipTop)) {
      // The precompiled templates are a cache derived from templates/ (hashed below), present or not
      // depending on how dist/ was built: they must not change the fingerprint.
      if (root === codeDir && (!rel.endsWith(".js") || rel === "templates.precompiled.js")) continue;
      hash.update(rel).update("\0").update(fs.readFileSync(path.join(root, rel))).update("\0");
    }
  }
  cached = { version: pkg.version, fingerprint: hash.digest("hex").slice(0, 16) };
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
