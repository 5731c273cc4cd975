"use strict";
/**
 * Deterministic fault injection: each injected fault is consumed by the next request that matches it.
 * Request-level faults (status, garbage, delay, drop) take effect when a matching request arrives, before any
 * token or identity check (nothing is consumed). Certificate faults take effect on the next certificate the
 * matching endpoint issues (so a request that fails validation does not use them up).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.FaultQueue = exports.FAULT_ENDPOINTS = void 0;
exports.validateFault = validateFault;
exports.FAULT_ENDPOINTS = [
    'signingRequestInfo',
    'certificates',
    'managementInfo',
    'renewals',
    'revocations',
    'any',
];
const REQUEST_KINDS = new Set(['status', 'garbage', 'delay', 'drop']);
const CERTIFICATE_KINDS = new Set(['foreign-key', 'wrong-subject', 'expired', 'foreign-ca', 'bad-chain']);
const ISSUING_ENDPOINTS = new Set(['certificates', 'renewals', 'any']);
function isRequestFault(f) {
    return REQUEST_KINDS.has(f.kind);
}
/** Checks a fault that came over the wire (POST /emulator/faults) or from a test; throws a readable Error. */
function validateFault(value) {
    if (typeof value !== 'object' || value === null)
        throw new Error('fault must be a JSON object');
    const f = value;
    const endpoint = (f.endpoint ?? 'any');
    if (!exports.FAULT_ENDPOINTS.includes(endpoint)) {
        throw new Error(`unknown fault endpoint "${String(f.endpoint)}" (one of ${exports.FAULT_ENDPOINTS.join(', ')})`);
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
    if (kind === 'status' && f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 100 && f.status <= 599)) {
        throw new Error('fault "status" needs an HTTP status between 100 and 599');
    }
    if (kind === 'foreign-ca' && f.caCrt !== undefined && f.caCrt !== 'foreign' && f.caCrt !== 'real') {
        throw new Error('fault "foreign-ca": caCrt must be "foreign" or "real"');
    }
    return { ...f, endpoint, kind };
}
/** FIFO of pending faults. */
class FaultQueue {
    pending = [];
    add(fault) {
        this.pending.push(validateFault(fault));
        return this.pending.length;
    }
    get size() {
        return this.pending.length;
    }
    takeRequestFault(endpoint) {
        return this.take(endpoint, isRequestFault);
    }
    takeCertificateFault(endpoint) {
        return this.take(endpoint, (f) => !isRequestFault(f));
    }
    take(endpoint, accept) {
        const index = this.pending.findIndex((f) => (f.endpoint === 'any' || f.endpoint === endpoint) && accept(f));
        return index < 0 ? undefined : this.pending.splice(index, 1)[0];
    }
}
exports.FaultQueue = FaultQueue;
//# sourceMappingURL=faults.js.map