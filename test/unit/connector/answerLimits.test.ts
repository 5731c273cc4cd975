/**
 * Issue 7, item 11: every answer the connector client reads is bounded in size and time. A hostile HTTPS server on
 * loopback (the emulator's real server certificate, so TLS verification passes) streams an endless body, or
 * trickles one byte at a time forever: the client stops at 1 MiB with a typed `server` error, and at its deadline
 * with a typed `timeout` error, instead of filling memory or waiting forever.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConnectorClient } from '../../../src/connector';
import { isKymaCertError } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator';

let emulator: Emulator;
let hostile: https.Server;
let base: string;
const timers = new Set<NodeJS.Timeout>();

before(async () => {
  emulator = await startEmulator();
  const [cert, key] = await Promise.all([readFile(join(emulator.stateDir, 'server.crt')), readFile(join(emulator.stateDir, 'server.key'))]);
  hostile = https.createServer({ cert, key }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://hostile').pathname;
    const status = path.startsWith('/error') ? 500 : 200;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    if (path.endsWith('/endless')) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.write('{"error":"');
      pump();
    } else {
      // One byte every 50 ms, forever: a slow-loris answer that never finishes.
      res.write('{');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
      timers.add(timer);
    }
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
after(async () => {
  for (const t of timers) clearInterval(t);
  hostile.closeAllConnections();
  await new Promise((r) => hostile.close(r));
  await emulator.close();
});

const client = (timeoutMs: number) => new ConnectorClient({ tls: { caPem: emulator.serverCaPem }, timeoutMs });

describe('connector answers are bounded', () => {
  for (const path of ['/ok/endless', '/error/endless']) {
    it(`an endless body (${path}) stops at 1 MiB with a typed server error`, async () => {
      const started = Date.now();
      const before = process.memoryUsage().rss;
      await assert.rejects(client(60_000).getSigningRequestInfo(`${base}${path}?token=x`), (e: unknown) => {
        assert.ok(isKymaCertError(e, 'server'), String(e));
        assert.match(e.message, /larger than 1024 KiB/);
        return true;
      });
      assert.ok(Date.now() - started < 30_000);
      assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
    });
  }

  it('an answer that never finishes ends at the deadline with a typed timeout error', async () => {
    const started = Date.now();
    await assert.rejects(client(1500).getSigningRequestInfo(`${base}/ok/trickle?token=x`), (e: unknown) => isKymaCertError(e, 'timeout'));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1400 && elapsed < 15_000, `${elapsed} ms`);
  });
});
