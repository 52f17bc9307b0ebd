/** `odatagen.config.json`: the services a plain `odatagen generate` regenerates. */
import * as fs from "node:fs";
import * as path from "node:path";

export interface ServiceConfig {
  name: string;
  input: string[];
  out: string;
  keyAsSegment?: boolean;
}

export type LoadedConfig = { ok: true; services: ServiceConfig[] } | { ok: false; error: string };

export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { ok: false, error: `no ${file} here; pass --input and --out, or create ${file}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${file}: not valid JSON: ${(e as Error).message}` };
  }
  const base = path.dirname(file);
  const services = (json as { services?: unknown }).services;
  if (!Array.isArray(services) || services.length === 0) return { ok: false, error: `${file}: "services" must be a non-empty array` };
  const out: ServiceConfig[] = [];
  for (const [i, s] of services.entries()) {
    const at = `${file}: services[${i}]`;
    if (typeof s !== "object" || s === null) return { ok: false, error: `${at} must be an object` };
    const { name, input, out: dir, keyAsSegment } = s as Record<string, unknown>;
    const inputs = typeof input === "string" ? [input] : input;
    if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((x) => typeof x === "string")) return { ok: false, error: `${at}.input must be a file name or a list of them` };
    if (typeof dir !== "string") return { ok: false, error: `${at}.out must be a folder name` };
    if (keyAsSegment !== undefined && typeof keyAsSegment !== "boolean") return { ok: false, error: `${at}.keyAsSegment must be true or false` };
    out.push({
      name: typeof name === "string" ? name : path.basename(dir),
      input: (inputs as string[]).map((f) => path.join(base, f)),
      out: path.join(base, dir),
      keyAsSegment,
    });
  }
  return { ok: true, services: out };
}
