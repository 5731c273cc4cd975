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
exports.INSPECT_USAGE = void 0;
exports.runInspect = runInspect;
const path = __importStar(require("node:path"));
const certificate_1 = require("../core/certificate");
const boundedRead_1 = require("../io/boundedRead");
const errors_1 = require("../core/errors");
const expiry_1 = require("../core/expiry");
const args_1 = require("./args");
const facts_1 = require("./facts");
const output_1 = require("./output");
exports.INSPECT_USAGE = `Usage: kyma-cert inspect FILE... [--json]

Shows every certificate in the files (client certificates, CA chains, bundles; PEM or DER):
subject, issuer, validity, days left and state (valid, expiring, critical, expired, not-yet-valid).
Exit 0 when every file held at least one readable certificate.`;
async function inspectFile(file, now) {
    try {
        // Regular files only, at most 4 MiB: /dev/zero, a named pipe or a huge sparse file is an error for that file
        // alone, and the next file is still inspected.
        const data = await (0, boundedRead_1.readRegularFile)(file);
        const facts = (0, certificate_1.certificatesInFile)(data);
        if (facts.length === 0)
            throw new errors_1.KymaCertError('parse', `${file} holds no certificate.`);
        return { file, certificates: facts.map((f) => (0, facts_1.certificateJson)(f, now)) };
    }
    catch (e) {
        if (!(0, errors_1.isKymaCertError)(e))
            throw e;
        return { file, certificates: [], error: { kind: e.kind, message: e.message } };
    }
}
/** `kyma-cert inspect FILE… [--json]` */
async function runInspect(argv, io) {
    const { values, positionals } = (0, args_1.parse)(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
        io.stdout(`${exports.INSPECT_USAGE}\n`);
        return 0;
    }
    if (positionals.length === 0)
        throw new output_1.UsageError('inspect needs at least one FILE.');
    const now = new Date();
    const reports = [];
    for (const file of positionals)
        reports.push(await inspectFile(path.resolve(file), now));
    const human = [];
    for (const report of reports) {
        const relative = path.relative(process.cwd(), report.file);
        const name = relative && !relative.startsWith('..') ? relative : report.file;
        if (report.error) {
            human.push(`${name}: ${report.error.message}`);
            continue;
        }
        report.certificates.forEach((c, i) => {
            const counter = report.certificates.length > 1 ? ` [${i + 1}/${report.certificates.length}]` : '';
            const expiry = (0, expiry_1.describeExpiry)((0, expiry_1.assessExpiry)({ notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) }, now));
            human.push(`${name}${counter}: ${c.subject}${c.isCA ? ' (CA)' : ''}`);
            human.push(`  issuer    ${c.issuer}`);
            human.push(`  valid     ${(0, output_1.isoSeconds)(new Date(c.notBefore))} → ${(0, output_1.isoSeconds)(new Date(c.notAfter))}`);
            human.push(`  state     ${c.state}: ${expiry}`);
            human.push(`  sha256    ${c.sha256Hex}`);
        });
    }
    (0, output_1.printResult)(io, values.json === true, { files: reports }, human);
    const firstError = reports.find((r) => r.error)?.error;
    return firstError ? (0, errors_1.exitCodeFor)(firstError.kind) : 0;
}
//# sourceMappingURL=inspect.js.map