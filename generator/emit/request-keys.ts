/**
 * Keys in the request functions: the writer of an entity type's key in the service's key style, and
 * the TypeScript type a caller gives it as.
 */
import { stringLiteral } from "../string-literal";
import type { AlternateKey } from "../model/alternate-keys";
import type { EntityType, ModelType, TypeRef } from "../model/types";
import { propertyKey } from "../passes/names";
import type { EmitContext } from "./context";
import type { Imports } from "./imports";
import { NO_TYPES, refType } from "./ts-types";

/**
 * The writer of an entity type's key (`rt.KeySpec`) in the service's key style, naming the runtime
 * function that writes each key property's literal: `rt.key("id", rt.edmString)`,
 * `rt.segmentKey("id", rt.edmString)` (key-as-segment), `rt.compositeKey([["a", rt.edmString], ["b", rt.edmInt32]])`; `rt.noKey` for a type without a key.
 */
export function keySpec(ctx: EmitContext, t: EntityType, alternate: readonly AlternateKey[] = []): string {
  const primary = primaryKeySpec(ctx, t);
  if (alternate.length === 0) return primary;
  // Always in parentheses with their names (URL Conventions §4.3.6), key-as-segment or not.
  const keys = alternate.map((k) => `[${k.parts.map((p) => `[${stringLiteral(p.alias)}, ${keyLiteral(p.property.type.type)}]`).join(", ")}]`);
  return `rt.alternateKeys(${primary}, [${keys.join(", ")}])`;
}

function primaryKeySpec(ctx: EmitContext, t: EntityType): string {
  if (t.key.length === 0) return "rt.noKey";
  const parts = t.key.map((p, i) => `${stringLiteral(t.keyNames[i])}, ${keyLiteral(p.type.type)}`);
  if (parts.length !== 1) return `rt.compositeKey([${parts.map((p) => `[${p}]`).join(", ")}])`;
  return `rt.${ctx.options.keyAsSegment ? "segmentKey" : "key"}(${parts[0]})`;
}

function keyLiteral(t: ModelType): string {
  if (t.kind === "enum") return `rt.edmEnum(${stringLiteral(t.qualifiedName)})`;
  const name = t.kind === "primitive" ? t.name : t.kind === "typedef" ? t.underlying.name : "String";
  return KEY_LITERALS.has(name) ? `rt.edm${name}` : "rt.edmString";
}

/**
 * The Edm types the runtime writes key literals of (`rt.edmInt32`, …), and `rt.literal` writes a
 * value of (with enumerations); CSDL 4.01 §6.5 allows no others in a key.
 */
export const KEY_LITERALS: ReadonlySet<string> = new Set(["String", "Guid", "Int16", "Int32", "Int64", "Byte", "SByte", "Decimal", "Double", "Single", "Boolean", "Date", "DateTimeOffset", "TimeOfDay", "Duration", "Binary"]);

/**
 * The TypeScript type of a key: the single property's type, or an object of the key properties;
 * with alternate keys, or'd with an object of each one's (`string | { appId: string }`). Where two
 * or more of them are objects, each says the others' names are absent (`{ appId: string;
 * uniqueName?: never } | { uniqueName: string; appId?: never }`): TypeScript's check for excess
 * properties takes a name of any member of a union, so `{ appId, uniqueName }` would compile, and
 * the runtime can send one key only.
 */
export function keyType(ctx: EmitContext, t: EntityType, imports: Imports, alternate?: readonly AlternateKey[]): string {
  alternate ??= []; // not a default value: see wrap-code.ts brokenType
  // A key value is never null (CSDL 4.01 §6.5), even where its property is declared nullable (reported).
  const scalar = (ref: TypeRef) => {
    const s = refType(ctx, { ...ref, collection: false, nullable: false }, NO_TYPES, imports);
    return /^number \| string$/.test(s) ? "number | bigint | string" : s;
  };
  // A composite key's names are always quoted (as they were before alternate keys); an alternate key's only where they must be.
  const objects = alternate.map((k) => k.parts.map((p) => ({ name: p.alias, key: propertyKey(p.alias), type: p.property.type })));
  if (t.key.length > 1) objects.unshift(t.key.map((p, i) => ({ name: t.keyNames[i], key: stringLiteral(t.keyNames[i]), type: p.type })));
  const members = objects.map((parts) => parts.map((p) => `${p.key}: ${scalar(p.type)}`));
  if (objects.length > 1) {
    objects.forEach((parts, i) => {
      const own = new Set(parts.map((p) => p.name));
      const absent = new Map(objects.flat().filter((p) => !own.has(p.name)).map((p) => [p.name, p.key]));
      for (const key of absent.values()) members[i].push(`${key}?: never`);
    });
  }
  const primary = t.key.length === 1 ? [scalar(t.key[0].type)] : [];
  return [...primary, ...members.map((m) => `{ ${m.join("; ")} }`)].join(" | ") || "never";
}
