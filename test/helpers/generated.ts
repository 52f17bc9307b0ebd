/**
 * Generates a fixture spec into test/.out/<name>/ (gitignored) and loads its modules, so tests run
 * the validators exactly as odatagen writes them (ts-jest compiles the generated TypeScript).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/generate";

/** `spec`: a file in test/fixtures/, or an absolute path. */
export function generateFixture(spec: string, name: string): string {
  const file = path.isAbsolute(spec) ? spec : path.join(__dirname, "..", "fixtures", spec);
  const { files } = generate({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] });
  const out = path.join(__dirname, "..", ".out", name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const [f, content] of files) fs.writeFileSync(path.join(out, f), content);
  return out;
}
