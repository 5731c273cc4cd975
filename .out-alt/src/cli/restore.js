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
exports.RESTORE_USAGE = void 0;
exports.runRestore = runRestore;
const path = __importStar(require("node:path"));
const backups_1 = require("../lifecycle/backups");
const restore_1 = require("../lifecycle/restore");
const args_1 = require("./args");
const facts_1 = require("./facts");
const output_1 = require("./output");
exports.RESTORE_USAGE = `Usage: kyma-cert restore --cert FILE [--backup ID] [--key FILE] [--list] [--json]

Puts the newest backup of FILE (or the one named by --backup) back into place. The certificate that was in
place joins the backups, so running restore again undoes it. --list shows the backups instead.
A backup for another key than the current one (--key, else the remembered or conventional key) is refused.`;
/** `kyma-cert restore …` */
async function runRestore(argv, io) {
    const { values } = (0, args_1.parse)(argv, {
        cert: { type: 'string' },
        backup: { type: 'string' },
        key: { type: 'string' },
        list: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(`${exports.RESTORE_USAGE}\n`);
        return 0;
    }
    const certFile = path.resolve((0, args_1.requiredString)(values, 'cert'));
    const json = values.json === true;
    if (values.list) {
        const backups = await (0, backups_1.listBackups)(certFile);
        (0, output_1.printResult)(io, json, { backups: backups.map((b) => ({ id: b.id, createdAt: b.createdAt.toISOString(), certBackup: b.certBackup, caBackup: b.caBackup ?? null })) }, backups.length === 0 ? [`No backups of ${certFile}.`] : backups.map((b) => `${b.id}  ${(0, output_1.isoSeconds)(b.createdAt)}  ${b.certBackup}`));
        return 0;
    }
    const key = (0, args_1.stringValue)(values, 'key');
    const result = await (0, restore_1.restoreCertificate)({ certFile, backup: (0, args_1.stringValue)(values, 'backup'), keyFile: key ? path.resolve(key) : undefined });
    const now = new Date();
    (0, output_1.printResult)(io, json, {
        certFile: result.certFile,
        restoredFrom: result.restoredFrom.id,
        backupFile: result.backupFile ?? null,
        restored: (0, facts_1.certificateJson)(result.restored, now),
    }, [
        `Restored ${(0, facts_1.certificateSummary)(result.restored, now)} from backup ${result.restoredFrom.id}.`,
        ...(result.backupFile ? [`  the replaced certificate is in ${result.backupFile}`] : []),
    ]);
    return 0;
}
//# sourceMappingURL=restore.js.map