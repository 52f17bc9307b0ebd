/**
 * A flag a command does not take is a usage error that names the nearest flag it does take
 * (`--inptu` → `did you mean --input?`); so is a misspelt command (`genrate` → `did you mean
 * generate?`), and a file name given to `generate` without `--input`. Found from the command line as given, before yargs parses
 * it (yargs's strict mode only says "Unknown argument", in the user's locale), so that the fast
 * path (quick-args.ts, which leaves any flag it does not know to the full parser) and the full
 * parser report it alike.
 */
import type { Options } from "yargs";
import { nearestName } from "../nearest-name";

/** Every spelling yargs accepts for the options: names, aliases, camelCase forms, `no-` forms of booleans, help and version. */
export function knownFlags(options: Record<string, Options>): Set<string> {
  const known = new Set(["help", "h", "version"]);
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const [name, o] of Object.entries(options)) {
    const aliases = o.alias === undefined ? [] : Array.isArray(o.alias) ? o.alias : [o.alias];
    for (const n of [name, ...aliases]) {
      known.add(n).add(camel(n));
      if (o.type === "boolean") known.add(`no-${n}`).add(camel(`no-${n}`));
    }
  }
  return known;
}

/** The first flag in `args` (the arguments after the command) that `options` does not define, as a usage message. */
export function unknownFlagProblem(command: string, args: readonly string[], options: Record<string, Options>): string | undefined {
  const known = knownFlags(options);
  for (const a of args) {
    if (a === "--") break; // what follows is not flags
    if (a.startsWith("--")) {
      const name = a.slice(2).split("=")[0];
      if (known.has(name)) continue;
      const long = [...known].filter((k) => k.length > 1 && !/[A-Z]/.test(k));
      const near = nearestName(name, long);
      return `unknown flag --${name} for ${command}${near ? `; did you mean --${near}?` : ""}`;
    }
    if (/^-[^-\d]/.test(a)) {
      for (const letter of a.slice(1).split("=")[0]) if (!known.has(letter)) return `unknown flag -${letter} for ${command}`;
    }
  }
  return undefined;
}

/**
 * The first on/off flag in `args` given a value that is not `true` or `false`, as a usage message:
 * yargs reads any other value (`--key-as-segment=yes`, `=1`, even `=TRUE`) as false, the opposite of
 * what was meant, without a word; and a `--no-` form given a value (`--no-validators=true`) as an
 * unknown argument, whose message does not say why.
 */
export function booleanValueProblem(args: readonly string[], options: Record<string, Options>): string | undefined {
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const booleans = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== "boolean") continue;
    const aliases = o.alias === undefined ? [] : Array.isArray(o.alias) ? o.alias : [o.alias];
    for (const n of [name, ...aliases]) booleans.set(n, name).set(camel(n), name);
  }
  for (const a of args) {
    if (a === "--") break;
    const m = /^(--?)([^=]+)=(.*)$/s.exec(a);
    if (!m) continue;
    const [, dashes, spelt, value] = m;
    const name = dashes === "-" ? spelt.slice(-1) : spelt;
    const negated = dashes === "--" && /^no-?[A-Za-z]/.test(name) ? booleans.get(name.replace(/^no-?/, "").replace(/^[A-Z]/, (c) => c.toLowerCase())) : undefined;
    if (negated) return `${a}: a --no- flag takes no value; write --${negated} or --no-${negated}`;
    const flag = booleans.get(name);
    if (flag === undefined || value === "true" || value === "false") continue;
    return `${a}: an on/off flag takes true or false, if anything; write --${flag} or --no-${flag}`;
  }
  return undefined;
}

/** A first argument that names no command, as a usage message naming the nearest one (`genrate` → `generate`). */
export function unknownCommandProblem(name: string, commands: readonly string[]): string {
  const near = nearestName(name, commands) ?? (name.length >= 3 ? commands.find((c) => c.startsWith(name.toLowerCase())) : undefined);
  return `unknown command ${name}; ${near ? `did you mean ${near}?` : `the commands are ${commands.join(" and ")}`}`;
}

/**
 * The first argument in `args` (after `generate`) that is neither a flag nor a flag's value: a
 * document named without `--input` (`odatagen generate spec.xml -o gen`), as a usage message.
 */
export function strayArgumentProblem(args: readonly string[], options: Record<string, Options>): string | undefined {
  const [a] = positionals(args, options);
  return a === undefined ? undefined : `generate takes no argument ${a}: name a document with --input (odatagen generate --input ${a} --out <folder>), or the services in odatagen.config.json`;
}

/**
 * More than two files given to `diff` (`diff a.xml b.xml c.xml`: yargs says only "Unknown
 * argument: c.xml"), as a usage message that says how to give a version of several documents.
 */
export function diffArgumentProblem(args: readonly string[], options: Record<string, Options>): string | undefined {
  const files = positionals(args, options);
  if (files.length <= 2) return undefined;
  return `diff takes two files, the old version and the new, and was given ${files.length} (${files.join(" ")}); for a version made of several documents, give each with --old or --new`;
}

/** The arguments in `args` (after the command) that are neither a flag nor a flag's value. */
function positionals(args: readonly string[], options: Record<string, Options>): string[] {
  const byName = new Map<string, Options>();
  for (const [name, o] of Object.entries(options)) {
    for (const n of [name, ...(o.alias === undefined ? [] : Array.isArray(o.alias) ? o.alias : [o.alias])]) byName.set(n, o);
  }
  const found: string[] = [];
  /** Values the flag before may still take: none, one, or any number (a list). */
  let room: 0 | 1 | "many" = 0;
  for (const a of args) {
    if (a === "--") break;
    if (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a)) {
      const name = a.startsWith("--") ? a.slice(2).split("=")[0] : a.slice(-1);
      const o = byName.get(name);
      room = a.includes("=") || !o || o.type !== "string" ? 0 : o.array ? "many" : 1;
      continue;
    }
    if (room === 1) room = 0;
    else if (room === 0) found.push(a);
  }
  return found;
}
