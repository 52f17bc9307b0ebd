/**
 * The request a curl command makes, as a browser's "Copy as cURL (bash)", Graph Explorer or an API
 * page writes one: `curl 'https://…/me' -X 'PATCH' -H 'Content-Type: application/json' --data-raw
 * '{…}'`, continued over lines with `\` (or Windows `cmd`'s form, with `^`). Its method (`-X`, else POST with a body, PUT with an upload,
 * HEAD with `-I`, GET with `-G`), its URL, with where the URL starts, and its body's text. In a
 * shell script, the variables it assigns are put in (`"$GRAPH/users/$ID"`, see `shellVariable`).
 */

/** curl's options that take a value (the next argument), other than those read here. */
const WITH_VALUE = new Set([
  "-u", "--user", "-o", "--output", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar",
  "--connect-timeout", "-m", "--max-time", "-w", "--write-out", "-x", "--proxy", "--oauth2-bearer", "--cacert", "--cert", "--key",
  "-K", "--config", "-r", "--range", "--retry", "-E", "--resolve", "--limit-rate",
]);
/** Those whose value is the request's body: a request with one is a POST unless `-X` or `-G` says otherwise. */
const BODY = new Set(["-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json", "-F", "--form", "--form-string"]);

interface Word {
  text: string;
  /** Offset in the command of the word's first character (after an opening quote). */
  at: number;
}

/**
 * Whether line `k` of a curl command goes on on the next: it ends with bash's `\` or Windows
 * `cmd`'s `^`, or it is the blank line after a `^` (a line break inside an argument, as Chrome's
 * "Copy as cURL (cmd)" writes one).
 */
export function continues(lines: readonly string[], k: number): boolean {
  return /[\\^]$/.test(lines[k]!) || (lines[k] === "" && /\^$/.test(lines[k - 1] ?? ""));
}

/**
 * The method and URL of the curl command `command` (its lines joined as written), or undefined when
 * it names no URL. A command in Windows `cmd`'s form (a browser's "Copy as cURL (cmd)": lines
 * continued with `^`, every special character escaped with `^`, `^"…^"` around each argument) is
 * read as `cmd` hands it to curl; `at` is then still the URL's offset in `command` as written.
 */
export function curlRequest(command: string, variables?: ReadonlyMap<string, string>): { method: string; url: string; at: number; body?: string; headers: string[] } | undefined {
  if (isCmd(command)) {
    const { text, offsets } = cmdText(command);
    const made = curlRequest(text);
    return made && { ...made, at: offsets[made.at] ?? made.at };
  }
  const words = shellWords(command, variables);
  if (words[0]?.text !== "curl") return undefined;
  let method: string | undefined;
  let [body, upload, head, get] = [false, false, false, false];
  let url: Word | undefined;
  let data: string | undefined;
  /** The names of its `-H` headers, in lower case. */
  const headers: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!.text;
    if (w === ";") break; // the next command's
    const [name, assigned] = w.startsWith("--") && w.includes("=") ? [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)] : [w, undefined];
    const value = () => assigned ?? words[++i]?.text;
    if (name === "-X" || name === "--request") method = value()?.toUpperCase();
    else if (/^-X[A-Za-z]+$/.test(w)) method = w.slice(2).toUpperCase();
    else if (name === "--url") url = assigned !== undefined ? { text: assigned, at: words[i]!.at + name.length + 1 } : words[++i];
    else if (name === "-I" || name === "--head") head = true;
    else if (name === "-G" || name === "--get") get = true;
    else if (BODY.has(name) || name === "-T" || name === "--upload-file") {
      const given = value();
      if (BODY.has(name)) [body, data] = [true, data ?? given];
      else upload = true;
    } else if (name === "-H" || name === "--header") {
      const header = value();
      if (header?.includes(":")) headers.push(header.slice(0, header.indexOf(":")).trim().toLowerCase());
    } else if (WITH_VALUE.has(name)) value();
    else if (!w.startsWith("-") && url === undefined) url = words[i];
  }
  if (!url) return undefined;
  const implied = head ? "HEAD" : get ? "GET" : upload ? "PUT" : body ? "POST" : "GET";
  // The body as sent: the first data's text (not a file's, `@file`).
  const sent = data !== undefined && !data.startsWith("@") ? { body: data } : {};
  return { method: method ?? implied, url: url.text, at: url.at, ...sent, headers };
}

/** Written for Windows `cmd`: continued with `^`, with its arguments in `^"…^"`, or a quote inside one as `^\^"`. */
function isCmd(command: string): boolean {
  return /\^\r?\n/.test(command) || /(^|\s)\^"/.test(command) || command.includes('^\\^"');
}

/**
 * The command line `cmd` hands to curl: a `^` and a line break joined away (Chrome writes a line
 * break in a value as `^` and two line breaks: one is kept), any other `^X` as X; with, for each
 * character, its offset in `command`. What is left is quoted as curl's C runtime reads its
 * arguments, `"…"` with `\"` and `\\` inside, which `shellWords` reads.
 */
