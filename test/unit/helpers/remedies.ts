import type { Remedy, RemedyKind } from '../../../src/core/errors';

/** One remedy of every kind (a Record, so adding a kind without a sample does not compile). */
export const ONE_OF_EACH_REMEDY: Record<RemedyKind, Remedy> = {
  'new-certificate-with-token': { kind: 'new-certificate-with-token', data: { reason: 'rejected' } },
  'new-token': { kind: 'new-token' },
  'allow-issuer-change': { kind: 'allow-issuer-change' },
  'set-management-url': { kind: 'set-management-url', data: { connectionFile: '/w/app.kyma.json' } },
  'fix-connection-file': { kind: 'fix-connection-file', data: { file: '/w/app.kyma.json' } },
  'pass-ca-file': { kind: 'pass-ca-file' },
  'check-key-file': { kind: 'check-key-file', data: { keyFile: '/w/app.key' } },
  'check-certificate-file': { kind: 'check-certificate-file', data: { file: '/w/app.crt' } },
  'retry-later': { kind: 'retry-later', data: { lockFile: '/w/.app.crt.lock' } },
  'check-network': { kind: 'check-network', data: { maybeRejected: true } },
  'check-url': { kind: 'check-url' },
  'check-proxy': { kind: 'check-proxy', data: { status: 407 } },
  'choose-other-name': { kind: 'choose-other-name', data: { file: '/w/app.crt' } },
  'check-clock': { kind: 'check-clock' },
  'restore-by-hand': { kind: 'restore-by-hand', data: { backupFile: '/w/.kyma-backups/app/1.crt', certFile: '/w/app.crt' } },
  'report-to-admin': { kind: 'report-to-admin' },
};
