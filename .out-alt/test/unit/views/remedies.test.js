"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The editor words every remedy itself: no CLI flag or `kyma-cert` command reaches an editor user, settings it
 * names exist, and the remedies that need a new certificate offer the token command as a button.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const constants_1 = require("../../../src/constants");
const errors_1 = require("../../../src/core/errors");
const settingsModel_1 = require("../../../src/settingsModel");
const remedies_1 = require("../../../src/views/remedies");
const presentation_1 = require("../../../src/views/presentation");
const remedies_2 = require("../helpers/remedies");
const CLI_WORDING = /(^|[\s(`])--[a-z]|\bkyma-cert\b/;
const knownSettings = new Set(Object.values(settingsModel_1.SETTINGS_MODEL).map((rule) => `kymaCert.${rule.id}`));
(0, node_test_1.test)('every remedy is worded for the editor without CLI flags, naming only settings that exist', () => {
    for (const remedy of Object.values(remedies_2.ONE_OF_EACH_REMEDY)) {
        const shown = (0, remedies_1.editorRemedy)(new errors_1.KymaCertError('config', 'm', undefined, { remedy }), presentation_1.englishTranslate);
        strict_1.default.ok(shown.text.length > 0, remedy.kind);
        strict_1.default.doesNotMatch(shown.text, CLI_WORDING, remedy.kind);
        for (const named of shown.text.match(/kymaCert\.[\w.]+\w/g) ?? [])
            strict_1.default.ok(knownSettings.has(named), `${remedy.kind}: ${named}`);
        for (const action of shown.actions) {
            if (action.kind === 'open-settings' && action.setting.startsWith('kymaCert.'))
                strict_1.default.ok(knownSettings.has(action.setting), action.setting);
        }
        strict_1.default.equal(shown.actions.at(-1)?.kind, 'show-logs', `${remedy.kind}: Show Logs comes last`);
    }
});
(0, node_test_1.test)('remedies that need a new certificate or token offer "Request Certificate with Token…"', () => {
    for (const kind of ['new-certificate-with-token', 'new-token', 'allow-issuer-change']) {
        const shown = (0, remedies_1.editorRemedy)(new errors_1.KymaCertError('revoked', 'm', undefined, { remedy: remedies_2.ONE_OF_EACH_REMEDY[kind] }), presentation_1.englishTranslate);
        const first = shown.actions[0];
        strict_1.default.ok(first.kind === 'command' && first.command === constants_1.CommandId.requestCertificateWithToken, kind);
        strict_1.default.equal(first.title, 'Request Certificate with Token…');
    }
    const url = (0, remedies_1.editorRemedy)(new errors_1.KymaCertError('config', 'm', undefined, { remedy: remedies_2.ONE_OF_EACH_REMEDY['set-management-url'] }), presentation_1.englishTranslate);
    strict_1.default.deepEqual(url.actions[0], { kind: 'open-settings', title: 'Open Settings', setting: 'kymaCert.managementInfoUrl' });
    strict_1.default.doesNotMatch(url.text, /Info URL/, 'no setting that does not exist');
});
(0, node_test_1.test)('a free-text hint reaches the editor only when it names no CLI flag', () => {
    const flagged = new errors_1.KymaCertError('passphrase-required', 'm', 'Give the passphrase: --key-passphrase-env VAR.');
    strict_1.default.equal((0, remedies_1.editorRemedy)(flagged, presentation_1.englishTranslate).text, '');
    const neutral = new errors_1.KymaCertError('bad-request', 'm', 'The CSR subject must match certificate.subject.');
    strict_1.default.equal((0, remedies_1.editorRemedy)(neutral, presentation_1.englishTranslate).text, 'The CSR subject must match certificate.subject.');
    strict_1.default.deepEqual((0, remedies_1.editorRemedy)(new Error('x'), presentation_1.englishTranslate), { text: '', actions: [{ kind: 'show-logs', title: 'Show Logs' }] });
});
//# sourceMappingURL=remedies.test.js.map