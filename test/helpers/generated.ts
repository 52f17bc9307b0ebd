// Generates a fixture service into test/.generated/<tag> (git-ignored, rewritten on every run), so
// tests import real generated modules: `const api: typeof import("../.generated/x/...") = require(...)`.
// Each test file uses its own tag, so parallel jest workers never share a folder.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/generate";

export const FIXTURES = path.resolve(__dirname, "..", "fixtures");

export const GENERATED = path.resolve(__dirname, "..", ".generated");

/**
 * Writes the generated files of `spec` (a file in test/fixtures, or an absolute path; or several,
 * the documents of one service) to test/.generated/<tag>; returns that folder.
 */
export function generateFixture(spec: string | string[], tag: string, options: { keyAsSegment?: boolean; completeReads?: boolean; unqualifiedOperations?: boolean } = {}): string {
  const files = (typeof spec === "string" ? [spec] : spec).map((f) => (path.isAbsolute(f) ? f : path.join(FIXTURES, f)));
  const result = generate({ inputs: files.map((file) => ({ file, content: fs.readFileSync(file, "utf8") })), ...options });
  return writeGenerated(tag, result.files);
}

/** Writes `files` (a `generate` result's) to test/.generated/<tag>, anew; returns that folder. */
export function writeGenerated(tag: string, files: ReadonlyMap<string, string>): string {
  const dir = path.join(GENERATED, tag);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
