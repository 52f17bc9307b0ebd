/**
 * A request's JSON body, as a recorded request (a HAR file's, a curl command's) or a documentation
 * page's example sends it, checked by its names against the metadata before `odatagen url --from`
 * says the request is made: each member of an entity's or complex value's object names one of its
 * properties or navigation properties (in any case, as Graph reads them), an `@odata.type` a type
 * that may stand there, a `nav@odata.bind` a navigation property; an action's body names its
 * parameters. A misspelt name is a 400 at best, and at worst a value the service drops.
 *
 * Values are not checked: documentation pages write placeholders (`"String"`, `"Guid"`) where a
 * value goes, and the generated validators check values in code. An open type's undeclared name is
 * a dynamic property, passed unless it is a near miss of a declared one. The one value read is an
 * enum's: one written in other letters' case than its member's is noted with the member, as a
 * $filter's is refused (literal-forms.ts nearestMember): the body is sent as written and the generated
 * union takes the member's case alone, but Graph's own pages write `"contentType": "Text"` for its
 * `text`, which Graph takes. A member after an evolvable enum's sentinel (model/evolvable-enums.ts) is
 * named only by a request preferring them, so the members a body names there are collected for the
 * call to say so.
 */
import type { EnumType, Model, Parameter, StructuredType, TypeRef } from "../model/types";
import { laterMembers } from "../model/evolvable-enums";
import type { Route } from "../passes/slice/resolve-path";
import { allNavigation, allProperties, isOpen } from "../model/rules";
import { nearestName } from "../nearest-name";
import { nearestMember } from "./literal-forms";
import { descendants } from "../passes/slice/paths";

/** Deeper bodies are passed unread (a deep insert of a few levels is what services take). */
const MAX_DEPTH = 64;

/**
 * What reading a body found: its first misspelt name, and the members after an evolvable enum's
 * sentinel it names (at any depth, entities it inserts through navigation properties included, for
 * which the generated function sends the preference by itself: emit/later-members.ts).
 */
export interface BodyRead {
  problem?: string;
  laterMembers: string[];
  /** A comment above the call: an enum value the body writes in other letters' case than its member's. */
  note?: string;
}

/**
 * The body `method` sends to `route`, read: a create's or an update's entity, an action's
 * parameters; nothing where nothing reads a body.
 */
export function readBody(route: Route, method: string, body: unknown, model: Model, sliced: boolean): BodyRead {
  const check = new BodyCheck(model, sliced);
  const a = route.addressed;
  const last = route.steps[route.steps.length - 1];
  const action = method === "POST" && (last?.kind === "operation" || last?.kind === "import") ? (last.kind === "operation" ? last.operations : last.import.operations).find((o) => o.kind === "action") : undefined;
  const problem =
    (a.kind === "entity" && (method === "PATCH" || method === "PUT")) || (a.kind === "collection" && method === "POST")
      ? check.value(body, a.type, "", 0)
      : action && actionBodyProblem(check, body, action.parameters, action.qualifiedName);
  return { ...(problem ? { problem } : {}), laterMembers: [...check.later], ...(check.note ? { note: check.note } : {}) };
}

/** The first misspelt name of an action's body, whose members are its parameters, or undefined. */
function actionBodyProblem(check: BodyCheck, body: unknown, parameters: readonly Parameter[], action: string): string | undefined {
  if (!isObject(body)) return undefined;
  for (const [name, value] of Object.entries(body)) {
    if (name.includes("@")) continue;
    const p = parameters.find((x) => x.name === name || x.name.toLowerCase() === name.toLowerCase());
    if (!p) {
      const near = nearestName(name, parameters.map((x) => x.name));
      return `the body's ${name}: ${action} has no parameter ${name}${near ? `; did you mean ${near}?` : ` (it takes ${parameters.map((x) => x.name).join(", ") || "none"})`}`;
    }
    const bad = check.typed(value, p.type, name, 1);
    if (bad) return bad;
  }
  return undefined;
}

class BodyCheck {
  /** The members after an evolvable enum's sentinel the body names, as the metadata spells them. */
  readonly later = new Set<string>();
  /** The note on the first enum value the body writes in other letters' case than its member's (`enumValues`). */
  note: string | undefined;
  private readonly members = new Map<EnumType, { names: ReadonlySet<string>; later: ReadonlySet<string> }>();

  constructor(
    private readonly model: Model,
    private readonly sliced: boolean,
  ) {}

  /** A value of `ref` (a property's or a parameter's type) at `path`. */
  typed(value: unknown, ref: TypeRef, path: string, depth: number): string | undefined {
    const t = ref.type;
    if (t.kind === "enum") this.enumValues(value, t, path);
    if (t.kind !== "entity" && t.kind !== "complex") return undefined;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const bad = this.value(item, t, `${path}[${i}]`, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    }
    return this.value(value, t, path, depth + 1);
  }

