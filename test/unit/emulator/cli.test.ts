/** `kyma-cert emulator` entry: argument parsing, the ready line, request logging and a clean stop on SIGTERM. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { certificateFacts } from '../../../src/core/certificate';
import { createCsr } from '../../../src/core/csr';
import { isKymaCertError } from '../../../src/core/errors';
import { parseEmulatorArgs } from '../../../src/emulator';
import { keyNamed, kymaSubject } from '../helpers/certs';
import { csrBody, rawRequest } from './support';

const CLI_MODULE = join(__dirname, '../../../src/emulator/cli.js');

describe('parseEmulatorArgs', () => {
  it('reads every flag, in both --flag value and --flag=value form', () => {
    assert.deepEqual(
      parseEmulatorArgs([
        '--port',
        '8443',
        '--gateway-port=9443',
        '--internal-port',
        '8080',
        '--state-dir',
        '/tmp/s',
        '--validity',
        '2h',
        '--host',
        '::1',
        '--token-ttl=90s',
        '--ca-key-bits',
        '4096',
      ]),
      { port: 8443, gatewayPort: 9443, internalPort: 8080, stateDir: '/tmp/s', validityMs: 7_200_000, host: '::1', tokenTtlMs: 90_000, caKeyBits: 4096 },
    );
    assert.deepEqual(parseEmulatorArgs([]), {});
  });

  it('throws config errors for unknown flags, missing values, bad ports and durations', () => {
    for (const argv of [['--nope', '1'], ['--port'], ['--port', '70000'], ['--validity', '3y'], ['--ca-key-bits', '1024']]) {
      assert.throws(
        () => parseEmulatorArgs(argv),
        (e: unknown) => isKymaCertError(e, 'config'),
        argv.join(' '),
      );
    }
  });
});

describe('runEmulatorCli', () => {
  it('prints one JSON ready line, logs method/path/status without tokens, and exits 0 on SIGTERM', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'wire-cli-'));
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(CLI_MODULE)}).runEmulatorCli(process.argv.slice(1)).catch((e) => { console.error(e.message); process.exit(1); })`,
        '--',
        '--state-dir',
        stateDir,
        '--validity',
        '2h',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const ready = JSON.parse(line);
      assert.deepEqual(Object.keys(ready), ['connectorUrl', 'gatewayUrl', 'internalUrl', 'infoUrl', 'serverCaFile', 'clientCaFile']);
      assert.equal(ready.serverCaFile, join(stateDir, 'server-ca.crt'));
      assert.ok(existsSync(ready.clientCaFile));
      assert.equal(ready.infoUrl, `${ready.gatewayUrl}/v1/applications/management/info`);

      const token = JSON.parse(
        (
          await rawRequest(`${ready.internalUrl}/v1/applications/tokens`, {
            method: 'POST',
            headers: { Application: 'cli-app', 'Content-Type': 'application/json' },
          })
        ).body,
      );
      const ca = await readFile(ready.serverCaFile, 'utf8');
      const info = JSON.parse((await rawRequest(token.url, { ca })).body);
      const issued = await rawRequest(info.csrUrl, { method: 'POST', body: csrBody(createCsr(kymaSubject('cli-app'), keyNamed('cli-key'))), ca });
      assert.equal(issued.status, 201);
      const cert = certificateFacts(Buffer.from(JSON.parse(issued.body).clientCrt, 'base64').toString());
      assert.equal(cert.notAfter.getTime() - cert.notBefore.getTime(), 7_200_000, '--validity 2h applies');

      child.kill('SIGTERM');
      const [code] = await exited;
      assert.equal(code, 0, stderr);
      assert.match(stderr, /^internal POST \/v1\/applications\/tokens 201$/m);
      assert.match(stderr, /^connector GET \/v1\/applications\/signingRequests\/info 200$/m);
      assert.match(stderr, /^connector POST \/v1\/applications\/certificates 201$/m);
      assert.ok(!stderr.includes(token.token), 'tokens never reach the log');
      assert.ok(!stderr.includes('BEGIN'), 'no PEM in the log');
      assert.match(stderr, /SIGTERM, shutting down/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});
