/**
 * CSDL §14.2: an `<Annotations Target="…">` block adds its annotations to the element the target
 * path names — a type, a property or navigation property, an enum member, an operation's overloads
 * or their parameters (operation-targets.ts), an entity set, singleton, function or action import
 * (`ns.Container/Name`) as its own are — or, for any other target (the container, an operation's
 * `$ReturnType`), keeps them by target in `externalAnnotations`.
 * Applied after the model is built; a slice applies only the blocks that target what it keeps.
 */
import type { RawAnnotationGroup } from "../parse/raw";
import type { SourceText } from "../parse/source";
import { nestedAnnotations, type Annotation, type EntityContainer, type EntitySet, type Model, type OperationImport, type Singleton } from "./types";
import type { AppliedAnnotations } from "./applied-annotations";
import { checkAnnotation } from "./annotation-values";
import { applyToOverloads, type Overloads } from "./operation-targets";

type Target = Pick<Model, "schemas" | "types" | "aliases" | "documentAliases" | "externalAnnotations">;
/** A model's aliases, as `qualify` and `splitTarget` read them. */
type Aliases = { aliases: ReadonlyMap<string, string>; documentAliases?: ReadonlyMap<SourceText, ReadonlyMap<string, string>> | undefined };

export function applyAnnotationGroups(model: Target, groups: readonly RawAnnotationGroup[], applied: AppliedAnnotations, overloads?: Overloads): void {
  let children: Map<string, { element: ContainerChild; key: string }> | undefined;
  for (const g of groups) {
    if (overloads && applyToOverloads(g, overloads, applied, (name) => qualify(model, name, g.at.source), model.types)) continue;
    const { head, rest } = splitTarget(model, g.target, g.at.source);
    const t = model.types.get(head);
    // An entity set's, a singleton's or an import's, by `ns.Container/Name` (also by a container
    // extending the one that declares it, CSDL §13.1.2): its root or operation function's doc
    // comment reads them as it reads its own. Keyed by its declaring container's path.
    const child = t || !rest ? undefined : (children ??= childrenOf(model)).get(`${head}/${rest}`);
    const key = child ? child.key : rest ? `${head}/${rest}` : head;
    // A term applied to the target before (by the element itself, or an earlier block) keeps that value.
    const anns: Annotation[] = [];
    for (const a of g.annotations) {
      const term = qualify(model, a.term, a.at.source);
      if (!checkAnnotation(applied.diags, a, term, g.target, { qualify: (n) => qualify(model, n, a.at.source), types: model.types }, g.qualifier)) continue;
      const qualifier = a.qualifier ?? g.qualifier;
      if (applied.admit(key, term, qualifier, a.at)) anns.push({ term, qualifier, value: a.value, at: a.at, ...nestedAnnotations(a, (n, at) => qualify(model, n, at.source)) });
    }
    if (child) {
      child.element.annotations.push(...anns);
      continue;
    }
    if (t && !rest) {
      t.annotations.push(...anns);
      continue;
    }
    if (t && (t.kind === "entity" || t.kind === "complex")) {
      const member = t.properties.find((p) => p.name === rest) ?? t.navigationProperties.find((n) => n.name === rest);
      if (member) {
        member.annotations.push(...anns);
        continue;
      }
    }
    if (t && t.kind === "enum") {
      const m = t.members.find((x) => x.name === rest);
      if (m) {
        m.annotations.push(...anns);
        continue;
      }
    }
    const list = model.externalAnnotations.get(key);
    if (list) list.push(...anns);
    else model.externalAnnotations.set(key, anns);
  }
}

type ContainerChild = EntitySet | Singleton | OperationImport;

/**
 * The model's entity sets, singletons and function and action imports by `ns.Container/Name`
 * (CSDL §13: they share one set of names in their container), each with the path of the container
 * that declares it (`key`). A container includes the children of the one it extends, however far
 * (CSDL §13.1.2), so they are also named by its path; its own come first.
 */
function childrenOf(model: Pick<Model, "schemas">): Map<string, { element: ContainerChild; key: string }> {
  const containers = new Map<string, EntityContainer>();
  for (const s of model.schemas) for (const c of s.containers) containers.set(c.qualifiedName, c);
  const out = new Map<string, { element: ContainerChild; key: string }>();
  for (const c of containers.values()) {
    const seen = new Set<EntityContainer>();
    for (let from: EntityContainer | undefined = c; from && !seen.has(from); from = from.extends ? containers.get(from.extends) : undefined) {
      seen.add(from);
      for (const x of [...from.entitySets, ...from.singletons, ...from.imports]) {
        const name = `${c.qualifiedName}/${x.name}`;
        if (!out.has(name)) out.set(name, { element: x, key: `${from.qualifiedName}/${x.name}` });
      }
    }
  }
  return out;
}

/** A target path's first segment, qualified (an alias replaced by its namespace), and the rest. */
export function splitTarget(model: Aliases, target: string, source?: SourceText): { head: string; rest: string } {
  const slash = target.indexOf("/");
  return { head: qualify(model, slash < 0 ? target : target.slice(0, slash), source), rest: slash < 0 ? "" : target.slice(slash + 1) };
}

/**
 * Replaces a leading alias with its namespace (CSDL §5.2: an alias may stand for the namespace):
 * an alias the document `source` declares (CSDL XML §4.2: only those are valid in it), or without
 * a document, any alias the model knows.
 */
export function qualify(model: Aliases, name: string, source?: SourceText): string {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return name;
  const aliases = (source && model.documentAliases?.get(source)) || model.aliases;
  const alias = aliases.get(name.slice(0, dot));
  return alias ? `${alias}${name.slice(dot)}` : name;
}
