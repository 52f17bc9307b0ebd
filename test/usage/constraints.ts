// Uses the golden output of test/fixtures/constraints.xml: the validators check the Validation
// vocabulary's constraints; the types are the properties' declared ones.
import { isItem, validateItem } from "./Terms.Shop.validators.js";
import type { Item } from "./Terms.Shop.types.js";

export function use(value: unknown): number {
  const result = validateItem(value, { mode: "create" });
  if (isItem(value)) {
    const size: Item["size"] = value.size;
    const tags: readonly (string | null)[] | undefined = value.tags;
    void [size, tags];
  }
  return result.errors.length;
}
