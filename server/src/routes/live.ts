import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseId } from '../http/query-params.ts';
import type { LiveHub } from '../live/live-hub.ts';
import { openingFrames } from '../live/live-replay.ts';
import { responseSink } from '../live/response-sink.ts';
import { ApiError } from '../errors/api-error.ts';
import { limitParam, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { recentMessages, scopeAreas } from '../live/live-replay.ts';
import { scopeAreaId } from '../auth/scope.ts';

/** Events `GET /api/live/recent` sends unless `limit` says otherwise: a screenful of the feed. */
export const DEFAULT_RECENT_EVENTS = 100;
const recentQuery = queryObject({ limit: limitParam.optional() });

/**
 * `GET /api/live`: server-sent events. Each `incident` message carries one timeline event and
 * the incident after it; its `id` is the event's id, so a reconnecting EventSource (which sends
 * Last-Event-ID) is replayed what it missed. `lastEventId` in the query does the same for a
 * client that opens a new EventSource (which cannot set the header).
 */
export function liveRoutes({ db, config, live }: AppDeps & { live: LiveHub }) {
  return new Hono<AppEnv>()
    .get('/recent', validate('query', recentQuery), (c) => {
      const { limit } = c.req.valid('query');
      return c.json(recentMessages(db, limit ?? DEFAULT_RECENT_EVENTS, config.now(), scopeAreaId(c)));
    })
    .get('/', (c) => {
    const query = c.req.query();
    for (const name of Object.keys(query)) {
      if (name !== 'lastEventId') throw new ApiError('bad_request', `unknown query parameter '${name}'`, name);
    }
    const text = c.req.header('Last-Event-ID') ?? query.lastEventId;
    const field = c.req.header('Last-Event-ID') !== undefined ? 'Last-Event-ID' : 'lastEventId';
    const lastEventId = text === undefined || text === '' ? null : text === '0' ? 0 : parseId(text);
    if (lastEventId === null && text !== undefined && text !== '') {
      throw new ApiError('bad_request', `${field} '${text}' is not an event id: expected a non-negative integer`, field);
    }
    const encoder = new TextEncoder();
    const areaId = scopeAreaId(c);
    const scope = areaId === null ? null : scopeAreas(db, areaId);
    const headers = {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    };
    const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
    if (outgoing) {
      // Under @hono/node-server, frames go straight to the socket (why: live/response-sink.ts).
      // Replay and joining the hub happen in one synchronous step: no write can commit in
      // between, so nothing is missed and nothing is sent twice.
      outgoing.writeHead(200, { ...headers, 'X-Request-Id': c.get('requestId') });
      const sink = responseSink(outgoing);
      sink.enqueue(encoder.encode(openingFrames(db, lastEventId, config.now(), scope)));
      outgoing.once('close', live.connect(sink, scope));
      return RESPONSE_ALREADY_SENT;
    }
    // Elsewhere (app.request in tests, other runtimes): a web stream.
    let disconnect = () => {};
    const stream = new ReadableStream<Uint8Array>({
      // Replay and joining the hub happen in one synchronous step: no write can commit in
      // between, so nothing is missed and nothing is sent twice.
      start(controller) {
        controller.enqueue(encoder.encode(openingFrames(db, lastEventId, config.now(), scope)));
        disconnect = live.connect(controller, scope);
      },
      cancel() {
        disconnect();
      },
    });
    return c.body(stream, 200, headers);
  });
}
