/**
 * NavigationPropertyBindings, compared as the generated client uses them. A binding tells the
 * client which entity set a navigation leads to (`rt.root({ name: "Others", bindings: () => ({
 * Friends: people }) })`); the runtime then knows that set's facts there: whether updates and
 * deletes need an ETag (`Core.OptimisticConcurrency`), its name (`ref.entitySet`), and its own
 * bindings, followed further. No type changes with a binding, so a binding change breaks a client
 * exactly when a call through it that needed no ETag before needs one now: an added or retargeted
 * binding whose new target — or a set that target's bindings lead to — has optimistic concurrency
 * where the old way did not. A removed binding never breaks: the navigation leads to no known set,
 * so nothing is refused that was accepted (an ETag given is still sent), and `ref.entitySet`, typed
 * `string | undefined`, is `undefined` there.
 */
import type { Element } from "./compare";
import type { ModelSummary } from "./summary";

type Add = (kind: "added" | "removed" | "changed", element: Element, path: string, detail: string, breaking: boolean) => void;

/** Where navigation leads in one version: an entity set or singleton, and the containment path below its entity (empty at the set). */
interface Place {
  set: string;
  within: string;
}

/** The bindings of every entity set and singleton both versions have (when both summaries record them). */
export function compareBindings(a: ModelSummary, b: ModelSummary, add: Add): void {
  for (const [name, ea] of a.entrySets) {
    const eb = b.entrySets.get(name);
    if (!eb || !ea.bindings || !eb.bindings) continue;
    const from: Place = { set: name, within: "" };
    for (const [path, ta] of Object.entries(ea.bindings)) {
      const tb = eb.bindings[path];
      if (tb === ta) continue;
      const old = place(ta);
      // Without the binding the navigation leads below the set's entity, as a containment does.
      const now = tb === undefined ? step(b, from, path) : place(tb);
      const effect = etagEffect(a, b, old, now, `${name}/${path}`);
      if (tb === undefined) add("removed", "navigation binding", `${name}/${path}`, `binding removed (was → ${ta}): what it leads to is in no known entity set${effect.text}`, effect.breaking);
      else add("changed", "navigation binding", `${name}/${path}`, `target ${ta} → ${tb}${effect.text}`, effect.breaking);
    }
    for (const [path, tb] of Object.entries(eb.bindings)) {
      if (path in ea.bindings) continue;
      const effect = etagEffect(a, b, step(a, from, path), place(tb), `${name}/${path}`);
      add("added", "navigation binding", `${name}/${path}`, `binding added (→ ${tb})${effect.text}`, effect.breaking);
    }
  }
}

/** What following `now` (in `b`) instead of `old` (in `a`) does to the ETags calls through `path` (`Set/Nav`) need. */
function etagEffect(a: ModelSummary, b: ModelSummary, old: Place | undefined, now: Place | undefined, path: string): { text: string; breaking: boolean } {
  // No set needs an ETag in either version (most services): nothing to gain or lose, no walk.
  if (!hasEtagSet(a) && !hasEtagSet(b)) return { text: "", breaking: false };
  const through = (via: string) => (via ? `${path}/${via}` : "it");
  const gained = firstEtag(b, a, now, old);
  if (gained) return { text: `; updates and deletes through ${through(gained.via)} now need an ETag (${gained.set} has Core.OptimisticConcurrency)`, breaking: true };
  const lost = firstEtag(a, b, old, now);
  if (lost) return { text: `; updates and deletes through ${through(lost.via)} no longer need an ETag`, breaking: false };
  return { text: "", breaking: false };
}

/**
 * The first place (breadth first, so the shortest path) reached from `start` in `m` whose set needs
 * an ETag while the same path from `other` in `o` reaches none that does: `via` is the path from
 * `start`, `set` the set. Paths are walked by bindings, as the runtime follows them; each pair of
 * places is visited once, so cycles (`People/Friends/Friends/…`) end.
 */
function firstEtag(m: ModelSummary, o: ModelSummary, start: Place | undefined, other: Place | undefined): { via: string; set: string } | undefined {
  const seen = new Set<string>();
  const queue: [Place | undefined, Place | undefined, string][] = [[start, other, ""]];
  for (let i = 0; i < queue.length; i++) {
    const [here, there, via] = queue[i];
    if (!here) continue;
    const key = JSON.stringify([here, there]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (needsEtag(m, here) && !needsEtag(o, there)) return { via, set: here.set };
    for (const [rel, next] of hops(m, here)) queue.push([next, there && step(o, there, rel), via ? `${via}/${rel}` : rel]);
  }
  return undefined;
}

const etagSets = new WeakMap<ModelSummary, boolean>();
function hasEtagSet(m: ModelSummary): boolean {
  let has = etagSets.get(m);
  if (has === undefined) etagSets.set(m, (has = [...m.entrySets.values()].some((e) => e.etag === true)));
  return has;
}

/** A binding target as a place; undefined for one in another container, which the client does not follow. */
function place(target: string): Place | undefined {
  const [set, ...within] = target.split("/");
  return set.includes(".") ? undefined : { set, within: within.join("/") };
}

/** Whether changes at `p` need an ETag (the runtime's `requiresEtag`: at the set itself, not inside a containment). */
function needsEtag(m: ModelSummary, p: Place | undefined): boolean {
  return p !== undefined && p.within === "" && m.entrySets.get(p.set)?.etag === true;
}

/** The bindings reachable from `p`: those of its set below its containment path, with the path from `p`. */
function hops(m: ModelSummary, p: Place): [string, Place | undefined][] {
  const prefix = p.within ? `${p.within}/` : "";
  return Object.entries(m.entrySets.get(p.set)?.bindings ?? {})
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, target]) => [path.slice(prefix.length), place(target)]);
}

/** Where `rel` leads from `p`: a binding's target, else below `p` in its set. */
function step(m: ModelSummary, p: Place, rel: string): Place | undefined {
  const path = p.within ? `${p.within}/${rel}` : rel;
  const target = m.entrySets.get(p.set)?.bindings?.[path];
  return target === undefined ? { set: p.set, within: path } : place(target);
}
