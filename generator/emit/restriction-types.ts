/**
 * How an address builder's type carries what the metadata forbids there (model/restrictions.ts):
 * the runtime's markers as the third type argument of `rt.EntityRef`/`rt.CollectionRef`
 * (`rt.NoInsert & rt.NoDelete`), and a doc comment line saying it, which an editor shows at the builder.
 */
import { isQueryRestriction, type PropertyLimits, type Restricted, type Restriction } from "../model/restrictions";
import { customHeaders, headerDescription, type HeaderRequest } from "../model/custom-headers";
import type { Annotation } from "../model/types";
import { stringLiteral } from "../string-literal";
import type { CustomQueryOption } from "../model/custom-query-options";
import { literalKey } from "../passes/names";
import { updateMethods } from "../model/update-method";

const MARKERS: Readonly<Record<Restricted, string>> = {
  insert: "rt.NoInsert",
  list: "rt.NoList",
  read: "rt.NoRead",
  key: "rt.NoKey",
  update: "rt.NoUpdate",
  delete: "rt.NoDelete",
  count: "rt.NoCount",
  filter: "rt.NoFilter",
  search: "rt.NoSearch",
  expand: "rt.NoExpand",
  top: "rt.NoTop",
  skip: "rt.NoSkip",
  select: "rt.NoSelect",
  orderby: "rt.NoOrderBy",
};

/**
 * The markers' intersection (`rt.NoInsert & rt.NoDelete`), with the custom query options a read
 * requires (`needs`: `rt.NeedsQuery<"endDateTime" | "startDateTime">`, model/custom-query-options.ts)
 * and the explicitly bound operations the address takes (`binds`: `rt.BindsExplicitly<"ns.add" |
 * "ns.remove">`, model/explicit-bindings.ts), and the only subtypes it holds (`holds`, a union of
 * their names: `rt.HoldsOnly<"ns.user" | "ns.group">`); "" where there is none of them.
 */
export function forbiddenType(restrictions: readonly Restriction[], binds: readonly string[] = [], needs: readonly string[] = [], holds?: string): string {
  const markers = restrictions.map((r) => MARKERS[r.what]);
  if (needs.length) markers.push(`rt.NeedsQuery<${needs.map((n) => stringLiteral(n)).join(" | ")}>`);
  if (binds.length) markers.push(bindsType(binds));
  if (holds) markers.push(`rt.HoldsOnly<${holds}>`);
  return markers.join(" & ");
}

/** `rt.BindsExplicitly<"ns.add" | "ns.remove">`: what an address that names `names`, or a function bound explicitly, is typed with. */
export function bindsType(names: readonly string[]): string {
  return `rt.BindsExplicitly<${names.map((n) => stringLiteral(n)).join(" | ")}>`;
}

/** `, F` after an address type's other type arguments, or "". */
export function forbiddenArgument(restrictions: readonly Restriction[], binds: readonly string[] = [], needs: readonly string[] = [], holds?: string): string {
  const f = forbiddenType(restrictions, binds, needs, holds);
  return f ? `, ${f}` : "";
}

/**
 * The doc comment lines of the custom query options the metadata names for reading an address
 * (model/custom-query-options.ts), a line each, or undefined: `The metadata requires the custom query
 * option \`startDateTime\` for reading here (… ReadRestrictions/CustomQueryOptions): The start date …`.
 */
export function queryOptionsDoc(options: readonly CustomQueryOption[], doing = "reading here"): string | undefined {
  if (!options.length) return undefined;
  return options
    .map((o) => `The metadata ${o.required ? "requires" : "names"} the custom query option \`${o.name}\` for ${doing} (\`${o.by}\`)${o.description ? `: ${o.description.replace(/\.?$/, ".")}` : "."}${o.required ? ` Give it in \`query\`: \`{ query: { ${literalKey(o.name)}: ... } }\`.` : ""}`)
    .join("\n");
}

/** The doc comment line of an address that names explicitly bound operations, or undefined. */
export function bindsDoc(names: readonly string[]): string | undefined {
  if (!names.length) return undefined;
  return `Here the metadata names ${names.map((n) => `\`${n}\``).join(", ")} in \`Core.ExplicitOperationBindings\`: ${names.length > 1 ? "their overloads" : "its overloads"} that require explicit binding take this address.`;
}

