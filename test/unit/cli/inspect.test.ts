import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { exitCodeFor } from '../../../src/core/errors';
import { DAY_MS, makeWorkspace } from '../lifecycle/fixtures';
import { emulatorForCliTests, JsonError, parseJson, runCli } from './run-cli';

const testEmulator = emulatorForCliTests();

describe('kyma-cert help and inspect (dist/cli.js)', () => {
  it('prints help with exit 0, and exits 2 on no or unknown command', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /renew/);
    assert.equal((await runCli([])).code, 2);
    const unknown = await runCli(['frobnicate', '--json']);
    assert.equal(unknown.code, 2);
    assert.equal(parseJson<JsonError>(unknown.stdout).error.kind, 'config');
    const badFlag = await runCli(['renew', '--cert', 'x', '--bogus']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /bogus/);
  });

  it('inspect lists every certificate of every file with days left and state', async () => {
    const ws = await makeWorkspace(testEmulator(), { layout: 'chain' });
    const other = await makeWorkspace(testEmulator(), { notBefore: new Date(Date.now() - 10 * DAY_MS), validityMs: DAY_MS });
    const result = await runCli(['inspect', ws.certFile, other.certFile, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const doc = parseJson<{ files: Array<{ file: string; certificates: Array<{ commonName?: string; state: string; daysLeft: number; isCA: boolean }> }> }>(
      result.stdout,
    );
    assert.equal(doc.files.length, 2);
    assert.equal(doc.files[0].certificates.length, 2);
    assert.equal(doc.files[0].certificates[0].commonName, 'my-app');
    assert.equal(doc.files[0].certificates[0].state, 'valid');
    assert.equal(doc.files[0].certificates[0].daysLeft, 90);
    assert.equal(doc.files[0].certificates[1].isCA, true);
    assert.equal(doc.files[1].certificates[0].state, 'expired');

    const human = await runCli(['inspect', ws.certFile]);
    assert.equal(human.code, 0);
    assert.match(human.stdout, /CN=my-app/);
    assert.match(human.stdout, /expires in 90 days/);

    const junk = path.join(ws.dir, 'junk.crt');
    await fs.writeFile(junk, 'not a certificate');
    const bad = await runCli(['inspect', junk]);
    assert.equal(bad.code, exitCodeFor('parse'));
  });
});
