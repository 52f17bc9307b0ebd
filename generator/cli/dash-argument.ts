/**
 * `-` as a file, which many tools read as standard input or output: odatagen reads its documents
 * and config from files and writes a folder, so it is a usage error saying so, the same for every
 * flag and command (else `-i -` was yargs's "Unknown argument: -", `--input=-` a missing file
 * named `-`, and `diff - new.xml` a missing file named `.`). The one exception is `url --from -`,
 * whose list of requests is often piped in (`grep … access.log | odatagen url --from -`).
 */
const FLAG_NAMES: Record<string, string> = { "-i": "--input", "-o": "--out", "-c": "--config", "-s": "--service" };

/** The usage problem of the first `-` in `args` (the arguments after the command), if any. */
export function dashArgumentProblem(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") return undefined;
    const assigned = /^(--?[^=]+)=-$/.exec(a)?.[1];
    if (a !== "-" && !assigned) continue;
    const before = args[i - 1];
    const flag = assigned ?? (before?.startsWith("-") && before !== "-" ? before : undefined);
    const name = flag && (FLAG_NAMES[flag] ?? flag);
    if (name === "--from") continue;
    if (name === "--out") return "--out -: odatagen writes a folder of files, not standard output; name a folder";
    if (name === "--config") return "--config -: odatagen reads its config from a file, not standard input; name the file";
    return `${name ? `${name} -` : "-"}: odatagen reads files, not standard input; save it to a file first (… > metadata.xml) and name that`;
  }
  return undefined;
}

/**
 * `args` with `--from -` written `--from=-`: yargs reads a lone `-` after a flag as no value (and as
 * a positional `true`), but keeps it when assigned.
 */
export function withStdinFlags(args: readonly string[]): string[] {
  const end = args.indexOf("--");
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--from" && args[i + 1] === "-" && (end < 0 || i < end)) out.push(`--from=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}
