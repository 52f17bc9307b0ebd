/**
 * A flag a command does not take is a usage error that names the nearest flag it does take
 * (`--inptu` → `did you mean --input?`). Found from the command line as given, before yargs parses
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
