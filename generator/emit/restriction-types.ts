/**
 * How an address builder's type carries what the metadata forbids there (model/restrictions.ts):
 * the runtime's markers as the third type argument of `rt.EntityRef`/`rt.CollectionRef`
 * (`rt.NoInsert & rt.NoDelete`), and a doc comment line saying it, which an editor shows at the builder.
 */
import type { Restricted, Restriction } from "../model/restrictions";

const MARKERS: Readonly<Record<Restricted, string>> = {
  insert: "rt.NoInsert",
  list: "rt.NoList",
  read: "rt.NoRead",
  update: "rt.NoUpdate",
  delete: "rt.NoDelete",
};

/** The markers' intersection (`rt.NoInsert & rt.NoDelete`), or "" where nothing is forbidden. */
export function forbiddenType(restrictions: readonly Restriction[]): string {
  return restrictions.map((r) => MARKERS[r.what]).join(" & ");
}

/** `, F` after an address type's other type arguments, or "". */
export function forbiddenArgument(restrictions: readonly Restriction[]): string {
  const f = forbiddenType(restrictions);
  return f ? `, ${f}` : "";
}

function doing(what: Restricted, collection: boolean): string {
  switch (what) {
    case "insert":
      return "creating in it";
    case "list":
      return "listing it";
    default:
      return `${what === "read" ? "reading" : what === "update" ? "updating" : "deleting"} ${collection ? "its members" : "it"}`;
  }
}

/** The builder's doc comment line, or undefined where nothing is forbidden. */
export function restrictionDoc(restrictions: readonly Restriction[], collection: boolean): string | undefined {
  if (restrictions.length === 0) return undefined;
  const each = restrictions.map((r) => `${doing(r.what, collection)} (\`${r.term}\` false on \`${r.by}\`)`);
  return `The service's metadata forbids ${each.join(", ")}: such a call does not compile on this address; \`rt.unrestricted(address)\` sends it anyway.`;
}
