/**
 * A type's kind as diff's lines word it, as CSDL names the elements (CSDL 4.01 §6, §9, §10, §11):
 * `entity type`, `complex type`, `enum type`, `type definition` (the summary's `typedef`).
 */
import type { TypeSummary } from "./summary";

const WORDS: Record<TypeSummary["kind"], string> = { entity: "entity type", complex: "complex type", enum: "enum type", typedef: "type definition" };

export function typeKindWords(kind: TypeSummary["kind"]): string {
  return WORDS[kind];
}

/** With its article: `an entity type`, `a type definition`. */
export function aTypeKind(kind: TypeSummary["kind"]): string {
  const words = WORDS[kind];
  return `${/^[aeiou]/.test(words) ? "an" : "a"} ${words}`;
}
