/**
 * What a run must undo if the process is ended at once (a second Ctrl+C): the lock it holds and the
 * staging folder it built but has not swapped in. Each is registered while it exists; `hardStop()`
 * undoes them synchronously. The swap itself is synchronous, so a hard stop never lands inside it:
 * the staging folder is unregistered just before the swap starts, which then runs to its end.
 */
const pending = new Set<() => void>();

/** Registers `undo` until the returned function is called. */
export function onHardStop(undo: () => void): () => void {
  pending.add(undo);
  return () => pending.delete(undo);
}

/** Undoes everything registered (each at most once; a failure does not keep the others from running). */
export function hardStop(): void {
  for (const undo of [...pending].reverse()) {
    pending.delete(undo);
    try {
      undo();
    } catch {
      // Left for the next run's recovery (stage.ts recover(), lock.ts takes over a dead pid's lock).
    }
  }
}