  /** An object of `type` (or of the subtype its `@odata.type` names) at `path`. */
  value(value: unknown, type: StructuredType, path: string, depth: number): string | undefined {
    if (!isObject(value) || depth > MAX_DEPTH) return undefined;
    const cast = value["@odata.type"];
    let t = type;
    if (typeof cast === "string") {
      const named = this.typeNamed(cast.replace(/^#/, ""), type);
      if (typeof named === "string") return `the body's ${path ? `${path}/` : ""}@odata.type: ${named}`;
      t = named;
    }
    const properties = allProperties(t);
    const navigation = allNavigation(t);
    const names = [...properties, ...navigation].map((x) => x.name);
    const find = <X extends { name: string }>(list: readonly X[], name: string) => list.find((x) => x.name === name) ?? list.find((x) => x.name.toLowerCase() === name.toLowerCase());
    for (const [key, member] of Object.entries(value)) {
      const at = path ? `${path}/${key}` : key;
      if (key.startsWith("@")) continue; // the object's own annotations
      const annotated = key.indexOf("@");
      const name = annotated > 0 ? key.slice(0, annotated) : key;
      const nav = find(navigation, name);
      const p = nav ? undefined : find(properties, name);
      if (!nav && !p) {
        const near = nearestName(name, names);
        // A dynamic property of an open type, or one a slice left out, may be there.
        if (!near && (isOpen(t) || this.sliced)) continue;
        return `the body's ${path ? `${path}/` : ""}${key}: ${t.qualifiedName} ${isOpen(t) ? "declares" : "has"} no property ${name}${near ? `; did you mean ${near}?` : ""}`;
      }
      if (annotated > 0) {
        if (key.slice(annotated) === "@odata.bind" && !nav) return `the body's ${at}: ${name} is no navigation property of ${t.qualifiedName}, which @odata.bind binds`;
        continue;
      }
      const bad = nav ? this.typed(member, { type: nav.target, collection: nav.collection } as TypeRef, at, depth) : this.typed(member, p!.type, at, depth);
      if (bad) return bad;
    }
    return undefined;
  }

  /**
   * Collects the members after `t`'s sentinel that `value` (a member's name, flags joined by commas,
   * or a collection of them) at `path` names, as the generated write's `rt.preferLater` finds them
   * (in any case); and notes the first name that is a member's but for its letters' case. Any other
   * (a placeholder, `"String"`) is not read.
   */
  private enumValues(value: unknown, t: EnumType, path: string): void {
    const { names, later } = this.membersOf(t);
    const items = Array.isArray(value) ? value : [value];
    for (const [i, item] of items.entries()) {
      if (typeof item !== "string") continue;
      for (const part of item.split(",")) {
        const written = part.trim();
        const member = names.has(written) ? written : nearestMember(written, t, true);
        if (member === undefined) continue;
        if (later.has(member)) this.later.add(member);
        if (member !== written && this.note === undefined) {
          const at = Array.isArray(value) ? `${path}[${i}]` : path;
          this.note = `// the body's ${at}: ${written} is no member of ${t.qualifiedName} as the metadata writes it; did you mean ${member}? The generated type takes ${member} alone, and the body is sent as written (a service reading members case-sensitively refuses ${written}).`;
        }
      }
    }
  }

  /** `t`'s members' names and those after its sentinel, each enum's read once however many values the body holds. */
  private membersOf(t: EnumType): { names: ReadonlySet<string>; later: ReadonlySet<string> } {
    let found = this.members.get(t);
    if (!found) this.members.set(t, (found = { names: new Set(t.members.map((m) => m.name)), later: new Set(laterMembers(t).map((m) => m.name)) }));
    return found;
  }

  /** The type an `@odata.type` names: `type` itself or one derived from it; or why not. */
  private typeNamed(name: string, type: StructuredType): StructuredType | string {
    const qualified = this.qualified(name);
    const candidates = [type, ...descendants(type)];
    const found = candidates.find((c) => c.qualifiedName === qualified || c.qualifiedName.toLowerCase() === qualified.toLowerCase());
    if (found) return found;
    if (this.sliced) return type;
    const near = nearestName(qualified, candidates.map((c) => c.qualifiedName));
    return `${name} is no type derived from ${type.qualifiedName}${near ? `; did you mean ${near}?` : ""}`;
  }

  /** A name with its schema's alias written as its namespace. */
  private qualified(name: string): string {
    const dot = name.lastIndexOf(".");
    const ns = this.model.aliases.get(name.slice(0, dot));
    return ns && dot > 0 ? `${ns}${name.slice(dot)}` : name;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
