"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TAG_CONTEXT_0_CONSTRUCTED = exports.TAG_SEQUENCE = exports.TAG_OCTET_STRING = exports.TAG_BIT_STRING = exports.TAG_INTEGER = void 0;
exports.forgeFromDer = forgeFromDer;
exports.exactDerTree = exactDerTree;
exports.forgeToDer = forgeToDer;
exports.childrenOf = childrenOf;
exports.isPrimitive = isPrimitive;
exports.oidOf = oidOf;
exports.bitStringBytes = bitStringBytes;
exports.sequence = sequence;
exports.set = set;
exports.oid = oid;
exports.integer = integer;
exports.booleanTrue = booleanTrue;
exports.nullValue = nullValue;
exports.octetString = octetString;
exports.bitString = bitString;
exports.stringValue = stringValue;
exports.contextConstructed = contextConstructed;
exports.contextPrimitive = contextPrimitive;
exports.time = time;
exports.toPem = toPem;
exports.readTlv = readTlv;
exports.readChildren = readChildren;
exports.tlvOid = tlvOid;
/**
 * The project's one set of DER helpers, all over node-forge's forge.asn1 (the kept ASN.1 library): parsing with
 * `parse` errors, small node builders and readers, and the PEM writer. Certificates, CSRs, names and the emulator
 * build and read their structures with these.
 */
const node_forge_1 = __importDefault(require("node-forge"));
const errors_1 = require("./errors");
const { asn1 } = node_forge_1.default;
const { Class, Type } = asn1;
// decodeBitStrings:false keeps signatures and keys opaque (forge would otherwise try to read their bytes as ASN.1).
const PARSE_OPTIONS = { strict: true, parseAllBytes: true, decodeBitStrings: false };
const fromDer = asn1.fromDer;
/** Parses DER (every byte, no trailing data) into a forge tree; any failure is a `parse` error naming `what`. */
function forgeFromDer(der, what) {
    try {
        return fromDer(der.toString('binary'), PARSE_OPTIONS);
    }
    catch (e) {
        throw new errors_1.KymaCertError('parse', `${what} is not valid DER`, undefined, { cause: e });
    }
}
/**
 * Like forgeFromDer, for structures whose original bytes matter (a CSR's signed info; the subject and key the
 * emulator copies verbatim into a certificate). forge keeps no byte offsets, so the tree is re-encoded and must
 * equal the input: then every node re-encodes to exactly its original bytes (each header is read back from the
 * same position of the same bytes, so all element boundaries coincide), and forgeToDer(node) IS the original.
 * forge round-trips DER exactly — checked on our own and OpenSSL's certificates and CSRs (RSA/EC, PrintableString,
 * UTF8String, T61String incl. Latin-1, BMPString, IA5String, multi-valued RDNs). It only normalises non-DER
 * (BER) input: indefinite or non-minimal lengths, padded INTEGERs. Such input is rejected here, as the Connector
 * Service (Go encoding/asn1, DER only) rejects it.
 */
function exactDerTree(der, what) {
    const tree = forgeFromDer(der, what);
    if (!forgeToDer(tree).equals(der))
        throw new errors_1.KymaCertError('parse', `${what} is not DER (BER encoding)`);
    return tree;
}
/** forge ASN.1 node → DER bytes. */
function forgeToDer(node) {
    return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}
