import { parseSource } from "@onething/sdk";

// The value each editable file's text on disk parses to, by path: the `*` marks compare every matter with it.
const originals = new Map<string, { text: string; value: unknown }>();

/**
 * Remembers the value a file's text on disk parses to, when it is already known (the document loaded from
 * that text): its matters are then the very objects the unedited matters keep, and comparing them costs nothing.
 *
 * @example
 * rememberOriginal(document.path, document.text, document.value);
 */
export function rememberOriginal(path: string, text: string, value: unknown): void {
  originals.set(path, { text, value });
}

/**
 * The value a file's text on disk parses to (parsed once per text).
 *
 * @example
 * originalValue(file.path, file.original); // { apiVersion: "onething/v1", kind: "Checklist", … }
 */
export function originalValue(path: string, text: string): unknown {
  const cached = originals.get(path);
  if (cached?.text === text) return cached.value;
  const value = parseSource({ path, text }).document?.value;
  originals.set(path, { text, value });
  return value;
}
