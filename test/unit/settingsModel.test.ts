/**
 * The settings model is the only way to read `kymaCert.*`: it matches the manifest's contributed settings (ids
 * and defaults), reads nothing else, and turns invalid input into the default.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, SETTINGS_MODEL, readSettings, settingId } from '../../src/settingsModel';

const root = [resolve(__dirname, '../../..'), process.cwd()].find((dir) => existsSync(join(dir, 'package.nls.json'))) ?? process.cwd();
const contributed = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown }> } };
  }
).contributes.configuration.properties;

test('the model and the manifest list the same settings with the same defaults', () => {
  const modelIds = Object.values(SETTINGS_MODEL)
    .map((rule) => `kymaCert.${rule.id}`)
    .sort();
  assert.deepEqual(modelIds, Object.keys(contributed).sort());
  for (const rule of Object.values(SETTINGS_MODEL)) {
    const manifestDefault = contributed[`kymaCert.${rule.id}`].default;
    // The manifest writes 1/3 as 0.3333; the model keeps the exact fraction.
    if (typeof manifestDefault === 'number') assert.ok(Math.abs((rule.default as number) - manifestDefault) < 1e-3, rule.id);
    else assert.deepEqual(rule.default, manifestDefault, rule.id);
  }
});

test('only the ids of the model are read, each once', () => {
  const asked: string[] = [];
  readSettings((id) => {
    asked.push(id);
    return undefined;
  });
  assert.deepEqual(
    asked.sort(),
    Object.values(SETTINGS_MODEL)
      .map((rule) => rule.id)
      .sort(),
  );
});

test('values are typed and checked; invalid input falls back to the default', () => {
  const values: Record<string, unknown> = {
    'autoRenew.enabled': true,
    'autoRenew.thresholdFraction': 0.25,
    keyFiles: { 'certs/app.crt': 'keys/app.key', broken: 7 },
    maxFileSizeKb: 64,
    warningDays: 10,
    caFile: '  ca.pem  ',
    include: ['a/*.crt', 3],
  };
  const s = readSettings((id) => values[id]);
  assert.equal(s.autoRenewEnabled, true);
  assert.equal(s.autoRenewThresholdFraction, 0.25);
  assert.deepEqual(s.keyFiles, { 'certs/app.crt': 'keys/app.key' });
  assert.equal(s.maxFileSizeBytes, 64 * 1024);
  assert.equal(s.thresholds.warnDays, 10);
  assert.equal(s.caFile, 'ca.pem');
  assert.deepEqual(s.include, ['a/*.crt']);

  const invalid: Record<string, unknown> = {
    'autoRenew.enabled': 'yes',
    'autoRenew.thresholdFraction': 1.5,
    keyFiles: ['x'],
    maxFileSizeKb: 0,
    warningFraction: Number.NaN,
    include: 'a/*.crt',
  };
  const d = readSettings((id) => invalid[id]);
  assert.equal(d.autoRenewEnabled, false);
  assert.equal(d.autoRenewThresholdFraction, DEFAULT_SETTINGS.autoRenewThresholdFraction);
  assert.deepEqual(d.keyFiles, {});
  assert.equal(d.maxFileSizeBytes, 512 * 1024);
  assert.equal(d.thresholds.warnFraction, DEFAULT_SETTINGS.thresholds.warnFraction);
  assert.deepEqual(d.include, DEFAULT_SETTINGS.include);
});

test('settingId is the id the user writes', () => {
  assert.equal(settingId('autoRenewThresholdFraction'), 'kymaCert.autoRenew.thresholdFraction');
  assert.equal(settingId('rotateKey'), 'kymaCert.renewal.rotateKey');
});
