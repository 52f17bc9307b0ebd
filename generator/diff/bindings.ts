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
  // Bindings between the same places (a service's sets often share targets) have one effect: each pair is walked once.
  const effects = new Map<string, Effect>();
  const effect = (old: Place | undefined, now: Place | undefined) => {
    const key = `${old ? placeKey(old) : NOWHERE}\u0001${now ? placeKey(now) : NOWHERE}`;
    let e = effects.get(key);
    if (!e) effects.set(key, (e = etagEffect(a, b, old, now)));
    return e;
  };
  for (const [name, ea] of a.entrySets) {
    const eb = b.entrySets.get(name);
    if (!eb || !ea.bindings || !eb.bindings) continue;
    const from: Place = { set: name, within: "" };
    for (const [path, ta] of Object.entries(ea.bindings)) {
      const tb = own(eb.bindings, path);
      if (tb === ta) continue;
      const old = place(ta);
      // Without the binding the navigation leads below the set's entity, as a containment does.
      const now = tb === undefined ? step(b, from, path) : place(tb);
      const e = effect(old, now);
      const text = effectText(e, `${name}/${path}`);
      if (tb === undefined) add("removed", "navigation binding", `${name}/${path}`, `binding removed (was → ${ta}): what it leads to is in no known entity set${text}`, e.breaking);
      else add("changed", "navigation binding", `${name}/${path}`, `target ${ta} → ${tb}${text}`, e.breaking);
    }
    for (const [path, tb] of Object.entries(eb.bindings)) {
      if (Object.hasOwn(ea.bindings, path)) continue;
      const e = effect(step(a, from, path), place(tb));
      add("added", "navigation binding", `${name}/${path}`, `binding added (→ ${tb})${effectText(e, `${name}/${path}`)}`, e.breaking);
    }
  }
}

/** What a binding's change does to ETags: calls through `via` (from the binding's target) now need one (`gained`, the set that needs it) or no longer do. */
interface Effect {
  breaking: boolean;
  via?: string;
  gained?: string;
}
const NO_EFFECT: Effect = { breaking: false };
/** Stands for no place in a key of two places. */
const NOWHERE = "\u0002";

function effectText(e: Effect, path: string): string {
  if (e.via === undefined) return "";
  const through = e.via ? `${path}/${e.via}` : "it";
  return e.gained !== undefined
    ? `; updates and deletes through ${through} now need an ETag (${e.gained} has Core.OptimisticConcurrency)`
    : `; updates and deletes through ${through} no longer need an ETag`;
}

/** What following `now` (in `b`) instead of `old` (in `a`) does to the ETags calls through the binding need. */
function etagEffect(a: ModelSummary, b: ModelSummary, old: Place | undefined, now: Place | undefined): Effect {
  // No set needs an ETag in either version (most services): nothing to gain or lose, no walk.
  if (!indexOf(a).hasEtag && !indexOf(b).hasEtag) return NO_EFFECT;
  const gained = firstEtag(b, a, now, old);
  if (gained) return { breaking: true, via: gained.via, gained: gained.set };
  const lost = firstEtag(a, b, old, now);
  if (lost) return { breaking: false, via: lost.via };
  return NO_EFFECT;
}

/**
 * The first place (breadth first, so the shortest path) reached from `start` in `m` whose set needs
 * an ETag while the same path from `other` in `o` reaches none that does: `via` is the path from
 * `start`, `set` the set. Paths are walked by bindings, as the runtime follows them; each pair of
 * places is visited once, so cycles (`People/Friends/Friends/…`) end; a place from which no binding
 * leads to a set that needs an ETag (Index.reach) is not walked from.
 */
function firstEtag(m: ModelSummary, o: ModelSummary, start: Place | undefined, other: Place | undefined): { via: string; set: string } | undefined {
  const { reach } = indexOf(m);
  if (!start || !reach.has(placeKey(start))) return undefined;
  const seen = new Set<string>();
  const queue: [Place | undefined, Place | undefined, string][] = [[start, other, ""]];
  for (let i = 0; i < queue.length; i++) {
    const [here, there, via] = queue[i];
    if (!here) continue;
    const hereKey = placeKey(here);
    if (!reach.has(hereKey)) continue;
    const key = `${hereKey}\u0001${there ? placeKey(there) : NOWHERE}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (needsEtag(m, here) && !needsEtag(o, there)) return { via, set: here.set };
    for (const [rel, next] of hops(m, here)) queue.push([next, there && step(o, there, rel), via ? `${via}/${rel}` : rel]);
  }
  return undefined;
}

/** `Set` NUL `contained/path`: a place as a key. */
function placeKey(p: Place): string {
  return `${p.set}\0${p.within}`;
}

/** One version's bindings, indexed once per summary. */
interface Index {
  /** Whether a set needs an ETag. */
  hasEtag: boolean;
  /** By set, then by containment path below it: the bindings below that path (path relative to it, target), in the summary's order. */
  hops: Map<string, Map<string, [string, Place | undefined][]>>;
  /** The places (placeKey) from which bindings lead to a set that needs an ETag, those sets included. */
  reach: Set<string>;
}

const indexes = new WeakMap<ModelSummary, Index>();
function indexOf(m: ModelSummary): Index {
  let index = indexes.get(m);
  if (index) return index;
  const hops = new Map<string, Map<string, [string, Place | undefined][]>>();
  // Who leads to a place: one reverse breadth-first walk from the sets that need an ETag.
  const from = new Map<string, string[]>();
  const reach = new Set<string>();
  for (const [set, e] of m.entrySets) {
    if (e.etag === true) reach.add(placeKey({ set, within: "" }));
    const below = new Map<string, [string, Place | undefined][]>();
    hops.set(set, below);
    for (const [path, target] of Object.entries(e.bindings ?? {})) {
      const to = place(target);
      const segments = path.split("/");
      for (let k = 0; k < segments.length; k++) {
        const within = segments.slice(0, k).join("/");
        let list = below.get(within);
        if (!list) below.set(within, (list = []));
        list.push([segments.slice(k).join("/"), to]);
        if (to) {
          const toKey = placeKey(to);
          let sources = from.get(toKey);
          if (!sources) from.set(toKey, (sources = []));
          sources.push(placeKey({ set, within }));
        }
      }
    }
  }
  const hasEtag = reach.size > 0;
  const queue = [...reach];
  for (let i = 0; i < queue.length; i++)
    for (const source of from.get(queue[i]) ?? [])
      if (!reach.has(source)) {
        reach.add(source);
        queue.push(source);
      }
  indexes.set(m, (index = { hasEtag, hops, reach }));
  return index;
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
function hops(m: ModelSummary, p: Place): readonly [string, Place | undefined][] {
  return indexOf(m).hops.get(p.set)?.get(p.within) ?? [];
}

/** `record`'s own `key` (a path named `constructor` or `__proto__` is a path like any other), else undefined. */
function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Where `rel` leads from `p`: a binding's target, else below `p` in its set. */
function step(m: ModelSummary, p: Place, rel: string): Place | undefined {
  const path = p.within ? `${p.within}/${rel}` : rel;
  const bindings = m.entrySets.get(p.set)?.bindings;
  const target = bindings && own(bindings, path);
  return target === undefined ? { set: p.set, within: path } : place(target);
}
