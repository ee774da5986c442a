/** A CSV cell: text, a number (written as is), or nothing (an empty cell). */
export type CsvCell = string | number | undefined;

/** The byte order mark `toCsv` starts with, so Excel reads the file as UTF-8 and shows Chinese intact. */
export const CSV_BOM = "\uFEFF";

// A text cell starting with one of these would be run as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/u;

function encodeCell(cell: CsvCell): string {
  if (cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as CSV that Excel opens with Chinese intact: a UTF-8 byte order mark, CRLF line ends after
 * every row, and RFC 4180 quoting (a cell holding a comma, quote or line break is quoted, quotes doubled).
 * A text cell that starts like a formula (`=`, `+`, `-`, `@`) gets a leading `'` so a spreadsheet shows it
 * as text instead of running it; numbers are written as they are.
 *
 * @example
 * toCsv([["事项", "跑动次数"], ["新生儿出生", 0]]); // "\uFEFF事项,跑动次数\r\n新生儿出生,0\r\n"
 */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return CSV_BOM + rows.map((row) => `${row.map(encodeCell).join(",")}\r\n`).join("");
}
