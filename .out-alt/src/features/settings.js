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
exports.SettingsService = exports.settingId = exports.DEFAULT_SETTINGS = void 0;
/**
 * The settings as the editor sees them: one snapshot of the model in src/settingsModel.ts, replaced only when a
 * `kymaCert.*` setting changed. Nothing else calls `getConfiguration('kymaCert')`.
 */
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const settingsModel_1 = require("../settingsModel");
var settingsModel_2 = require("../settingsModel");
Object.defineProperty(exports, "DEFAULT_SETTINGS", { enumerable: true, get: function () { return settingsModel_2.DEFAULT_SETTINGS; } });
Object.defineProperty(exports, "settingId", { enumerable: true, get: function () { return settingsModel_2.settingId; } });
function readFromWorkspace() {
    const configuration = vscode.workspace.getConfiguration(constants_1.SETTINGS_SECTION);
    return (0, settingsModel_1.readSettings)((id) => configuration.get(id));
}
/** Holds the current snapshot and re-reads it only when a `kymaCert.*` setting changed. */
class SettingsService {
    snapshot = readFromWorkspace();
    changed = new vscode.EventEmitter();
    subscription;
    /** Fires after the snapshot was replaced. */
    onDidChange = this.changed.event;
    constructor() {
        this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
            if (!event.affectsConfiguration(constants_1.SETTINGS_SECTION))
                return;
            const previous = this.snapshot;
            this.snapshot = readFromWorkspace();
            this.changed.fire({ previous, current: this.snapshot, affects: (name) => event.affectsConfiguration((0, settingsModel_1.settingId)(name)) });
        });
    }
    get current() {
        return this.snapshot;
    }
    dispose() {
        this.subscription.dispose();
        this.changed.dispose();
    }
}
exports.SettingsService = SettingsService;
//# sourceMappingURL=settings.js.map