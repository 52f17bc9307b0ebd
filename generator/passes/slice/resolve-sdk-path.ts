/**
 * A path read from a Graph SDK chain (parse/requests/graph-sdk-calls.ts) resolved as the SDK sends
 * it, where its builders' names say what they address only with the metadata:
 * - an operation of a namespace the SDK spells out, `microsoftGraphSecurityRunHuntingQuery`:
 *   `microsoft.graph.security.runHuntingQuery` (the longest namespace of the model, camel-cased,
 *   that declares an operation of the name that follows it);
 * - a function's parameters as the metadata spells them (`reminderView(startDateTime=…)`:
 *   `StartDateTime`);
 * - a media entity's `content` at the end: its `$value`, where the type has nothing named `content`.
 */
import type { Operation } from "../../model/types";
import type { Fill, PathModel } from "./paths";
import { resolvePath, type Resolved } from "./resolve-path";

export function resolveSdkPath(text: string, model: PathModel, fill?: Fill): Resolved {
  const path = sdkPath(text, model);
  const resolved = resolvePath(path, model, fill);
  const content = CONTENT.exec(path);
  if (resolved.ok || !content) return resolved;
  const media = resolvePath(`${path.slice(0, content.index)}/$value${content[1] ?? ""}`, model, fill);
  return media.ok ? media : resolved;
}

const CONTENT = /\/content([?#].*)?$/s;

/** The path with its operations' names and parameters spelt as the model spells them. */
function sdkPath(text: string, model: PathModel): string {
  const query = text.search(/[?#]/);
  const [path, rest] = query < 0 ? [text, ""] : [text.slice(0, query), text.slice(query)];
  const names = operationNames(model);
  return path.split("/").map((s) => segment(s, names)).join("/") + rest;
}

interface OperationNames {
  /** Each namespace declaring an operation, camel-cased as the SDK names its builders (`microsoftGraphSecurity`), longest first. */
  namespaces: { camel: string; namespace: string }[];
  /** The operations by qualified name and by name. */
  byName: Map<string, Operation[]>;
}

const cache = new WeakMap<readonly Operation[], OperationNames>();

function operationNames(model: PathModel): OperationNames {
  const known = cache.get(model.operations);
  if (known) return known;
  const byName = new Map<string, Operation[]>();
  const add = (name: string, op: Operation) => (byName.get(name) ?? byName.set(name, []).get(name)!).push(op);
  const namespaces = new Set<string>();
  for (const op of model.operations) {
    add(op.qualifiedName, op);
    add(op.name, op);
    namespaces.add(op.namespace);
  }
  const camel = (ns: string) => ns.split(".").map((p, k) => (k ? `${p[0]!.toUpperCase()}${p.slice(1)}` : p)).join("");
  const made = { namespaces: [...namespaces].map((namespace) => ({ camel: camel(namespace), namespace })).sort((a, b) => b.camel.length - a.camel.length), byName };
  cache.set(model.operations, made);
  return made;
}

/** One segment: an operation's builder name qualified, its parameters respelt; any other as it is. */
function segment(raw: string, names: OperationNames): string {
  const open = raw.indexOf("(");
  const written = open < 0 ? raw : raw.slice(0, open);
  const name = names.byName.has(written) ? written : qualified(written, names);
  if (name === undefined) return raw;
  if (open < 0 || !raw.endsWith(")")) return name + (open < 0 ? "" : raw.slice(open));
  const spelt = new Map<string, string>();
  for (const op of names.byName.get(name)!) for (const p of op.parameters) spelt.set(p.name.toLowerCase(), p.name);
  const args = raw.slice(open + 1, -1).replace(/(^|,)([^=,']+)=/g, (_, before: string, n: string) => `${before}${spelt.get(n.toLowerCase()) ?? n}=`);
  return `${name}(${args})`;
}

/** `microsoftGraphSecurityRunHuntingQuery`: `microsoft.graph.security.runHuntingQuery`, where the model has it. */
function qualified(written: string, names: OperationNames): string | undefined {
  for (const { camel, namespace } of names.namespaces) {
    if (written.length <= camel.length || !written.startsWith(camel) || !/[A-Z]/.test(written[camel.length]!)) continue;
    const name = `${namespace}.${written[camel.length]!.toLowerCase()}${written.slice(camel.length + 1)}`;
    if (names.byName.has(name)) return name;
  }
  return undefined;
}
