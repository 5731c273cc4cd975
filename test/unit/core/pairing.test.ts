import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  backupDirFor,
  caFileFor,
  certificateBaseName,
  certificateCandidatesForKey,
  connectionFileFor,
  isCaFileName,
  isCertificateFileName,
  isKeyFileName,
  keyCandidates,
} from '../../../src/core/pairing';

const dir = join('work', 'certs');
const cert = join(dir, 'app.crt');

test('files that belong to dir/app.crt', () => {
  assert.deepEqual(keyCandidates(cert), [join(dir, 'app.key'), join(dir, 'app-key.pem'), join(dir, 'app.key.pem')]);
  assert.equal(caFileFor(cert), join(dir, 'app-ca.crt'));
  assert.equal(connectionFileFor(cert), join(dir, 'app.kyma.json'));
  assert.equal(backupDirFor(cert), join(dir, '.kyma-backups', 'app'));
});

test('the certificate extension is stripped for .crt .pem .cer .der, case-insensitively; dots in the base stay', () => {
  assert.equal(certificateBaseName('my.app.pem'), 'my.app');
  assert.equal(certificateBaseName('APP.CER'), 'APP');
  assert.equal(certificateBaseName('x.der'), 'x');
  assert.deepEqual(keyCandidates('client.pem'), ['client.key', 'client-key.pem', 'client.key.pem']);
});

test('certificate and key file names', () => {
  for (const name of ['app.crt', 'app.pem', 'app.cer', 'app.der', 'APP.CRT', 'app-ca.crt']) assert.equal(isCertificateFileName(name), true, name);
  for (const name of ['app.key', 'app-key.pem', 'app.key.pem', 'key.pem', 'app.kyma.json', 'README.md', '.crt']) {
    assert.equal(isCertificateFileName(name), false, name);
  }
  for (const name of ['app.key', 'app-key.pem', 'app.key.pem', 'key.pem', join('d', 'x.KEY')]) assert.equal(isKeyFileName(name), true, name);
  for (const name of ['app.pem', 'app.crt', 'keys.txt', '.key']) assert.equal(isKeyFileName(name), false, name);
  assert.equal(isCaFileName('app-ca.crt'), true);
  assert.equal(isCaFileName('app.crt'), false);
});

test('certificateCandidatesForKey inverts keyCandidates', () => {
  for (const key of keyCandidates(cert)) assert.ok(certificateCandidatesForKey(key).includes(cert), key);
  assert.deepEqual(certificateCandidatesForKey('app.pem'), []);
});
