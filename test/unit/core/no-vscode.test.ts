import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the first ancestor (of the compiled test, else the working directory) with src/core. */
function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      if (existsSync(join(dir, 'src', 'core', 'errors.ts'))) return dir;
    }
  }
  throw new Error('repository root not found');
}

test('src/core never imports vscode (it runs in the CLI, the emulator and plain unit tests)', () => {
  const coreDir = join(repoRoot(), 'src', 'core');
  const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.includes('pem.ts'));
  for (const file of files) {
    const source = readFileSync(join(coreDir, file), 'utf8');
    assert.doesNotMatch(source, /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/, file);
  }
});
