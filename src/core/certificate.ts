/**
 * Facts about one X.509 certificate, for display, expiry checks, pairing and renewal.
 *
 * node:crypto's X509Certificate provides validity, fingerprints, SANs, key and CA flag and checks signatures.
 * Its `subject` text loses multi-valued RDNs and escaping, so the ordered subject/issuer attributes are decoded
 * from the DER ourselves (forge's certificate parser would reject EC public keys).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { asn1 } from './forge-asn1';
import { KymaCertError } from './errors';
import { DnAttribute, attributesFromNameNode, firstValue, formatConnectorSubject, formatRfc4514, sameName } from './dn';
import { Asn1, forgeFromDer, forgeToDer, isPrimitive, readChildren, readTlv, TAG_CONTEXT_0_CONSTRUCTED, TAG_SEQUENCE, toPem, type Tlv } from './der';
import { PublicKeyInfo, describeKey } from './keys';
import { parseCryptoFile, type CryptoBlock } from './pem';
import { attributesFromDer, validityFromDer } from './derFields';
import { certificateSpki, summaryOfSpki } from './publicKeyBytes';
import { CertificateInput, certificateDer, isOneDerSequence, toX509 } from './x509';

export type { CertificateInput } from './x509';

export interface CertificateFacts {
  der: Buffer;
  /** Canonical PEM (64-column base64, LF). */
  pem: string;
  /** Subject attributes in DER order. */
  subject: DnAttribute[];
  issuer: DnAttribute[];
  /** RFC 4514 (most specific first), as `openssl x509 -subject -nameopt RFC2253` prints it. */
  subjectText: string;
  issuerText: string;
  /** The service's form `O=…,OU=…,L=…,ST=…,C=…,CN=…`. */
  subjectConnector: string;
  commonName?: string;
  /** Serial number in upper-case hex, as node and OpenSSL print it. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** e.g. `DNS:example.com`, `IP Address:127.0.0.1`, as node reports them. */
  subjectAltNames: string[];
  /** SHA-256 fingerprint `AB:CD:…` (what users compare with `openssl x509 -fingerprint -sha256`). */
  fingerprint256: string;
  /** Lower-case hex SHA-256 of the DER: the service's certificate hash for revocation. */
  sha256Hex: string;
  publicKey: PublicKeyInfo;
  isCA: boolean;
  /** Issued by itself: subject equals issuer and the key identifiers match (OpenSSL's X509_check_issued). */
  selfSigned: boolean;
  /** Extended key usage OIDs (empty when the extension is absent). */
  extKeyUsage: string[];
}

interface TbsFields {
  issuer: Tlv;
  validity: Tlv;
  subject: Tlv;
}

/** Locates issuer, validity and subject inside TBSCertificate with the small TLV reader. Throws `parse`. */
function tbsFields(der: Buffer): TbsFields {
  const what = 'certificate structure';
  const certificate = readTlv(der);
  const tbs = certificate && certificate.tag === TAG_SEQUENCE ? readChildren(der, certificate)?.[0] : undefined;
  const fields = tbs && tbs.tag === TAG_SEQUENCE ? readChildren(der, tbs) : undefined;
  if (!fields) throw new KymaCertError('parse', `${what} is malformed`);
  // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki, …
  const offset = fields.length > 0 && fields[0].tag === TAG_CONTEXT_0_CONSTRUCTED ? 1 : 0;
  const [issuer, validity, subject] = [fields[offset + 2], fields[offset + 3], fields[offset + 4]];
  if (!issuer || !validity || !subject) throw new KymaCertError('parse', `${what} is malformed`);
  return { issuer, validity, subject };
}

function sameBytes(der: Buffer, a: Tlv, b: Tlv): boolean {
  return der.compare(der, a.start, a.end, b.start, b.end) === 0;
}

/**
 * One TBSCertificate element as a forge tree. Only these small elements go through forge, never the whole
 * certificate (extensions and key included, that was most of the index's and inspect's time; OpenSSL has already
 * checked the DER in toX509).
 */
function forgeNode(der: Buffer, tlv: Tlv): Asn1 {
  return forgeFromDer(der.subarray(tlv.start, tlv.end), 'certificate');
}

/** Reads Validity's two times; undefined if they are not UTCTime/GeneralizedTime. */
function validityDates(validity: Asn1): { notBefore: Date; notAfter: Date } | undefined {
  const times = Array.isArray(validity.value) ? validity.value : [];
  if (times.length !== 2) return undefined;
  const dates = times.map((t) => {
    try {
      if (isPrimitive(t, asn1.Type.UTCTIME)) return asn1.utcTimeToDate(t.value);
      if (isPrimitive(t, asn1.Type.GENERALIZEDTIME)) return asn1.generalizedTimeToDate(t.value);
    } catch {
      return undefined;
    }
    return undefined;
  });
  const [notBefore, notAfter] = dates;
  if (!notBefore || !notAfter || Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) return undefined;
  return { notBefore, notAfter };
}

/** The DER of a certificate's subject or issuer Name. Throws `parse`. */
export function certificateNameDer(input: CertificateInput, which: 'subject' | 'issuer'): Buffer {
  const der = toX509(input).raw;
  return forgeToDer(forgeNode(der, tbsFields(der)[which]));
}

/** Splits node's `subjectAltName` text (`DNS:a, IP Address:1.2.3.4`; values with `,` are JSON-quoted). */
function splitSubjectAltNames(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && c === ',' && text[i + 1] === ' ') {
      out.push(current);
      current = '';
      i++;
      continue;
    }
    current += c;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Everything the extension and CLI show or decide on about a certificate.
 * Accepts PEM (the first certificate in it), DER, an X509Certificate or facts. Throws `parse` / `too-large`.
 */
