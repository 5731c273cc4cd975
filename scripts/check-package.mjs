#!/usr/bin/env node
// Fails when the .vsix would ship anything beyond the allow-list (sources, maps, node_modules, keys...).
// Runs `vsce ls` (the same file selection `vsce package` uses, driven by .vscodeignore).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowed = [
  /^dist\/(extension|cli|chunk-[A-Z0-9]+)\.js$/, /^media\/.+/, /^l10n\/[^/]+\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/,
  /^package\.json$/, /^package\.nls(\.[\w-]+)?\.json$/,
];
const vsce = path.join(projectRoot, 'node_modules/.bin/vsce');
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .split('\n').map((l) => l.trim()).filter(Boolean);
const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
const missing = ['dist/extension.js', 'dist/cli.js', 'package.json', 'LICENSE'].filter((f) => !files.includes(f));
if (unexpected.length || missing.length) {
  if (unexpected.length) console.error(`check-package: unexpected files in the .vsix:\n  ${unexpected.join('\n  ')}`);
  if (missing.length) console.error(`check-package: missing from the .vsix: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`check-package: ${files.length} files, all allowed: ${files.join(', ')}`);
