/**
 * Entity containers (CSDL §13): which containers are the service's (the first read and those linked
 * to it by Extends), and each container's entity sets, singletons and operation imports, their names
 * unique across the service's containers.
 */
import type { ModelBuilder } from "./build";
import { leftOutImport, leftOutImportWhy, unqualifiedHint } from "./build-operations";
import { missingTypeHint } from "./build-type-refs";
import { given } from "./given";
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { RawEntityContainer } from "../parse/raw";
import type { EntityContainer, EntityType } from "./types";
import { wordingOf } from "./wording";

/**
 * The service's containers (CSDL 4.01 §13: a service has exactly one, §13.1.2: and those it
 * extends, however far). The one a CSDL JSON document names by `$EntityContainer` (`named`), else
 * the first container read, and every container linked to it by `Extends`, either way, in whatever
 * order the documents came: a base read first is linked to its extenders as well as they are to
 * it. The others are left out. `main` is the one no other extends: the service's own, which names
 * the key style (its base is usually in a referenced document).
 */
export function serviceContainers(b: ModelBuilder, all: { c: RawEntityContainer; ns: string }[], named?: string): { members: Set<string>; main?: { name: string; at: SourceRef } } {
  const links = all.map(({ c, ns }) => ({ name: `${ns}.${c.name}`, base: c.extends ? b.qualify(c.extends, c.at) : undefined, at: c.at }));
  const names = new Set(links.map((l) => l.name));
  for (const [i, { name, base, at }] of links.entries()) {
    const problem = base && unknownBase(b, base, names);
    if (problem)
      b.diags.warning(Codes.undefinedType, `${wordingOf(at).value("Extends", all[i].c.extends ?? "")} ${problem} (CSDL §13.1.2: a container extends another container of the model); it is ignored`, name, at);
  }
  reportExtendsCycles(b.diags, links);
  const first = links.find((l) => l.name === named) ?? links[0];
  const members = new Set<string>(first ? [first.name] : []);
  for (let grown = true; grown; ) {
    grown = false;
    for (const { name, base } of links) {
      if (!base || members.has(name) === members.has(base)) continue;
      members.add(members.has(name) ? base : name);
      grown = true;
    }
  }
  for (const { name, base } of links) if (base && members.has(name)) b.extendedContainers.add(base);
  return { members, main: links.find((l) => members.has(l.name) && !b.extendedContainers.has(l.name)) ?? links[0] };
}

/**
 * A container that extends itself, or a ring of containers each extending the next (`A` extends `B`,
 * `B` extends `A`): CSDL §13.1.2 has a container take in the children of another one, which no ring
 * can give. An error, once per ring, at the container of the ring read first, as a cycle of base
 * types is (ODG109); a container merely leading into a ring is not reported again.
 */
function reportExtendsCycles(diags: DiagnosticBag, links: readonly { name: string; base?: string; at: SourceRef }[]): void {
  const byName = new Map(links.map((l) => [l.name, l]));
  const done = new Set<string>();
  for (const start of links) {
    const walk: string[] = [];
    for (let l: typeof start | undefined = start; l && !done.has(l.name); l = l.base ? byName.get(l.base) : undefined) {
      const seen = walk.indexOf(l.name);
      if (seen >= 0) {
        const ring = walk.slice(seen);
        const first = links.find((x) => ring.includes(x.name))!;
        const from = ring.indexOf(first.name);
        const text = [...ring.slice(from), ...ring.slice(0, from), first.name].join(" → ");
        diags.error(Codes.cyclicBaseType, `entity container ${first.name} extends itself: ${text} (CSDL §13.1.2: a container takes in the children of another one)`, first.name, first.at);
        break;
      }
      walk.push(l.name);
    }
    for (const n of walk) done.add(n);
  }
}

/**
 * Why a container's Extends (qualified, `base`) names no entity container, as a binding's Target
 * naming one (links.ts, bindingTargetProblem): none of that name in a namespace the inputs declare,
 * or one of a namespace no input declares and no reference includes. Undefined when it names one of
 * `names`, or may (a container of a document a reference includes, not among the inputs).
 */
function unknownBase(b: ModelBuilder, base: string, names: ReadonlySet<string>): string | undefined {
  if (names.has(base)) return undefined;
  const ns = base.slice(0, Math.max(base.lastIndexOf("."), 0));
  if (b.loaded.has(ns)) return `names ${base}, which is not an entity container of namespace ${ns}`;
  if (b.referenced.has(ns)) return undefined;
  return `names entity container ${base}, which no input declares and no reference includes`;
}

/**
 * CSDL 4.01 §13.1.2: a container includes the sets, singletons and imports of the one it extends,
 * so the service's containers share one set of names: two children of one name would both be
 * `/Name` (each container's own names are checked where it is read).
 */
export function checkServiceNames(diags: DiagnosticBag, containers: EntityContainer[]): void {
  if (containers.length < 2) return;
  const seen = new Map<string, EntityContainer>();
  for (const c of containers)
    for (const x of [...c.entitySets, ...c.singletons, ...c.imports]) {
      if (!given(x.name)) continue;
      const other = seen.get(x.name);
      if (!other) seen.set(x.name, c);
      else if (other !== c)
        diags.error(Codes.duplicateName,
          `${x.name} is declared by ${other.qualifiedName} and by ${c.qualifiedName}: the containers of one service (Extends, CSDL §13.1.2) share one set of names, and both would be /${x.name}`,
          `${c.qualifiedName}/${x.name}`, x.at);
    }
}

