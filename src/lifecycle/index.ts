/** The certificate workflows: renew, issue from a token, revoke, restore; and the file machinery they share. */
export { renewCertificate, type RenewRequest, type RenewResult, type WorkflowHooks } from './renew';
export { issueCertificate, type IssueRequest, type IssueResult } from './issue';
export { revokeCertificate, type RevokeRequest, type RevokeResult } from './revoke';
export { restoreCertificate, type RestoreRequest, type RestoreResult } from './restore';
export { listBackups, BACKUP_HISTORY, type BackupEntry } from './backups';
export { readConnection, writeConnection, type RememberedConnection } from './connection';
export { atomicWriteFiles, type FileWrite } from './files';
export { withCertificateLock, lockFileFor } from './lock';
export { infoUrlForDomain } from './management';
export type { NetworkOptions } from './tls-options';
