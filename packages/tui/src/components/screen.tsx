import { Box, Text } from "ink";
import { memo } from "react";
import type { ScreenView } from "../view.js";
import { LineView, Pane, Rows } from "./lines.js";

/** The column between the tree and the detail pane. */
const Separator = memo(function Separator(props: { rows: number }) {
  return <Text color="gray">{Array.from({ length: props.rows }, () => "│").join("\n")}</Text>;
});

/**
 * Draws a laid-out screen: header, tree │ detail (or help), problems panel, footer. Renders only.
 *
 * @example
 * render(<Screen view={screenView(createState({ documents }))} />);
 */
export function Screen(props: { view: ScreenView }) {
  const { view } = props;
  const rows = Math.max(view.tree.length, view.detail.length);
  const separator = view.treeWidth > 0 && view.detailWidth > 0;
  return (
    <Box flexDirection="column">
      <Rows lines={view.header} />
      {view.help.length > 0 ? (
        <Rows lines={view.help} />
      ) : (
        <Box flexDirection="row">
          <Pane lines={view.tree} width={view.treeWidth} />
          {separator ? (
            <Box flexDirection="column" width={1} flexShrink={0}>
              <Separator rows={rows} />
            </Box>
          ) : null}
          <Pane lines={view.detail} width={view.detailWidth} />
        </Box>
      )}
      <Rows lines={view.problems} />
      <LineView line={view.footer} />
    </Box>
  );
}
