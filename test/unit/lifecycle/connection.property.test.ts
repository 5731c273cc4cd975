/**
 * Property (issue 7): whatever a `<name>.kyma.json` holds (noise, any JSON, hostile paths through symlinks), the
 * remembered-connection reader returns or throws KymaCertError — and when it returns, every path it hands out lies
 * inside the certificate's folder, also after following symlinks.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { KymaCertError } from '../../../src/core/errors';
import { isInside, parseConnection, readConnection, type RememberedConnection } from '../../../src/lifecycle/connection';
import { tempDir } from './fixtures';

/** Cases through the parser and path checks (the file read is the bounded reader, tested on its own)… */
const RUNS = 10_000;
/** …and cases through the whole reader, file included. */
const FILE_RUNS = 300;

const hostilePath = fc.constantFrom(
  'app.key',
  'sub/app.key',
  './app.key',
  '../app.key',
  '../../etc/passwd',
  '/etc/passwd',
  'sub/../../x',
  'C:\\keys\\x.key',
  '\\\\server\\share\\x',
  'out/x.key',
  'in/x.key',
  'out',
  '',
  '.',
  '..',
  'a\u0000b',
  '~/x.key',
  'sub//..//..//x',
);
const pathValue = fc.oneof(hostilePath, fc.string(), fc.constant(null), fc.integer(), fc.anything());
const connectionObject = fc.record(
  {
    infoUrl: fc.oneof(fc.constant('https://gateway.example/v1/applications/management/info'), fc.string(), fc.anything()),
    keyFile: pathValue,
    caFile: pathValue,
    revoked: fc.oneof(fc.record({ at: fc.oneof(fc.string(), fc.anything()), sha256Hex: fc.oneof(fc.string(), fc.anything()) }), fc.anything()),
  },
  { requiredKeys: [] },
);
const fileText = fc.oneof(
  connectionObject.map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
);

test(`readConnection: ${RUNS + FILE_RUNS} arbitrary connection files return inside-the-folder paths or throw KymaCertError`, async () => {
  const root = await tempDir();
  const dir = path.join(root, 'certs');
  const outside = path.join(root, 'elsewhere');
  await fs.mkdir(path.join(dir, 'sub'), { recursive: true });
  await fs.mkdir(outside);
  await fs.symlink(outside, path.join(dir, 'out')); // a link leading out of the folder
  await fs.symlink(path.join(dir, 'sub'), path.join(dir, 'in')); // a link that stays inside
  await fs.writeFile(path.join(outside, 'x.key'), 'k');
  await fs.writeFile(path.join(dir, 'sub', 'x.key'), 'k');
  const certFile = path.join(dir, 'app.crt');
  const connectionFile = path.join(dir, 'app.kyma.json');
  const realDir = await fs.realpath(dir);

  async function check(read: () => Promise<RememberedConnection | undefined>): Promise<void> {
    let result;
    try {
      result = await read();
    } catch (e) {
      assert.ok(e instanceof KymaCertError, `not a KymaCertError: ${String(e)}`);
      return;
    }
    assert.ok(result && typeof result.infoUrl === 'string' && result.infoUrl !== '');
    for (const p of [result.keyFile, result.caFile]) {
      if (p === undefined) continue;
      assert.ok(isInside(dir, p), `${p} outside`);
      const real = await fs.realpath(p).catch(() => undefined);
      if (real) assert.ok(isInside(realDir, real), `${p} resolves outside`);
    }
  }

  await fc.assert(
    fc.asyncProperty(fileText, (text) => check(() => parseConnection(certFile, Buffer.from(text, 'utf8')))),
    { numRuns: RUNS },
  );
  await fc.assert(
    fc.asyncProperty(fileText, async (text) => {
      await fs.writeFile(connectionFile, text);
      await check(() => readConnection(certFile));
    }),
    { numRuns: FILE_RUNS },
  );
});
