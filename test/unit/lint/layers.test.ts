/**
 * The layer rules of eslint.config.mjs really bite: each case lints a one-line file placed in a layer and checks
 * that an import reaching above the layer (or into `vscode`, or at files and processes from a pure layer) is an
 * error, and that the allowed direction is not.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const root = [resolve(__dirname, '../../../..'), process.cwd()].find((dir) => existsSync(join(dir, 'eslint.config.mjs'))) ?? process.cwd();

async function restricted(file: string, code: string): Promise<boolean> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
}

test('vscode only in the editor layers', async () => {
  const line = "import * as vscode from 'vscode';\nexport const v = vscode;\n";
  for (const file of [
    'src/core/x.ts',
    'src/io/x.ts',
    'src/connector/x.ts',
    'src/lifecycle/x.ts',
    'src/views/x.ts',
    'src/cli/x.ts',
    'src/emulator/x.ts',
    'src/settingsModel.ts',
    'test/unit/x.test.ts',
  ]) {
    assert.ok(await restricted(file, line), file);
  }
  for (const file of ['src/features/x.ts', 'src/commands/x.ts', 'src/extension.ts']) assert.ok(!(await restricted(file, line)), file);
});

test('a layer imports nothing above it; below is fine', async () => {
  assert.ok(await restricted('src/core/x.ts', "import { a } from '../lifecycle/renew';\nexport const b = a;\n"));
  assert.ok(await restricted('src/core/x.ts', "export const load = () => import('../io/boundedRead');\n"), 'dynamic import');
  assert.ok(await restricted('src/lifecycle/x.ts', "import { a } from '../views/presentation';\nexport const b = a;\n"));
  assert.ok(await restricted('src/views/x.ts', "import { a } from '../features/settings';\nexport const b = a;\n"));
  assert.ok(await restricted('src/cli/x.ts', "import { a } from '../views/remedies';\nexport const b = a;\n"), 'the CLI words remedies itself');
  assert.ok(!(await restricted('test/unit/x.test.ts', "import type * as vscode from 'vscode';\nexport type V = typeof vscode;\n")), 'types only, in tests');
  assert.ok(!(await restricted('src/views/x.ts', "import { a } from '../lifecycle/certificateEntry';\nexport const b = a;\n")));
  assert.ok(!(await restricted('src/features/x.ts', "import { a } from '../views/remedies';\nexport const b = a;\n")));
  assert.ok(!(await restricted('src/emulator/index.ts', "import { a } from './cli';\nexport const b = a;\n")), 'a folder of its own name');
});

test('core and the view models touch no files or processes', async () => {
  assert.ok(await restricted('src/core/x.ts', "import { execFile } from 'node:child_process';\nexport const e = execFile;\n"));
  assert.ok(await restricted('src/views/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"));
  assert.ok(!(await restricted('src/io/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")));
});
