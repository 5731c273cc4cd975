// Bundles the extension (vscode stays external: the host provides it) and the CLI, split so that a run loads only
// what it uses: the CLI one file per command, the extension's heavy parts (certificate parser, lifecycle + HTTP)
// in files of their own, loaded by `await import()` when first needed. `--metafile` writes dist/meta-*.json.
import * as esbuild from 'esbuild';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const writeMeta = process.argv.includes('--metafile');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  metafile: true,
  // https-proxy-agent's optional Kerberos (Negotiate) support: a native module we do not ship.
  external: ['kerberos'],
};

/**
 * `await import('<module>')` of a module listed here is not inlined: it stays a require of its own output file,
 * built as a separate entry point. Keys: source files; values: output names in dist/.
 */
function lazyChunks(chunks) {
  const byFile = new Map(Object.entries(chunks).map(([src, out]) => [path.resolve(src), out]));
  return {
    name: 'lazy-chunks',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const out = byFile.get(path.resolve(args.resolveDir, `${args.path}.ts`));
        return out ? { path: `./${out}`, external: true } : undefined;
      });
    },
  };
}

/**
 * axios without what an https client with `adapter: 'http'` never uses: form-data (+ mime-db, 137 KB of MIME
 * table) becomes an empty class, the fetch adapter a stub, and axios' `globalThis.FormData` probe is dropped:
 * in Node that probe (and the fetch adapter's) loads undici, 30–100 ms per start. A patch that no longer matches
 * the installed axios fails the build instead of silently bundling the heavy path.
 */
const leanAxios = {
  name: 'lean-axios',
  setup(build) {
    build.onResolve({ filter: /^form-data$/ }, () => ({ path: 'form-data', namespace: 'lean-axios' }));
    build.onLoad({ filter: /^form-data$/, namespace: 'lean-axios' }, () => ({ contents: 'export default class FormData {}', loader: 'js' }));
    build.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]adapters[\\/]fetch\.js$/ }, () => ({
      contents: 'export const getFetch = () => false; export default false;',
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]utils\.js$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      const probe = "typeof G.FormData !== 'undefined' ? G.FormData : undefined";
      if (!source.includes(probe)) throw new Error(`lean-axios: ${args.path} changed; update esbuild.mjs`);
      return { contents: source.replace(probe, 'undefined'), loader: 'js' };
    });
  },
};

const cliCommands = { inspect: 'src/cli/inspect.ts', renew: 'src/cli/renew.ts', issue: 'src/cli/issue.ts', revoke: 'src/cli/revoke.ts', restore: 'src/cli/restore.ts', emulator: 'src/emulator/cli.ts' };
const cliChunks = Object.fromEntries(Object.entries(cliCommands).map(([name, src]) => [src, `cli-${name}.js`]));

/** The extension's lazily loaded parts. */
const extensionChunks = {};

const builds = [
  ['cli', { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyChunks(cliChunks), leanAxios] }],
  ...Object.entries(cliChunks).map(([src, out]) => [out, { ...common, entryPoints: [src], outfile: `dist/${out}`, plugins: [lazyChunks(cliChunks), leanAxios] }]),
];
if (existsSync('src/extension.ts')) {
  const extension = { ...common, external: [...common.external, 'vscode'], plugins: [lazyChunks(extensionChunks), leanAxios] };
  builds.push(['extension', { ...extension, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' }]);
  for (const [src, out] of Object.entries(extensionChunks)) builds.push([out, { ...extension, entryPoints: [src], outfile: `dist/${out}` }]);
}

const results = await Promise.all(builds.map(([, options]) => esbuild.build(options)));
if (writeMeta) {
  await Promise.all(results.map((r, i) => fs.writeFile(`dist/meta-${builds[i][0].replace(/\.js$/, '')}.json`, JSON.stringify(r.metafile))));
}
