"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The layer rules of eslint.config.mjs really bite: each case lints a one-line file placed in a layer and checks
 * that an import reaching above the layer (or into `vscode`, or at files and processes from a pure layer) is an
 * error, and that the allowed direction is not.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const eslint_1 = require("eslint");
const root = [(0, node_path_1.resolve)(__dirname, '../../../..'), process.cwd()].find((dir) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'eslint.config.mjs'))) ?? process.cwd();
async function restricted(file, code) {
    const eslint = new eslint_1.ESLint({ cwd: root });
    const [result] = await eslint.lintText(code, { filePath: (0, node_path_1.join)(root, file) });
    return result.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
}
(0, node_test_1.test)('vscode only in the editor layers', async () => {
    const line = "import * as vscode from 'vscode';\nexport const v = vscode;\n";
    for (const file of ['src/core/x.ts', 'src/io/x.ts', 'src/connector/x.ts', 'src/lifecycle/x.ts', 'src/views/x.ts', 'src/cli/x.ts', 'src/emulator/x.ts', 'src/settingsModel.ts', 'test/unit/x.test.ts']) {
        strict_1.default.ok(await restricted(file, line), file);
    }
    for (const file of ['src/features/x.ts', 'src/commands/x.ts', 'src/extension.ts'])
        strict_1.default.ok(!(await restricted(file, line)), file);
});
(0, node_test_1.test)('a layer imports nothing above it; below is fine', async () => {
    strict_1.default.ok(await restricted('src/core/x.ts', "import { a } from '../lifecycle/renew';\nexport const b = a;\n"));
    strict_1.default.ok(await restricted('src/core/x.ts', "export const load = () => import('../io/boundedRead');\n"), 'dynamic import');
    strict_1.default.ok(await restricted('src/lifecycle/x.ts', "import { a } from '../views/presentation';\nexport const b = a;\n"));
    strict_1.default.ok(await restricted('src/views/x.ts', "import { a } from '../features/settings';\nexport const b = a;\n"));
    strict_1.default.ok(await restricted('src/cli/x.ts', "import { a } from '../views/remedies';\nexport const b = a;\n"), 'the CLI words remedies itself');
    strict_1.default.ok(!(await restricted('test/unit/x.test.ts', "import type * as vscode from 'vscode';\nexport type V = typeof vscode;\n")), 'types only, in tests');
    strict_1.default.ok(!(await restricted('src/views/x.ts', "import { a } from '../lifecycle/certificateEntry';\nexport const b = a;\n")));
    strict_1.default.ok(!(await restricted('src/features/x.ts', "import { a } from '../views/remedies';\nexport const b = a;\n")));
    strict_1.default.ok(!(await restricted('src/emulator/index.ts', "import { a } from './cli';\nexport const b = a;\n")), 'a folder of its own name');
});
(0, node_test_1.test)('core and the view models touch no files or processes', async () => {
    strict_1.default.ok(await restricted('src/core/x.ts', "import { execFile } from 'node:child_process';\nexport const e = execFile;\n"));
    strict_1.default.ok(await restricted('src/views/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"));
    strict_1.default.ok(!(await restricted('src/io/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")));
});
//# sourceMappingURL=layers.test.js.map