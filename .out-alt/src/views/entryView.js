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
exports.viewOf = viewOf;
exports.keyViewOf = keyViewOf;
exports.blockAtLine = blockAtLine;
exports.relativeTo = relativeTo;
/**
 * An indexed certificate entry as the user sees it: expiry assessed at a given time, paths shown relative to the
 * workspace. Pure (no `vscode`, no file access), unit-tested in plain Node.
 */
const path = __importStar(require("node:path"));
const expiry_1 = require("../core/expiry");
/** The presentation view of one block of an entry at `now`. `displayFile` is the path shown to the user. */
function viewOf(entry, block, now, thresholds, displayPath) {
    const isLeaf = block === entry.certificates[0];
    return {
        facts: block.facts,
        expiry: (0, expiry_1.assessExpiry)(block.facts, now, thresholds),
        revoked: isLeaf && entry.revoked,
        file: displayPath(entry.file),
        key: isLeaf ? keyViewOf(entry.key, displayPath) : undefined,
    };
}
/** The key pairing as shown to the user. */
function keyViewOf(key, displayPath) {
    return { status: key.status, file: key.file ? displayPath(key.file) : undefined, problem: key.problem };
}
/** The certificate block that spans `line` (0-based), if any. */
function blockAtLine(blocks, line) {
    return blocks.find((b) => line >= b.startLine && line <= b.endLine);
}
/** `a/b.crt` relative to `root` when inside it, else the absolute path. */
function relativeTo(root, file) {
    if (!root)
        return file;
    const rel = path.relative(root, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
//# sourceMappingURL=entryView.js.map