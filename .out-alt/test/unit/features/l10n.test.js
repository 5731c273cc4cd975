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
/**
 * Every string the editor code localizes with `t(…)` / `vscode.l10n.t(…)` (and every lifecycle progress step the
 * renewal notification shows through `t(step)`) has an entry in l10n/bundle.l10n.json, and the manifest's `%key%`
 * placeholders all resolve in package.nls.json. Regenerate the bundle with UPDATE_L10N=1.
 */
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
// out/test/unit/features → project root; a compile into another out dir is run from the project root.
const root = [(0, node_path_1.resolve)(__dirname, '../../../..'), process.cwd()].find((dir) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.nls.json'))) ?? process.cwd();
const bundleFile = (0, node_path_1.join)(root, 'l10n/bundle.l10n.json');
/** Every .ts file under `dir`, recursively (editor code lives in several layers). */
function sources(dir) {
    return (0, node_fs_1.readdirSync)((0, node_path_1.join)(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, dir, f), 'utf8'));
}
function literals(code, call) {
    return [...code.matchAll(call)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}
function usedStrings() {
    const translated = /\bt\(\s*'((?:[^'\\]|\\.)*)'/g;
    const progressStep = /\bprogress\(\s*'((?:[^'\\]|\\.)*)'/g;
    const found = new Set();
    for (const code of sources('src')) {
        for (const s of literals(code, translated))
            found.add(s);
    }
    for (const code of sources('src/lifecycle'))
        for (const s of literals(code, progressStep))
            found.add(s);
    return [...found].sort();
}
(0, node_test_1.test)('every localized string of the extension is in l10n/bundle.l10n.json', () => {
    const used = usedStrings();
    if (process.env.UPDATE_L10N === '1') {
        (0, node_fs_1.writeFileSync)(bundleFile, `${JSON.stringify(Object.fromEntries(used.map((s) => [s, s])), null, 2)}\n`);
    }
    const bundle = JSON.parse((0, node_fs_1.readFileSync)(bundleFile, 'utf8'));
    assert.ok(used.length > 40, `only ${used.length} strings found: the extraction is broken`);
    assert.deepEqual(used.filter((s) => !(s in bundle)), [], 'strings missing from the bundle (run with UPDATE_L10N=1)');
    assert.deepEqual(Object.keys(bundle).filter((s) => !used.includes(s)), [], 'stale bundle entries');
});
(0, node_test_1.test)('manifest placeholders resolve in package.nls.json', () => {
    const manifest = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'package.json'), 'utf8');
    const nls = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'package.nls.json'), 'utf8'));
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    assert.deepEqual(keys.filter((k) => !(k in nls)), []);
    assert.equal(JSON.parse(manifest).l10n, './l10n');
});
//# sourceMappingURL=l10n.test.js.map