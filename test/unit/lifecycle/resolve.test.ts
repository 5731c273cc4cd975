/**
 * The one resolver (lifecycle/resolve.ts) and the rule that paths in `<name>.kyma.json` stay inside the
 * certificate's folder (issue 7 row 6).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { readConnection, serializeConnection } from '../../../src/lifecycle/connection';
import { chooseKeyFile, defaultsFromSettings, pairKey, resolveCertificateInputs } from '../../../src/lifecycle/resolve';
import { keyNamed, makeCa, makeLeaf } from '../helpers/certs';
import { tempDir } from './fixtures';

const INFO = 'https://gateway.kyma.example/v1/applications/management/info';

async function folderWith(files: Record<string, string>): Promise<{ dir: string; certFile: string }> {
  const root = await tempDir();
  const dir = path.join(root, 'certs');
  await fs.mkdir(dir);
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return { dir, certFile: path.join(dir, 'app.crt') };
}

describe('remembered connection: paths must stay inside the certificate folder', () => {
  for (const [label, keyFile] of [
    ['a .. path', '../elsewhere/x.key'],
    ['an absolute path', '/etc/ssl/private/x.key'],
    ['a .. in the middle', 'sub/../../x.key'],
    ['a Windows absolute path', 'C:\\\\keys\\\\x.key'],
  ] as const) {
    it(`refuses ${label} with a config error naming the file`, async () => {
      const { certFile, dir } = await folderWith({ 'app.kyma.json': JSON.stringify({ infoUrl: INFO, keyFile }) });
      await assert.rejects(readConnection(certFile), (e: unknown) => {
        return isKymaCertError(e, 'config') && e.message.includes(path.join(dir, 'app.kyma.json')) && /outside/.test(e.message);
      });
    });
  }

  it('refuses a path that escapes through a symlinked folder, accepts one that stays inside', async () => {
    const { certFile, dir } = await folderWith({ 'app.kyma.json': JSON.stringify({ infoUrl: INFO, caFile: 'link/ca.pem' }) });
    const outside = await tempDir();
    await fs.writeFile(path.join(outside, 'ca.pem'), 'x');
    await fs.symlink(outside, path.join(dir, 'link'));
    await assert.rejects(readConnection(certFile), (e: unknown) => isKymaCertError(e, 'config') && /caFile/.test(e.message));
    await fs.unlink(path.join(dir, 'link'));
    await fs.mkdir(path.join(dir, 'inner'));
    await fs.symlink(path.join(dir, 'inner'), path.join(dir, 'link'));
    assert.equal((await readConnection(certFile))?.caFile, path.join(dir, 'link', 'ca.pem'));
  });

  it('does not remember an explicit path outside the folder (it would be refused when read back)', async () => {
    const { certFile, dir } = await folderWith({});
    const text = serializeConnection(certFile, { infoUrl: INFO, keyFile: path.join(dir, 'app.key'), caFile: '/etc/cluster-ca.pem' });
    const json = JSON.parse(text) as Record<string, unknown>;
    assert.equal(json.keyFile, 'app.key');
    assert.equal(json.caFile, undefined);
  });
});

describe('resolveCertificateInputs: explicit > remembered > defaults > naming rules', () => {
  it('takes flags over the remembered connection, and the remembered connection over workspace defaults', async () => {
    const { certFile, dir } = await folderWith({
      'app.kyma.json': JSON.stringify({ infoUrl: INFO, keyFile: 'remembered.key', caFile: 'server-ca.pem' }),
    });
    const defaults = defaultsFromSettings({ clusterDomain: 'other.example', caFile: '/workspace/ca.pem' });
    const remembered = await resolveCertificateInputs(certFile, {}, defaults);
    assert.equal(remembered.infoUrl, INFO);
    assert.equal(remembered.caFile, path.join(dir, 'server-ca.pem'));
    assert.deepEqual(
      remembered.keyCandidates.map((c) => [path.basename(c.file), c.source]),
      [
        ['remembered.key', 'connection'],
        ['app.key', 'naming'],
        ['app-key.pem', 'naming'],
        ['app.key.pem', 'naming'],
      ],
    );
    const explicit = await resolveCertificateInputs(certFile, { keyFile: '/k/flag.key', infoUrl: 'https://gateway.x/i', caFile: '/c.pem' }, defaults);
    assert.deepEqual(explicit.keyCandidates, [{ file: '/k/flag.key', source: 'flag' }]);
    assert.equal(explicit.infoUrl, 'https://gateway.x/i');
    assert.equal(explicit.caFile, '/c.pem');
    const bare = await resolveCertificateInputs(path.join(dir, 'none.crt'), {}, defaults);
    assert.equal(bare.infoUrl, 'https://gateway.other.example/v1/applications/management/info');
    assert.equal(bare.caFile, '/workspace/ca.pem');
  });

  it('a planted connection file with an escaping key is not used: its problem is reported, the naming rules still pair', async () => {
    const ca = makeCa();
    const leaf = makeLeaf(ca, { key: keyNamed('resolve-app') });
    const elsewhere = await tempDir();
    const { certFile, dir } = await folderWith({ 'app.crt': leaf.certPem, 'app.key': leaf.keyPem });
    await fs.writeFile(path.join(elsewhere, 'x.key'), leaf.keyPem);
    await fs.writeFile(path.join(dir, 'app.kyma.json'), JSON.stringify({ infoUrl: INFO, keyFile: path.relative(dir, path.join(elsewhere, 'x.key')) }));
    const inputs = await resolveCertificateInputs(certFile);
    assert.equal(inputs.remembered, undefined);
    assert.ok(isKymaCertError(inputs.rememberedProblem, 'config'));
    assert.equal(inputs.infoUrl, undefined);
    assert.equal(await chooseKeyFile(inputs), path.join(dir, 'app.key'));
    assert.ok(!inputs.keyCandidates.some((c) => c.file.startsWith(elsewhere)));
  });

  it('pairKey: the matching candidate wins over an earlier mismatching one; an explicit key is the only candidate', async () => {
    const ca = makeCa();
    const leaf = makeLeaf(ca, { key: keyNamed('resolve-app') });
    const other = makeLeaf(ca, { key: keyNamed('resolve-other') });
    const { certFile, dir } = await folderWith({ 'app.crt': leaf.certPem, 'app.key': other.keyPem, 'app-key.pem': leaf.keyPem });
    const inputs = await resolveCertificateInputs(certFile);
    const pairing = await pairKey(inputs.keyCandidates, [leaf.certDer]);
    assert.deepEqual(pairing, { status: 'match', file: path.join(dir, 'app-key.pem'), source: 'naming' });
    const explicit = await resolveCertificateInputs(certFile, { keyFile: path.join(dir, 'app.key'), keyFileFrom: 'setting' });
    assert.deepEqual(await pairKey(explicit.keyCandidates, [leaf.certDer]), { status: 'mismatch', file: path.join(dir, 'app.key'), source: 'setting' });
  });
});
