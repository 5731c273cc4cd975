// Bundles the extension (vscode stays external: the host provides it) and the CLI in one build with code splitting,
// so that a run loads only what it uses and nothing ships twice: every `await import()` starts a chunk of its own,
// and code that several entry points or chunks use (node-forge's ASN.1, axios, the lifecycle) lives in shared
// chunks that both the CLI and the extension require. esbuild splits only ES modules, and the VS Code 1.99 host
// loads only CommonJS: the ESM output is converted file by file to CommonJS (an import becomes a require, a lazy
// import() a require inside a promise). dist/meta.json is the ESM build's metafile (same file names).
import * as esbuild from 'esbuild';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');

/**
 * axios without what an https client with `adapter: 'http'` never uses: form-data (+ mime-db, 137 KB of MIME
 * table) becomes an empty class, the fetch adapter a stub, and axios' `globalThis.FormData` probe is dropped:
 * in Node that probe (and the fetch adapter's) loads undici, 30–100 ms per start. axios' `http2` import (HTTP/2
 * transport, used only with `httpVersion: 2`, which we never set), follow-redirects (used only when
 * maxRedirects ≠ 0; we send maxRedirects: 0) and its own https-proxy-agent 5 + debug (used only for axios' `proxy`
 * option; we send proxy: false and tunnel with our agent) become modules that throw if used: node:http2 alone
 * costs ~13 ms per start. A patch that no longer matches the installed axios fails the build instead of
 * silently bundling the heavy path.
 */
const leanAxios = {
  name: 'lean-axios',
  setup(build) {
    build.onResolve({ filter: /^form-data$/ }, () => ({ path: 'form-data', namespace: 'lean-axios' }));
    build.onLoad({ filter: /^form-data$/, namespace: 'lean-axios' }, () => ({ contents: 'export default class FormData {}', loader: 'js' }));
    build.onResolve({ filter: /^(node:)?http2$/ }, (args) => (/[\\/]axios[\\/]/.test(args.importer) ? { path: 'http2', namespace: 'lean-axios' } : undefined));
    build.onLoad({ filter: /^http2$/, namespace: 'lean-axios' }, () => ({
      contents:
        "const unused = () => { throw new Error('HTTP/2 is not part of this build'); }; export default { connect: unused, get constants() { return unused(); } };",
      loader: 'js',
    }));
    build.onResolve({ filter: /^https-proxy-agent$/ }, (args) =>
      /[\\/]axios[\\/]lib[\\/]/.test(args.importer) ? { path: 'https-proxy-agent', namespace: 'lean-axios' } : undefined,
    );
    build.onLoad({ filter: /^https-proxy-agent$/, namespace: 'lean-axios' }, () => ({
      contents: 'export default class HttpsProxyAgent { constructor() { throw new Error("axios\' proxy option is not part of this build (proxy: false)"); } }',
      loader: 'js',
    }));
    build.onResolve({ filter: /^follow-redirects$/ }, (args) =>
      /[\\/]axios[\\/]/.test(args.importer) ? { path: 'follow-redirects', namespace: 'lean-axios' } : undefined,
    );
    build.onLoad({ filter: /^follow-redirects$/, namespace: 'lean-axios' }, () => ({
      contents:
        "const request = () => { throw new Error('redirects are not followed (maxRedirects: 0)'); }; export default { http: { request }, https: { request } };",
      loader: 'js',
    }));
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

/**
 * Each source file's `import * as vscode from 'vscode'` would become its own `__toESM(require('vscode'))`, which copies
 * every member of the API object (~20 copies at activation: ~6 ms in plain node, host smoke activation median
 * 66 → 23 ms when removed). All of them import one shim module instead, which re-exports the API once.
 */
const oneVscodeImport = {
  name: 'one-vscode-import',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-shim' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-shim' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-shim' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const build = await esbuild.build({
  entryPoints: { extension: 'src/extension.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  metafile: true,
  write: false,
  // vscode: the host's module. kerberos: https-proxy-agent's optional Negotiate support, a native module we do not ship.
  external: ['vscode', 'kerberos'],
  plugins: [leanAxios, oneVscodeImport],
});

// Stale files of an earlier build must not ship or be loaded.
for (const file of existsSync('dist') ? await fs.readdir('dist') : []) if (/\.js(\.map)?$|^meta.*\.json$/.test(file)) await fs.rm(`dist/${file}`);
await fs.mkdir('dist', { recursive: true });
await Promise.all(
  build.outputFiles.map(async (file) => {
    const name = path.basename(file.path);
    const cjs = await esbuild.transform(file.text, {
      format: 'cjs',
      // A lazily loaded chunk is require()d: Node's import() of a CommonJS file goes through the ESM loader, which
      // lexes the whole chunk for named exports (~35 ms per CLI start).
      supported: { 'dynamic-import': false },
      target: 'node20',
      minify: production,
      sourcemap: production ? false : 'external',
      sourcefile: name,
    });
    const code = (name === 'cli.js' ? '#!/usr/bin/env node\n' : '') + cjs.code + (cjs.map ? `//# sourceMappingURL=${name}.map\n` : '');
    await fs.writeFile(file.path, code, name === 'cli.js' ? { mode: 0o755 } : undefined);
    if (cjs.map) await fs.writeFile(`${file.path}.map`, cjs.map);
  }),
);
// What each output holds and requires: the bench's sizes and the bundle test read it (the .vsix ships only *.js).
await fs.writeFile('dist/meta.json', JSON.stringify(build.metafile));
