import { KeyObject, X509Certificate } from 'node:crypto';
import { certificateFacts, type CertificateFacts } from '../core/certificate';
import { formatConnectorSubject, subjectMismatch, type DnAttribute } from '../core/dn';
import { KymaCertError, Remedy } from '../core/errors';
import { spkiDer } from '../core/keys';
import { parseCryptoFile } from '../core/pem';

/** The service's certificate answer, decoded from base64 to PEM text (see ConnectorClient). */
export interface IssuedCertificates {
  crtPem: string;
  clientCrtPem: string;
  caCrtPem: string;
}

/** A returned certificate set that passed every check. */
export interface VerifiedCertificates {
  client: X509Certificate;
  clientFacts: CertificateFacts;
  /** The CA certificates from `caCrt`, in the service's order. */
  caChain: X509Certificate[];
  /** The CA from `caCrt` that signed the client certificate. */
  issuer: X509Certificate;
  clientPem: string;
  caPem: string;
  /** Renewal only: the returned CA did not issue the current certificate (accepted with allowIssuerChange). */
  issuerChanged: boolean;
}

export interface VerifyRequest {
  issued: IssuedCertificates;
  key: KeyObject;
  /** The subject the service told us to request (management/info or the token answer). */
  expectedSubject: readonly DnAttribute[];
  now: Date;
  /** Renewal only: the certificate being replaced. */
  current?: X509Certificate;
  /** Renewal only: accept a certificate from a CA other than the one that issued `current`. */
  allowIssuerChange?: boolean;
}

/**
 * A freshly issued certificate may start a few moments "in the future" when the server's clock runs ahead of ours
 * (the service does not back-date, spec §7/§12); this much skew is tolerated.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60 * 1000;

function fail(message: string, remedy: Remedy = { kind: 'report-to-admin' }): never {
  throw new KymaCertError('verification', `${message} Nothing was written.`, undefined, { remedy });
}

function certificatesIn(pem: string, field: string): Buffer[] {
  let blocks;
  try {
    blocks = parseCryptoFile(pem).blocks;
  } catch {
    fail(`The service's ${field} is not readable PEM.`);
  }
  return blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
}

function toX509(der: Buffer, field: string): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    fail(`The service's ${field} holds a certificate that cannot be parsed.`);
  }
}

/** True when `cert` carries the public half of `key`. */
export function certificateHasKey(cert: X509Certificate, key: KeyObject): boolean {
  return spkiDer(cert.publicKey).equals(spkiDer(key));
}

/** The CA among `cas` whose key verifies `cert`'s signature, if any. */
export function signerAmong(cert: X509Certificate, cas: readonly X509Certificate[]): X509Certificate | undefined {
  return cas.find((ca) => {
    try {
      return cert.verify(ca.publicKey);
    } catch {
      return false;
    }
  });
}

function toPem(certs: readonly X509Certificate[]): string {
  return certs.map((c) => c.toString().trim() + '\n').join('');
}

/**
 * Checks a certificate answer before anything is written (spec §3.3/§5 guarantees, plus our own safety checks):
 * `clientCrt` is one certificate carrying our public key, with the subject we asked for, signed by a CA in `caCrt`;
 * `crt` is exactly `clientCrt` followed by `caCrt`; the certificate is valid now. For renewal additionally: the CA is
 * the one that issued the current certificate (unless `allowIssuerChange`) and the new one outlives the current one.
 * Throws `verification` naming the first failed check.
 */
export function verifyIssuedCertificates(req: VerifyRequest): VerifiedCertificates {
  const clientDers = certificatesIn(req.issued.clientCrtPem, 'clientCrt');
  if (clientDers.length !== 1) fail(`The service's clientCrt holds ${clientDers.length} certificates instead of one.`);
  const caDers = certificatesIn(req.issued.caCrtPem, 'caCrt');
  if (caDers.length === 0) fail(`The service's caCrt holds no certificate.`);
  const chainDers = certificatesIn(req.issued.crtPem, 'crt');
  const expectedChain = [...clientDers, ...caDers];
  if (chainDers.length !== expectedChain.length || !chainDers.every((d, i) => d.equals(expectedChain[i]))) {
    fail(`The service's crt is not clientCrt followed by caCrt.`);
  }

  const client = toX509(clientDers[0], 'clientCrt');
  const caChain = caDers.map((d) => toX509(d, 'caCrt'));
  const clientFacts = certificateFacts(client);

  if (!certificateHasKey(client, req.key)) {
    fail('The returned certificate does not carry our public key.');
  }
  const mismatch = subjectMismatch(req.expectedSubject, clientFacts.subject);
  if (mismatch !== undefined) {
    fail(
      `The returned certificate's subject ${clientFacts.subjectText} does not match the requested ` +
        `${formatConnectorSubject(req.expectedSubject)} (${mismatch.replace(/^CSR: /, '')}).`,
    );
  }
  const issuer = signerAmong(client, caChain);
  if (!issuer) fail('The returned certificate is not signed by the returned CA (caCrt).');

  const nowMs = req.now.getTime();
  if (clientFacts.notAfter.getTime() <= nowMs) fail('The returned certificate has already expired.');
  if (clientFacts.notBefore.getTime() > nowMs + CLOCK_SKEW_TOLERANCE_MS) {
    fail(`The returned certificate is not valid before ${clientFacts.notBefore.toISOString()}.`, { kind: 'check-clock' });
  }

  const issuerChanged = req.current !== undefined && !signerAmong(req.current, caChain);
  if (req.current) {
    if (issuerChanged && !req.allowIssuerChange) {
      fail(
        `The returned certificate comes from a different CA (${issuer.subject.replace(/\n/g, ', ')}) than the one ` + 'that issued the current certificate.',
        { kind: 'allow-issuer-change' },
      );
    }
    // Equal is accepted: X.509 times have one-second resolution, so a renewal right after issuance returns the
    // same notAfter. What must never happen is trading the current certificate for one that dies sooner.
    const currentNotAfter = certificateFacts(req.current.raw).notAfter.getTime();
    if (clientFacts.notAfter.getTime() < currentNotAfter) {
      fail(
        `The returned certificate expires ${clientFacts.notAfter.toISOString()}, ` +
          `earlier than the current one (${new Date(currentNotAfter).toISOString()}).`,
      );
    }
  }

  return {
    client,
    clientFacts,
    caChain,
    issuer,
    clientPem: toPem([client]),
    caPem: toPem(caChain),
    issuerChanged,
  };
}
