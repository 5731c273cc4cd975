import { createPublicKey, KeyObject } from 'node:crypto';
import { DnAttribute, nameDerFromAttributes } from '../core/dn';
import { spkiDer } from '../core/keys';
import type { CertificateFault } from './faults';
import { CertificateAuthority, createAuthorityCertificate, generateRsaKeyPair, issueClientCertificate, loadAuthority, SignatureHash } from './pki';
import { DAY_MS, SubjectDefaults } from './options';

/** The 201 body of POST certificates / renewals: base64 of PEM text; crt = client PEM + CA PEM. */
export interface CertificateResponse {
  readonly crt: string;
  readonly clientCrt: string;
  readonly caCrt: string;
}

/** A certificate request the signer accepted (subject and key bytes as they were in the CSR). */
export interface SigningInput {
  readonly subjectName: Buffer;
  readonly spki: Buffer;
  readonly hash: SignatureHash;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function certificateResponse(clientPem: string, caPem: string, crtPem = clientPem + caPem): CertificateResponse {
  return { crt: b64(crtPem), clientCrt: b64(clientPem), caCrt: b64(caPem) };
}

/** The connector subject for an application: the configured defaults plus CN, in the service's string order. */
export function expectedSubject(defaults: SubjectDefaults, application: string): DnAttribute[] {
  return [
    { type: 'O', value: defaults.O },
    { type: 'OU', value: defaults.OU },
    { type: 'L', value: defaults.L },
    { type: 'ST', value: defaults.ST },
    { type: 'C', value: defaults.C },
    { type: 'CN', value: application },
  ];
}

/**
 * Signs client certificates with the client CA, and produces the broken variants the certificate faults ask for.
 * The foreign key and foreign CA are generated on first use only (key generation costs ~100 ms).
 */
export class Issuer {
  private foreignKey?: Promise<KeyObject>;
  private foreignCa?: Promise<CertificateAuthority>;

  constructor(
    private readonly ca: CertificateAuthority,
    private readonly validityMs: number,
    private readonly now: () => Date,
  ) {}

  get caPem(): string {
    return this.ca.certPem;
  }

  /** Issues for an accepted CSR, applying `fault` if one is due. */
  async issue(input: SigningInput, fault?: CertificateFault): Promise<CertificateResponse> {
    const notBefore = this.now();
    let request = { ...input, notBefore, notAfter: new Date(notBefore.getTime() + this.validityMs) };
    let ca = this.ca;
    let reportedCaPem = this.ca.certPem;
    switch (fault?.kind) {
      case 'foreign-key':
        request = { ...request, spki: spkiDer(await this.getForeignKey()) };
        break;
      case 'wrong-subject':
        request = {
          ...request,
          subjectName: nameDerFromAttributes([
            { type: 'CN', value: 'wrong-subject' },
            { type: 'O', value: 'Elsewhere' },
          ]),
        };
        break;
      case 'expired':
        request = { ...request, notBefore: new Date(notBefore.getTime() - 2 * DAY_MS), notAfter: new Date(notBefore.getTime() - DAY_MS) };
        break;
      case 'foreign-ca':
        ca = await this.getForeignCa();
        if (fault.caCrt !== 'real') reportedCaPem = ca.certPem;
        break;
      default:
        break;
    }
    const clientPem = issueClientCertificate(ca, request);
    const crtPem = fault?.kind === 'bad-chain' ? reportedCaPem + clientPem : clientPem + reportedCaPem;
    return certificateResponse(clientPem, reportedCaPem, crtPem);
  }

  /** Direct issuance (tests, demos): any public key, any subject, any validity window. */
  issueFor(options: {
    /** Public or private key (KeyObject or PEM); only the public half is certified. */
    publicKey: KeyObject | string;
    subject: readonly DnAttribute[];
    notBefore?: Date;
    validityMs?: number;
  }): { certPem: string; caPem: string } {
    const notBefore = options.notBefore ?? this.now();
    const certPem = issueClientCertificate(this.ca, {
      subjectName: nameDerFromAttributes(options.subject),
      spki: spkiDer(typeof options.publicKey === 'string' ? createPublicKey(options.publicKey) : options.publicKey),
      notBefore,
      notAfter: new Date(notBefore.getTime() + (options.validityMs ?? this.validityMs)),
      hash: 'sha256',
    });
    return { certPem, caPem: this.ca.certPem };
  }

  private getForeignKey(): Promise<KeyObject> {
    this.foreignKey ??= generateRsaKeyPair(2048).then((pair) => pair.key);
    return this.foreignKey;
  }

  private getForeignCa(): Promise<CertificateAuthority> {
    this.foreignCa ??= generateRsaKeyPair(2048).then((pair) =>
      loadAuthority(createAuthorityCertificate('Kyma', pair.key, this.now(), 365 * DAY_MS), pair.keyPem),
    );
    return this.foreignCa;
  }
}
