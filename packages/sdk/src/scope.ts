/**
 * Whether a project-relative file lies in one of the scope's files or folders (`""` or `"."` is everything).
 *
 * @example
 * withinScope(["checklists/local"])("checklists/local/qingdao.yaml"); // true
 */
export function withinScope(scope: readonly string[]): (file: string) => boolean {
  const folders = scope.map((path) => (path === "." ? "" : path.replace(/\/+$/, "").replace(/^\.\//, "")));
  return (file) => folders.some((folder) => folder === "" || file === folder || file.startsWith(`${folder}/`));
}
