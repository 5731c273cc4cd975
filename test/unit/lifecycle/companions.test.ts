import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CertificateEntry } from '../../../src/lifecycle/certificateEntry';
import { isCompanionOf } from '../../../src/lifecycle/companions';

const dir = path.join(path.sep, 'ws', 'certs');
const at = (name: string): string => path.join(dir, name);

function entry(file: string, extra: Partial<CertificateEntry> = {}): CertificateEntry {
  return { file: at(file), format: 'pem', certificates: [], key: { status: 'missing' }, revoked: false, ...extra };
}

test('a certificate file is no companion of its neighbours; their keys, CA and connection files are', () => {
  const app = entry('app.crt');
  for (const companion of ['app.key', 'app-key.pem', 'app.key.pem', 'app-ca.crt', 'app.kyma.json', 'APP.KEY']) {
    assert.equal(isCompanionOf(app, at(companion)), true, companion);
  }
  for (const other of ['other.crt', 'other.key', 'app.crt', 'app.pem', 'other-ca.crt']) {
    assert.equal(isCompanionOf(app, at(other)), false, other);
  }
});

test('the key it found, the files its remembered connection names and the key set for it in the settings count too', () => {
  const remembered = entry('svc.crt', {
    key: { status: 'match', file: at('secret.pem'), source: 'connection' },
    connection: { infoUrl: 'https://gateway.example/v1/applications/management/info', keyFile: at('secret.pem'), caFile: at('cluster-ca.pem') },
  });
  assert.equal(isCompanionOf(remembered, at('secret.pem')), true);
  assert.equal(isCompanionOf(remembered, at('cluster-ca.pem')), true);
  assert.equal(isCompanionOf(entry('svc.crt'), at('chosen.pem'), at('chosen.pem')), true);
  assert.equal(isCompanionOf(entry('svc.crt'), at('chosen.pem')), false);
});
