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
  // A lazily loaded chunk is require()d: Node's import() of a CommonJS file goes through the ESM loader, which lexes
  // the whole chunk for named exports (~35 ms for the renew chunk).
  supported: { 'dynamic-import': false },
  // https-proxy-agent's optional Kerberos (Negotiate) support: a native module we do not ship.
  external: ['kerberos'],
};

/**
 * Every `await import('./module')` of our own sources stays a require of that module's own output file, built as a
 * further entry point (found while building: see buildSplit). `chunks` maps source files to output names.
 */
function lazyChunks(prefix, chunks) {
  return {
    name: 'lazy-chunks',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const source = ['.ts', '/index.ts'].map((ext) => path.resolve(args.resolveDir, args.path + ext)).find((f) => existsSync(f));
        if (!source) return undefined;
        if (!chunks.has(source)) chunks.set(source, `${prefix}-${path.relative('src', source).replace(/\.ts$/, '').replace(/[\\/]/g, '-')}.js`);
        return { path: `./${chunks.get(source)}`, external: true };
      });
    },
  };
}

/** Builds `entry` and, transitively, every lazily imported module as its own file next to it. */
async function buildSplit(name, prefix, options) {
  const chunks = new Map();
  const results = [[name, await esbuild.build({ ...options, plugins: [lazyChunks(prefix, chunks), leanAxios] })]];
  const built = new Set();
  for (let pending = [...chunks]; pending.length > 0; pending = [...chunks].filter(([src]) => !built.has(src))) {
    for (const [src, out] of pending) built.add(src);
    const more = await Promise.all(
      pending.map(async ([src, out]) => [out, await esbuild.build({ ...options, banner: undefined, entryPoints: [src], outfile: `dist/${out}`, plugins: [lazyChunks(prefix, chunks), leanAxios] })]),
    );
    results.push(...more);
  }
  return results;
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

// Stale chunks of an earlier build must not ship or be loaded.
for (const file of existsSync('dist') ? await fs.readdir('dist') : []) if (/^(cli|extension)-.*\.js(\.map)?$/.test(file)) await fs.rm(`dist/${file}`);

const results = [
  ...(await buildSplit('cli', 'cli', { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } })),
  ...(existsSync('src/extension.ts')
    ? await buildSplit('extension', 'extension', { ...common, external: [...common.external, 'vscode'], entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' })
    : []),
];
if (writeMeta) {
  await Promise.all(results.map(([name, r]) => fs.writeFile(`dist/meta-${name.replace(/\.js$/, '')}.json`, JSON.stringify(r.metafile))));
}
