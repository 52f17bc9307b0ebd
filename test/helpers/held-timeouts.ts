/**
 * A clock the test moves: every `setTimeout` of exactly `ms` made while it is held (the generated
 * runtime's per-attempt deadline, given that `timeoutMs`) waits until the test calls `fire()`,
 * instead of racing real time; timers of any other length run as usual (the loopback server's
 * delays, a retry's wait). A test can then let the time run out at the moment it means, "the
 * server has the request" or "the head has come", which a 150 ms limit on a machine at load 10
 * did not guarantee.
 */
export interface HeldTimeouts {
  /** Runs every held timer not yet cleared or fired; how many ran. */
  fire(): number;
  /** How many held timers have been made, fired, cleared or neither. */
  made(): number;
  /** Puts setTimeout and clearTimeout back. */
  release(): void;
}

interface Held {
  fn: () => void;
  done: boolean;
  ref(): Held;
  unref(): Held;
  hasRef(): boolean;
}

export function holdTimeouts(ms: number): HeldTimeouts {
  const held: Held[] = [];
  const realSet = global.setTimeout;
  const realClear = global.clearTimeout;
  const set = jest.spyOn(global, "setTimeout").mockImplementation(((fn: () => void, delay?: number, ...args: unknown[]) => {
    if (delay !== ms) return (realSet as (f: (...a: unknown[]) => void, d?: number, ...a: unknown[]) => NodeJS.Timeout)(fn, delay, ...args);
    const timer: Held = { fn, done: false, ref: () => timer, unref: () => timer, hasRef: () => true };
    held.push(timer);
    return timer;
  }) as unknown as typeof setTimeout);
  const clear = jest.spyOn(global, "clearTimeout").mockImplementation(((timer: unknown) => {
    const own = held.find((h) => h === timer);
    if (own) own.done = true;
    else realClear(timer as NodeJS.Timeout);
  }) as typeof clearTimeout);
  return {
    fire() {
      const due = held.filter((h) => !h.done);
      for (const h of due) {
        h.done = true;
        h.fn();
      }
      return due.length;
    },
    made: () => held.length,
    release() {
      set.mockRestore();
      clear.mockRestore();
    },
  };
}
