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
  for (const [name, o] of Object.entries(options)) {
    for (const n of [name, ...aliasesOf(o)]) {
      known.add(n).add(camel(n));
      if (o.type === "boolean") known.add(`no-${n}`).add(camel(`no-${n}`));
    }
  }
  return known;
}

/**
 * The first flag in `args` (the arguments after the command) that `options` does not define, as a
 * usage message. `url` is given generate's command line with its verb changed (its slice flags are
 * generate's): a flag of generate's that url does not take says so, rather than suggesting another.
 */
export function unknownFlagProblem(command: string, args: readonly string[], options: Record<string, Options>, generateOptions?: Record<string, Options>): string | undefined {
  const known = knownFlags(options);
  const generates = generateOptions ? knownFlags(generateOptions) : undefined;
  for (const a of args) {
    if (a === "--") break; // what follows is not flags
    if (a.startsWith("--")) {
      const name = a.slice(2).split("=")[0];
      if (known.has(name)) continue;
      if (generates?.has(name))
        return `--${name} is a flag of generate; ${command} takes the documents, the output folder and the slice (--include, --exclude, --include-derived, --include-navigation, --follow-references), and names the same functions whatever the others say: leave it out`;
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
 * The first flag before the command (`odatagen --inptu x`, `odatagen -V`) that odatagen does not take
 * there, as a usage message: only --help (-h) and --version go before a command. A command's flag
 * given before it (`odatagen --input x`) says whose it is; a misspelt one suggests the nearest of
 * --help and --version, else of the commands' flags (`did you mean odatagen generate --input?`).
 */
export function topLevelFlagProblem(argv: readonly string[], commands: Record<string, Record<string, Options>>): string | undefined {
  const top = knownFlags({});
  for (const a of argv) {
    if (a === "--" || !a.startsWith("-") || /^-\d/.test(a)) break; // the command, or what follows is not flags
    const long = a.startsWith("--");
    const spelt = a.slice(long ? 2 : 1).split("=")[0];
    for (const name of long ? [spelt] : [...spelt]) {
      if (top.has(name)) continue;
      const shown = `${long ? "--" : "-"}${name}`;
      const owner = Object.keys(commands).find((c) => knownFlags(commands[c]).has(name));
      if (owner) return `${shown} is a flag of ${owner}: give the command first, odatagen ${owner} ${shown}`;
      if (long) {
        const near = nearestName(name, ["help", "version"]);
        if (near) return `unknown flag ${shown}; did you mean --${near}?`;
        for (const [command, options] of Object.entries(commands)) {
          const flag = nearestName(name, [...knownFlags(options)].filter((k) => k.length > 1 && !/[A-Z]/.test(k)));
          if (flag) return `unknown flag ${shown}; did you mean odatagen ${command} --${flag}?`;
        }
      }
      return `unknown flag ${shown}; before a command odatagen takes only --help (-h) and --version`;
    }
  }
  return undefined;
}

/** Words meant as an on/off flag's value, after a space: yargs takes only `true` and `false` so. */
const SWITCH_WORD = /^(?:true|false|yes|no|on|off|y|n|1|0)$/i;

/**
 * The first on/off flag in `args` given a value that is not `true` or `false`, as a usage message:
 * yargs reads any other value (`--key-as-segment=yes`, `=1`, even `=TRUE`) as false, the opposite of
 * what was meant, without a word; and a `--no-` form given a value (`--no-validators=true`) as an
 * unknown argument, whose message does not say why. A value after a space (`--key-as-segment yes`,
 * `--no-validators true`), which yargs takes as an argument of its own, is one too where it is a
 * word for on or off.
 */
export function booleanValueProblem(args: readonly string[], options: Record<string, Options>): string | undefined {
  const booleans = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== "boolean") continue;
    for (const n of [name, ...aliasesOf(o)]) booleans.set(n, name).set(camel(n), name);
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    const m = /^(--?)([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) continue;
    const [, dashes, spelt, attached] = m;
    const next = args[i + 1];
    const value = attached ?? (next !== undefined && SWITCH_WORD.test(next) ? next : undefined);
    if (value === undefined) continue;
    const shown = attached === undefined ? `${a} ${value}` : a;
    const name = dashes === "-" ? spelt.slice(-1) : spelt;
    const negated = dashes === "--" && /^no-?[A-Za-z]/.test(name) ? booleans.get(name.replace(/^no-?/, "").replace(/^[A-Z]/, (c) => c.toLowerCase())) : undefined;
    if (negated) return `${shown}: a --no- flag takes no value; write --${negated} or --no-${negated}`;
    const flag = booleans.get(name);
    if (flag === undefined || value === "true" || value === "false") continue;
    return `${shown}: an on/off flag takes true or false, if anything; write --${flag} or --no-${flag}`;
  }
  return undefined;
}

/** A first argument that names no command, as a usage message naming the nearest one (`genrate` → `generate`). */
export function unknownCommandProblem(name: string, commands: readonly string[]): string {
  const near = nearestName(name, commands) ?? (name.length >= 3 ? commands.find((c) => c.startsWith(name.toLowerCase())) : undefined);
  const all = commands.length > 1 ? `${commands.slice(0, -1).join(", ")} and ${commands[commands.length - 1]}` : commands.join("");
  return `unknown command ${name}; ${near ? `did you mean ${near}?` : `the commands are ${all}`}`;
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

/** More than a method and a path given to `url` (an unquoted path the shell split, say), as a usage message. */
export function urlArgumentProblem(args: readonly string[], options: Record<string, Options>): string | undefined {
  const given = positionals(args, options);
  if (given.length <= 2) return undefined;
  return `url takes a method and a URL path, and was given ${given.length} arguments (${given.join(" ")}); quote the path: odatagen url PATCH '/users/{id}'`;
}

/** More than a URL given to `fetch` (an unquoted URL the shell split at `&`, or a second URL), as a usage message. */
export function fetchArgumentProblem(args: readonly string[], options: Record<string, Options>): string | undefined {
  const given = positionals(args, options);
  if (given.length <= 1) return undefined;
  return `fetch takes one URL, and was given ${given.length} arguments (${given.join(" ")}); quote the URL: odatagen fetch 'https://host/service/$metadata' --out specs/service.xml`;
}

/** The arguments in `args` (after the command) that are neither a flag nor a flag's value. */
function positionals(args: readonly string[], options: Record<string, Options>): string[] {
  const byName = new Map<string, Options>();
  for (const [name, o] of Object.entries(options)) {
    for (const n of [name, ...aliasesOf(o)]) byName.set(n, o).set(camel(n), o);
  }
  const found: string[] = [];
  /** Values the flag before may still take: none, one, any number (a list), or `true` or `false` (an on/off flag). */
  let room: 0 | 1 | "many" | "switch" = 0;
  for (const a of args) {
    if (a === "--") break;
    if (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a)) {
      const name = a.startsWith("--") ? a.slice(2).split("=")[0] : a.slice(-1);
      const o = byName.get(name);
      room = a.includes("=") || !o ? 0 : o.type === "boolean" ? "switch" : o.type === "number" ? 1 : o.type !== "string" ? 0 : o.array && o.nargs !== 1 ? "many" : 1;
      continue;
    }
    if (room === "switch") {
      room = 0;
      if (a === "true" || a === "false") continue;
    }
    if (room === 1) room = 0;
    else if (room === 0) found.push(a);
  }
  return found;
}

/** A flag's other names (`-o` for `--out`). */
function aliasesOf(o: Options): readonly string[] {
  return o.alias === undefined ? [] : typeof o.alias === "string" ? [o.alias] : o.alias;
}

/** A flag's name as yargs also takes it: `keyAsSegment` for `key-as-segment`. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
