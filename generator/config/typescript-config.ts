/**
 * How a `.ts` config becomes JavaScript: Node's own type stripping where the running Node has it
 * (`module.stripTypeScriptTypes`: Node 22.13+ and 23.2+), else a `typescript` package's
 * `transpileModule` (looked up from the config's folder, then from odatagen's own dependencies; a
 * package without the JS API, as TypeScript 7's, is skipped). load.ts chooses between them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigSyntaxError } from "./syntax-error";
import { display } from "../write/within";

/** Turns a config's TypeScript into JavaScript, or throws Node's error saying why it cannot. */
export type TypeStripper = (text: string) => string;

/**
 * Node's type stripping, as a function, where the running Node has it: `stripTypeScriptTypes` in
 * its default mode, which replaces the types with blanks (lines and columns stay where they were)
 * and takes only erasable syntax. Node marks it experimental and says so once a process, on
 * stderr; odatagen, not the user, chose it, so that warning is not passed on.
 */
export function nodeTypeStripper(): TypeStripper | undefined {
  const strip = (require("node:module") as { stripTypeScriptTypes?: (code: string) => string }).stripTypeScriptTypes;
  if (typeof strip !== "function") return undefined;
  return (text) => {
    const emit = process.emitWarning;
    process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
      if (String(typeof warning === "string" ? warning : warning.message).startsWith("stripTypeScriptTypes is an experimental feature")) return;
      (emit as (...args: unknown[]) => void).call(this, warning, ...rest);
    } as typeof process.emitWarning;
    try {
      return strip(text);
    } finally {
      process.emitWarning = emit;
    }
  };
}

/** Node's stripping refused the config: a syntax error, or syntax it does not strip (`enum`, `namespace`, a parameter property). */
export function isStripError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ERR_INVALID_TYPESCRIPT_SYNTAX" || code === "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX";
}

/**
 * The stripped config imports a name its module does not export: most likely a type imported
 * without `type`, which TypeScript leaves out of its output and Node's stripping keeps.
 */
export function isMissingExport(e: unknown): boolean {
  return e instanceof SyntaxError && /does not provide an export named|Named export '[^']*' not found/.test(e.message);
}

/** The error for a config Node's stripping refused, where no `typescript` package could take it instead. */
export function nodeRefusal(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).trim();
  // Node 23 prints the place as a code frame after a first line ` x <message>`; 22 and 24 give the message alone.
  const first = message.split("\n")[0].replace(/^\s*x\s+/, "");
  if ((e as { code?: unknown }).code === "ERR_INVALID_TYPESCRIPT_SYNTAX")
    return `not valid TypeScript (Node's type stripping): ${first}; the \`typescript\` package (npm install --save-dev typescript) would say where`;
  if ((e as { code?: unknown }).code === "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX")
    return `${first}: Node's type stripping takes only TypeScript whose types can be erased (no enum, namespace or parameter property); install the \`typescript\` package (npm install --save-dev typescript), which transpiles the rest, or write odatagen.config.mjs`;
  return `${first} (Node's type stripping keeps every import: import a type with \`import type\`, or install the \`typescript\` package, which leaves such imports out)`;
}

/** A config's JavaScript from TypeScript's transpileModule; a syntax error, which TypeScript would repair and emit anyway, is thrown at its place. */
export function transpileWithTypescript(ts: TypeScript, file: string, text: string): string {
  const out = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  const syntax = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax) {
    const at = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : { line: 0, character: 0 };
    throw new ConfigSyntaxError(ts.flattenDiagnosticMessageText(syntax.messageText, "\n"), at.line + 1, at.character + 1);
  }
  return out.outputText;
}

export type TypeScript = typeof import("typescript");

/**
 * The first `typescript` package with a JS API (`transpileModule`), looked up from each folder in
 * turn (the config's, then odatagen's own). TypeScript 7's npm package is the native compiler and
 * has no JS API; such a package is skipped. Throws a message for the user when none is usable.
 */
export function findTypescript(fromDirs: readonly string[]): TypeScript {
  const unusable: string[] = [];
  for (const { pkg, dir, version } of typescriptPackages(fromDirs)) {
    let ts: Partial<TypeScript> | undefined;
    let failure = "";
    try {
      ts = require(require.resolve("typescript", { paths: [dir] })) as Partial<TypeScript>;
    } catch (e) {
      // A package that is there but does not load: its own error says why.
      failure = `: it could not be loaded (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`;
      ts = undefined;
    }
    if (typeof ts?.transpileModule === "function") return ts as TypeScript;
    const folder = path.dirname(pkg);
    unusable.push(`typescript${version ? ` ${version}` : ""} (${display(folder)})${failure}`);
  }
  if (unusable.length === 0)
    throw new Error(
      "a .ts config needs Node 22.13 or later, which strips its types itself, or the `typescript` package (npm install --save-dev typescript); or write odatagen.config.mjs or .json instead",
    );
  const lacking = unusable.some((u) => !u.includes(": it could not be loaded"));
  throw new Error(
    `a .ts config is transpiled with TypeScript's JS API (transpileModule), which none of these gives: ${unusable.join("; ")} ` +
      `${lacking ? "(TypeScript 7's npm package has none); " : "; "}write odatagen.config.mjs instead (the same config without its types) or .json, or run odatagen on Node 22.13 or later, which strips the types itself`,
  );
}

/**
 * The `typescript` packages found from each folder in turn, each once: its `package.json`, the
 * folder it was found from, and its version ("" when that cannot be read). Nothing is loaded.
 */
export function typescriptPackages(fromDirs: readonly string[]): { pkg: string; dir: string; version: string }[] {
  const found: { pkg: string; dir: string; version: string }[] = [];
  for (const dir of fromDirs) {
    let pkg: string;
    try {
      pkg = require.resolve("typescript/package.json", { paths: [dir] });
    } catch {
      continue;
    }
    if (found.some((f) => f.pkg === pkg)) continue;
    let version = "";
    try {
      version = String((JSON.parse(fs.readFileSync(pkg, "utf8")) as { version?: unknown }).version ?? "");
    } catch {
      // Unreadable: findTypescript's require says why, if it fails too.
    }
    found.push({ pkg, dir, version });
  }
  return found;
}
