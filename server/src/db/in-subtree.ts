/**
 * An SQL condition: `column` holds an area inside the area bound to its one `?` parameter (that
 * area included), found through the closure table so that it works the same at every level.
 */
export function inSubtree(column: string): string {
  return `${column} IN (SELECT descendant_id FROM area_closure WHERE ancestor_id = ?)`;
}
