/**
 * Alternate keys (Core.AlternateKeys) between two versions: each is an object `byKey` takes
 * (`{ appId: string }`), so one removed, or its properties or their types changed, breaks the calls
 * that pass it (requests module only); one added is new API. Recorded where declared (an entity
 * type, an entity set, a navigation property), as keys are; compared when both summaries record them.
 */
import type { AlternateKey } from "../model/alternate-keys";
import type { Breaks } from "./outputs";
import type { ModelSummary } from "./summary";

/** The summary format that records alternate keys: absent then means none. */
export const ALTERNATE_KEYS_FORMAT = 6;

/** Each key as its aliases and their types, `appId: Edm.Guid` (`vendor: Edm.String, serial: Edm.Int64`); undefined for none. */
export function alternateKeyTexts(keys: readonly AlternateKey[]): string[] | undefined {
  if (keys.length === 0) return undefined;
  return keys.map((k) => k.parts.map((p) => `${p.alias}: ${typeName(p.property.type.type)}`).join(", "));
}

function typeName(t: AlternateKey["parts"][number]["property"]["type"]["type"]): string {
  return t.kind === "typedef" ? `${t.qualifiedName} (${t.underlying.qualifiedName})` : t.qualifiedName;
}

type Element = "type" | "entity set" | "navigation property";
type Add = (kind: "changed", element: Element, path: string, detail: string, breaks: Breaks, adds?: boolean) => void;

/** Reports the alternate keys removed, changed or added on the elements both versions have. */
export function compareAlternateKeys(a: ModelSummary, b: ModelSummary, renamed: (name: string) => string, add: Add): void {
  if ((a.format ?? 1) < ALTERNATE_KEYS_FORMAT || (b.format ?? 1) < ALTERNATE_KEYS_FORMAT) return;
  for (const [name, ta] of a.types) {
    const tb = b.types.get(renamed(name));
    if (!tb) continue;
    compareKeys("type", renamed(name), ta.alternateKeys, tb.alternateKeys, add);
    for (const [n, na] of ta.navigation) {
      const nb = tb.navigation.get(n);
      if (nb) compareKeys("navigation property", `${renamed(name)}/${n}`, na.alternateKeys, nb.alternateKeys, add);
    }
  }
  for (const [name, ea] of a.entrySets) {
    const eb = b.entrySets.get(name);
    if (eb) compareKeys("entity set", name, ea.alternateKeys, eb.alternateKeys, add);
  }
}

function compareKeys(element: Element, path: string, before: readonly string[] = [], after: readonly string[] = [], add: Add): void {
  const aliases = (text: string) => text.split(", ").map((p) => p.slice(0, p.indexOf(":"))).sort().join(", ");
  const byAliases = new Map(after.map((k) => [aliases(k), k]));
  const kept = new Set<string>();
  for (const k of before) {
    const now = byAliases.get(aliases(k));
    if (now === k) kept.add(now);
    else if (now !== undefined) {
      kept.add(now);
      add("changed", element, path, `alternate key (${k}) → (${now}): byKey's object for it takes other types`, ["requests"]);
    } else add("changed", element, path, `alternate key (${k}) removed: byKey no longer takes it`, ["requests"]);
  }
  for (const k of after) if (!kept.has(k)) add("changed", element, path, `alternate key (${k}) added: byKey takes it`, false, true);
}
