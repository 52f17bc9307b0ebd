/**
 * How the generated client writes its URLs, where the spec decides it: keys as segments
 * (Capabilities.KeyAsSegmentSupported) and bound operations by name alone (Core.DefaultNamespace).
 * A change there leaves every generated type and function as it was and changes the requests they
 * send: a patch, reported so that a publisher knows the requests changed.
 */
import { defaultNamespaces, keyAsSegment } from "../model/capabilities";
import type { Model } from "../model/types";
import type { ModelSummary } from "./summary";

export interface UrlSummary {
  /** Keys as path segments (`/users/42`), else in parentheses (`/users('42')`). */
  keyAsSegment: boolean;
  /** The namespaces whose bound operations are called by name alone (`/me/sendMail`) where that is not ambiguous. */
  unqualified: string[];
}

/** The URL forms `generate` uses with these options (each, absent, read from the spec). */
export function urlSummary(model: Model, options: { keyAsSegment?: boolean; unqualifiedOperations?: boolean } = {}): UrlSummary {
  const unqualified =
    options.unqualifiedOperations === undefined ? [...defaultNamespaces(model)]
    : options.unqualifiedOperations ? model.schemas.map((s) => s.namespace)
    : [];
  return { keyAsSegment: options.keyAsSegment ?? keyAsSegment(model), unqualified: unqualified.sort() };
}

/** An operation key's qualified name (`ns.f` of `ns.f(ns.T)[x,y]`), its namespace and its name. */
const qualifiedOf = (key: string) => key.slice(0, key.indexOf("("));
const namespaceOf = (key: string) => qualifiedOf(key).slice(0, qualifiedOf(key).lastIndexOf("."));
const nameOf = (key: string) => qualifiedOf(key).slice(qualifiedOf(key).lastIndexOf(".") + 1);

/** One change of the URLs sent, as `[path, detail]`; compared when both summaries record them. */
export function urlChanges(a: ModelSummary, b: ModelSummary): [string, string][] {
  if (!a.urls || !b.urls) return [];
  const changes: [string, string][] = [];
  const term = "Capabilities.KeyAsSegmentSupported";
  if (a.urls.keyAsSegment !== b.urls.keyAsSegment)
    changes.push(b.urls.keyAsSegment
      ? [term, "added: keys are sent as path segments (/set/42, was /set('42'))"]
      : [term, "removed: keys are sent in parentheses (/set('42'), was /set/42)"]);
  const was = new Set(a.urls.unqualified);
  const now = new Set(b.urls.unqualified);
  for (const ns of [...new Set([...was, ...now])].sort()) {
    if (was.has(ns) === now.has(ns)) continue;
    // Only the bound operations both versions have (by key) call other URLs.
    const names = [...b.operations].filter(([key, o]) => o.binding !== undefined && a.operations.has(key) && namespaceOf(key) === ns).map(([key]) => nameOf(key));
    if (!names.length) continue;
    const [short, full] = [`…/${names[0]}`, `…/${ns}.${names[0]}`];
    changes.push(now.has(ns)
      ? [ns, `became a default namespace (Core.DefaultNamespace): its ${names.length} bound operation(s) are called by name alone where not ambiguous (${short}, was ${full})`]
      : [ns, `no longer a default namespace (Core.DefaultNamespace): its ${names.length} bound operation(s) are called qualified (${full}, was ${short})`]);
  }
  return changes;
}