// ---------------------------------------------------------------------------------------------
// Reading nodes
/** The children of a constructed node; `parse` error "<what> is malformed" otherwise. */
function childrenOf(node, what, type = Type.SEQUENCE) {
    if (node === undefined || node.tagClass !== Class.UNIVERSAL || node.type !== type || !Array.isArray(node.value)) {
        throw new errors_1.KymaCertError('parse', `${what} is malformed`);
    }
    return node.value;
}
/** True for a UNIVERSAL primitive node of `type`. */
function isPrimitive(node, type) {
    return node !== undefined && node.tagClass === Class.UNIVERSAL && node.type === type && typeof node.value === 'string';
}
/** The dotted form of an OBJECT IDENTIFIER node; `parse` error otherwise. */
function oidOf(node, what) {
    if (!isPrimitive(node, Type.OID) || node.value.length === 0)
        throw new errors_1.KymaCertError('parse', `${what} is malformed`);
    try {
        return asn1.derToOid(node.value);
    }
    catch (e) {
        throw new errors_1.KymaCertError('parse', `${what} is malformed`, undefined, { cause: e });
    }
}
/** The bits of a BIT STRING node with no unused bits (signatures, public keys); `parse` error otherwise. */
function bitStringBytes(node, what) {
    const content = isPrimitive(node, Type.BITSTRING) ? node.value : '';
    if (content.length < 2 || content.charCodeAt(0) !== 0)
        throw new errors_1.KymaCertError('parse', `${what} is malformed`);
    return Buffer.from(content.slice(1), 'binary');
}
// ---------------------------------------------------------------------------------------------
// Building nodes (forge keeps byte strings in JS "binary" strings: one char per byte)
function sequence(items) {
    return asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
}
function set(items) {
    return asn1.create(Class.UNIVERSAL, Type.SET, true, items);
}
function oid(dotted) {
    return asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(dotted).getBytes());
}
/** An INTEGER from its two's-complement content bytes. */
function integer(bytes) {
    return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, bytes.toString('binary'));
}
function booleanTrue() {
    return asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff');
}
function nullValue() {
    return asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
}
function octetString(bytes) {
    return asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
}
/** BIT STRING; the first content byte is the count of unused bits. */
function bitString(bytes, unusedBits = 0) {
    return asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(unusedBits) + bytes.toString('binary'));
}
/** A string value of a universal string type (PrintableString, UTF8String, IA5String, …) from its content bytes. */
function stringValue(type, bytes) {
    return asn1.create(Class.UNIVERSAL, type, false, bytes.toString('binary'));
}
/** [n] EXPLICIT or a constructed [n] IMPLICIT: a context-specific constructed node. */
function contextConstructed(tag, items) {
    return asn1.create(Class.CONTEXT_SPECIFIC, tag, true, items);
}
/** A primitive [n] IMPLICIT value (GeneralName dNSName/iPAddress, AuthorityKeyIdentifier keyIdentifier). */
function contextPrimitive(tag, bytes) {
    return asn1.create(Class.CONTEXT_SPECIFIC, tag, false, bytes.toString('binary'));
}
/** RFC 5280 §4.1.2.5 (and Go): UTCTime for 1950–2049, GeneralizedTime otherwise. */
function time(date) {
    const year = date.getUTCFullYear();
    return year >= 1950 && year < 2050
        ? asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(date))
        : asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}
// ---------------------------------------------------------------------------------------------
// PEM
/** PEM-encodes DER with 64-character lines and a trailing newline. */
function toPem(label, der) {
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
exports.TAG_INTEGER = 0x02;
exports.TAG_BIT_STRING = 0x03;
exports.TAG_OCTET_STRING = 0x04;
exports.TAG_SEQUENCE = 0x30;
exports.TAG_CONTEXT_0_CONSTRUCTED = 0xa0;
/** Reads the element starting at `pos`; undefined when the bytes are not a well-formed DER header within `limit`. */
function readTlv(buf, pos = 0, limit = buf.length) {
    if (pos + 2 > limit)
        return undefined;
    const tag = buf[pos];
    if ((tag & 0x1f) === 0x1f)
        return undefined; // high-tag-number form: never used by the structures we read
    let lengthByte = buf[pos + 1];
    let contentStart = pos + 2;
    let length;
    if (lengthByte < 0x80) {
        length = lengthByte;
    }
    else {
        lengthByte &= 0x7f;
        // 0x80 is BER indefinite length, not DER; more than 4 length bytes cannot fit our 4 MiB cap.
        if (lengthByte === 0 || lengthByte > 4 || contentStart + lengthByte > limit)
            return undefined;
        length = 0;
        for (let i = 0; i < lengthByte; i++)
            length = length * 256 + buf[contentStart + i];
        contentStart += lengthByte;
    }
    const end = contentStart + length;
    if (end > limit)
        return undefined;
    return { tag, start: pos, contentStart, end };
}
/** The direct children of a constructed element, or undefined if they do not tile its content exactly. */
function readChildren(buf, parent) {
    const children = [];
    let pos = parent.contentStart;
    while (pos < parent.end) {
        const child = readTlv(buf, pos, parent.end);
        if (!child)
            return undefined;
        children.push(child);
        pos = child.end;
    }
    return children;
}
/** The dotted OID of an OBJECT IDENTIFIER element, or undefined. */
function tlvOid(buf, tlv) {
    try {
        return oidOf(forgeFromDer(buf.subarray(tlv.start, tlv.end), 'object identifier'), 'object identifier');
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=der.js.map