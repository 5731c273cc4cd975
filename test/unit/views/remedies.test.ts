/**
 * The editor words every remedy itself: no CLI flag or `kyma-cert` command reaches an editor user, settings it
 * names exist, and the remedies that need a new certificate offer the token command as a button.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandId } from '../../../src/constants';
import { KymaCertError } from '../../../src/core/errors';
import { SETTINGS_MODEL } from '../../../src/settingsModel';
import { editorRemedy } from '../../../src/views/remedies';
import { englishTranslate } from '../../../src/views/presentation';
import { ONE_OF_EACH_REMEDY } from '../helpers/remedies';

const CLI_WORDING = /(^|[\s(`])--[a-z]|\bkyma-cert\b/;
const knownSettings = new Set(Object.values(SETTINGS_MODEL).map((rule) => `kymaCert.${rule.id}`));

test('every remedy is worded for the editor without CLI flags, naming only settings that exist', () => {
  for (const remedy of Object.values(ONE_OF_EACH_REMEDY)) {
    const shown = editorRemedy(new KymaCertError('config', 'm', undefined, { remedy }), englishTranslate);
    assert.ok(shown.text.length > 0, remedy.kind);
    assert.doesNotMatch(shown.text, CLI_WORDING, remedy.kind);
    for (const named of shown.text.match(/kymaCert\.[\w.]+\w/g) ?? []) assert.ok(knownSettings.has(named), `${remedy.kind}: ${named}`);
    for (const action of shown.actions) {
      if (action.kind === 'open-settings' && action.setting.startsWith('kymaCert.')) assert.ok(knownSettings.has(action.setting), action.setting);
    }
    assert.equal(shown.actions.at(-1)?.kind, 'show-logs', `${remedy.kind}: Show Logs comes last`);
  }
});

test('remedies that need a new certificate or token offer "Request Certificate with Token…"', () => {
  for (const kind of ['new-certificate-with-token', 'new-token', 'allow-issuer-change'] as const) {
    const shown = editorRemedy(new KymaCertError('revoked', 'm', undefined, { remedy: ONE_OF_EACH_REMEDY[kind] }), englishTranslate);
    const first = shown.actions[0];
    assert.ok(first.kind === 'command' && first.command === CommandId.requestCertificateWithToken, kind);
    assert.equal(first.title, 'Request Certificate with Token…');
  }
  const url = editorRemedy(new KymaCertError('config', 'm', undefined, { remedy: ONE_OF_EACH_REMEDY['set-management-url'] }), englishTranslate);
  assert.deepEqual(url.actions[0], { kind: 'open-settings', title: 'Open Settings', setting: 'kymaCert.managementInfoUrl' });
  assert.doesNotMatch(url.text, /Info URL/, 'no setting that does not exist');
});

test('a free-text hint reaches the editor only when it names no CLI flag', () => {
  const flagged = new KymaCertError('passphrase-required', 'm', 'Give the passphrase: --key-passphrase-env VAR.');
  assert.equal(editorRemedy(flagged, englishTranslate).text, '');
  const neutral = new KymaCertError('bad-request', 'm', 'The CSR subject must match certificate.subject.');
  assert.equal(editorRemedy(neutral, englishTranslate).text, 'The CSR subject must match certificate.subject.');
  assert.deepEqual(editorRemedy(new Error('x'), englishTranslate), { text: '', actions: [{ kind: 'show-logs', title: 'Show Logs' }] });
});
