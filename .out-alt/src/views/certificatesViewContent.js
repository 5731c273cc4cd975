"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareByExpiry = compareByExpiry;
exports.certificateRow = certificateRow;
exports.contextValueOf = contextValueOf;
exports.groupByCa = groupByCa;
exports.caGroupDescription = caGroupDescription;
exports.needingAction = needingAction;
const presentation_1 = require("./presentation");
/** Sort order of the view: soonest expiry first, then by name (stable across refreshes). */
function compareByExpiry(a, b) {
    return (a.view.facts.notAfter.getTime() - b.view.facts.notAfter.getTime() ||
        (0, presentation_1.displayName)(a.view.facts).localeCompare((0, presentation_1.displayName)(b.view.facts)));
}
/** The row for one certificate file. `shownPath` is the workspace-relative path. */
function certificateRow(file, view, shownPath, t) {
    return {
        file,
        label: (0, presentation_1.displayName)(view.facts),
        description: `${(0, presentation_1.expiryPhrase)(view, t)} · ${shownPath}`,
        icon: iconOf(view),
        contextValue: contextValueOf(view),
    };
}
function iconOf(view) {
    if (view.revoked)
        return { id: 'circle-slash', color: 'problemsErrorIcon.foreground' };
    switch ((0, presentation_1.severityOf)(view)) {
        case 'error':
            return { id: 'error', color: 'problemsErrorIcon.foreground' };
        case 'warning':
            return { id: 'warning', color: 'problemsWarningIcon.foreground' };
        case 'ok':
            return { id: 'verified', color: 'testing.iconPassed' };
    }
}
/**
 * Which actions make sense: renewal and revocation need a client certificate that is valid now (the gateway
 * rejects anything else in the handshake); an expired or revoked one needs a token instead.
 */
function contextValueOf(view) {
    if (view.facts.isCA)
        return 'kymaCert:ca';
    const state = view.expiry.state;
    if (view.revoked || state === 'expired')
        return 'kymaCert:client:needsToken';
    if (state === 'not-yet-valid')
        return 'kymaCert:client';
    return 'kymaCert:client:renewable:revocable';
}
/**
 * Groups the view's files by issuing CA: each client certificate goes under the CA named as its issuer; a CA shows
 * once, with every file that holds it, instead of once per `-ca.crt` file. Groups are ordered by their most urgent
 * member (CAs without members last, by name).
 */
function groupByCa(items) {
    const groups = new Map();
    const groupOf = (key, label) => {
        let group = groups.get(key);
        if (!group)
            groups.set(key, (group = { key, label, caFiles: [], members: [] }));
        return group;
    };
    for (const item of items) {
        for (const certificate of item.certificates) {
            if (!certificate.isCA)
                continue;
            const group = groupOf(certificate.subjectText, certificate.commonName || certificate.subjectText);
            group.label = certificate.commonName || certificate.subjectText; // the CA's own name wins over a guess
            // A CA file is one that is about a CA (its first certificate); a client's bundle only names the CA.
            if (item.view.facts.isCA && !group.caFiles.includes(item.file))
                group.caFiles.push(item.file);
        }
    }
    for (const item of items) {
        if (item.view.facts.isCA)
            continue;
        groupOf(item.view.facts.issuerText, commonNameOf(item.view.facts.issuerText)).members.push(item);
    }
    const all = [...groups.values()];
    for (const group of all)
        group.members.sort(compareByExpiry);
    return all.sort((a, b) => {
        if (a.members.length === 0 || b.members.length === 0)
            return b.members.length - a.members.length || a.label.localeCompare(b.label);
        return compareByExpiry(a.members[0], b.members[0]);
    });
}
/** `CN=Kyma CA,O=x` → `Kyma CA` (the whole name when it has no CN). */
function commonNameOf(dn) {
    const cn = dn.split(/(?<!\\),/).find((part) => /^\s*CN=/i.test(part));
    return cn ? cn.replace(/^\s*CN=/i, '') : dn;
}
/** The CA group's description: "CA · app-ca.crt, other-ca.crt" or that it is not in the workspace. */
function caGroupDescription(group, shownPath, t) {
    return group.caFiles.length > 0 ? `${t('CA')} · ${group.caFiles.map(shownPath).join(', ')}` : t('CA not in the workspace');
}
/** Client certificates that need action (the view's badge): anything not "ok", revoked included. */
function needingAction(views) {
    return views.filter((v) => !v.facts.isCA && (0, presentation_1.severityOf)(v) !== 'ok').length;
}
//# sourceMappingURL=certificatesViewContent.js.map