/**
 * A request as documentation writes it on one line: `PATCH /users/{id}` (the request line of an
 * HTTP block, whose `HTTP/1.1` may follow), read alike by `odatagen url` and the request files
 * `url --from` and `--include @file` read (parse/requests).
 */

/** Whether `text` is a URL as a request line writes one: a path from the service root or a whole URL. */
export function isUrl(text: string): boolean {
  return /^(\/|[a-z][a-z\d+.-]*:\/\/)/i.test(text);
}

/** `line` without its end's whitespace and the `HTTP/1.1` a request line may end in. */
export function withoutHttpVersion(line: string): string {
  return line.trimEnd().replace(/\s+HTTP\/\d(\.\d)?$/i, "");
}

/**
 * The method word (in upper case) and what follows it after whitespace, `at` its offset in the line
 * (after `withoutHttpVersion`); undefined where `line` is not a word, whitespace, then more.
 */
export function requestLine(line: string): { method: string; url: string; at: number } | undefined {
  const text = withoutHttpVersion(line);
  const named = /^\s*([a-z]+)\s+(\S.*)$/i.exec(text);
  return named ? { method: named[1]!.toUpperCase(), url: named[2]!, at: text.length - named[2]!.length } : undefined;
}
