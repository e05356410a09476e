/**
 * One server-sent event as the wire carries it. `data` is JSON on one line (JSON.stringify
 * escapes newlines), so it needs a single `data:` field.
 */
export function sseFrame(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
