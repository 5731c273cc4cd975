/**
 * What is wrong with one certificate file, block by block: the editor turns each problem into a Problems entry
 * at the exact PEM block, the CLI could print them the same way. Pure: the caller parses, computes facts,
 * pairs the key and reads the remembered connection; this module only judges.
 */
import type { CertificateFacts } from './certificate';
import { assessExpiry, ExpiryAssessment, ExpiryThresholds, MS_PER_DAY } from './expiry';
import type { CryptoBlock } from './pem';

export type ProblemSeverity = 'error' | 'warning' | 'information';

export type ProblemCode =
  | 'expired'
  | 'expiring'
  | 'not-yet-valid'
  | 'revoked'
  | 'key-mismatch'
  | 'key-missing'
  | 'key-unreadable'
  | 'bundle-order'
  | 'malformed-block'
  | 'unreadable-certificate'
  | 'key-permissions'
  | 'key-tracked-by-git';

/** One finding, located by 0-based inclusive line range (the block's BEGIN to END lines). */
export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  startLine: number;
  endLine: number;
  /** Renewing the certificate fixes it (the editor offers "Renew Certificate" as a quick fix). */
  renewable: boolean;
}

/** `vscode.l10n.t`'s shape; the default substitutes `{0}`… into the English text. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));

/** The facts this module reads; core's `CertificateFacts` satisfies it. */
export type ProblemFacts = Pick<CertificateFacts, 'notBefore' | 'notAfter' | 'isCA' | 'sha256Hex'>;

/** What is known about the private key that belongs to the file's client certificate. */
export interface KeyPairing {
  /** `encrypted`: protected by a passphrase, matched when used; not a problem. */
  status: 'match' | 'mismatch' | 'missing' | 'unreadable' | 'encrypted';
  /** The key file as shown to the user (e.g. `app.key`). */
  file?: string;
  /** Why an unreadable key can't be used (e.g. "encrypted keys are not supported yet"); never key material. */
  problem?: string;
}

export interface ProblemInput {
  /** `parseCryptoFile(data).blocks`. */
  blocks: readonly CryptoBlock[];
  /** Index-aligned with `blocks`: the facts of each certificate block; undefined where the certificate can't be read. */
  facts: ReadonlyArray<ProblemFacts | undefined>;
  now: Date;
  thresholds?: ExpiryThresholds;
  /** Key pairing of the client certificate; omit when pairing wasn't attempted (e.g. an unsaved editor). */
  key?: KeyPairing;
  /** From the remembered connection: the certificate revoked last (by SHA-256 of its DER). */
  revoked?: { at?: string; sha256Hex: string };
  translate?: Translate;
}

/**
 * All problems of one file, in line order. The client certificate ("leaf") is the first certificate that is not
 * a CA; expiry problems are reported for every certificate, but only the leaf's are renewable, and pairing and
 * revocation apply to the leaf. A revoked or expired certificate gets one problem, not several.
 */
