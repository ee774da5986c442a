// Types for the parts of generate.mjs that TypeScript tests import (the editor's validator test draws its seeded
// edits from the same generator as the corpus).

/**
 * mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence on every machine.
 *
 * @example
 * const next = mulberry32(7);
 * next(); // a number in [0, 1), the same on every run
 */
export declare function mulberry32(seed: number): () => number;
