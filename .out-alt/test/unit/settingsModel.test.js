"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The settings model is the only way to read `kymaCert.*`: it matches the manifest's contributed settings (ids
 * and defaults), reads nothing else, and turns invalid input into the default.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const settingsModel_1 = require("../../src/settingsModel");
const root = [(0, node_path_1.resolve)(__dirname, '../../..'), process.cwd()].find((dir) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.nls.json'))) ?? process.cwd();
const contributed = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'package.json'), 'utf8')).contributes.configuration.properties;
(0, node_test_1.test)('the model and the manifest list the same settings with the same defaults', () => {
    const modelIds = Object.values(settingsModel_1.SETTINGS_MODEL).map((rule) => `kymaCert.${rule.id}`).sort();
    strict_1.default.deepEqual(modelIds, Object.keys(contributed).sort());
    for (const rule of Object.values(settingsModel_1.SETTINGS_MODEL)) {
        const manifestDefault = contributed[`kymaCert.${rule.id}`].default;
        // The manifest writes 1/3 as 0.3333; the model keeps the exact fraction.
        if (typeof manifestDefault === 'number')
            strict_1.default.ok(Math.abs(rule.default - manifestDefault) < 1e-3, rule.id);
        else
            strict_1.default.deepEqual(rule.default, manifestDefault, rule.id);
    }
});
(0, node_test_1.test)('only the ids of the model are read, each once', () => {
    const asked = [];
    (0, settingsModel_1.readSettings)((id) => {
        asked.push(id);
        return undefined;
    });
    strict_1.default.deepEqual(asked.sort(), Object.values(settingsModel_1.SETTINGS_MODEL).map((rule) => rule.id).sort());
});
(0, node_test_1.test)('values are typed and checked; invalid input falls back to the default', () => {
    const values = {
        'autoRenew.enabled': true,
        'autoRenew.thresholdFraction': 0.25,
        keyFiles: { 'certs/app.crt': 'keys/app.key', broken: 7 },
        maxFileSizeKb: 64,
        warningDays: 10,
        caFile: '  ca.pem  ',
        include: ['a/*.crt', 3],
    };
    const s = (0, settingsModel_1.readSettings)((id) => values[id]);
    strict_1.default.equal(s.autoRenewEnabled, true);
    strict_1.default.equal(s.autoRenewThresholdFraction, 0.25);
    strict_1.default.deepEqual(s.keyFiles, { 'certs/app.crt': 'keys/app.key' });
    strict_1.default.equal(s.maxFileSizeBytes, 64 * 1024);
    strict_1.default.equal(s.thresholds.warnDays, 10);
    strict_1.default.equal(s.caFile, 'ca.pem');
    strict_1.default.deepEqual(s.include, ['a/*.crt']);
    const invalid = {
        'autoRenew.enabled': 'yes',
        'autoRenew.thresholdFraction': 1.5,
        keyFiles: ['x'],
        maxFileSizeKb: 0,
        warningFraction: Number.NaN,
        include: 'a/*.crt',
    };
    const d = (0, settingsModel_1.readSettings)((id) => invalid[id]);
    strict_1.default.equal(d.autoRenewEnabled, false);
    strict_1.default.equal(d.autoRenewThresholdFraction, settingsModel_1.DEFAULT_SETTINGS.autoRenewThresholdFraction);
    strict_1.default.deepEqual(d.keyFiles, {});
    strict_1.default.equal(d.maxFileSizeBytes, 512 * 1024);
    strict_1.default.equal(d.thresholds.warnFraction, settingsModel_1.DEFAULT_SETTINGS.thresholds.warnFraction);
    strict_1.default.deepEqual(d.include, settingsModel_1.DEFAULT_SETTINGS.include);
});
(0, node_test_1.test)('settingId is the id the user writes', () => {
    strict_1.default.equal((0, settingsModel_1.settingId)('autoRenewThresholdFraction'), 'kymaCert.autoRenew.thresholdFraction');
    strict_1.default.equal((0, settingsModel_1.settingId)('rotateKey'), 'kymaCert.renewal.rotateKey');
});
//# sourceMappingURL=settingsModel.test.js.map