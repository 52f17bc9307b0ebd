/**
 * A run stopped by SIGINT, SIGTERM or SIGHUP. The generator's stages are synchronous, so a signal is seen at
 * the next checkpoint between them (before generating, before writing, before the staged output is
 * swapped in, while waiting for a lock); the run then stops there, removing its staging folder and
 * its lock, with the previous output as it was.
 */
export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted (${signal})`);
    this.name = "InterruptedError";
  }
}

/** Resolves when the run may go on; throws InterruptedError when a signal has arrived. */
export type Checkpoint = () => Promise<void>;

export const noCheckpoint: Checkpoint = async () => undefined;
