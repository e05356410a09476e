import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { responseSink } from './response-sink.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((f) => f()));

/** A real loopback server whose one response is handed to the test, and the client's side of it. */
async function connection(): Promise<{ res: ServerResponse; client: IncomingMessage }> {
  let serverSide!: (res: ServerResponse) => void;
  const response = new Promise<ServerResponse>((ok) => (serverSide = ok));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.flushHeaders();
    serverSide(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const client = await new Promise<IncomingMessage>((ok) => get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, ok));
  return { res: await response, client };
}

describe('responseSink', () => {
  it('delivers frames to the client as they are written', async () => {
    const { res, client } = await connection();
    const sink = responseSink(res);
    const received: string[] = [];
    client.setEncoding('utf8').on('data', (text: string) => received.push(text));
    sink.enqueue(new TextEncoder().encode('id: 1\ndata: {}\n\n'));
    for (let i = 0; i < 50 && received.join('') === ''; i++) await new Promise((ok) => setTimeout(ok, 10));
    expect(received.join('')).toBe('id: 1\ndata: {}\n\n');
    expect(sink.desiredSize).toBe(0);
  });

  it('counts the frames written while a client does not read, and forgets them once it catches up', async () => {
    const { res, client } = await connection();
    client.pause();
    const sink = responseSink(res);
    const frame = new Uint8Array(64 * 1024).fill(0x61); // 64 KiB: the socket's buffers fill after a few dozen
    let written = 0;
    while (sink.desiredSize === 0 && written < 10_000) sink.enqueue(frame), written++;
    expect(written).toBeLessThan(10_000);
    for (let i = 0; i < 5; i++) sink.enqueue(frame);
    expect(sink.desiredSize).toBe(-6);
    const drained = new Promise((ok) => res.once('drain', ok));
    client.resume();
    await drained;
    expect(sink.desiredSize).toBe(0);
  });

  it('ends the stream of a client that keeps up when closed', async () => {
    const { res, client } = await connection();
    const ended = new Promise((ok) => client.once('end', ok));
    client.resume();
    responseSink(res).close();
    await ended;
    expect(client.complete).toBe(true);
  });

  it('cuts off a client that stopped reading when closed', async () => {
    const { res, client } = await connection();
    client.pause();
    const sink = responseSink(res);
    const frame = new Uint8Array(64 * 1024);
    while (sink.desiredSize === 0) sink.enqueue(frame);
    const closed = new Promise((ok) => client.once('close', ok));
    sink.close();
    await closed;
    expect(res.destroyed).toBe(true);
    expect(client.complete).toBe(false);
  });
});
