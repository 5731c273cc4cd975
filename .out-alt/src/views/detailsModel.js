"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detailsPageInput = detailsPageInput;
exports.chainOf = chainOf;
const entryView_1 = require("./entryView");
const certificatesViewContent_1 = require("./certificatesViewContent");
const statusBarContent_1 = require("./statusBarContent");
function detailsPageInput(input) {
    const { entry, caEntry, now, thresholds, displayPath, t } = input;
    const empty = { renew: false, revoke: false, restore: false };
    if (!entry)
        return { file: displayPath(input.file), format: 'pem', chain: [], backups: [], thresholds, now, actions: empty };
    const leaf = (0, entryView_1.viewOf)(entry, entry.certificates[0], now, thresholds, displayPath);
    const context = (0, certificatesViewContent_1.contextValueOf)(leaf);
    const connection = entry.connection;
    return {
        file: displayPath(entry.file),
        format: entry.format,
        leaf,
        chain: chainOf(entry, caEntry, displayPath),
        key: leaf.facts.isCA ? undefined : (0, entryView_1.keyViewOf)(entry.key, displayPath),
        connection: connection && {
            backend: backendOf(connection),
            urls: urlsOf(connection, t),
            caFile: connection.caFile ? displayPath(connection.caFile) : undefined,
        },
        backups: input.backups,
        thresholds,
        now,
        actions: {
            renew: (0, statusBarContent_1.renewOffered)(leaf) && context.includes(':renewable'),
            revoke: context.includes(':revocable'),
            restore: !leaf.facts.isCA && input.backups.length > 0,
        },
    };
}
/** Leaf → CA: the file's own certificates, then those of its CA file that are not in it already. */
function chainOf(entry, caEntry, displayPath) {
    const links = entry.certificates.map((c) => ({ facts: c.facts, file: displayPath(entry.file) }));
    const seen = new Set(entry.certificates.map((c) => c.facts.sha256Hex));
    for (const c of caEntry?.certificates ?? []) {
        if (seen.has(c.facts.sha256Hex))
            continue;
        seen.add(c.facts.sha256Hex);
        links.push({ facts: c.facts, file: displayPath(caEntry.file) });
    }
    return links;
}
/** Which connector the remembered connection talks to (a `backend` field if it has one, else Kyma's). */
function backendOf(connection) {
    const backend = connection.backend;
    return typeof backend === 'string' && backend !== '' ? backend : 'Kyma Connector Service';
}
/** The management-info URL and any other URL the remembered connection keeps (never a token URL). */
function urlsOf(connection, t) {
    const urls = [];
    for (const [key, value] of Object.entries(connection)) {
        if (typeof value !== 'string' || !/Url$/.test(key) || /token/i.test(key))
            continue;
        urls.push({ label: key === 'infoUrl' ? t('Management info URL') : key, url: value });
    }
    return urls;
}
//# sourceMappingURL=detailsModel.js.map