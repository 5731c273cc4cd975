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
exports.precedence = precedence;
exports.infoUrlForDomain = infoUrlForDomain;
exports.defaultsFromSettings = defaultsFromSettings;
/**
 * The precedence rule of the one resolver (`resolve.ts`) for the info URL and the server CA, as pure functions with
 * no heavy imports, so that always-loaded editor code (auto-renew) can apply it without pulling in the parsers.
 * Explicit (flags, per-certificate settings, prompt answers) > remembered `<name>.kyma.json` > workspace defaults.
 */
const path = __importStar(require("node:path"));
/** The precedence rule for the URL and the CA alone, for callers that already hold the remembered connection. */
function precedence(explicit, remembered, defaults) {
    const caFile = explicit.caFile || remembered?.caFile || defaults.caFile || undefined;
    return { infoUrl: explicit.infoUrl || remembered?.infoUrl || defaults.infoUrl || undefined, caFile: caFile ? path.resolve(caFile) : undefined };
}
/** The management/info URL for a cluster domain (spec §1: `https://gateway.$DOMAIN/...`). */
function infoUrlForDomain(domain) {
    const host = domain.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return `https://gateway.${host}/v1/applications/management/info`;
}
/** The editor's workspace-wide settings as defaults (`clusterDomain` gives the info URL when no URL is set). */
function defaultsFromSettings(settings) {
    return {
        infoUrl: settings.managementInfoUrl || (settings.clusterDomain ? infoUrlForDomain(settings.clusterDomain) : undefined),
        caFile: settings.caFile || undefined,
    };
}
//# sourceMappingURL=precedence.js.map