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

// Validation.DerivedTypeConstraint: an expanded `owners` holds only Persons (its @odata.type names no
// Party or Company, which the declared type's would: this assignment does not compile without it).
import { getItem, items } from "./Terms.Shop.requests.js";
import type { Client } from "./runtime.js";

export async function ownerTypes(client: Client): Promise<("#Terms.Shop.Person" | undefined)[]> {
  const item = await getItem(client, items().byKey(1), { expand: ["owners"] });
  return item.owners.map((o) => o["@odata.type"]);
}
