// ESLint (flat config): the recommended JS + TypeScript rules, and the layering of docs/ARCHITECTURE.md as
// no-restricted-imports rules, so a layer that reaches above itself (or into `vscode`) fails `npm test`.
// Not type-aware on purpose: `npm run lint` runs first in `npm test` and must stay fast.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscode = { name: 'vscode', message: 'Only src/features, src/commands and src/extension.ts talk to the editor.' };
const fileAndProcess = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'].map((name) => ({
  name,
  message: 'Pure layers do not touch files or processes: put that in src/io (or src/lifecycle for workflows).',
}));

/**
 * `no-restricted-imports` for a layer: never `vscode` (type-only imports too, unless `vscodeTypes`), plus the
 * layers above it and any extra names.
 */
function layer(files, { above = [], names = [], vscodeTypes = false }) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ ...vscode, allowTypeImports: vscodeTypes }, ...names],
          // Another top-level folder is always reached through `../` (`../lifecycle/renew`, `../../../src/features/x`).
          patterns: above.map((dir) => ({
            regex: `^(\\.\\./)+(src/)?${dir}(/|$)`,
            message: `This layer sits below ${dir}; move the shared code down instead (see docs/ARCHITECTURE.md).`,
          })),
        },
      ],
      // no-restricted-imports does not see `import('…')`; the lazy loads must keep the layering too.
      'no-restricted-syntax': [
        'error',
        ...(above.length === 0
          ? []
          : [
              {
                selector: `ImportExpression[source.value=/^(\\.\\.\\/)+(src\\/)?(${above.join('|')})(\\/|$)/]`,
                message: 'This layer sits below the module it loads; move the shared code down instead (see docs/ARCHITECTURE.md).',
              },
            ]),
        { selector: "ImportExpression[source.value='vscode']", message: vscode.message },
      ],
    },
  };
}

const EDITOR = ['features', 'commands', 'extension'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed parameters are deliberate (callbacks whose arity matters).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // core → io → connector → lifecycle → views / settingsModel → editor (features, commands) | cli; emulator beside.
  layer(['src/core/**'], { above: ['io', 'connector', 'lifecycle', 'views', 'settingsModel', ...EDITOR, 'cli', 'emulator'], names: fileAndProcess }),
  layer(['src/io/**'], { above: ['connector', 'lifecycle', 'views', 'settingsModel', ...EDITOR, 'cli', 'emulator'] }),
  layer(['src/connector/**'], { above: ['lifecycle', 'views', 'settingsModel', ...EDITOR, 'cli', 'emulator'] }),
  layer(['src/lifecycle/**'], { above: ['views', 'settingsModel', ...EDITOR, 'cli', 'emulator'] }),
  layer(['src/views/**', 'src/settingsModel.ts', 'src/constants.ts'], { above: [...EDITOR, 'cli', 'emulator'], names: fileAndProcess }),
  layer(['src/cli/**'], { above: ['views', 'settingsModel', ...EDITOR] }),
  layer(['src/emulator/**'], { above: ['lifecycle', 'views', 'settingsModel', ...EDITOR, 'cli'] }),
  // Unit tests run in plain Node: they may load editor modules that only use `vscode` types (e.g. the log wrapper).
  layer(['test/unit/**', 'bench/**'], { vscodeTypes: true }),
  // Tests assert that control characters are escaped, so they write them in regular expressions.
  { files: ['test/**'], rules: { 'no-control-regex': 'off' } },
);