export function certificateFacts(input: CertificateInput): CertificateFacts {
  const der = Buffer.isBuffer(input) && isOneDerSequence(input) ? input : certificateDer(input);
  const sha256Hex = createHash('sha256').update(der).digest('hex');
  const cached = factsByHash.get(sha256Hex);
  if (cached) return cached;
  const facts = computeFacts(input instanceof X509Certificate ? input : toX509(der), sha256Hex);
  factsByHash.set(sha256Hex, facts);
  if (factsByHash.size > MAX_CACHED_FACTS) factsByHash.delete(factsByHash.keys().next().value as string);
  return facts;
}

/**
 * Facts by the SHA-256 of the DER. A workspace repeats the same CA certificate in every chain file, and the editor
 * re-reads files on every change: each distinct certificate is parsed once. (Facts are treated as immutable.)
 */
const factsByHash = new Map<string, CertificateFacts>();
const MAX_CACHED_FACTS = 4096;

function computeFacts(x509: X509Certificate, sha256Hex: string): CertificateFacts {
  const der = x509.raw;
  const fields = tbsFields(der);
  // Straight from the DER in the common shapes (see derFields.ts), else forge over the element's DER.
  const subject = attributesFromDer(der, fields.subject) ?? attributesFromNameNode(forgeNode(der, fields.subject));
  const issuer = sameBytes(der, fields.issuer, fields.subject)
    ? subject // issued by the same name, byte for byte (every root): decoded once
    : (attributesFromDer(der, fields.issuer) ?? attributesFromNameNode(forgeNode(der, fields.issuer)));
  const validity = validityFromDer(der, fields.validity) ??
    validityDates(forgeNode(der, fields.validity)) ?? {
      notBefore: new Date(x509.validFrom),
      notAfter: new Date(x509.validTo),
    };
  // Issued by itself as OpenSSL's chain building decides it (same name, matching key identifiers): verifying the
  // self-signature as well cost more than the rest of the facts for the EC roots, and proves nothing about trust.
  const selfSigned = sameName(subject, issuer) && x509.checkIssued(x509);
  const publicKey = summaryOfCertificateKey(x509, der);
  const commonName = firstValue(subject, 'CN');
  let pem: string | undefined;
  return {
    der,
    // Written out on first use: nothing on the index's or inspect's path reads it (a 2.8 KB string per certificate).
    get pem(): string {
      return (pem ??= toPem('CERTIFICATE', der));
    },
    subject,
    issuer,
    subjectText: formatRfc4514(subject),
    issuerText: formatRfc4514(issuer),
    subjectConnector: formatConnectorSubject(subject),
    ...(commonName !== undefined ? { commonName } : {}),
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
    subjectAltNames: splitSubjectAltNames(x509.subjectAltName),
    fingerprint256: x509.fingerprint256,
    sha256Hex,
    publicKey,
    isCA: x509.ca,
    selfSigned,
    extKeyUsage: x509.keyUsage ?? [],
  };
}

/**
 * Type, size and curve of the certificate's key: read from the SPKI bytes for RSA, the common curves and EdDSA
 * (creating node's KeyObject for it cost as much as the rest of the facts), else asked from node.
 */
function summaryOfCertificateKey(x509: X509Certificate, der: Buffer): PublicKeyInfo {
  const spki = certificateSpki(der);
  const summary = spki && summaryOfSpki(spki);
  if (summary) return summary;
  try {
    return describeKey(x509.publicKey);
  } catch {
    return { type: 'unknown' }; // a key algorithm OpenSSL cannot load; the rest is still worth showing
  }
}

/** Every certificate in a file, in file order (for bundles: leaf + CA chain). Damaged blocks are skipped. */
export function certificatesInFile(data: Buffer | string): CertificateFacts[] {
  return parseCryptoFile(data)
    .blocks.filter((b) => b.kind === 'certificate')
    .flatMap((b) => {
      try {
        return [certificateFacts(b.der)];
      } catch {
        return [];
      }
    });
}

function subjectOf(input: CertificateInput | CertificateFacts, which: 'subject' | 'issuer'): DnAttribute[] {
  // Facts carry decoded names; X509Certificate also has `subject`/`issuer`, but as lossy strings.
  const carried = typeof input === 'object' && !Buffer.isBuffer(input) ? (input as Partial<CertificateFacts>)[which] : undefined;
  if (Array.isArray(carried)) return carried;
  const der = toX509(input).raw;
  return attributesFromNameNode(forgeNode(der, tbsFields(der)[which]));
}

/** True when `issuer`'s subject is `child`'s issuer name and `issuer`'s key verifies `child`'s signature. */
export function isIssuedBy(child: CertificateInput | CertificateFacts, issuer: CertificateInput | CertificateFacts): boolean {
  if (!sameName(subjectOf(child, 'issuer'), subjectOf(issuer, 'subject'))) return false;
  try {
    return toX509(child).verify(toX509(issuer).publicKey);
  } catch {
    return false;
  }
}

export { certificateLogLabel } from './certificateLabel';

/**
 * The `facts` array problems.ts' findProblems expects: facts for each certificate block, undefined for other blocks and
 * for certificates that can't be read (which findProblems then reports as unreadable).
 */
export function factsForBlocks(blocks: readonly CryptoBlock[]): Array<CertificateFacts | undefined> {
  return blocks.map((block) => {
    if (block.kind !== 'certificate') return undefined;
    try {
      return certificateFacts(block.der);
    } catch {
      return undefined;
    }
  });
}
