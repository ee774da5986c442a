import { Box, Text } from "ink";
import type { ScreenView } from "../view.js";
import { LineView, Pane } from "./lines.js";

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
      {view.header.map((line, index) => (
        <LineView key={index} line={line} />
      ))}
      {view.help.length > 0 ? (
        view.help.map((line, index) => <LineView key={index} line={line} />)
      ) : (
        <Box flexDirection="row">
          <Pane lines={view.tree} width={view.treeWidth} />
          {separator ? (
            <Box flexDirection="column" width={1} flexShrink={0}>
              {Array.from({ length: rows }, (_, index) => (
                <Text key={index} color="gray">
                  │
                </Text>
              ))}
            </Box>
          ) : null}
          <Pane lines={view.detail} width={view.detailWidth} />
        </Box>
      )}
      {view.problems.map((line, index) => (
        <LineView key={index} line={line} />
      ))}
      <LineView line={view.footer} />
    </Box>
  );
}
