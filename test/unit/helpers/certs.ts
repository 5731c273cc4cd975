/**
 * Test certificates made at test time: a CA and leaf certificates with chosen subject, validity and key type.
 * Structure via forge.asn1 (src/core/certificate-builder), keys and signatures via node:crypto.
 */
import { KeyObject, generateKeyPairSync } from 'node:crypto';
import { buildCertificate, ExtKeyUsageName } from '../../../src/core/certificate-builder';
import { DnAttribute, parseConnectorSubject } from '../../../src/core/dn';
import { privateKeyPem } from '../../../src/core/keys';

export type TestKeyType = 'rsa' | 'ec' | 'ed25519';

export interface KeyOptions {
  /** Default 'rsa'. */
  keyType?: TestKeyType;
  /** RSA modulus length, default 2048. */
  bits?: number;
  /** EC curve, default P-256. */
  curve?: 'P-256' | 'P-384' | 'P-521';
}

export interface CertOptions extends KeyOptions {
  /** Attributes in DER order, or the service's text form `O=…,CN=…`. */
  subject?: readonly DnAttribute[] | string;
  /** Default: now − 1 day. */
  notBefore?: Date;
  /** Default: notBefore + validDays. */
  notAfter?: Date;
  /** Default 90. */
  validDays?: number;
  isCA?: boolean;
  extKeyUsage?: readonly ExtKeyUsageName[];
  subjectAltNames?: readonly string[];
  /** Use this key instead of generating one. */
  key?: KeyObject;
  /**
   * Reuse the key generated earlier under this name (see keyNamed). RSA-2048 generation takes 0.1–1 s on a busy
   * machine; tests that only need "some RSA key" can share one by name. Different names give different keys.
   */
  keyName?: string;
  serialNumberHex?: string;
}

export interface TestCert {
  certPem: string;
  certDer: Buffer;
  /** PKCS#8 PEM. */
  keyPem: string;
  key: KeyObject;
  subject: DnAttribute[];
}

export const DAY_MS = 86_400_000;

/** The Kyma default subject for an application: O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=<app>. */
export function kymaSubject(application = 'my-app'): DnAttribute[] {
  return parseConnectorSubject(`O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=${application}`);
}

/** A fresh private key of the requested type. */
export function makeKey(opts: KeyOptions = {}): KeyObject {
  switch (opts.keyType ?? 'rsa') {
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: opts.bits ?? 2048 }).privateKey;
    case 'ec':
      return generateKeyPairSync('ec', { namedCurve: opts.curve ?? 'P-256' }).privateKey;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey;
  }
}

const namedKeys = new Map<string, KeyObject>();

/** The key generated under `name` (generated on first use with `opts`; later calls return the same key). */
export function keyNamed(name: string, opts: KeyOptions = {}): KeyObject {
  let key = namedKeys.get(name);
  if (!key) {
    key = makeKey(opts);
    namedKeys.set(name, key);
  }
  return key;
}

function keyFor(opts: CertOptions): KeyObject {
  if (opts.key) return opts.key;
  return opts.keyName !== undefined ? keyNamed(opts.keyName, opts) : makeKey(opts);
}

function subjectOf(subject: CertOptions['subject'], fallback: DnAttribute[]): DnAttribute[] {
  if (subject === undefined) return fallback;
  return typeof subject === 'string' ? parseConnectorSubject(subject) : [...subject];
}

function validity(opts: CertOptions): { notBefore: Date; notAfter: Date } {
  const notBefore = opts.notBefore ?? new Date(Date.now() - DAY_MS);
  const notAfter = opts.notAfter ?? new Date(notBefore.getTime() + (opts.validDays ?? 90) * DAY_MS);
  return { notBefore, notAfter };
}

/** The certificate `opts` describe for `subject`, signed by `issuer`'s key (self-signed without an issuer). */
function certify(
  opts: CertOptions,
  subject: DnAttribute[],
  issuer: TestCert | undefined,
  defaults: { isCA: boolean; extKeyUsage?: readonly ExtKeyUsageName[] },
): TestCert {
  const key = keyFor(opts);
  const { der, pem } = buildCertificate({
    subject,
    issuer: issuer?.subject,
    publicKey: key,
    signingKey: issuer?.key ?? key,
    isCA: opts.isCA ?? defaults.isCA,
    extKeyUsage: opts.extKeyUsage ?? defaults.extKeyUsage,
    subjectAltNames: opts.subjectAltNames,
    serialNumberHex: opts.serialNumberHex,
    ...validity(opts),
  });
  return { certPem: pem, certDer: der, keyPem: privateKeyPem(key), key, subject };
}

/** A self-signed CA (default subject CN=Kyma, RSA 2048, valid from yesterday for 90 days). */
export function makeCa(opts: CertOptions = {}): TestCert {
  return certify(opts, subjectOf(opts.subject, [{ type: 'CN', value: 'Kyma' }]), undefined, { isCA: true });
}

/** A certificate issued by `ca` (default subject: the Kyma default for `my-app`, clientAuth). */
export function makeLeaf(ca: TestCert, opts: CertOptions = {}): TestCert {
  return certify(opts, subjectOf(opts.subject, kymaSubject()), ca, { isCA: false, extKeyUsage: ['clientAuth'] });
}

/**
 * PEM of a certificate valid from `startDays` to `endDays` around `now` (fractions allowed), for tests that only
 * care about validity: a leaf `O=Organization,CN=<commonName>` of the shared test CA, or (isCA) a self-signed CA.
 * Every such certificate shares one RSA key, so each costs a signature, not a key generation.
 */
export function certValid(now: Date, startDays: number, endDays: number, extra: { commonName?: string; isCA?: boolean } = {}): string {
  const notBefore = new Date(now.getTime() + startDays * DAY_MS);
  const notAfter = new Date(now.getTime() + endDays * DAY_MS);
  const subject = `O=Organization,CN=${extra.commonName ?? (extra.isCA ? 'Test CA' : 'my-app')}`;
  if (extra.isCA) return makeCa({ subject, notBefore, notAfter, keyName: 'cert-valid', extKeyUsage: [] }).certPem;
  return makeLeaf(sharedTestCa(), { subject, notBefore, notAfter, keyName: 'cert-valid' }).certPem;
}

let testCa: TestCert | undefined;

/** One CA (`O=Organization,CN=Test CA`, long-lived) shared by the certificates of {@link certValid}. */
function sharedTestCa(): TestCert {
  testCa ??= makeCa({ subject: 'O=Organization,CN=Test CA', keyName: 'cert-valid', validDays: 36500, notBefore: new Date(0) });
  return testCa;
}
