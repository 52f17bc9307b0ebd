/**
 * Subtype bodies: what an entity of a navigation property to a concrete entity type with subtypes
 * may be in a body (a deep insert, a PATCH's or a PUT's related entity), besides the declared type
 * itself: one of its concrete subtypes, named by `@odata.type` (JSON Format §4.5.3), with that
 * subtype's own properties and navigation properties. The requests module declares, per such type
 * whose `…Subtypes` map lists its subtypes, a `…SubtypeBodies` map of them by qualified name, each
 * as a create and an update write it (`ItemInput`, or `{ create: ItemCreateInput; update:
 * ItemUpdateInput }` where the two differ); its `rt.Nav`s carry it (the runtime's `SubtypeBodies`),
 * and its own create and update take it (`rt.SubtypeCreate`, `rt.SubtypeUpdate`): a body at the top
 * may be one of those subtypes' too, named by `@odata.type`; a name outside the type's hierarchy
 * does not compile there (`otherBodyNames`, `rt.NamedOneOf`), as its validator refuses it.
 * An abstract type needs none: its write type is already the union of its subtypes' (write-types.ts).
 */
import { concreteDescendants } from "../model/rules";
import type { EntityType, StructuredType } from "../model/types";
import { odataTypeLiterals } from "./context";
import { stringLiteral } from "../string-literal";
import { listsSubtypes } from "./request-names";
import type { WriteNames } from "./write-types";
import { brokenType } from "./wrap-code";

const bodies = new WeakMap<EntityType, readonly EntityType[]>();

/**
 * The concrete subtypes of `t` a body's entity declared as `t` may be: none for an abstract type, or
 * one whose subtypes are not listed. Found once per type: on Graph it is asked ~830 times for ~270
 * types (each navigation to it, its create and update, its `…SubtypeBodies` map). Every ask gets the
 * same array, so it is read-only; the model must not change a type's subtypes once emit has begun.
 */
export function bodySubtypes(t: EntityType): readonly EntityType[] {
  let found = bodies.get(t);
  if (!found) bodies.set(t, (found = t.abstract || !listsSubtypes(t) ? [] : concreteDescendants(t).filter((d): d is EntityType => d !== t && d.kind === "entity")));
  return found;
}

/** The members of `t`'s `…SubtypeBodies` map, one a line where long: `"ns.sub": SubInput`, or its create's and update's write types. */
export function subtypeBodyMembers(t: EntityType, write: WriteNames): string[] {
  return bodySubtypes(t).map((d) => {
    const key = stringLiteral(d.qualifiedName);
    const create = write.declared(d, "create");
    const update = write.declared(d, "update");
    const value = create === update ? create : `{ create: ${create}; update: ${update} }`;
    return `${key}: ${brokenType(value, key.length + 4, 1, "  ")}`;
  });
}

/**
 * The names besides its listed subtypes' (`bodySubtypes`) that a create's or an update's body of
 * `t` may give in `@odata.type`, as its validator takes them: `t`'s own and, in a slice, those of
 * the concrete subtypes the slice left out (checked as their nearest kept base type), a union of
 * string literals (`"ns.T"`, the `#ns.T` form its interface has). Only where `t`'s interface declares
 * `` `#${string}` `` (a type with no base type), whose body would take any name (its `createX` and
 * `updateX` add `rt.NamedOneOf<Q, names | keyof …SubtypeBodies>` to its own body); elsewhere the
 * interface's literals already hold the names (undefined), and where a slice left out subtypes
 * without listing them, which its validator takes too.
 */
export function otherBodyNames(t: EntityType): string | undefined {
  if (bodySubtypes(t).length === 0 || odataTypeLiterals(t).join() !== "`#${string}`") return undefined;
  const names = [t.qualifiedName];
  let unlisted = false;
  const visit = (c: StructuredType) => {
    if (c.unlistedSubtypes) unlisted = true;
    for (const o of c.omittedSubtypes ?? []) if (!o.abstract) names.push(o.qualifiedName);
    for (const d of c.derived) visit(d);
  };
  visit(t);
  return unlisted ? undefined : names.map(stringLiteral).join(" | ");
}
