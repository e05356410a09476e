/** A typed array constructor that makes an empty array of a length. */
type TypedArrayOf<T> = new (length: number) => T;

/**
 * The parts one after another in a new array of their type; the one part itself when there is
 * only one (no copy). For live-stream frames and per-county incident positions.
 */
export function concatTypedArrays<T extends Uint8Array | Uint32Array>(parts: readonly T[], Make: TypedArrayOf<T>): T {
  if (parts.length === 1) return parts[0];
  const out = new Make(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
