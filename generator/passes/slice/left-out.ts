/**
 * What a slice says of a pattern whose only matches are operations or imports the model left out
 * with a warning (ODG103: a type an operation names is not defined, or the operation an import
 * names): which elements it matches, where they are written and why they are left out, instead of
 * "matches nothing", which would send the user looking for a misspelling.
 */
import type { LeftOutElement, LeftOutElements, Operation } from "../../model/types";
import { accepts, advance, namesElement, startStates, type NamePattern, type PathPattern } from "./glob";

/** A left-out element as a message names it (`action import t.c/doIt`), with where it is and why. */
export interface LeftOutMatch {
  name: string;
  element: LeftOutElement;
}

/** The operations left out when the model was built that `p` names (by qualified name, or its namespace). */
export function leftOutByName(p: NamePattern, leftOut: LeftOutElements | undefined): LeftOutMatch[] {
  const found: LeftOutMatch[] = [];
  for (const [qn, list] of leftOut?.operations ?? []) {
    if (!namesElement(p, { qualifiedName: qn, namespace: qn.slice(0, qn.lastIndexOf(".")) })) continue;
    for (const element of list) found.push({ name: `${element.kind} ${qn}`, element });
  }
  return found;
}

/** The imports left out when the model was built whose names `p` matches as a URL path (`/doIt`). */
export function leftOutByPath(p: PathPattern, leftOut: LeftOutElements | undefined): LeftOutMatch[] {
  const found: LeftOutMatch[] = [];
  for (const [target, element] of leftOut?.imports ?? []) {
    const name = target.slice(target.lastIndexOf("/") + 1);
    if (accepts(p, advance(p, startStates(p), name, false))) found.push({ name: `${element.kind} import ${target}`, element });
  }
  return found;
}

/**
 * Operations a slice selected and found left out when it read them (lazy mode: a type named past
 * the binding parameter is not defined), with the model's record of why.
 */
export function leftOutOperations(ops: readonly Operation[], leftOut: LeftOutElements | undefined): LeftOutMatch[] {
  return ops.map((op) => {
    const same = leftOut?.operations.get(op.qualifiedName)?.find((e) => e.at.source === op.at.source && e.at.offset === op.at.offset);
    return { name: `${op.kind} ${op.qualifiedName}`, element: same ?? { kind: op.kind, why: "a type it names is not defined", at: op.at } };
  });
}

/**
 * `matches only action import t.c/doIt, which is left out (ODG103, t.xml:19:9): its action t.doIt
 * is left out (…)`; for several, each with where and why, up to three.
 */
export function leftOutMessage(found: readonly LeftOutMatch[]): string {
  const where = ({ at }: LeftOutElement) => {
    const { line, column } = at.source.position(at.offset);
    return `${at.source.file}:${line}:${column}`;
  };
  if (found.length === 1) return `matches only ${found[0].name}, which is left out (ODG103, ${where(found[0].element)}): ${found[0].element.why}`;
  const shown = found.slice(0, 3).map(({ name, element }) => `${name} (${where(element)}: ${element.why})`);
  const more = found.length > 3 ? `; and ${found.length - 3} more` : "";
  return `matches only what is left out with a warning (ODG103): ${shown.join("; ")}${more}`;
}
