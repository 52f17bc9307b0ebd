/**
 * Microsoft's evolvable enums (Microsoft Graph's API guidelines, "evolvable enums" pattern): an enum
 * with a member named `unknownFutureValue`, the sentinel, whose members numerically after it were
 * added later. A service following the pattern sends `unknownFutureValue` in their place, and
 * refuses (400) a request naming one, unless the request prefers `include-unknown-enum-members`
 * (`Prefer: include-unknown-enum-members`). Graph v1.0 has 629 such enums, 64 with members after
 * their sentinel (`appliedConditionalAccessPolicyResult`'s `reportOnlySuccess`, …).
 */
import type { EnumMember, EnumType } from "./types";

export const SENTINEL = "unknownFutureValue";

/** The preference a request names such members with. */
export const INCLUDE_UNKNOWN = "include-unknown-enum-members";

const later = new WeakMap<EnumType, readonly EnumMember[]>();

/** The members of `t` after its `unknownFutureValue` (by value, exactly); none where it has no such member. */
export function laterMembers(t: EnumType): readonly EnumMember[] {
  let found = later.get(t);
  if (found) return found;
  const sentinel = t.members.find((m) => m.name === SENTINEL);
  found = sentinel ? t.members.filter((m) => comesAfter(m.exact, sentinel.exact)) : [];
  later.set(t, found);
  return found;
}

/** Whether a member's value (its digits, as `EnumMember.exact` and a model summary keep them) comes after the sentinel's. */
export function comesAfter(value: number | string, sentinel: number | string): boolean {
  const [v, s] = [String(value), String(sentinel)];
  return /^-?\d+$/.test(v) && /^-?\d+$/.test(s) && BigInt(v) > BigInt(s);
}

/** Subjects with their verb, as the notes on requests naming later members write them: `$filter names`, `its $filter and its body name`. */
export function subjectsName(subjects: readonly string[]): string {
  return `${subjects.join(" and ")} ${subjects.length > 1 ? "name" : "names"}`;
}

/** The doc comment's paragraph on an enum's members after its sentinel, where it has some. */
export function laterMembersDoc(t: EnumType): string | undefined {
  const names = laterMembers(t).map((m) => `\`${m.name}\``);
  if (!names.length) return undefined;
  const shown = names.length > 6 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}` : names[0]!;
  const [them, their] = names.length > 1 ? ["them", "their"] : ["it", "its"];
  return (
    `${shown} ${names.length > 1 ? "come" : "comes"} after \`${SENTINEL}\` (an evolvable enum, as Microsoft Graph's):\n` +
    `the service sends \`${SENTINEL}\` in ${their} place, and refuses a request naming ${them}, unless\n` +
    `the request prefers \`${INCLUDE_UNKNOWN}\` (\`headers: { Prefer: "${INCLUDE_UNKNOWN}" }\`).`
  );
}
