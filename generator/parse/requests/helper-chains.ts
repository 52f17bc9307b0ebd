/**
 * The requests a program makes through its request helpers (request-helpers.ts), followed down
 * chains of helpers: a helper calling another helper with its parameter in the URL (`const list =
 * (p) => graphGet(p)`, `` (id) => graphGet(`/users/${id}`) ``), in its own module or in one it
 * imports (imported-helpers.ts), is read as the requests the inner one makes, its parameters put
 * in at each level; so `getUser("a")` is `GET …/users/a`. At most DEPTH helpers are followed below
 * the one called, each read once per depth left (a chain of 5,000 costs 5,000 × DEPTH readings, not
 * more), and a helper met again on its own chain (`a` calling `b` calling `a`) is not followed
 * again: where either cuts a chain, a note says so at the outer helper's first call. A helper's
 * requests are at most MOST: the rest are left, with a note (helpers calling each other ten times
 * a level would otherwise make 10^DEPTH).
 */
import { type CallInCode, JsText, PARAMETER } from "./js-literals";
import { argumentsAt, type CallFinder, type Helper, helperArguments, helpersOf, innerCalls, marksOf, methodThrough, substituted } from "./request-helpers";
import type { ImportedHelper } from "./imported-helpers";
import { CALLED, deeperObject, deeperWords, objectMembers } from "./object-helpers";

/** The helpers a module imports from the program's own modules (imported-helpers.ts), asked of each module a helper is read in. */
export type ImportsOf = (js: JsText, file: string) => readonly ImportedHelper[];

/** How many helpers below the one called are followed. */
export const DEPTH = 8;
/** The most requests one helper's chains give. */
const MOST = 1000;
/** The most requests a file's calls of helpers give beyond one a call. */
const MOST_IN_FILE = 10000;

/** A helper as a module sees it: declared there, or imported (its module's text and path). */
interface Target {
  helper: Helper;
  js: JsText;
  file: string;
  own: boolean;
}

/** A call of a helper: the name called (`graphGet`, `g.graphGet`), its index and its parenthesis'. */
interface Site {
  name: string;
  at: number;
  open: number;
}

interface Through {
  calls: CallInCode[];
  /** Where the requests of its body it gives are (its fetch's URL, an inner helper's call's argument): a call of it read, its body's own readings are these. */
  used: Set<number>;
  /** Why a chain below it was cut, if one was. */
  cut?: string;
}

/**
 * A module's helpers by the name it calls them, and its calls of them in order; and the helpers it
 * declares in a block by the name of one it imports (`const del = …` in a function of a file
 * importing `del`), which are that name's only inside their block (`targetAt`).
 */
interface Module {
  targets: Map<string, Target>;
  sites: Site[];
  inBlocks: Map<string, InBlocks>;
}

/** A name's helpers declared in blocks: each's block (from its `{` to its `}`), in order, and the innermost around each block (-1: none). */
interface InBlocks {
  blocks: { target: Target; from: number; to: number }[];
  parents: number[];
}

/** Each module's helpers and calls (found once per file). */
const modulesSeen = new WeakMap<JsText, Module>();

/**
 * The helper a call names where it is: a helper declared in a block around it by that name, else
 * the module's; none where the helper's name (a namespace's for `g.graphGet`) is declared there as
 * something else (a parameter, a local variable: `function f(del) { del(x) }`), for an imported
 * helper in any block, for one the module declares in a block inside the one it is declared in.
 */
function targetAt(js: JsText, m: Module, site: Site): Target | undefined {
  const local = innermostBlock(m.inBlocks.get(site.name), site.at);
  if (local) return js.declaredInBlock(site.name.split(".")[0]!, site.at, local.from) ? undefined : local.target;
  const target = m.targets.get(site.name);
  if (!target) return undefined;
  const within = target.own ? (js.blockAround(target.helper.at) ?? -1) : undefined;
  return js.declaredInBlock(site.name.split(".")[0]!, site.at, within) ? undefined : target;
}

