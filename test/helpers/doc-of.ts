// The doc comment of a generated function, for tests of what the metadata's annotations put there.

/** The doc comment right before `export function name(` in `code`. */
export function docOf(code: string, name: string): string {
  const at = code.indexOf(`export function ${name}(`);
  if (at < 0) throw new Error(`no function ${name}`);
  return code.slice(code.lastIndexOf("/**", at), at);
}
