/**
 * Issue 7, rows 10 and 11 through the real CLI (a spawned dist/cli.js):
 * - the one-time token never appears in stdout, stderr, the --json error or a written file, for a refused, an
 *   unreachable and a malformed token URL; the URL can come from standard input or $KYMA_CERT_TOKEN instead of argv;
 * - a server's error text with ANSI escapes and newlines cannot forge a "Renewed …" line in the terminal.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitCodeFor } from '../../../src/core/errors';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { makeWorkspace, steppingClock, tempDir } from '../lifecycle/fixtures';
import { ensureCliBuilt, runCliWithin, type CliResult } from './run-cli';

const TOKEN = 'SeCrEtToKeN4711abcdefXYZ';
let emulator: Emulator;

before(async () => {
  ensureCliBuilt();
  emulator = await startEmulator({ now: steppingClock() });
});
after(() => emulator.close());

/** A loopback port nobody listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function assertNoToken(result: CliResult, secret: string): void {
  assert.ok(!result.stdout.includes(secret), `token on stdout: ${result.stdout}`);
  assert.ok(!result.stderr.includes(secret), `token on stderr: ${result.stderr}`);
}

async function assertNoTokenInFiles(dir: string, secret: string): Promise<void> {
  for (const name of await fs.readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if ((await fs.stat(file)).isFile()) assert.ok(!(await fs.readFile(file, 'utf8')).includes(secret), `token in ${name}`);
  }
}

describe('the one-time token stays secret', () => {
  it('a refused, an unreachable, a non-https and a malformed token URL: no token in any output', async () => {
    const out = await tempDir('kyma-secret-');
    const refused = `${emulator.connectorUrl}/v1/applications/signingRequests/info?token=${TOKEN}`;
    const unreachable = `https://127.0.0.1:${await closedPort()}/v1/applications/signingRequests/info?token=${TOKEN}`;
    const plainHttp = `http://127.0.0.1:1/info?token=${TOKEN}`;
    const malformed = `https://a b/info?token=${TOKEN}`;
    for (const url of [refused, unreachable, plainHttp, malformed]) {
      for (const json of [true, false]) {
        const args = ['issue', '--token-url', url, '--out-dir', out, '--ca-file', emulator.serverCaFile, ...(json ? ['--json'] : [])];
        const result = await runCliWithin(args, { timeoutMs: 30_000 });
        assert.notEqual(result.code, 0, url);
        assertNoToken(result, TOKEN);
        if (json) {
          const error = (JSON.parse(result.stdout) as { error: { message: string } }).error;
          assert.ok(error.message.length > 0);
        }
      }
    }
    const invalid = await runCliWithin(['issue', '--token-url', refused, '--out-dir', out, '--ca-file', emulator.serverCaFile], { timeoutMs: 30_000 });
    assert.equal(invalid.code, exitCodeFor('invalid-token'));
    assert.match(invalid.stderr, /token=\*\*\*|Invalid token/);
    await assertNoTokenInFiles(out, TOKEN);
  });

  it('--token-url - reads the URL from standard input; KYMA_CERT_TOKEN is used without the flag', async () => {
    const fromStdin = await tempDir('kyma-secret-stdin-');
    const minted = emulator.mintToken('stdin-app');
    const viaStdin = await runCliWithin(['issue', '--token-url', '-', '--out-dir', fromStdin, '--ca-file', emulator.serverCaFile, '--json'], {
      input: `${minted.url}\n`,
      timeoutMs: 60_000,
    });
    assert.equal(viaStdin.code, 0, viaStdin.stderr + viaStdin.stdout);
    assert.match(viaStdin.stdout, /CN=stdin-app/);
    assertNoToken(viaStdin, minted.token);
    await assertNoTokenInFiles(fromStdin, minted.token);

    const fromEnv = await tempDir('kyma-secret-env-');
    const second = emulator.mintToken('env-app');
    const viaEnv = await runCliWithin(['issue', '--out-dir', fromEnv, '--ca-file', emulator.serverCaFile], {
      env: { KYMA_CERT_TOKEN: second.url },
      timeoutMs: 60_000,
    });
    assert.equal(viaEnv.code, 0, viaEnv.stderr);
    assertNoToken(viaEnv, second.token);
    await assertNoTokenInFiles(fromEnv, second.token);

    const none = await runCliWithin(['issue', '--out-dir', fromEnv], { env: { KYMA_CERT_TOKEN: '' }, timeoutMs: 20_000 });
    assert.equal(none.code, exitCodeFor('config'));
    assert.match(none.stderr, /KYMA_CERT_TOKEN/);
  });

  it('a token the server echoes back in its error text is masked too', async () => {
    const out = await tempDir('kyma-secret-echo-');
    const minted = emulator.mintToken('echo-app');
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'status', status: 500, message: `internal error for ${minted.token} at ${minted.url}` });
    const result = await runCliWithin(['issue', '--token-url', '-', '--out-dir', out, '--ca-file', emulator.serverCaFile, '--json'], {
      input: minted.url,
      timeoutMs: 30_000,
    });
    assert.equal(result.code, exitCodeFor('server'));
    assertNoToken(result, minted.token);
    assert.match(result.stdout, /\*\*\*/);
  });
});

describe('server text cannot forge terminal output', () => {
  it('ANSI escapes, CR/LF and a forged "Renewed" line in a server error reach stderr escaped, on one line', async () => {
    const ws = await makeWorkspace(emulator);
    const hostile = '\u001b[2K\u001b[1A\rRenewed O=Organization,CN=my-app, valid until 2099\n\u001b[32mRenewed\u001b[0m\u202eevil\u0085';
    emulator.injectFault({ endpoint: 'managementInfo', kind: 'status', status: 500, message: hostile });
    const args = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile];
    const result = await runCliWithin(args, { timeoutMs: 60_000 });
    assert.equal(result.code, exitCodeFor('server'), result.stderr);
    for (const stream of [result.stderr, result.stdout]) {
      assert.ok(!stream.includes('\u001b'), 'raw ESC in the output');
      assert.ok(!stream.includes('\r'), 'raw CR in the output');
      assert.ok(!/[\u202e\u0085]/.test(stream), 'raw bidi override / C1 control in the output');
      assert.ok(!stream.split('\n').some((line) => line.startsWith('Renewed')), `a forged line: ${stream}`);
    }
    assert.match(result.stderr, /\\e\[2K/);

    emulator.injectFault({ endpoint: 'managementInfo', kind: 'status', status: 500, message: hostile });
    const json = await runCliWithin([...args, '--json'], { timeoutMs: 60_000 });
    assert.ok(!json.stdout.includes('\u001b') && !json.stdout.includes('\u202e'));
    assert.match((JSON.parse(json.stdout) as { error: { message: string } }).error.message, /Renewed/);
  });
});
