/** `(?, ?, ?)` for an IN list of `n` bound values (n >= 1). */
export function placeholders(n: number): string {
  return `(${Array.from({ length: n }, () => '?').join(', ')})`;
}
