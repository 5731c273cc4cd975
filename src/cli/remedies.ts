/**
 * How the command line words a remedy: with its own flags and subcommands. The editor words the same remedies with
 * commands and settings (src/views/remedies.ts); neither wording leaks into the other front end.
 */
import type { Remedy } from '../core/errors';

const NEW_CERTIFICATE = 'Request a new certificate with a one-time token: kyma-cert issue --token-url URL (Kyma: create a TokenRequest for the application).';

/** One sentence or two: what to run or pass next. */
export function cliRemedyText(remedy: Remedy): string {
  switch (remedy.kind) {
    case 'new-certificate-with-token':
      return remedy.data?.reason === 'rejected'
        ? `The gateway refused the client certificate (expired, from another cluster, or not a Kyma client certificate). ${NEW_CERTIFICATE}`
        : NEW_CERTIFICATE;
    case 'new-token':
      return 'One-time tokens expire after 5 minutes and work once: ask Kyma for a new token (create a TokenRequest for the application) and use its URL right away.';
    case 'allow-issuer-change':
      return 'If the cluster CA was rotated on purpose, renew again with --allow-issuer-change.';
    case 'set-management-url':
      return `Pass --info-url URL or --domain DOMAIN once; it is then remembered in ${remedy.data.connectionFile}.`;
    case 'fix-connection-file':
      return `Fix or delete ${remedy.data.file} and pass --info-url again.`;
    case 'pass-ca-file':
      return "The cluster's server certificate is not trusted. Pass the cluster CA file with --ca-file FILE (the equivalent of `kyma import certs`), or, at your own risk, --insecure.";
    case 'check-key-file':
      return 'Pass the key that was used to request this certificate (--key).';
    case 'check-certificate-file':
      return 'Point --cert at the client certificate (PEM or DER).';
    case 'retry-later':
      return remedy.data?.lockFile
        ? `Wait for it to finish. If no other kyma-cert is running, delete ${remedy.data.lockFile}.`
        : 'Try again later; if it persists, check the cluster.';
    case 'check-network':
      return remedy.data?.maybeRejected
        ? `Check the URL, that the cluster is reachable from here, and any VPN or proxy. If it keeps happening, the gateway may be refusing the client certificate: ${NEW_CERTIFICATE}`
        : 'Check the URL, that the cluster is reachable from here, and any VPN or proxy.';
    case 'check-url':
      return 'The URL does not point at this Connector Service endpoint; use the URLs the service returned (--info-url).';
    case 'check-proxy':
      return remedy.data.status === 407
        ? 'The proxy needs authentication: put the user and password in the proxy URL (http://user:password@proxy:port).'
        : 'Ask the proxy administrator to allow CONNECT to this host and port, or add the host to NO_PROXY.';
    case 'choose-other-name':
      return `${remedy.data.file} is in the way: choose another --name or --out-dir, or pass --force to replace it.`;
    case 'check-clock':
      return "Check this computer's clock.";
    case 'restore-by-hand':
      return `The previous certificate is in ${remedy.data.backupFile}; copy it back to ${remedy.data.certFile}.`;
    case 'report-to-admin':
      return 'The service returned a certificate we cannot use safely; report this to the cluster administrator.';
  }
}
