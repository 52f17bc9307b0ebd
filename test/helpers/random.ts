/**
 * A small deterministic random generator for seeded test inputs (the same inputs on every run):
 * mulberry32, in 32-bit integer arithmetic. A linear congruential step in floating point loses its
 * low bits and falls into one short cycle whatever the seed.
 */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
