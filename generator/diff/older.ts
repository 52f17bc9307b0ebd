/**
 * What a summary kept by an earlier odatagen cannot tell. One kept before format 5 (summary.ts) may
 * lack each container's namespace (an entity set's, singleton's or import's: whose requests module
 * has its function) and which complex types have names in the requests module; neither can be
 * derived from what it holds (the containers are not in it, and a complex type's write type depends
 * on how bodies use it), so the comparisons that need them are skipped, and a note says so once.
 */
import type { ModelSummary } from "./summary";

/** The summary format from which every container's namespace and a complex type's `requests` are recorded. */
export const MODULES_FORMAT = 5;

/**
 * The note for a comparison in which one side lacks them, where they could matter (the project
 * generates the requests modules, and the new version has sets, singletons or imports, or a complex
 * type moved); undefined otherwise. Both facts are about the requests modules only.
 */
export function olderSummaryNote(a: ModelSummary, b: ModelSummary, moves: ReadonlyMap<string, string>, requests = true): string | undefined {
  if (!requests) return undefined;
  const lacking = [a, b].filter((s) => !knowsModules(s));
  if (!lacking.length) return undefined;
  const containers = b.entrySets.size > 0 || (b.imports?.size ?? 0) > 0;
  const complexMoved = [...moves.keys()].some((from) => a.types.get(from)?.kind === "complex");
  if (!containers && !complexMoved) return undefined;
  const which = lacking.length === 2 ? "both versions' model summaries were" : `the ${lacking[0] === a ? "old" : "new"} version's model summary was`;
  return `note: ${which} kept by an earlier odatagen, without containers' namespaces or complex types' names in the requests module: a set, singleton or import whose container moved to another namespace is not listed, and a moved complex type's line may leave out its requests module`;
}

/** Format 5 or later; or format 4 written since namespaces were recorded (a set or import has one). */
function knowsModules(s: ModelSummary): boolean {
  if ((s.format ?? 1) >= MODULES_FORMAT) return true;
  return [...s.entrySets.values(), ...(s.imports?.values() ?? [])].some((x) => x.namespace !== undefined);
}
