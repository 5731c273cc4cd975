"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_SETTINGS = exports.SETTINGS_MODEL = void 0;
exports.settingId = settingId;
exports.readSettings = readSettings;
/**
 * The `kymaCert.*` settings, in one table: each property of {@link SETTINGS_MODEL} names one setting (its id under
 * `kymaCert.`), its default and how a raw value is checked. {@link Settings} is derived from the table, and
 * {@link readSettings} reads only the ids in it, so a setting that is not in the model cannot be read, and adding
 * one is one line here (plus its `contributes.configuration` entry, which a unit test compares with this table).
 * No `vscode` import: the editor passes `WorkspaceConfiguration.get`, tests pass a plain lookup.
 */
const constants_1 = require("./constants");
const expiry_1 = require("./core/expiry");
function flag(id, fallback = false) {
    return { id, default: fallback, read: (raw) => (typeof raw === 'boolean' ? raw : fallback) };
}
function number(id, fallback, min, max = Number.POSITIVE_INFINITY) {
    return {
        id,
        default: fallback,
        read: (raw) => (typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max ? raw : fallback),
    };
}
/** Free text, trimmed; empty when unset. */
function text(id) {
    return { id, default: '', read: (raw) => (typeof raw === 'string' ? raw.trim() : '') };
}
function strings(id, fallback) {
    return {
        id,
        default: fallback,
        read: (raw) => (Array.isArray(raw) ? raw.filter((v) => typeof v === 'string') : fallback),
    };
}
/** An object of string values (other values are dropped). */
function stringMap(id) {
    return {
        id,
        default: {},
        read: (raw) => {
            const map = {};
            if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
                for (const [name, value] of Object.entries(raw))
                    if (typeof value === 'string')
                        map[name] = value;
            }
            return map;
        },
    };
}
/** Every setting the extension reads. Property = how code reads it; `id` = how the user writes it. */
exports.SETTINGS_MODEL = {
    warningDays: number('warningDays', expiry_1.DEFAULT_THRESHOLDS.warnDays, 0),
    warningFraction: number('warningFraction', expiry_1.DEFAULT_THRESHOLDS.warnFraction, 0, 1),
    errorDays: number('errorDays', expiry_1.DEFAULT_THRESHOLDS.errorDays, 0),
    /** Globs (relative to each workspace folder) of files to index. */
    include: strings('include', ['**/*.{crt,pem,cer,der}']),
    /** Globs never indexed, on top of `files.exclude`. */
    exclude: strings('exclude', ['**/.kyma-backups/**', '**/node_modules/**']),
    maxFileSizeKb: number('maxFileSizeKb', 512, 1, 4096),
    /** Certificate → key file pairs (paths relative to the workspace folder) that override the naming rules. */
    keyFiles: stringMap('keyFiles'),
    /** Machine-scoped: where renewal sends the client certificate. Empty when unset. */
    managementInfoUrl: text('managementInfoUrl'),
    clusterDomain: text('clusterDomain'),
    caFile: text('caFile'),
    insecure: flag('insecure'),
    autoRenewEnabled: flag('autoRenew.enabled'),
    /** Share of the validity period left when automatic renewal is due. */
    autoRenewThresholdFraction: number('autoRenew.thresholdFraction', 1 / 3, 0.01, 0.99),
    /** Keep encrypted keys' passphrases in SecretStorage (opt-in). */
    rememberKeyPassphrase: flag('rememberKeyPassphrase'),
    /** Renew with a new key (`renew --new-key`). */
    rotateKey: flag('renewal.rotateKey'),
};
/** Fully qualified setting id, e.g. `kymaCert.caFile`, for `affectsConfiguration`, messages and "Open Settings". */
function settingId(name) {
    return `${constants_1.SETTINGS_SECTION}.${exports.SETTINGS_MODEL[name].id}`;
}
/** Reads every setting of the model through `get(id)`; invalid values fall back to the defaults. */
function readSettings(get) {
    const values = {};
    for (const name of Object.keys(exports.SETTINGS_MODEL)) {
        const rule = exports.SETTINGS_MODEL[name];
        values[name] = rule.read(get(rule.id));
    }
    return withDerived(values);
}
function withDerived(values) {
    return {
        ...values,
        thresholds: { warnDays: values.warningDays, warnFraction: values.warningFraction, errorDays: values.errorDays },
        maxFileSizeBytes: values.maxFileSizeKb * 1024,
    };
}
/** The snapshot when nothing is set. */
exports.DEFAULT_SETTINGS = readSettings(() => undefined);
//# sourceMappingURL=settingsModel.js.map