export function findProblems(input: ProblemInput): Problem[] {
  const t = input.translate ?? english;
  const problems: Problem[] = [];
  const leafIndex = input.blocks.findIndex((b, i) => b.kind === 'certificate' && input.facts[i] !== undefined && !input.facts[i]!.isCA);

  input.blocks.forEach((block, i) => {
    const at = { startLine: block.startLine, endLine: block.endLine };
    if (block.problem !== undefined) {
      problems.push({ code: 'malformed-block', severity: 'error', message: t('Malformed PEM block: {0}.', block.problem), ...at, renewable: false });
      return;
    }
    if (block.kind !== 'certificate') return;
    const facts = input.facts[i];
    if (facts === undefined) {
      problems.push({
        code: 'unreadable-certificate',
        severity: 'error',
        message: t('This block is not a readable X.509 certificate.'),
        ...at,
        renewable: false,
      });
      return;
    }
    const isLeaf = i === leafIndex;
    if (!isLeaf && facts.isCA && leafIndex > i) {
      problems.push({
        code: 'bundle-order',
        severity: 'warning',
        message: t('CA certificate comes before the client certificate. Put the client certificate first.'),
        ...at,
        renewable: false,
      });
    }
    if (isLeaf && input.revoked !== undefined && input.revoked.sha256Hex.toLowerCase() === facts.sha256Hex.toLowerCase()) {
      const revokedAt = input.revoked.at === undefined ? undefined : new Date(input.revoked.at);
      problems.push({
        code: 'revoked',
        severity: 'error',
        message:
          revokedAt && !Number.isNaN(revokedAt.getTime())
            ? t('Certificate was revoked on {0}. Request a new certificate with a one-time token.', day(revokedAt))
            : t('Certificate was revoked. Request a new certificate with a one-time token.'),
        ...at,
        renewable: false,
      });
    } else {
      const expiry = expiryProblem(assessExpiry(facts, input.now, input.thresholds), facts, isLeaf, t);
      if (expiry) problems.push({ ...expiry, ...at });
    }
    if (isLeaf && input.key) {
      const keyProblem = pairingProblem(input.key, t);
      if (keyProblem) problems.push({ ...keyProblem, ...at });
    }
  });
  return problems;
}

type Unlocated = Omit<Problem, 'startLine' | 'endLine'>;

function expiryProblem(expiry: ExpiryAssessment, facts: ProblemFacts, isLeaf: boolean, t: Translate): Unlocated | undefined {
  switch (expiry.state) {
    case 'valid':
      return undefined;
    case 'not-yet-valid':
      return {
        code: 'not-yet-valid',
        severity: 'error',
        message: t('Certificate is not valid until {0}. Check the system clock.', day(facts.notBefore)),
        renewable: false,
      };
    case 'expired': {
      // Whole days since expiry, counted like core's describeExpiry ("today" for the first 24 hours).
      const days = Math.floor(-expiry.msLeft / MS_PER_DAY);
      const ago = days === 0 ? t('today') : days === 1 ? t('1 day ago') : t('{0} days ago', days);
      const fix = isLeaf ? t('Request a new certificate with a one-time token.') : t('Replace it with the current CA certificate.');
      return { code: 'expired', severity: 'error', message: t('Certificate expired {0} ({1}). {2}', ago, day(facts.notAfter), fix), renewable: false };
    }
    case 'expiring':
    case 'critical': {
      // Rounded like the status bar and hover ("12d" and "expires in 12 days" agree), not floored like daysLeft.
      const days = Math.max(0, Math.round(expiry.msLeft / MS_PER_DAY));
      const left = days === 0 ? t('today') : days === 1 ? t('in 1 day') : t('in {0} days', days);
      const message = isLeaf
        ? t('Certificate expires {0} ({1}). Renew it.', left, day(facts.notAfter))
        : t('CA certificate expires {0} ({1}).', left, day(facts.notAfter));
      return { code: 'expiring', severity: expiry.severity === 'error' ? 'error' : 'warning', message, renewable: isLeaf };
    }
  }
}

function pairingProblem(key: KeyPairing, t: Translate): Unlocated | undefined {
  const file = key.file ?? t('The private key');
  switch (key.status) {
    case 'match':
    case 'encrypted':
      return undefined;
    case 'mismatch':
      return {
        code: 'key-mismatch',
        severity: 'error',
        message: t('{0} does not match this certificate. Restore the matching key or request a new certificate.', file),
        renewable: false,
      };
    case 'unreadable':
      return {
        code: 'key-unreadable',
        severity: 'warning',
        message: key.problem ? t('{0} cannot be used: {1}.', file, key.problem) : t('{0} cannot be read.', file),
        renewable: false,
      };
    case 'missing':
      return {
        code: 'key-missing',
        severity: 'information',
        message: key.file
          ? t('No private key found (expected {0}); renewal needs it.', key.file)
          : t('No private key found next to this certificate; renewal needs it.'),
        renewable: false,
      };
  }
}

/** `2026-03-01 12:00 UTC`: unambiguous in every locale. */
function day(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
