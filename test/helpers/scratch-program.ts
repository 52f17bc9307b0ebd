/** A program written for a test: a scratch folder of its files. */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./cli";

/** A scratch folder holding `files` (each a path relative to it, folders made as needed, and its lines joined by newlines). */
export function program(files: Record<string, string[]>): string {
  const dir = scratch();
  for (const [name, lines] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), lines.join("\n"));
  }
  return dir;
}
