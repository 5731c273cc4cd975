"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.infoUrlForDomain = exports.lockFileFor = exports.withCertificateLock = exports.atomicWriteFiles = exports.writeConnection = exports.readConnection = exports.BACKUP_HISTORY = exports.listBackups = exports.restoreCertificate = exports.revokeCertificate = exports.issueCertificate = exports.renewCertificate = void 0;
/** The certificate workflows: renew, issue from a token, revoke, restore; and the file machinery they share. */
var renew_1 = require("./renew");
Object.defineProperty(exports, "renewCertificate", { enumerable: true, get: function () { return renew_1.renewCertificate; } });
var issue_1 = require("./issue");
Object.defineProperty(exports, "issueCertificate", { enumerable: true, get: function () { return issue_1.issueCertificate; } });
var revoke_1 = require("./revoke");
Object.defineProperty(exports, "revokeCertificate", { enumerable: true, get: function () { return revoke_1.revokeCertificate; } });
var restore_1 = require("./restore");
Object.defineProperty(exports, "restoreCertificate", { enumerable: true, get: function () { return restore_1.restoreCertificate; } });
var backups_1 = require("./backups");
Object.defineProperty(exports, "listBackups", { enumerable: true, get: function () { return backups_1.listBackups; } });
Object.defineProperty(exports, "BACKUP_HISTORY", { enumerable: true, get: function () { return backups_1.BACKUP_HISTORY; } });
var connection_1 = require("./connection");
Object.defineProperty(exports, "readConnection", { enumerable: true, get: function () { return connection_1.readConnection; } });
Object.defineProperty(exports, "writeConnection", { enumerable: true, get: function () { return connection_1.writeConnection; } });
var files_1 = require("./files");
Object.defineProperty(exports, "atomicWriteFiles", { enumerable: true, get: function () { return files_1.atomicWriteFiles; } });
var lock_1 = require("./lock");
Object.defineProperty(exports, "withCertificateLock", { enumerable: true, get: function () { return lock_1.withCertificateLock; } });
Object.defineProperty(exports, "lockFileFor", { enumerable: true, get: function () { return lock_1.lockFileFor; } });
var management_1 = require("./management");
Object.defineProperty(exports, "infoUrlForDomain", { enumerable: true, get: function () { return management_1.infoUrlForDomain; } });
//# sourceMappingURL=index.js.map