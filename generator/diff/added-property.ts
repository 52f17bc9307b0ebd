/**
 * A property a type gained, and whether it breaks a client: where the generated write types and the
 * validators' write modes require it (runtime.ts `Replacement`, `CreateBody`; write-types.ts FIXED).
 *
 * An entity's create body is partial, so a new property never breaks a create; a PUT's
 * (`replace: true`) is the whole entity: a non-nullable property is required there, one with a
 * `DefaultValue` and a collection too, unless it is a key (the URL names the entity), Core.Computed,
 * Core.Immutable (the service ignores them) or a stream (no body holds one). A complex value is
 * written whole: its new non-nullable property is required in the values a PUT's body writes, in a
 * create's unless it is a collection or has a `DefaultValue` (`leftToService`), and in values typed
 * as its interface.
 */
import type { TypeSummary, TypeUse } from "./summary";
import { typeLabel } from "./summary";
import { ALL_OUTPUTS, type Outputs } from "./outputs";

/** Where a new entity property is required, said of the modules generated: the write types (requests) and the validators' replace mode. */
function replaced(typeName: string, outputs: Outputs): string {
  const put = `required when replacing ${typeName} (PUT, replace: true`;
  if (outputs.requests) return `${put}${outputs.validators ? "; the validators' replace mode asks for it too" : ""})`;
  return outputs.validators ? `required by the validators' replace mode (a PUT's body: the whole ${typeName})` : `${put})`;
}

/** `outputs`: the modules generated, of which the line for a new entity property speaks. */
export function addedProperty(typeName: string, t: TypeSummary, name: string, u: TypeUse, stream: boolean, outputs: Outputs = ALL_OUTPUTS): { detail: string; breaking: boolean } {
  const added = `property added: ${typeLabel(u)}`;
  if (u.nullable) return { detail: added, breaking: false };
  const what = `${added}, not nullable`;
  if (stream) return { detail: `${what}: a stream, so no body sends it (its value is written to its own URL)`, breaking: false };
  if (t.kind === "entity") {
    if (u.computed) return { detail: `${what}: Core.Computed, so no create or replace body sends it`, breaking: false };
    if (u.readOnly) return { detail: `${what}: read-only (Core.Permissions), so no create or replace body sends it`, breaking: false };
    if (u.immutable) return { detail: `${what}: Core.Immutable, so a create may leave it out, and a replace body (PUT) leaves it out`, breaking: false };
    if (t.key?.includes(name)) return { detail: `${what}: a key, so a create may leave it out, and so may a replace body (PUT), as the URL names the entity`, breaking: false };
    return { detail: `${what}: ${replaced(typeName, outputs)}; a create may leave it out`, breaking: true };
  }
  if (t.kind !== "complex") return { detail: what, breaking: false };
  if (u.computed || u.readOnly) return { detail: `${what}: required in values typed as ${typeName} (${u.computed ? "Core.Computed" : "read-only by Core.Permissions"}: no body sends it)`, breaking: true };
  // A create may leave out a collection and one with a DefaultValue (write-types.ts leftToService).
  const loose = u.collection ? "it is a collection" : u.defaultValue ? "it has a DefaultValue" : undefined;
  if (u.immutable && loose)
    return { detail: `${what}: required in values typed as ${typeName} (Core.Immutable: a PUT leaves it out; a create may, as ${loose})`, breaking: true };
  const create = "it is not a collection and has no DefaultValue";
  if (u.immutable) return { detail: `${what}: required in ${typeName} values a create body writes (${create}; Core.Immutable: a PUT leaves it out)`, breaking: true };
  if (loose) return { detail: `${what}: required in ${typeName} values a PUT's body writes (a create's may leave it out, as ${loose})`, breaking: true };
  return { detail: `${what}: required in ${typeName} values a body writes (a PUT's, and a create's: ${create})`, breaking: true };
}

/**
 * A property a body left out (a create's: Core.Computed or read-only by Core.Permissions; a PUT's:
 * those and Core.Immutable) that it no longer leaves out is one more the body must give, as if it
 * were added: where `addedProperty` finds it required, what it says after `not nullable: `
 * (`required when replacing d.t (PUT, …)`), else undefined.
 */
export function nowWritten(typeName: string, t: TypeSummary, name: string, before: TypeUse, after: TypeUse, stream: boolean, outputs: Outputs = ALL_OUTPUTS): string | undefined {
  const outOfCreate = (u: TypeUse) => u.computed === true || u.readOnly === true;
  const outOfPut = (u: TypeUse) => outOfCreate(u) || u.immutable === true;
  if (!(outOfCreate(before) && !outOfCreate(after)) && !(outOfPut(before) && !outOfPut(after))) return undefined;
  const { detail, breaking } = addedProperty(typeName, t, name, after, stream, outputs);
  const cut = detail.indexOf(NOT_NULLABLE);
  return breaking && cut >= 0 ? detail.slice(cut + NOT_NULLABLE.length) : undefined;
}

const NOT_NULLABLE = ", not nullable: ";
