/**
 * `npm start` in its print-only form (`--no-editor`, no code-server): it must print the emulator's internal URL and
 * a command that, pasted into a shell as printed, mints a one-time token the emulator then accepts.
 */
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { promisify } from 'node:util';

const root = [resolve(__dirname, '../../../..'), process.cwd()].find((dir) => existsSync(join(dir, 'scripts/demo.mjs'))) ?? process.cwd();

test('the demo prints the internal URL and a copy-pasteable command that mints a working token', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kyma-demo-'));
  // Its own process group, so stopping it also stops the emulator it started.
  const demo = spawn(process.execPath, [join(root, 'scripts/demo.mjs'), '--no-build', '--no-editor', '--dir', dir], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  demo.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => demo.once('exit', (code) => r(code)));
  try {
    const printed: string[] = [];
    // Read until the "Stop" line: the whole block has been printed then.
    for await (const line of createInterface({ input: demo.stdout })) {
      printed.push(line);
      if (/^\s+Stop\s/.test(line)) break;
    }
    const text = printed.join('\n');
    assert.match(text, /Emulator\s+internal API http:\/\/127\.0\.0\.1:\d+/, `${text}\n${stderr}`);
    const internalUrl = /internal API (\S+)/.exec(text)![1];
    const tokenLine = printed[printed.findIndex((l) => /^\s+Token\s/.test(l)) + 1]?.trim();
    assert.ok(tokenLine?.startsWith('curl '), text);
    assert.ok(tokenLine.includes(new URL(internalUrl).host), 'the command talks to the printed internal API');

    // Run it exactly as printed, as a user pasting it would.
    const { stdout } = await promisify(execFile)('sh', ['-c', tokenLine]);
    const answer = JSON.parse(stdout) as { url: string; token: string };
    assert.match(answer.url, /^https:\/\/127\.0\.0\.1:\d+\/v1\/applications\/signingRequests\/info\?token=/);
    // The token is real: the emulator's token endpoint answers it with the application's subject.
    const { stdout: info } = await promisify(execFile)('curl', ['-s', '-k', answer.url]);
    assert.match(JSON.parse(info).certificate.subject, /CN=new-app/);
    assert.ok(existsSync(join(dir, 'my-service/certs/app.crt')), 'the demo certificate was written');
  } finally {
    try {
      process.kill(-demo.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
});
