/**
 * The HTTP methods a service's metadata lists for updating an entity (Capabilities
 * `UpdateRestrictions/UpdateMethod`, a flags member list of `Capabilities.HttpMethod`). Without it,
 * PATCH should be supported and PUT may be (the vocabulary's words). Graph lists PUT alone on 17
 * elements: a group's `team` (a team is made for a group with PUT), a team's `schedule`, a
 * connection's external `items`, access package assignment policies. What it lists is said, not
 * enforced: Graph documents PATCH too at some of them (a multi-tenant organization), so a function's
 * types do not refuse the other method; the builder's doc comment says it, and `odatagen url` notes
 * a request sent with a method not listed. The address's own annotation is read over its entity
 * type's, as the custom headers are (custom-headers.ts).
 */
import { member, term } from "./restrictions";
import type { Annotation } from "./types";

/** The update methods listed at an address. */
export interface UpdateMethods {
  /** Those listed of PATCH and PUT, in that order; never empty. */
  methods: ("PATCH" | "PUT")[];
}

/** `Capabilities.HttpMethod`'s bits of PATCH and PUT. */
const BITS = { PATCH: 2, PUT: 4 } as const;

/**
 * The update methods the last of `layers` (least specific first) that lists any says; undefined
 * where none lists PATCH or PUT (no annotation, a value that is no constant, a list of other methods).
 */
export function updateMethods(layers: readonly (readonly Annotation[])[]): UpdateMethods | undefined {
  for (let k = layers.length - 1; k >= 0; k--) {
    const value = member(term(layers[k]!, "UpdateRestrictions"), "UpdateMethod");
    if (value?.kind !== "constant") continue;
    const methods = listed(value.value.trim());
    if (methods.length) return { methods };
  }
  return undefined;
}

/**
 * PATCH and PUT of a flags value: `Org.OData.Capabilities.V1.HttpMethod/PUT` in CSDL XML (with the
 * namespace or its alias, several separated by spaces), `"PATCH,PUT"` in CSDL JSON, or its number.
 */
function listed(text: string): ("PATCH" | "PUT")[] {
  const numeric = /^\d+$/.test(text) ? Number(text) : undefined;
  const names = numeric === undefined ? new Set(text.split(/[\s,]+/).map((m) => m.slice(m.lastIndexOf("/") + 1))) : undefined;
  return (["PATCH", "PUT"] as const).filter((m) => (numeric === undefined ? names!.has(m) : (numeric & BITS[m]) !== 0));
}

/** Whether an update sent with `method` is one the address lists, or where it lists none. */
export function listsMethod(methods: UpdateMethods | undefined, method: "PATCH" | "PUT"): boolean {
  return methods === undefined || methods.methods.includes(method);
}