function cmdText(command: string): { text: string; offsets: number[] } {
  let text = "";
  const offsets: number[] = [];
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c !== "^") {
      text += c;
      offsets.push(i);
      continue;
    }
    const next = command[i + 1];
    if (next === "\r" || next === "\n") {
      i += next === "\r" && command[i + 2] === "\n" ? 2 : 1;
      // `^` and a blank line: a line break inside an argument.
      const blank = /^\r?\n/.exec(command.slice(i + 1));
      if (blank) {
        text += "\n";
        offsets.push(i + 1);
        i += blank[0].length;
      } else {
        text += " ";
        offsets.push(i);
      }
      continue;
    }
    if (next === undefined) continue;
    text += next;
    offsets.push(i + 1);
    i++;
  }
  offsets.push(command.length);
  return { text, offsets };
}

/**
 * The value of the shell script's line `line` when it assigns a variable (`GRAPH=https://…/v1.0`,
 * `export ID="$1"`): its name and its value, undefined where the value is a command's output
 * (`$(…)`, backticks), which is not known; undefined when the line is no assignment.
 */
export function shellAssignment(line: string, variables: ReadonlyMap<string, string>): { name: string; value: string | undefined } | undefined {
  const assigned = /^\s*(?:(?:export|readonly|local|declare)\s+)?([A-Za-z_]\w*)=(.*)$/.exec(line);
  if (!assigned) return undefined;
  const value = assigned[2]!.trim();
  const known = value === "" || !/\$\(|`/.test(value);
  return { name: assigned[1]!, value: known ? (shellWords(value, variables)[0]?.text ?? "") : undefined };
}

/**
 * What a `$` at `i` of `command` stands for, outside single quotes: a variable the script assigns
 * (`$GRAPH`, `${GRAPH}`) its value; one it does not, written in braces or named in capitals as
 * environment variables are (`$GROUP_ID`), the placeholder `{GROUP_ID}`, as a documentation page
 * writes a key (one that starts the URL stands for the service root); anything else is the `$`
 * itself (`$filter`, `$ref`: OData's options and segments are written in lower case).
 */
function shellVariable(command: string, i: number, variables: ReadonlyMap<string, string> | undefined): { text: string; end: number } | undefined {
  if (!variables) return undefined;
  const named = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(command.slice(i, i + 200));
  if (!named) return undefined;
  const name = named[1] ?? named[2]!;
  const value = variables.get(name);
  if (value !== undefined) return { text: value, end: i + named[0].length };
  return named[1] !== undefined || /^[A-Z]/.test(name) ? { text: `{${name}}`, end: i + named[0].length } : undefined;
}

/**
 * A shell command's words, as bash splits them: quotes ('…', "…" with `\` escapes, `$'…'`), a `\`
 * before a line break joining lines, a trailing `;` its own word; in a shell script (`variables`),
 * its variables put in outside single quotes (`shellVariable`).
 */
function shellWords(command: string, variables?: ReadonlyMap<string, string>): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === "\\" && (command[i + 1] === "\n" || command[i + 1] === "\r")) {
      i += command[i + 1] === "\r" && command[i + 2] === "\n" ? 3 : 2;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let text = "";
    let at = -1;
    while (i < command.length && !/\s/.test(command[i]!)) {
      const q = command[i]!;
      if (q === "'" || (q === "$" && command[i + 1] === "'")) {
        const open = q === "$" ? i + 1 : i;
        const close = command.indexOf("'", open + 1);
        const end = close < 0 ? command.length : close;
        if (at < 0) at = open + 1;
        text += command.slice(open + 1, end);
        i = end + 1;
      } else if (q === '"') {
        if (at < 0) at = i + 1;
        i++;
        while (i < command.length && command[i] !== '"') {
          const variable = command[i] === "$" ? shellVariable(command, i, variables) : undefined;
          if (variable) {
            text += variable.text;
            i = variable.end;
            continue;
          }
          if (command[i] === "\\" && i + 1 < command.length) i++;
          text += command[i];
          i++;
        }
        i++;
      } else if (q === "\\" && i + 1 < command.length && command[i + 1] !== "\n") {
        if (at < 0) at = i;
        text += command[i + 1];
        i += 2;
      } else if (q === ";") {
        // A command's end (`curl … ;` as a browser's "Copy all as cURL" writes them): a word of its own.
        if (text === "" && at < 0) words.push({ text: ";", at: i++ });
        break;
      } else {
        if (at < 0) at = i;
        const variable = q === "$" ? shellVariable(command, i, variables) : undefined;
        text += variable ? variable.text : q;
        i = variable ? variable.end : i + 1;
      }
    }
    if (text !== "" || at >= 0) words.push({ text, at: at < 0 ? i : at });
  }
  return words;
}
