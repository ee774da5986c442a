// The terminal styles are shared with the diff renderers; sdk depends on diff, never the reverse.
export { createColors, type Colors, type Style } from "@onething/diff";
