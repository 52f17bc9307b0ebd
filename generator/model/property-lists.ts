/**
 * The paths the Capabilities lists the generated code reads must name members of the type they speak
 * of: `FilterRestrictions/NonFilterableProperties` and `SortRestrictions/NonSortableProperties`
 * (property paths), `ExpandRestrictions/NonExpandableProperties` (navigation property paths), on an
 * entity type, an entity set or a collection-valued navigation property (restrictions.ts
 * `propertyLimits`), and `NavigationRestrictions/RestrictedProperties`' `NavigationProperty` on an
 * entity set or singleton, however many segments it has (`a/ns.Sub/b`: through complex and
 * navigation properties and type casts, walked as every member path is, links.ts walkPath). A path that names none (`<PropertyPath>nope</PropertyPath>`) is a
 * warning (ODG103) at the annotation: the doc comments list it as written, where it limits nothing,
 * and `odatagen url` matches no query against it; a restricted navigation property so named is
 * ignored. Checked once the model is linked, on what is emitted; each element's annotations are
 * looked at only where it has any. In a slice (`whole`: the service it is cut from), a path that stops
 * at a member or a cast the slice left out is not reported: the whole service has it, and the whole
 * run checks the rest of the path.
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import { nearestName } from "../nearest-name";
import type { RawExpression } from "../parse/raw";
import { qualify } from "./annotation-groups";
import { unrelatedCast, walkPath, NAVIGATION_PATH } from "./links";
import { member as recordMember, pathValue } from "./restrictions";
import { CAPABILITIES } from "./rules";
import type { Annotation, Model, StructuredType } from "./types";

/** The lists, by term: the list's member and whether its paths end at a navigation property. */
const LISTS: ReadonlyMap<string, { list: string; navigation: boolean }> = new Map([
  [`${CAPABILITIES}.FilterRestrictions`, { list: "NonFilterableProperties", navigation: false }],
  [`${CAPABILITIES}.SortRestrictions`, { list: "NonSortableProperties", navigation: false }],
  [`${CAPABILITIES}.ExpandRestrictions`, { list: "NonExpandableProperties", navigation: true }],
]);
const NAVIGATION_RESTRICTIONS = `${CAPABILITIES}.NavigationRestrictions`;

export function checkPropertyLists(model: Model, diags: DiagnosticBag, whole?: Model): void {
  const check = (t: StructuredType, annotations: readonly Annotation[], owner: string, root: boolean) => {
    if (annotations.length === 0) return;
    for (const a of annotations) {
      if (a.qualifier) continue;
      const list = LISTS.get(a.term);
      if (list) {
        const items = recordMember(a.value, list.list);
        if (items?.kind === "collection") items.items.forEach((item, i) => checkPath(model, whole, diags, t, item, list.navigation, `${owner}/@${a.term}/${list.list}/${i}`, a.at, "it is listed as written in the doc comments, where it limits nothing"));
      } else if (root && a.term === NAVIGATION_RESTRICTIONS) {
        const items = recordMember(a.value, "RestrictedProperties");
        if (items?.kind === "collection")
          items.items.forEach((item, i) => checkPath(model, whole, diags, t, recordMember(item, "NavigationProperty"), true, `${owner}/@${a.term}/RestrictedProperties/${i}/NavigationProperty`, a.at, "its restrictions are ignored"));
      }
    }
  };
  for (const t of model.types.values()) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    if (t.kind === "entity") check(t, t.annotations, t.qualifiedName, false);
    for (const n of t.navigationProperties) if (n.collection) check(n.target, n.annotations, `${t.qualifiedName}/${n.name}`, false);
  }
  for (const s of model.schemas)
    for (const c of s.containers) {
      for (const set of c.entitySets) check(set.entityType, set.annotations, `${c.qualifiedName}/${set.name}`, true);
      for (const one of c.singletons) check(one.type, one.annotations, `${c.qualifiedName}/${one.name}`, true);
    }
}

function checkPath(model: Model, whole: Model | undefined, diags: DiagnosticBag, t: StructuredType, item: RawExpression | undefined, navigation: boolean, where: string, at: SourceRef | undefined, how: string): void {
  // A value of another kind was reported as the annotation was read (term-shapes.ts).
  const path = pathValue(item)?.trim();
  if (!path) return;
  const end = walkPath({ types: model.types, qualify: (name, ref) => qualify(model, name, ref?.source) }, t, path.split("/"), NAVIGATION_PATH, at);
  let problem: string | undefined;
  // The last segment may be a dynamic property of an open type (CSDL §6.3: its instances may have
  // properties it does not declare), which a filter or an order may name; not a navigation property.
  const segments = path.split("/");
  if (whole && whole !== model && leftOutBySlice(model, whole, end, at)) return;
  if (end.problem === "no member" && end.owner?.open && !navigation && segments.indexOf(end.segment) === segments.length - 1) return;
  if (end.problem === "no member" && end.owner) {
    const near = nearestName(end.segment, memberNames(end.owner));
    problem = `${end.owner.qualifiedName} has no property or navigation property ${end.segment}${near ? ` (did you mean ${near}?)` : ""}`;
  } else if (end.problem === "not a type") problem = `${end.segment} is not an entity or complex type`;
  else if (end.problem === "unrelated cast") problem = unrelatedCast(end);
  else if (end.problem === "not structured") problem = `${end.segment} follows ${end.previous?.name ?? "a property"}, which is not of a structured type`;
  else if (end.problem !== undefined) problem = `${end.segment} cannot be reached`;
  else if (navigation && end.member?.kind !== "navigation") problem = `it does not end at a navigation property`;
  if (problem) diags.add(Codes.undefinedType, "warning", `${path} names no ${navigation ? "navigation property" : "property"} of ${t.qualifiedName} (${problem}); ${how}`, where, at);
}

/** Whether the walk of a slice's path stopped at what the slice left out: a navigation property whose target it does not keep, a property whose type is excluded, a cast to a type it does not keep. */
function leftOutBySlice(model: Model, whole: Model, end: ReturnType<typeof walkPath>, at: SourceRef | undefined): boolean {
  if (end.problem === "no member" && end.owner)
    for (let c: StructuredType | undefined = end.owner; c; c = c.baseType)
      if (c.leftOutNavigation?.some((n) => n.name === end.segment) || c.excludedProperties?.includes(end.segment)) return true;
  if (end.problem === "not a type") {
    const name = at ? qualify(model, end.segment, at.source) : end.segment;
    return !model.types.has(name) && whole.types.has(name);
  }
  return false;
}

/** The names of the members of `t` and of its base types (CSDL §6.1.1: a type inherits them). */
function memberNames(t: StructuredType): string[] {
  const out: string[] = [];
  for (let c: StructuredType | undefined = t; c; c = c.baseType) for (const m of [...c.properties, ...c.navigationProperties]) out.push(m.name);
  return out;
}
