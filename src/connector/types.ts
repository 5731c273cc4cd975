/**
 * Wire types of the Kyma Connector Service (connector-service-api.md §3–§6), field names as on the wire.
 */

/** `certificate` object of signingRequests/info and management/info. */
export interface CertificateRequestInfo {
  /** `O=…,OU=…,L=…,ST=…,C=…,CN=<app>`: what the CSR subject must contain (any order). */
  subject: string;
  /** Always "" in practice. */
  extensions: string;
  /** Always "rsa2048" in practice; not enforced by the service. */
  'key-algorithm': string;
}

/** 200 of GET signingRequests/info?token=… */
export interface SigningRequestInfo {
  /** certificates URL carrying a NEW one-time token. */
  csrUrl: string;
  api: {
    eventsInfoUrl?: string;
    eventsUrl?: string;
    metadataUrl?: string;
    infoUrl?: string;
    certificatesUrl?: string;
  };
  certificate: CertificateRequestInfo;
}

/** 200 of GET management/info (mTLS). */
export interface ManagementInfo {
  clientIdentity: { application: string; group?: string; tenant?: string };
  urls: {
    eventsInfoUrl?: string;
    eventsUrl?: string;
    metadataUrl?: string;
    renewCertUrl: string;
    revokeCertUrl: string;
  };
  certificate: CertificateRequestInfo;
}

/** Request body of POST certificates / renewals: base64 (standard alphabet, one line) of the CSR's PEM text. */
export interface CertificateRequestBody {
  csr: string;
}

/** 201 body of POST certificates / renewals: each value is base64 of PEM text. */
export interface CertificateResponseBody {
  crt: string;
  clientCrt: string;
  caCrt: string;
}

/** The 201 body decoded: PEM texts as the service sent them. `crtPem` = client + CA chain. */
export interface IssuedCertificates {
  crtPem: string;
  clientCrtPem: string;
  caCrtPem: string;
}

/** Every error body the service itself produces; `code` repeats the HTTP status. */
export interface ErrorBody {
  code: number;
  error: string;
}
