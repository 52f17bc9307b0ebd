/**
 * Whether a required attribute has a value. The reader reads a missing (or empty) one as "" and
 * reports it (ODG101); the checks that would only echo it (an undefined type "", a name "" twice)
 * are skipped.
 */
export function given(value: string): boolean {
  return value !== "";
}
