"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const dn_1 = require("../../../src/core/dn");
const errors_1 = require("../../../src/core/errors");
const KYMA = 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app';
(0, node_test_1.describe)('RFC 4514 formatting', () => {
    (0, node_test_1.test)('reverses DER order and joins with commas', () => {
        const attrs = (0, dn_1.parseConnectorSubject)(KYMA);
        strict_1.default.equal((0, dn_1.formatRfc4514)(attrs), 'CN=my-app,C=DE,ST=Waldorf,L=Waldorf,OU=OrgUnit,O=Organization');
    });
    (0, node_test_1.test)('escapes , + " \\ < > ; anywhere, # and space at the start, space at the end', () => {
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)('a,b+c"d\\e<f>g;h'), 'a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h');
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)('#x'), '\\#x');
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)('x#'), 'x#');
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)(' lead and trail '), '\\ lead and trail\\ ');
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)('in side'), 'in side');
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)('nul\0 and\nnewline'), 'nul\\00 and\\0Anewline');
        strict_1.default.equal((0, dn_1.escapeRfc4514Value)('grüße=ok'), 'grüße=ok');
    });
    (0, node_test_1.test)('multi-valued RDNs are joined with + and keep their inner order', () => {
        const attrs = [
            { type: 'C', value: 'DE' },
            { type: 'O', value: 'Org' },
            { type: 'OU', value: 'Unit', joinedWithPrevious: true },
            { type: 'CN', value: 'app' },
        ];
        strict_1.default.equal((0, dn_1.formatRfc4514)(attrs), 'CN=app,OU=Unit+O=Org,C=DE'); // reversed inside the RDN too, as openssl does
    });
    (0, node_test_1.test)('non-string values keep their #hex form unescaped', () => {
        strict_1.default.equal((0, dn_1.formatRfc4514)([{ type: '1.2.3.4', value: '#020101', valueIsHexDer: true }]), '1.2.3.4=#020101');
    });
});
(0, node_test_1.describe)('connector subject', () => {
    (0, node_test_1.test)('formatConnectorSubject puts O,OU,L,ST,C,CN first whatever the DER order, extras after', () => {
        const attrs = [
            { type: 'CN', value: 'my-app' },
            { type: 'emailAddress', value: 'a@b.c' },
            { type: 'C', value: 'DE' },
            { type: 'ST', value: 'Waldorf' },
            { type: 'L', value: 'Waldorf' },
            { type: 'OU', value: 'OrgUnit' },
            { type: 'O', value: 'Organization' },
        ];
        strict_1.default.equal((0, dn_1.formatConnectorSubject)(attrs), `${KYMA},emailAddress=a@b.c`);
    });
    (0, node_test_1.test)('formatConnectorSubject lists only the types present', () => {
        strict_1.default.equal((0, dn_1.formatConnectorSubject)([{ type: 'CN', value: 'x' }, { type: 'O', value: 'y' }]), 'O=y,CN=x');
    });
    (0, node_test_1.test)('parseConnectorSubject splits on , then the first =, normalises types, honours escapes', () => {
        strict_1.default.deepEqual((0, dn_1.parseConnectorSubject)('cn=a=b, o = Org ,commonName=c\\,d'), [
            { type: 'CN', value: 'a=b' },
            { type: 'O', value: 'Org' },
            { type: 'CN', value: 'c,d' },
        ]);
        strict_1.default.deepEqual((0, dn_1.parseConnectorSubject)('CN=caf\\C3\\A9'), [{ type: 'CN', value: 'café' }]);
    });
    (0, node_test_1.test)('parseConnectorSubject rejects parts without = and unknown types', () => {
        strict_1.default.throws(() => (0, dn_1.parseConnectorSubject)('CN=a,garbage'), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
        strict_1.default.throws(() => (0, dn_1.parseConnectorSubject)('XYZ=a'), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
    });
    (0, node_test_1.test)('round trip: format then parse gives the same attributes in connector order', () => {
        const attrs = (0, dn_1.parseConnectorSubject)(KYMA);
        strict_1.default.deepEqual((0, dn_1.parseConnectorSubject)((0, dn_1.formatConnectorSubject)(attrs)), attrs);
    });
});
(0, node_test_1.describe)('subjectSatisfies (the service rule)', () => {
    const expected = (0, dn_1.parseConnectorSubject)(KYMA);
    (0, node_test_1.test)('order is irrelevant and extra attributes are ignored', () => {
        const actual = [...expected].reverse().concat([{ type: 'OU', value: 'Second' }, { type: 'emailAddress', value: 'x@y' }]);
        strict_1.default.equal((0, dn_1.subjectSatisfies)(expected, actual), true);
    });
    (0, node_test_1.test)('the first value of each type counts', () => {
        const actual = [{ type: 'OU', value: 'Other' }, ...expected];
        strict_1.default.equal((0, dn_1.subjectSatisfies)(expected, actual), false);
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, actual), 'CSR: Invalid organizational unit provided.');
    });
    (0, node_test_1.test)('the service messages for a wrong CN, a missing and a wrong attribute', () => {
        const without = (type) => expected.filter((a) => a.type !== type);
        const replaced = (type, value) => expected.map((a) => (a.type === type ? { type, value } : a));
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, replaced('CN', 'other-app')), 'CSR: Invalid common name provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, without('CN')), 'CSR: Invalid common name provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, without('C')), 'CSR: No country provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, replaced('C', 'PL')), 'CSR: Invalid country provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, without('O')), 'CSR: No organization provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, without('L')), 'CSR: No locality provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, replaced('ST', 'Bayern')), 'CSR: Invalid province provided.');
        strict_1.default.equal((0, dn_1.subjectMismatch)(expected, expected), undefined);
    });
    (0, node_test_1.test)('CN comparison is exact (case-sensitive)', () => {
        strict_1.default.equal((0, dn_1.subjectSatisfies)(expected, expected.map((a) => (a.type === 'CN' ? { ...a, value: 'My-App' } : a))), false);
    });
});
(0, node_test_1.describe)('DER names', () => {
    (0, node_test_1.test)('encode → decode keeps order, types, values and multi-valued RDNs', () => {
        const attrs = [
            { type: 'DC', value: 'example' },
            { type: 'C', value: 'DE' },
            { type: 'L', value: 'Grüße & Co, KG' },
            { type: 'O', value: 'Org' },
            { type: 'OU', value: 'Unit', joinedWithPrevious: true }, // already in DER SET OF order
            { type: 'emailAddress', value: 'x@example.com' },
            { type: 'serialNumber', value: '42' },
            { type: 'street', value: 'Main St 1' },
            { type: '1.2.3.4.5', value: 'custom' },
            { type: 'CN', value: '😀 emoji' },
        ];
        strict_1.default.deepEqual((0, dn_1.attributesFromNameDer)((0, dn_1.nameDerFromAttributes)(attrs)), attrs);
    });
    (0, node_test_1.test)('a multi-valued RDN is DER-sorted (SET OF) whatever the given order', () => {
        const given = [
            { type: 'OU', value: 'a' },
            { type: 'O', value: 'b', joinedWithPrevious: true },
        ];
        strict_1.default.deepEqual((0, dn_1.attributesFromNameDer)((0, dn_1.nameDerFromAttributes)(given)), [
            { type: 'O', value: 'b' },
            { type: 'OU', value: 'a', joinedWithPrevious: true },
        ]);
    });
    (0, node_test_1.test)('unknown attribute types cannot be encoded', () => {
        strict_1.default.throws(() => (0, dn_1.nameDerFromAttributes)([{ type: 'Nope', value: 'x' }]), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
    });
    (0, node_test_1.test)('garbage is a parse error', () => {
        strict_1.default.throws(() => (0, dn_1.attributesFromNameDer)(Buffer.from([0x30, 0x03, 0x31, 0x01, 0x00])), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
        strict_1.default.throws(() => (0, dn_1.attributesFromNameDer)(Buffer.from('not der')), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
    });
    (0, node_test_1.test)('normalizeAttributeType knows short names, long names and OIDs', () => {
        strict_1.default.equal((0, dn_1.normalizeAttributeType)('commonName'), 'CN');
        strict_1.default.equal((0, dn_1.normalizeAttributeType)('2.5.4.10'), 'O');
        strict_1.default.equal((0, dn_1.normalizeAttributeType)('EMAILADDRESS'), 'emailAddress');
        strict_1.default.equal((0, dn_1.normalizeAttributeType)('1.2.3'), '1.2.3');
        strict_1.default.equal((0, dn_1.normalizeAttributeType)('bogus'), undefined);
    });
});
(0, node_test_1.test)('toOpensslSubj writes DER order with / and escapes / + \\', () => {
    const attrs = [
        ...(0, dn_1.parseConnectorSubject)('O=Organization,CN=a/b'),
        { type: 'OU', value: 'x+y', joinedWithPrevious: true },
    ];
    strict_1.default.equal((0, dn_1.toOpensslSubj)(attrs), '/O=Organization/CN=a\\/b+OU=x\\+y');
});
//# sourceMappingURL=dn.test.js.map