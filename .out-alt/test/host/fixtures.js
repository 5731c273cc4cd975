"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FixtureFiles = void 0;
exports.createFixtureWorkspace = createFixtureWorkspace;
/**
 * Workspaces the host test runner (test/host/runner.mjs) opens. Created fresh in the run's temp dir before
 * the workbench starts and deleted afterwards, so no key is ever committed: certificates are generated here.
 * Suites that need more (emulator-issued certificates, connection files) write them into the open folder.
 */
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const certs_1 = require("../unit/helpers/certs");
/** Paths inside a fixture workspace (relative to its root). */
exports.FixtureFiles = {
    readme: 'README.md',
    certificate: 'certs/app.crt',
    privateKey: 'certs/app.key',
};
/**
 * Fills `dir` (an existing empty folder) with the named fixture:
 * - `plain`: only README.md (the explorer has a row to right-click; no certificate, so nothing activates it)
 * - `with-certificate`: plus a self-signed client certificate certs/app.crt valid for 20 more days and its
 *   key certs/app.key (mode 0600), enough for `workspaceContains` activation and an "expiring" state.
 */
async function createFixtureWorkspace(dir, name = 'plain') {
    if (name !== 'plain' && name !== 'with-certificate') {
        throw new Error(`unknown fixture '${name}' (known: plain, with-certificate)`);
    }
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, exports.FixtureFiles.readme), '# Fixture workspace\n\nCreated by test/host/fixtures.ts for one host test run.\n');
    if (name === 'with-certificate') {
        const { certificatePem, privateKeyPem } = selfSignedCertificate('fixture-app', new Date());
        await (0, promises_1.mkdir)((0, node_path_1.join)(dir, 'certs'));
        await (0, promises_1.writeFile)((0, node_path_1.join)(dir, exports.FixtureFiles.certificate), certificatePem);
        await (0, promises_1.writeFile)((0, node_path_1.join)(dir, exports.FixtureFiles.privateKey), privateKeyPem, { mode: 0o600 });
    }
}
/** A self-signed RSA certificate with a Connector-style subject, valid from 10 days ago to 20 days ahead. */
function selfSignedCertificate(commonName, now) {
    const cert = (0, certs_1.makeCa)({
        subject: `O=fixture-tenant,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=${commonName}`,
        notBefore: new Date(now.getTime() - 10 * certs_1.DAY_MS),
        notAfter: new Date(now.getTime() + 20 * certs_1.DAY_MS),
        isCA: false,
        extKeyUsage: ['clientAuth'],
    });
    return { certificatePem: cert.certPem, privateKeyPem: cert.keyPem };
}
//# sourceMappingURL=fixtures.js.map