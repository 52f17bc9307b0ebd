// The doc comment of a generated function, for tests of what the metadata's annotations put there.

/** The doc comment right before `export function name(` (or `name<`, a generic one) in `code`. */
export function docOf(code: string, name: string): string {
  const plain = code.indexOf(`export function ${name}(`);
  const at = plain >= 0 ? plain : code.indexOf(`export function ${name}<`);
  if (at < 0) throw new Error(`no function ${name}`);
  return code.slice(code.lastIndexOf("/**", at), at);
}
