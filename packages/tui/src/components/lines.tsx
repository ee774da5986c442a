import { Box, Text } from "ink";
import type { Line } from "../view.js";

const COLORS: Record<NonNullable<Line["tone"]>, string | undefined> = {
  error: "red",
  warning: "yellow",
  modified: "cyan",
  dim: "gray",
  title: undefined,
};

/** One row; the selected row is drawn inverse (it also starts with `›`, so colour is never the only cue). */
export function LineView(props: { line: Line }) {
  const { line } = props;
  const color = line.tone === undefined ? undefined : COLORS[line.tone];
  return (
    <Text wrap="truncate" inverse={line.selected === true} bold={line.tone === "title"} {...(color === undefined ? {} : { color })}>
      {line.text}
    </Text>
  );
}

/** A fixed-width column of rows. */
export function Pane(props: { lines: readonly Line[]; width: number }) {
  if (props.width <= 0 || props.lines.length === 0) return null;
  return (
    <Box flexDirection="column" width={props.width} flexShrink={0}>
      {props.lines.map((line, index) => (
        <LineView key={index} line={line} />
      ))}
    </Box>
  );
}
