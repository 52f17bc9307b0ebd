// A hostile input's reading is checked linear by counting its steps, not by timing it. Jest's timeout
// is a timer, and a timer never fires while a synchronous read blocks: a quadratic read of 500 KB
// ran 284 s and the test still passed. A step is a call of a method the scan goes through as it
// moves on (the program reader's JsText pairs a bracket, asks whether a character is code, reads a
// literal or an expression), counted at n units of input and at 4n: a linear read takes ~4 times
// the steps, a quadratic one ~16.
import { BlockNesting } from "../../generator/parse/requests/block-nesting";
import { Bindings } from "../../generator/parse/requests/js-bindings";
import { JsText } from "../../generator/parse/requests/js-literals";

/**
 * The program reader's per-step methods: a file's text (JsText), its names' bindings and its blocks.
 * Not RegExp.prototype's exec, which every match goes through: once replaced, V8 leaves its fast
 * path for the rest of the worker (a later test of url-list ran 3 times slower).
 */
export const PROGRAM_READER: readonly object[] = [JsText.prototype, Bindings.prototype, BlockNesting.prototype];

class TooManySteps extends Error {}

/**
 * The calls of `prototypes`' own methods made while `run` runs. Past `limit` the next call throws
 * and the run ends there (a quadratic read stopped at once, not left to run for minutes): the
 * count is then `limit + 1`. Counted by a plain wrapper, not jest.spyOn, which keeps every call's
 * arguments (millions of them, for a quadratic read).
 */
export function countSteps(prototypes: readonly object[], run: () => unknown, limit = Infinity): number {
  let steps = 0;
  const restore: (() => void)[] = [];
  try {
    for (const proto of prototypes) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const own = Object.getOwnPropertyDescriptor(proto, name)!;
        if (name === "constructor" || typeof own.value !== "function") continue;
        const method = own.value as (...args: unknown[]) => unknown;
        const counted = function (this: unknown, ...args: unknown[]): unknown {
          if (++steps > limit) throw new TooManySteps();
          return method.apply(this, args);
        };
        Object.defineProperty(proto, name, { ...own, value: counted });
        restore.push(() => Object.defineProperty(proto, name, own));
      }
    }
    run();
  } catch (e) {
    if (!(e instanceof TooManySteps)) throw e;
  } finally {
    for (const undo of restore) undo();
  }
  return steps;
}

/**
 * The steps of `read(n)` and of `read(4 * n)`, `n` being units of input (lines, forms, nesting
 * levels): "linear" where each is at most `perUnit` a unit and the second under 5 times the first,
 * else what was counted (`input` names the case in the failure).
 */
export function linearity(input: string, prototypes: readonly object[], read: (n: number) => unknown, n: number, perUnit: number): "linear" | { input: string; n: number; perUnit: number; steps: [number, number] } {
  const steps: [number, number] = [countSteps(prototypes, () => read(n), perUnit * n), countSteps(prototypes, () => read(4 * n), perUnit * 4 * n)];
  return steps[0] <= perUnit * n && steps[1] <= perUnit * 4 * n && steps[1] < 5 * steps[0] ? "linear" : { input, n, perUnit, steps };
}
