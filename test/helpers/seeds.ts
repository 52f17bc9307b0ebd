/**
 * Reads the example request and response of a Microsoft Graph API reference page in ../shared/seeds
 * (outside the repository: never copied into it). Tests that need them skip, visibly, when absent.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const SEEDS_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "seeds");

export interface SeedMessage {
  /** Request: `PATCH`; response: `HTTP/1.1`. */
  method: string;
  /** Request: the URL as the page writes it; response: the status code. */
  target: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface SeedPage {
  file: string;
  /** The "HTTP request" section: method and path template, e.g. `PATCH /a/{aId}/b/{bId}`. */
  template: { method: string; path: string };
  request: SeedMessage;
  response: SeedMessage & { status: number };
}

export function seedsAvailable(...files: string[]): boolean {
  return files.every((f) => fs.existsSync(path.join(SEEDS_DIR, f)));
}

/** `describe`, or `describe.skip` with a warning naming what is missing. */
export function describeWithSeeds(...files: string[]): jest.Describe {
  if (seedsAvailable(...files)) return describe;
  console.warn(`SKIPPED: seed pages ${files.join(", ")} not found in ${SEEDS_DIR}`);
  return describe.skip;
}

/** The first ```http block after the `"blockType": "<kind>"` marker, split into start line, headers, body. */
function block(text: string, kind: "request" | "response" | "ignored", file: string): SeedMessage {
  const marker = text.search(new RegExp(`"blockType":\\s*"${kind}"`));
  if (marker < 0) throw new Error(`${file}: no ${kind} block`);
  const fence = /```\s*http\s*\n([\s\S]*?)```/.exec(text.slice(marker));
  if (!fence) throw new Error(`${file}: no http code block after the ${kind} marker`);
  const lines = fence[1].replace(/\r\n/g, "\n").split("\n");
  const [method, ...rest] = lines[0].trim().split(/\s+/);
  const headers: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    const colon = lines[i].indexOf(":");
    headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  const bodyText = lines.slice(i).join("\n").trim();
  return { method, target: rest.join(" "), headers, body: bodyText ? JSON.parse(bodyText) : undefined };
}

export function readSeed(file: string): SeedPage {
  const text = fs.readFileSync(path.join(SEEDS_DIR, file), "utf8");
  const template = block(text, "ignored", file);
  const request = block(text, "request", file);
  const response = block(text, "response", file);
  return { file, template: { method: template.method, path: template.target }, request, response: { ...response, status: Number(response.target.split(" ")[0]) } };
}

/** A deep copy of a JSON value, to edit without touching the original. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