/** An entity container; `register` makes it one the links and annotation targets may name. */
export function entityContainer(b: ModelBuilder, c: RawEntityContainer, ns: string, register = true): EntityContainer {
  const qn = `${ns}.${c.name}`;
  b.identifier(c.name, "entity container", qn, c.at);
  // CSDL §13: entity sets, singletons and operation imports share one set of names.
  const unique = b.uniqueNames(qn);
  for (const x of [...c.entitySets, ...c.singletons, ...c.imports]) {
    b.identifier(x.name, "container child", `${qn}/${x.name}`, x.at);
    unique(x.name, x.at);
  }
  const entityType = (name: string, path: string, at: SourceRef): EntityType | undefined => {
    const q = b.qualify(name, at);
    const t = b.types.get(q);
    if (t?.kind === "entity") return t;
    // Of a namespace a reference includes but no input holds: the message names the Uri and why.
    if (given(name)) b.diags.error(t ? Codes.undefinedNavigationTarget : Codes.undefinedType,
      t ? `${name} is not an entity type` : `type ${name} is not defined${missingTypeHint(b, q, ["entity"], at)}`, path, at);
    return undefined;
  };
  const result: EntityContainer = {
    name: c.name,
    namespace: ns,
    qualifiedName: qn,
    ...(c.extends && { extends: b.qualify(c.extends, c.at) }),
    annotations: b.annotations(c.annotations, qn),
    at: c.at,
    entitySets: [],
    singletons: [],
    imports: [],
  };
  for (const s of c.entitySets) {
    const t = entityType(s.entityType, `${qn}/${s.name}`, s.at);
    if (!t) continue;
    result.entitySets.push({
      kind: "entitySet",
      name: s.name,
      entityType: t,
      includeInServiceDocument: s.includeInServiceDocument !== "false",
      bindings: s.bindings.map(({ path, target, at }) => ({ path, target, at })),
      annotations: b.annotations(s.annotations, `${qn}/${s.name}`),
      at: s.at,
    });
  }
  for (const s of c.singletons) {
    const t = entityType(s.type, `${qn}/${s.name}`, s.at);
    if (!t) continue;
    result.singletons.push({
      kind: "singleton",
      name: s.name,
      type: t,
      nullable: b.flag("Nullable", s.nullable, `${qn}/${s.name}`, s.at),
      bindings: s.bindings.map(({ path, target, at }) => ({ path, target, at })),
      annotations: b.annotations(s.annotations, `${qn}/${s.name}`),
      at: s.at,
    });
  }
  // A 4.01 path may start at a singleton too (`Me/Friends`).
  const sets = new Set([...c.entitySets, ...c.singletons].map((s) => s.name));
  for (const i of c.imports) {
    const operation = b.qualify(i.operation, i.at);
    const named = b.operations.get(operation)?.filter((o) => o.kind === i.kind);
    const ops = named?.filter((o) => !o.bound);
    if (!ops || ops.length === 0) {
      // An operation left out (a type it names is not defined): the import could not be called either.
      const leftOut = leftOutImport(b, i.kind, i.operation, operation, Boolean(named?.length));
      let why = leftOut && leftOutImportWhy(b, i.kind, operation, Boolean(named?.length));
      if (leftOut) b.diags.warning(Codes.undefinedType, leftOut, `${qn}/${i.name}`, i.at);
      // Only bound overloads: the import cannot be called, but the operation can, through its
      // binding; leaving the import out loses nothing, so a slice or a whole run need not fail.
      else if (named?.length) {
        b.diags.warning(Codes.undefinedType, `${i.kind} ${i.operation} is bound; an import names an unbound one (CSDL §13.5, §13.6), so the import is left out (call it through what it is bound to)`, `${qn}/${i.name}`, i.at);
        why = `its ${i.kind} ${operation} is bound, and an import names an unbound one (call it through what it is bound to)`;
      }
      // One that names no operation at all: there is nothing to call, so leaving it out loses
      // nothing either (the service's users cannot mend its metadata; --fail-on-warnings stops).
      else if (given(i.operation)) {
        b.diags.warning(Codes.undefinedType, `${i.kind} ${i.operation} is not defined${unqualifiedHint(b, i.operation, i.kind)}; the import is left out`, `${qn}/${i.name}`, i.at);
        why = `its ${i.kind} ${i.operation} is not defined`;
      }
      b.leftOutImports.set(`${qn}/${i.name}`, { kind: i.kind, why: why ?? `it names no ${i.kind}`, at: i.at });
      continue;
    }
    // CSDL §13.6.3, §13.6.4: EntitySet names an entity set of the container (or, in 4.01, a path
    // from one); the generated code does not use it, so one that names nothing is only reported.
    let entitySet = i.entitySet;
    const segments = entitySet?.split("/") ?? [];
    // `Ns.Container/Set`: another container's set is not checked here (it may be in a document not among the inputs).
    const elsewhere = segments.length > 1 && segments[0].includes(".") && b.qualify(segments[0], i.at) !== qn;
    if (entitySet && !elsewhere && !sets.has(segments.length > 1 && segments[0].includes(".") ? segments[1] : segments[0])) {
      b.diags.warning(Codes.undefinedType, `${wordingOf(i.at).name("EntitySet")} ${entitySet} is not an entity set of ${qn}; it is ignored`, `${qn}/${i.name}`, i.at);
      entitySet = undefined;
    }
    result.imports.push({
      kind: i.kind === "action" ? "actionImport" : "functionImport",
      name: i.name,
      operations: ops,
      entitySet,
      annotations: b.annotations(i.annotations, `${qn}/${i.name}`),
      at: i.at,
    });
  }
  if (register) b.containers.set(qn, result);
  return result;
}
