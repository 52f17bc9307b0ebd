/**
 * Alternate keys (Core vocabulary, `Org.OData.Core.V1.AlternateKeys`): other sets of properties that
 * address an entity, written in the URL with their names, `/applications(appId='…')` (URL
 * Conventions 4.01 §4.3.6). The term applies to an entity type (its subtypes have them too, as they
 * have its key), an entity set and a navigation property (their members, beside their type's).
 * Read on demand from the annotations, as the emitters, `url` and `diff` need them; what is wrong
 * with one is reported by `checkAlternateKeys` once per run, and the key left out.
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { RawExpression } from "../parse/raw";
import { KEY_TYPES_TEXT, keyProperty, keyTypeProblem } from "./keys";
import { CORE, isSimpleIdentifier, LONE_SURROGATE, UNSAFE_IN_NAME } from "./rules";
import { BIDI_CONTROL } from "../unseen-characters";
import type { Annotation, EntitySet, EntityType, Model, NavigationProperty, Property, TypeRef } from "./types";

export const ALTERNATE_KEYS = `${CORE}.AlternateKeys`;

/** One alternate key: its properties in the order given, each by the name the URL gives it (its alias). */
export interface AlternateKey {
  parts: { alias: string; name: string; property: Property }[];
}

type Report = (severity: "warning" | "info", message: string, path: string, at: SourceRef | undefined) => void;

/**
 * The alternate keys an entity type has: those of its base types, then its own (a key given twice
 * counts once). Those naming the same properties under the same names as its key are left out (reported).
 */
export function typeAlternateKeys(t: EntityType): AlternateKey[] {
  let keys = typeCache.get(t);
  if (keys) return keys;
  const chain: EntityType[] = [];
  for (let c: EntityType | undefined = t; c; c = c.baseType) chain.unshift(c);
  keys = merge(t, chain.map((c) => ownAlternateKeys(c, c.annotations, c.qualifiedName)));
  typeCache.set(t, keys);
  return keys;
}

/** typeAlternateKeys' answers: asked for each builder and function of a type, they are made once. */
const typeCache = new WeakMap<EntityType, AlternateKey[]>();

/** The alternate keys of an entity set's members: its type's, and the set's own. */
export function setAlternateKeys(set: EntitySet, container: string): AlternateKey[] {
  return merge(set.entityType, [typeAlternateKeys(set.entityType), ownAlternateKeys(set.entityType, set.annotations, `${container}/${set.name}`)]);
}

/** The alternate keys of a collection-valued navigation property's members: its target's, and its own. */
export function navigationAlternateKeys(n: NavigationProperty): AlternateKey[] {
  const own = n.collection ? ownAlternateKeys(n.target, n.annotations, `${n.declaringType.qualifiedName}/${n.name}`) : [];
  return merge(n.target, [typeAlternateKeys(n.target), own]);
}

/** The names a key is given with, in a form that tells two keys apart whatever their order. */
export function keyNamesId(names: readonly string[]): string {
  return [...names].sort().join("\u0000");
}

function merge(t: EntityType, lists: AlternateKey[][]): AlternateKey[] {
  const seen = new Set([keyNamesId(t.keyNames)]);
  const out: AlternateKey[] = [];
  for (const list of lists)
    for (const k of list) {
      const id = keyNamesId(k.parts.map((p) => p.alias));
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(k);
    }
  return out;
}

const cache = new WeakMap<readonly Annotation[], AlternateKey[]>();

/** The usable alternate keys one element's own annotation gives (`annotations` its own), resolved on `t`. */
export function ownAlternateKeys(t: EntityType, annotations: readonly Annotation[], owner: string, report?: Report, standIns?: WeakSet<TypeRef>): AlternateKey[] {
  const cached = report ? undefined : cache.get(annotations);
  if (cached) return cached;
  const a = annotations.find((x) => x.term === ALTERNATE_KEYS && !x.qualifier);
  const keys = a ? readKeys(t, a, owner, report ?? (() => undefined), standIns) : [];
  cache.set(annotations, keys);
  return keys;
}

/**
 * Reports what is wrong with each alternate key the model declares (ODG106, at its `<Annotation>`):
 * on an entity type, an entity set, a navigation property.
 */
export function checkAlternateKeys(model: Model, diags: DiagnosticBag): void {
  const report: Report = (severity, message, path, at) => diags.add(Codes.badKey, severity, message, path, at);
  const standIns = model.untypedStandIns;
  for (const t of model.types.values()) {
    if (t.kind !== "entity") continue;
    ownAlternateKeys(t, t.annotations, t.qualifiedName, report, standIns);
    for (const n of t.navigationProperties) if (n.collection) ownAlternateKeys(n.target, n.annotations, `${t.qualifiedName}/${n.name}`, report, standIns);
  }
  for (const s of model.schemas)
    for (const c of s.containers) for (const set of c.entitySets) ownAlternateKeys(set.entityType, set.annotations, `${c.qualifiedName}/${set.name}`, report, standIns);
}

