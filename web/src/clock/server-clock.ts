/**
 * How far the server's clock is ahead of ours, in ms (negative when behind). `receivedAtMs` is
 * our clock when the answer carrying `serverTimeIso` arrived; the request's own latency (a few
 * ms on a local API) is ignored because deadlines are counted in whole days.
 */
export function clockOffsetMs(serverTimeIso: string, receivedAtMs: number): number {
  const serverMs = Date.parse(serverTimeIso);
  if (!Number.isFinite(serverMs)) throw new Error(`Invalid server time: ${serverTimeIso}`);
  return serverMs - receivedAtMs;
}

/** The server's time now, from our clock and the offset measured by clockOffsetMs. */
export function serverNow(offsetMs: number, localNowMs: number = Date.now()): Date {
  return new Date(localNowMs + offsetMs);
}