function doing(what: Restricted, collection: boolean): string {
  switch (what) {
    case "insert":
      return "creating in it";
    case "list":
      return "listing it";
    case "key":
      return "addressing its members by key";
    default:
      return `${what === "read" ? "reading" : what === "update" ? "updating" : "deleting"} ${collection ? "its members" : "it"}`;
  }
}

/**
 * The builder's doc comment line, or undefined where nothing is forbidden. The query options a
 * collection does not support are not said there: its type names them (`rt.NoCount & rt.NoTop`,
 * whose doc comments and compiler messages say which term), and Graph's entity types forbid up to
 * eight on each of their addresses, which a line each would say again thousands of times.
 */
export function restrictionDoc(restrictions: readonly Restriction[], collection: boolean): string | undefined {
  const each = restrictions.filter((r) => !isQueryRestriction(r.what)).map((r) => `${doing(r.what, collection)} (\`${r.term}\` false on \`${r.by}\`)`);
  if (each.length === 0) return undefined;
  return `The service's metadata forbids ${each.join(", ")}: such a call does not compile on this address; \`rt.unrestricted(address)\` sends it anyway.`;
}

/**
 * The doc comment line of an address whose metadata lists one update method alone
 * (`UpdateRestrictions/UpdateMethod`, model/update-method.ts), from `layers` (its entity type's
 * annotations, then its own), or undefined: `The metadata lists PUT alone for updating it
 * (\`UpdateRestrictions/UpdateMethod\`): give \`{ replace: true }\`.` Not said where updating is
 * forbidden, nor where both methods are listed.
 */
export function updateMethodDoc(layers: readonly (readonly Annotation[])[], collection: boolean, restrictions: readonly Restriction[]): string | undefined {
  const listed = updateMethods(layers)?.methods;
  if (listed?.length !== 1 || restrictions.some((r) => r.what === "update")) return undefined;
  const how = listed[0] === "PUT" ? "give `{ replace: true }`, which sends it with PUT" : "leave out `replace: true`, which would send it with PUT";
  return `The metadata lists ${listed[0]} alone for ${doing("update", collection)} (\`UpdateRestrictions/UpdateMethod\`): ${how}.`;
}

/**
 * The doc comment line of a collection builder whose metadata lists properties its `$filter`,
 * `$orderby` or `$expand` does not take (model/restrictions.ts `propertyLimits`), or undefined:
 * `The metadata says $expand here does not take chats, joinedTeams (not checked).`
 */
export function limitsDoc(limits: PropertyLimits): string | undefined {
  const each = (["filter", "orderby", "expand"] as const).flatMap((o) => (limits[o] ? [`\`$${o}\` does not take ${limits[o].map((p) => `\`${p}\``).join(", ")}`] : []));
  return each.length ? `The metadata says that here ${each.join("; ")} (not checked).` : undefined;
}

const HEADER_REQUESTS: readonly [HeaderRequest, string][] = [
  ["read", "reading"],
  ["readByKey", "reading a member"],
  ["insert", "creating"],
  ["update", "updating"],
  ["delete", "deleting"],
];

/**
 * The headers the metadata names for requests at an address (Capabilities `CustomHeaders`,
 * model/custom-headers.ts), from `layers` (its entity type's annotations, then its own), a line
 * each, for the builder's doc comment: `The metadata names the header \`ConsistencyLevel\` for
 * reading here (ReadRestrictions/CustomHeaders): … For example \`eventual\`: …`. `odatagen url`
 * says the same above a call.
 */
export function headersDoc(layers: readonly (readonly Annotation[])[], collection: boolean): string | undefined {
  const lines: string[] = [];
  for (const [request, doing] of HEADER_REQUESTS) {
    if (!collection && (request === "readByKey" || request === "insert")) continue;
    for (const h of customHeaders(layers, request)) {
      const said = headerDescription(h);
      const example = h.example ? ` For example \`${h.example.value}\`${h.example.description ? `: ${h.example.description}` : "."}` : "";
      lines.push(`The metadata ${h.required ? "requires" : "names"} the header \`${h.name}\` for ${doing} here (\`${h.by}\`)${said}${example}`);
    }
  }
  return lines.length ? lines.join("\n") : undefined;
}