/**
 * The innermost block around `at` whose helper is the name's: the last block opened before it, else
 * the first around that one that holds it (blocks nest or are apart, so those around `at` are around it).
 */
function innermostBlock(local: InBlocks | undefined, at: number): { target: Target; from: number } | undefined {
  if (!local) return undefined;
  let [lo, hi] = [0, local.blocks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (local.blocks[mid]!.from < at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k = local.parents[k]!) if (local.blocks[k]!.to > at) return local.blocks[k];
  return undefined;
}

/** Each name's blocks in order, and the innermost block of the same name around each. */
function nested(byName: Map<string, { target: Target; from: number; to: number }[]>): Map<string, InBlocks> {
  const out = new Map<string, InBlocks>();
  for (const [name, blocks] of byName) {
    blocks.sort((a, b) => a.from - b.from);
    const parents: number[] = [];
    const open: number[] = [];
    blocks.forEach((b, k) => {
      while (open.length && blocks[open[open.length - 1]!]!.to < b.from) open.pop();
      parents.push(open.length ? open[open.length - 1]! : -1);
      open.push(k);
    });
    out.set(name, { blocks, parents });
  }
  return out;
}

class ChainReader {
  private readonly memo = new Map<Helper, Map<number, Through>>();
  private readonly stack: Helper[] = [];
  /** Each helper's requests of its own body (whatever the depth left: its body read once). */
  private readonly direct = new Map<Helper, CallInCode[]>();

  constructor(
    private readonly find: CallFinder,
    private readonly importsOf: ImportsOf,
  ) {}

  /** The helpers `js` (the file `file`) can call, and its calls of them; `imported` given for the file being read. */
  module(js: JsText, file: string, imported?: readonly ImportedHelper[]): Module {
    let seen = modulesSeen.get(js);
    if (seen) return seen;
    const targets = new Map<string, Target>();
    const blocks = new Map<string, { target: Target; from: number; to: number }[]>();
    for (const i of imported ?? this.importsOf(js, file)) targets.set(i.local, { helper: i.helper, js: i.js, file: i.file, own: false });
    for (const h of helpersOf(js)) {
      const own = { helper: h, js, file, own: true };
      // A helper declared in a block (a function's body, an `if`'s): that name's there only.
      const block = js.blockAround(h.at);
      const close = block === undefined ? undefined : js.closing(block);
      if (block !== undefined && close !== undefined) (blocks.get(h.name) ?? blocks.set(h.name, []).get(h.name)!).push({ target: own, from: block, to: close });
      else if (block === undefined) targets.set(h.name, own);
    }
    const inBlocks = nested(blocks);
    seen = { targets, sites: targets.size || inBlocks.size ? callSites(js, targets, inBlocks) : [], inBlocks };
    modulesSeen.set(js, seen);
    return seen;
  }

  /** What `helper` (declared in `js`, the file `file`) requests, its URLs holding its parameters' marks, `depth` helpers below it followed. */
  through(js: JsText, file: string, helper: Helper, depth: number): Through {
    const known = this.memo.get(helper)?.get(depth);
    if (known) return known;
    let direct = this.direct.get(helper);
    if (!direct) this.direct.set(helper, (direct = innerCalls(js, helper, this.find)));
    const out: Through = { calls: [...direct], used: new Set(direct.map((c) => c.at)) };
    const seen = this.module(js, file);
    const { sites } = seen;
    this.stack.push(helper);
    try {
      for (const [from, to] of helper.own) {
        for (let k = firstAfter(sites, from); k < sites.length && sites[k]!.at < to; k++) {
          const site = sites[k]!;
          const target = targetAt(js, seen, site);
          if (!target || target.helper === helper || !callable(js, site, target)) continue;
          if (this.stack.includes(target.helper)) {
            out.cut ??= `${[...this.stack.slice(this.stack.indexOf(target.helper)), target.helper].map((h) => h.name).join(" \u2192 ")} call each other: the cycle is followed once`;
            continue;
          }
          if (depth === 0) {
            out.cut ??= `the helpers it calls go more than ${DEPTH} deep: those below are not read`;
            continue;
          }
          const inner = this.through(target.js, target.file, target.helper, depth - 1);
          if (inner.cut) out.cut ??= inner.cut;
          if (!inner.calls.length) continue;
          const args = js.withArguments(marksOf(helper), () => helperArguments(js, site.open, target.helper));
          if (!args) continue;
          let gave = false;
          for (const call of inner.calls) {
            const url = substituted(call.url, args);
            if (url === undefined || !url.includes(PARAMETER)) continue;
            gave = true;
            if (out.calls.length >= MOST) {
              out.cut ??= `its helpers make more than ${MOST} requests: the rest are not read`;
              break;
            }
            out.calls.push({ ...call, ...(call.methodFrom ? methodThrough(js, call, target.helper, args.starts) : {}), url, at: args.at });
            out.used.add(args.at);
          }
          // The inner helper's own readings (its fetch's URL made of its parameter) stand for these too, in the same file.
          if (gave && target.js === js) for (const at of inner.used) out.used.add(at);
        }
      }
    } finally {
      this.stack.pop();
    }
    const byDepth = this.memo.get(helper) ?? this.memo.set(helper, new Map()).get(helper)!;
    byDepth.set(depth, out);
    return out;
  }
}

/**
 * The requests made through the helpers `js` (the file `file`) declares or imports (`imported`),
 * each at its call's first argument, by the calls `find` reads in their bodies and in the helpers
 * they call; where the requests of the bodies of its own helpers that those stand for are
 * (`replaced`: made of a parameter, they are these); notes on chains cut (an offset in `js`, and what),
 * the first `membersNoted` of them on calls of the file's own objects' members that are no helper.
 */
export function helperCalls(
  js: JsText,
  find: CallFinder,
  imported: readonly ImportedHelper[] = [],
  importsOf: ImportsOf = () => [],
  file = "",
): { calls: CallInCode[]; replaced: Set<number>; notes: { at: number; message: string }[]; notRead: number[]; membersNoted: number } {
  const calls: CallInCode[] = [];
  const replaced = new Set<number>();
  const notes: { at: number; message: string }[] = [];
  const notRead = unreadMembers(js, notes);
  // The calls of the file's own objects' members that are no helper: each a note, counted apart from the chains' notes.
  const membersNoted = notes.length;
  if (!imported.length && !helpersOf(js).length) return { calls, replaced, notes, notRead, membersNoted };
  const reader = new ChainReader(find, importsOf);
  const seen = reader.module(js, file, imported);
  const { sites } = seen;
  const read = new Set<Helper>();
  const noted = new Set<Helper>();
  const inside = insideHelpers(js);
  for (const site of sites) {
    const target = targetAt(js, seen, site);
    if (!target) continue;
    const { helper } = target;
    // Not its declaration, nor a call of itself inside its body.
    if (target.own && (site.at === helper.at || (site.at >= helper.from && site.at <= helper.to))) continue;
    if (!callable(js, site, target)) continue;
    const through = reader.through(target.js, target.file, helper, DEPTH);
    // Said at the program's own calls, not at each helper's call of another.
    if (through.cut && !noted.has(helper) && !inside(site.at)) {
      noted.add(helper);
      notes.push({ at: site.at, message: `${site.name}: ${through.cut}` });
    }
    if (!through.calls.length) continue;
    const args = helperArguments(js, site.open, helper);
    if (!args) continue;
    for (const call of through.calls) {
      const url = substituted(call.url, args);
      if (url === undefined) continue;
      if (calls.length >= sites.length + MOST_IN_FILE) {
        if (!noted.has(helper)) notes.push({ at: site.at, message: `${site.name}: the program's calls of helpers make ${MOST_IN_FILE} requests more than they are: the rest are not read` });
        noted.add(helper);
        break;
      }
      calls.push({ ...call, ...(call.methodFrom ? methodThrough(js, call, helper, args.starts) : {}), url, at: args.at });
      if (target.own) read.add(helper);
    }
  }
  for (const helper of read) for (const at of reader.through(js, file, helper, DEPTH).used) replaced.add(at);
  return { calls: calls.filter((c) => !replaced.has(c.at)), replaced, notes, notRead, membersNoted };
}

/**
 * The calls of members of the file's own `const` objects that are no helper read (`graph.users.get(…)`
 * where `users.get` is `make("/users")`, or no member written): a note at each (not at a member
 * that is a function read, `clear() {…}`), and where their first arguments are (no reader takes
 * them for a client's call: a request guessed).
 */
function unreadMembers(js: JsText, notes: { at: number; message: string }[]): number[] {
  const members = objectMembers(js);
  const { objects, functions } = members;
  if (!objects.size) return [];
  const helpers = new Set(helpersOf(js).map((h) => h.name));
  // A member that is a function read but no helper (`clear() {…}`, no parameter named): a call of a function, as a top-level one's, no note.
  const read = new Set(functions.map((f) => f.name));
  const at: number[] = [];
  for (const m of js.text.matchAll(CALLED)) {
    const name = m[1]! + m[2]!.replace(/\s+/g, "");
    const dot = name.lastIndexOf(".");
    // A member that is a client's method of its name (`get: axios.get`): its call is the client's, read as an HTTP client's.
    if (dot < 0 || helpers.has(name) || members.clientMethods.has(name) || !js.isCode(m.index) || js.declaredInBlock(m[1]!, m.index)) continue;
    const deeper = objects.has(name.slice(0, dot)) ? undefined : deeperObject(members, name);
    if (!objects.has(name.slice(0, dot)) && deeper === undefined) continue;
    const open = m.index + m[0].length - 1;
    at.push(argumentsAt(js, open, 0)?.at ?? open);
    if (read.has(name)) continue;
    if (deeper !== undefined) notes.push({ at: m.index, message: `${name}: ${deeperWords(deeper)}: the call is not read as a request` });
    else notes.push({ at: m.index, message: `${name}: ${name.slice(0, dot)} is an object whose ${name.slice(dot + 1)} is no request helper odatagen reads: the call is not read as a request` });
  }
  return at;
}

/** Whether an index is in the body of a helper `js` declares (its bodies by their starts, and the furthest end up to each: a binary search). */
function insideHelpers(js: JsText): (at: number) => boolean {
  const bodies = [...helpersOf(js)].sort((a, b) => a.from - b.from);
  let furthest = -1;
  const ends = bodies.map((h) => (furthest = Math.max(furthest, h.to)));
  return (at) => {
    let [lo, hi] = [0, bodies.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bodies[mid]!.from <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && ends[lo - 1]! > at;
  };
}

/** Whether a site is a call (not a declaration: `function graphGet(`, `const graphGet = (`). */
function callable(js: JsText, site: Site, target: Target): boolean {
  if (target.own && site.at === target.helper.at) return false;
  return !/(?:function\s*\*?|const)\s*$/.test(js.text.slice(Math.max(0, site.at - 12), site.at));
}

/** Where `targets`' names are called in code (`name(`, not a member's `.name(`; `ns.name(` for a namespace's, `graph.users.get(` for an object's), in order: one pass. */
function callSites(js: JsText, targets: ReadonlyMap<string, Target>, inBlocks: ReadonlyMap<string, InBlocks>): Site[] {
  const sites: Site[] = [];
  for (const m of js.text.matchAll(CALLED)) {
    const name = m[1]! + m[2]!.replace(/\s+/g, "");
    if ((!targets.has(name) && !inBlocks.has(name)) || !js.isCode(m.index)) continue;
    sites.push({ name, at: m.index, open: m.index + m[0].length - 1 });
  }
  return sites;
}

/** The index of the first site at or after `from` (binary search). */
function firstAfter(sites: readonly Site[], from: number): number {
  let [lo, hi] = [0, sites.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sites[mid]!.at < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
