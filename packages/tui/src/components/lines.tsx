import { Box, Text } from "ink";
import { memo } from "react";
import type { Line } from "../view.js";

const COLORS: Record<NonNullable<Line["tone"]>, string | undefined> = {
  error: "red",
  warning: "yellow",
  modified: "cyan",
  dim: "gray",
  title: undefined,
};

/**
 * The text Ink is given for a row: an unselected row without its padding (blank cells look the same, and
 * Ink measures every character of every row on every frame), a selected row whole (its inverse video
 * spans the pane).
 */
function shownText(line: Line): string {
  if (line.selected === true) return line.text;
  let end = line.text.length;
  while (end > 1 && line.text.charCodeAt(end - 1) === 0x20) end -= 1;
  return end === line.text.length ? line.text : line.text.slice(0, end);
}

function sameLine(before: Line, after: Line): boolean {
  return before.text === after.text && before.selected === after.selected && before.tone === after.tone;
}

function sameLines(before: readonly Line[], after: readonly Line[]): boolean {
  return before.length === after.length && before.every((line, index) => {
    const other = after[index];
    return other !== undefined && sameLine(line, other);
  });
}

/** One row; the selected row is drawn inverse (it also starts with `›`, so colour is never the only cue). */
export const LineView = memo(
  function LineView(props: { line: Line }) {
    const { line } = props;
    const color = line.tone === undefined ? undefined : COLORS[line.tone];
    return (
      <Text wrap="truncate" inverse={line.selected === true} bold={line.tone === "title"} {...(color === undefined ? {} : { color })}>
        {shownText(line)}
      </Text>
    );
  },
  // The screen is laid out anew on every key; a row that reads the same is not rendered again.
  (before, after) => sameLine(before.line, after.line),
);

/** Rows one under the other (in the parent's column), rendered again only when one of them changed. */
export const Rows = memo(
  function Rows(props: { lines: readonly Line[] }) {
    return (
      <>
        {props.lines.map((line, index) => (
          <LineView key={index} line={line} />
        ))}
      </>
    );
  },
  (before, after) => sameLines(before.lines, after.lines),
);

/** A fixed-width column of rows, rendered again only when a row changed. */
export const Pane = memo(
  function Pane(props: { lines: readonly Line[]; width: number }) {
    if (props.width <= 0 || props.lines.length === 0) return null;
    return (
      <Box flexDirection="column" width={props.width} flexShrink={0}>
        <Rows lines={props.lines} />
      </Box>
    );
  },
  (before, after) => before.width === after.width && sameLines(before.lines, after.lines),
);
