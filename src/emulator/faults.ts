/**
 * Deterministic fault injection: each injected fault is consumed by the next request that matches it.
 * Request-level faults (status, garbage, delay, drop) take effect when a matching request arrives, before any
 * token or identity check (nothing is consumed). Certificate faults take effect on the next certificate the
 * matching endpoint issues (so a request that fails validation does not use them up).
 */

/** Public endpoints, named after their path (`/v1/applications/...`). */
export type FaultEndpoint = 'signingRequestInfo' | 'certificates' | 'managementInfo' | 'renewals' | 'revocations' | 'any';

export const FAULT_ENDPOINTS: readonly FaultEndpoint[] = ['signingRequestInfo', 'certificates', 'managementInfo', 'renewals', 'revocations', 'any'];

export type RequestFault =
  /** Answer with `status` (default 500) and the service's JSON error shape. */
  | { endpoint: FaultEndpoint; kind: 'status'; status?: number; message?: string }
  /** Answer with a non-JSON body (an HTML error page from a proxy, say); default status 200. */
  | { endpoint: FaultEndpoint; kind: 'garbage'; status?: number; body?: string }
  /** Hold the request for `ms` before handling it (client timeouts). */
  | { endpoint: FaultEndpoint; kind: 'delay'; ms: number }
  /** Destroy the connection without answering. */
  | { endpoint: FaultEndpoint; kind: 'drop' };

export type CertificateFaultKind = 'foreign-key' | 'wrong-subject' | 'expired' | 'foreign-ca' | 'bad-chain';

export type CertificateFault =
  /** The certificate is for a different public key than the CSR's. */
  | { endpoint: FaultEndpoint; kind: 'foreign-key' }
  /** The certificate's subject is not the CSR's (CN replaced). */
  | { endpoint: FaultEndpoint; kind: 'wrong-subject' }
  /** NotAfter already in the past. */
  | { endpoint: FaultEndpoint; kind: 'expired' }
  /**
   * Signed by another CA. `caCrt: 'foreign'` (default) reports that CA in caCrt/crt, so the answer looks
   * self-consistent and only the gateway rejects the certificate; 'real' keeps the real CA in caCrt.
   */
  | { endpoint: FaultEndpoint; kind: 'foreign-ca'; caCrt?: 'foreign' | 'real' }
  /** `crt` in the wrong shape: CA first, then the client certificate. */
  | { endpoint: FaultEndpoint; kind: 'bad-chain' };

export type Fault = RequestFault | CertificateFault;

const REQUEST_KINDS = new Set(['status', 'garbage', 'delay', 'drop']);
const CERTIFICATE_KINDS = new Set(['foreign-key', 'wrong-subject', 'expired', 'foreign-ca', 'bad-chain']);
const ISSUING_ENDPOINTS = new Set<FaultEndpoint>(['certificates', 'renewals', 'any']);

function isRequestFault(f: Fault): f is RequestFault {
  return REQUEST_KINDS.has(f.kind);
}

/** Checks a fault that came over the wire (POST /emulator/faults) or from a test; throws a readable Error. */
export function validateFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new Error('fault must be a JSON object');
  const f = value as Record<string, unknown>;
  const endpoint = (f.endpoint ?? 'any') as FaultEndpoint;
  if (!FAULT_ENDPOINTS.includes(endpoint)) {
    throw new Error(`unknown fault endpoint "${String(f.endpoint)}" (one of ${FAULT_ENDPOINTS.join(', ')})`);
  }
  const kind = String(f.kind);
  if (!REQUEST_KINDS.has(kind) && !CERTIFICATE_KINDS.has(kind)) {
    throw new Error(`unknown fault kind "${kind}" (one of ${[...REQUEST_KINDS, ...CERTIFICATE_KINDS].join(', ')})`);
  }
  if (CERTIFICATE_KINDS.has(kind) && !ISSUING_ENDPOINTS.has(endpoint)) {
    throw new Error(`fault "${kind}" only applies to an issuing endpoint (certificates, renewals, any)`);
  }
  if (kind === 'delay' && !(typeof f.ms === 'number' && f.ms >= 0 && Number.isFinite(f.ms))) {
    throw new Error('fault "delay" needs "ms" (a non-negative number)');
  }
  if (kind === 'status' && f.status !== undefined && !(Number.isInteger(f.status) && (f.status as number) >= 100 && (f.status as number) <= 599)) {
    throw new Error('fault "status" needs an HTTP status between 100 and 599');
  }
  if (kind === 'foreign-ca' && f.caCrt !== undefined && f.caCrt !== 'foreign' && f.caCrt !== 'real') {
    throw new Error('fault "foreign-ca": caCrt must be "foreign" or "real"');
  }
  return { ...f, endpoint, kind } as Fault;
}

/** FIFO of pending faults. */
export class FaultQueue {
  private readonly pending: Fault[] = [];

  add(fault: Fault): number {
    this.pending.push(validateFault(fault));
    return this.pending.length;
  }

  get size(): number {
    return this.pending.length;
  }

  takeRequestFault(endpoint: FaultEndpoint): RequestFault | undefined {
    return this.take(endpoint, isRequestFault) as RequestFault | undefined;
  }

  takeCertificateFault(endpoint: FaultEndpoint): CertificateFault | undefined {
    return this.take(endpoint, (f) => !isRequestFault(f)) as CertificateFault | undefined;
  }

  private take(endpoint: FaultEndpoint, accept: (f: Fault) => boolean): Fault | undefined {
    const index = this.pending.findIndex((f) => (f.endpoint === 'any' || f.endpoint === endpoint) && accept(f));
    return index < 0 ? undefined : this.pending.splice(index, 1)[0];
  }
}
