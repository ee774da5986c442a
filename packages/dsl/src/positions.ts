import type { Position, SourceRange } from "@onething/schemas";

/** Turns offsets into the parsed text into positions in the original text; lines are counted lazily. */
export interface PositionMapper {
  /** The position of `offset` (an offset into the parsed text, clamped to its length). */
  position(offset: number): Position;
  /** The range from `start` to `end` (exclusive), both offsets into the parsed text. */
  range(start: number, end: number): SourceRange;
}

/** Options of {@link createPositionMapper}. */
export interface PositionMapperOptions {
  /** The text the parser saw (the original text without a leading BOM). */
  text: string;
  /** How many UTF-16 code units were cut from the front of the original text (1 for a BOM, else 0). */
  shift: number;
  /** Offsets at which lines start, when a parser already counted them; computed on first use otherwise. */
  lineStarts?: readonly number[];
}

/**
 * Creates a mapper from parse offsets to 1-based line:column (UTF-16 code units) and 0-based offsets into
 * the original text. A stripped BOM moves offsets by one but not columns, as editors do not show it.
 */
export function createPositionMapper(options: PositionMapperOptions): PositionMapper {
  const { text, shift } = options;
  let lineStarts = options.lineStarts;

  const position = (rawOffset: number): Position => {
    lineStarts ??= computeLineStarts(text);
    const offset = Math.max(0, Math.min(rawOffset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1, offset: offset + shift };
  };

  return {
    position,
    range: (start, end) => ({ start: position(start), end: position(Math.max(start, end)) }),
  };
}

/** Offsets at which lines start; a line ends at `\n` (so `\r\n` counts once). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf("\n");
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf("\n", index + 1);
  }
  return starts;
}
