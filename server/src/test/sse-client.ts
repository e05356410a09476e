/** One server-sent event as a client sees it. */
export interface SseFrame {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * A minimal EventSource over fetch for tests: frames in arrival order, `next()` waits for the
 * next one. (Node 20 has no EventSource, and tests also need to set Last-Event-ID by hand.)
 */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const queue: SseFrame[] = [];
  const waker: { wake: (() => void) | null } = { wake: null };
  let done = false;
  const pump = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = { event: 'message', id: undefined, data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || line === '') continue;
            const colon = line.indexOf(':');
            const [field, value] = colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
            if (field === 'event') frame.event = value;
            else if (field === 'id') frame.id = value;
            else if (field === 'data') (frame.data += (hasData ? '\n' : '') + value), (hasData = true);
          }
          if (hasData) queue.push(frame);
          waker.wake?.();
        }
      }
    } catch {
      // aborted by close()
    } finally {
      done = true;
      waker.wake?.();
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    /** The next frame; rejects after `timeoutMs` or when the stream ends first. */
    async next(timeoutMs = 5_000): Promise<SseFrame> {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0) {
        if (done) throw new Error('stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no frame within ${timeoutMs} ms`);
        await new Promise<void>((ok) => {
          waker.wake = ok;
          setTimeout(ok, left);
        });
        waker.wake = null;
      }
      return queue.shift()!;
    },
    /** Frames received and not yet taken. */
    pending: () => queue.length,
    async close() {
      controller.abort();
      await pump;
    },
  };
}
