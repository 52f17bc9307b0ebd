/**
 * CSDL 4.01 §5 (XML §5.1, JSON §5): the children of a schema, its types, terms, actions, functions
 * and entity containers, have names unique within their namespace; only an action's or a
 * function's overloads share one (CSDL JSON writes them as one member). Two types of one name are
 * reported by reportRedeclared (build-types.ts); this reports the other clashes. One involving a term
 * or an entity container is an error, as two types are: an annotation's term, or a container, named
 * so would mean either. An operation named as a type, or an action and a function of one name, is a
 * note, once a name: Graph v1.0 has both (`delta`, `count`: actions and functions; `image`: a type and
 * a function), and each is generated where its kind goes, the type among the types and the operation
 * among the requests, so the output is right.
 */
import type { ModelBuilder } from "./build";
import { given } from "./given";
import { Codes, placeOf, type SourceRef } from "../diagnostics";
import type { RawSchema } from "../parse/raw";

type Kind = "type" | "term" | "action" | "function" | "entity container";

/** Each name of a namespace given to a second element that is not a type's twin or an overload, reported at the later one. */
export function reportSchemaNameClashes(b: ModelBuilder, schemas: readonly RawSchema[]): void {
  const order = new Map(b.docs.map((d, i) => [d.schemas[0]?.at.source, i]));
  const named: { name: string; kind: Kind; at: SourceRef }[] = [];
  for (const s of schemas) {
    const add = (kind: Kind, list: readonly { name: string; at: SourceRef }[]) => {
      for (const x of list) if (given(x.name)) named.push({ name: `${s.namespace}.${x.name}`, kind, at: x.at });
    };
    add("type", [...s.entityTypes, ...s.complexTypes, ...s.enumTypes, ...s.typeDefinitions]);
    add("term", s.terms);
    add("action", s.actions);
    add("function", s.functions);
    add("entity container", s.containers);
  }
  if (named.length < 2) return;
  named.sort((x, y) => (order.get(x.at.source) ?? 0) - (order.get(y.at.source) ?? 0) || x.at.offset - y.at.offset);
  const first = new Map<string, { kind: Kind; at: SourceRef }>();
  const noted = new Set<string>();
  for (const x of named) {
    const seen = first.get(x.name);
    if (!seen) first.set(x.name, x);
    else if (!(seen.kind === x.kind && (x.kind === "type" || x.kind === "action" || x.kind === "function"))) {
      const message = `${x.name} is defined more than once (here ${article(x.kind)}, first ${article(seen.kind)}; CSDL §5: a schema's elements have unique names, but for an operation's overloads); the first is at ${placeOf(seen.at)}`;
      if (isTermOrContainer(seen.kind) || isTermOrContainer(x.kind)) b.diags.error(Codes.duplicateName, message, x.name, x.at);
      else if (!noted.has(x.name)) {
        noted.add(x.name);
        b.diags.add(Codes.duplicateName, "info", message, x.name, x.at);
      }
    }
  }
}

function isTermOrContainer(kind: Kind): boolean {
  return kind === "term" || kind === "entity container";
}

function article(kind: Kind): string {
  return kind === "action" || kind === "entity container" ? `an ${kind}` : `a ${kind}`;
}
