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

/**
 * `count` seeded random edits of `good` strings (for inputs that must each get an answer, never an
 * exception): each takes one of them and makes one to four edits, deleting a character, inserting
 * one of `alphabet`, or repeating the five characters at a place.
 */
export function randomEdits(good: readonly string[], alphabet: string, count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let s = good[Math.floor(next() * good.length)]!;
    for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
      const at = Math.floor(next() * (s.length + 1));
      const op = next();
      if (op < 0.4) s = s.slice(0, at) + s.slice(at + 1);
      else if (op < 0.8) s = s.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + s.slice(at);
      else s = s.slice(0, at) + s.slice(at, at + 5) + s.slice(at);
    }
    return s;
  });
}
