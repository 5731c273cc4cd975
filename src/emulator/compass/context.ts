import type { FaultEndpoint, FaultQueue } from '../faults';
import type { Issuer } from '../issuer';
import type { SubjectDefaults } from '../options';
import type { CompassState } from './state';

/** Everything the Compass handlers touch (the Kyma flavor has its own EmulatorContext). */
export interface CompassContext {
  readonly state: CompassState;
  readonly subject: SubjectDefaults;
  readonly faults: FaultQueue;
  readonly issuer: Issuer;
  /** Base URLs, known once the listeners are bound. */
  readonly urls: CompassUrls;
}

export interface CompassUrls {
  /** Token host: `…/connector/graphql` = the Director's `connectorURL`. */
  tokenHost: string;
  /** mTLS host: `…/connector/graphql` = `certificateSecuredConnectorURL`, `…/director/graphql` = `directorURL`. */
  mtlsHost: string;
  /** Connectivity adapter, token host (`adapter-gateway`). */
  adapter: string;
  /** Connectivity adapter, mTLS host (`adapter-gateway-mtls`). */
  adapterMtls: string;
  internal: string;
}

export const CompassPaths = {
  connector: '/connector/graphql',
  director: '/director/graphql',
} as const;

/**
 * The Kyma flavor's fault endpoint names, reused so that one fault matrix drives both flavors: the token-host
 * `configuration` is "signingRequestInfo", its `signCertificateSigningRequest` "certificates"; over mTLS they are
 * "managementInfo" and "renewals"; `revokeCertificate` is "revocations".
 */
export function faultEndpointFor(rootField: string | undefined, mtls: boolean): FaultEndpoint | undefined {
  switch (rootField) {
    case 'configuration':
      return mtls ? 'managementInfo' : 'signingRequestInfo';
    case 'signCertificateSigningRequest':
      return mtls ? 'renewals' : 'certificates';
    case 'revokeCertificate':
      return 'revocations';
    default:
      return undefined;
  }
}
