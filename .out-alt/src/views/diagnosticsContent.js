"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.problemsOfEntry = problemsOfEntry;
exports.keyFileOf = keyFileOf;
/**
 * What the Problems panel says about an indexed certificate file, as pure functions (no `vscode` import): the
 * index entry's blocks and pairing go through core's `findProblems`, without parsing the file again.
 */
const path = __importStar(require("node:path"));
const problems_1 = require("../core/problems");
/** The problems of one indexed certificate file. `displayPath` shortens the key file name for messages. */
function problemsOfEntry(entry, now, thresholds, t, displayPath = (f) => path.basename(f)) {
    // The index keeps only readable certificate blocks, with their line ranges: that is all findProblems needs.
    const blocks = entry.certificates.map((c) => ({
        kind: 'certificate',
        label: 'CERTIFICATE',
        der: c.facts.der,
        startLine: c.startLine,
        endLine: c.endLine,
    }));
    const facts = entry.certificates.map((c) => c.facts);
    // A key in the certificate file itself needs no name; a key elsewhere is named as the user sees it.
    const keyFile = entry.key.file && entry.key.file !== entry.file ? displayPath(entry.key.file) : undefined;
    // The index pairs the key with the file's first certificate; when that is a CA (a bundle in the wrong order)
    // the pairing says nothing about the client certificate, and the bundle-order problem says what to fix.
    const pairedWithClient = !entry.certificates[0].facts.isCA;
    return (0, problems_1.findProblems)({
        blocks,
        facts,
        now,
        thresholds,
        key: pairedWithClient ? { status: entry.key.status, file: keyFile, problem: entry.key.problem } : undefined,
        revoked: entry.connection?.revoked,
        translate: t,
    });
}
/** The private key file whose hygiene (permissions, git) should be checked for this entry, if any. */
function keyFileOf(entry) {
    return entry.key.status === 'missing' ? undefined : entry.key.file;
}
//# sourceMappingURL=diagnosticsContent.js.map