function readKeys(t: EntityType, a: Annotation, owner: string, report: Report, standIns?: WeakSet<TypeRef>): AlternateKey[] {
  const where = `${owner}/@${ALTERNATE_KEYS}`;
  const items = a.value?.kind === "collection" ? a.value.items : undefined;
  if (!items) {
    report("warning", `${ALTERNATE_KEYS} on ${owner} is not a collection of Core.AlternateKey records (Core vocabulary); it is ignored, so byKey takes no alternate key here`, where, a.at);
    return [];
  }
  const out: AlternateKey[] = [];
  items.forEach((item, i) => {
    const key = readKey(t, item, `${where}/${i}`, `alternate key ${i + 1} of ${owner}`, (message, path) => report("warning", `${message}; the alternate key is left out`, path, a.at),
      (message, path) => report("warning", message, path, a.at), standIns);
    if (key) out.push(key);
  });
  return out;
}

function readKey(t: EntityType, item: RawExpression, path: string, what: string, fail: (message: string, path: string) => void, note: (message: string, path: string) => void, standIns?: WeakSet<TypeRef>): AlternateKey | undefined {
  const refs = item.kind === "record" ? field(item, "Key") : undefined;
  if (refs?.kind !== "collection" || refs.items.length === 0) {
    fail(`${what} has no properties (Core.AlternateKey: its Key lists them)`, path);
    return undefined;
  }
  const parts: AlternateKey["parts"] = [];
  for (const [j, ref] of refs.items.entries()) {
    const at = `${path}/Key/${j}`;
    const nameValue = ref.kind === "record" ? field(ref, "Name") : undefined;
    const name = nameValue?.kind === "path" || nameValue?.kind === "constant" ? nameValue.value : "";
    if (name === "") {
      fail(`${what}: property ${j + 1} has no Name (Core.PropertyRef: a path to a primitive property)`, at);
      return undefined;
    }
    const aliasValue = ref.kind === "record" ? field(ref, "Alias") : undefined;
    const alias = aliasValue?.kind === "constant" ? aliasValue.value : name.includes("/") ? undefined : name;
    const found = keyProperty(t, name);
    if (typeof found === "string") {
      fail(`${what}: property ${name} ${found}`, at);
      return undefined;
    }
    const problem = keyTypeProblem(found.property, standIns);
    if (problem === "no literal") {
      fail(`${what}: property ${name} has type ${found.property.type.type.qualifiedName}, which has no key literal (CSDL 4.01 §6.5: a key is made of primitive properties)`, at);
      return undefined;
    }
    // As for the key (ownKey): Edm.Untyped as written says nothing of the values, so byKey's string may be the wrong literal.
    if (problem === "untyped") note(`${what}: property ${name} has type Edm.Untyped, which CSDL 4.01 §6.5 does not allow in a key (${KEY_TYPES_TEXT}); it is kept and written as a string literal ('…'), so byKey takes a string`, at);
    if (alias === undefined) {
      fail(`${what}: property ${name} is a path, which needs an Alias (Core.PropertyRef: the name the URL gives it)`, at);
      return undefined;
    }
    // As for an element's name (build.ts identifier): what no quoting makes safe is refused; any
    // other alias is kept, quoted in byKey's type and percent-encoded in the URL.
    // `'`, `(` and `)` are left as they are by percent-encoding (encodeURIComponent): in the key they would end it or a value early.
    if (alias === "" || UNSAFE_IN_NAME.test(alias) || LONE_SURROGATE.test(alias) || new RegExp(BIDI_CONTROL.source).test(alias) || /['()]/.test(alias)) {
      fail(`${what}: alias ${JSON.stringify(alias)} of property ${name} is empty or holds a control character, a line break, "*", a quote, a parenthesis, a bidirectional control or half of a surrogate pair (Core.PropertyRef: a simple identifier)`, at);
      return undefined;
    }
    if (!isSimpleIdentifier(alias)) note(`${what}: alias ${JSON.stringify(alias)} of property ${name} is not a simple identifier (Core.PropertyRef: a letter or "_", then letters, digits or "_"); it is kept, quoted in byKey's type and percent-encoded in the URL`, at);
    if (parts.some((p) => p.alias === alias)) {
      fail(`${what} names ${alias} twice`, at);
      return undefined;
    }
    parts.push({ alias, name, property: found.property });
  }
  if (keyNamesId(parts.map((p) => p.alias)) === keyNamesId(t.keyNames)) {
    fail(`${what} names the same properties as the key of ${t.qualifiedName} (${t.keyNames.join(", ")}), so a call could not tell them apart`, path);
    return undefined;
  }
  return { parts };
}

function field(record: Extract<RawExpression, { kind: "record" }>, name: string): RawExpression | undefined {
  return record.properties.find((p) => p.name === name)?.value;
}
