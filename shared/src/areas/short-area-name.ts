/**
 * An area's name without the parent's name it starts with: grids are named after their
 * community ('浦阳社区第二网格'), which the community label beside them already says.
 * @example shortAreaName('浦阳社区第二网格', '浦阳社区') // '第二网格'
 */
export function shortAreaName(name: string, parentName: string | null | undefined): string {
  if (!parentName || !name.startsWith(parentName) || name.length === parentName.length) return name;
  return name.slice(parentName.length).trim();
}
