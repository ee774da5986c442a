/**
 * Splits a JSON Pointer (RFC 6901) into unescaped segments; `""` is the root, a pointer must start with `/`.
 *
 * @example
 * parsePointer("/spec/matters/0/id"); // ["spec", "matters", "0", "id"]
 * parsePointer("spec/matters"); // undefined: no leading slash
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * Escapes one segment for a JSON Pointer (`~` → `~0`, `/` → `~1`).
 *
 * @example
 * `/spec/notes/${escapePointerSegment("zh/en~draft")}`; // "/spec/notes/zh~1en~0draft"
 */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Appends a segment to a JSON Pointer. */
export function appendPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${escapePointerSegment(String(segment))}`;
}
