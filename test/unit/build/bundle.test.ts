/**
 * The shape of the build that the speed targets rest on (issue 9), checked on dist/ as `npm test` builds it:
 * what activation loads, how lazy chunks are loaded, and what was left out of axios. Times are measured in
 * `npm run bench`; these are the structural facts a config change could silently undo.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureCliBuilt, repoRoot } from '../cli/run-cli';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}

const dist = path.join(repoRoot(), 'dist');
let meta: Metafile;
let code: Map<string, string>;

before(async () => {
  ensureCliBuilt();
  meta = JSON.parse(await fs.readFile(path.join(dist, 'meta.json'), 'utf8')) as Metafile;
  const files = (await fs.readdir(dist)).filter((f) => f.endsWith('.js'));
  code = new Map(await Promise.all(files.map(async (f) => [f, await fs.readFile(path.join(dist, f), 'utf8')] as const)));
});

/** An output and every chunk it requires when it loads (static imports), transitively. */
function loadedWith(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of meta.outputs[file].imports) if (i.kind === 'import-statement' && !i.external) loadedWith(i.path, seen);
  return seen;
}

function packagesIn(files: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const f of files) for (const input of Object.keys(meta.outputs[f].inputs)) packages.add(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? '');
  packages.delete('');
  return packages;
}

describe('the bundles', () => {
  it('activation loads neither node-forge nor axios; both ship once, shared by the CLI and the extension', () => {
    const atActivation = packagesIn(loadedWith('dist/extension.js'));
    assert.ok(!atActivation.has('node-forge') && !atActivation.has('axios'), [...atActivation].join(', '));
    for (const pkg of ['node-forge', 'axios']) {
      const holders = Object.keys(meta.outputs).filter((f) => packagesIn([f]).has(pkg));
      assert.equal(holders.length, 1, `${pkg} is in ${holders.join(', ')}`);
    }
  });

  it('lazy chunks are require()d, never import()ed (Node would lex a CommonJS chunk through its ESM loader)', () => {
    for (const [file, text] of code) assert.doesNotMatch(text, /\bimport\(\s*["']\.\//, file);
  });

  it('the vscode module is required once, not copied per source file', () => {
    const requires = [...code.values()].reduce((n, text) => n + (text.match(/require\(["']vscode["']\)/g) ?? []).length, 0);
    assert.equal(requires, 1);
  });

  it('axios comes without node:http2, follow-redirects and its own proxy agent; ours loads only for a proxy', () => {
    const all = [...code.values()].join('\n');
    assert.doesNotMatch(all, /require\(["'](node:)?http2["']\)/);
    const packages = packagesIn(Object.keys(meta.outputs));
    assert.ok(!packages.has('follow-redirects') && !packages.has('form-data'), [...packages].join(', '));
    const renew = Object.keys(meta.outputs).find((f) => meta.outputs[f].entryPoint === 'src/cli/renew.ts');
    assert.ok(renew, 'no chunk for the renew command');
    assert.ok(!packagesIn(loadedWith(renew)).has('https-proxy-agent'), 'renew loads the proxy tunnel without a proxy');
  });
});
