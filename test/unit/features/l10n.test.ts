/**
 * Every string the editor code localizes with `t(…)` / `vscode.l10n.t(…)` (and every lifecycle progress step the
 * renewal notification shows through `t(step)`) has an entry in l10n/bundle.l10n.json, and the manifest's `%key%`
 * placeholders all resolve in package.nls.json. Regenerate the bundle with UPDATE_L10N=1.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

// out/test/unit/features → project root; a compile into another out dir is run from the project root.
const root = [resolve(__dirname, '../../../..'), process.cwd()].find((dir) => existsSync(join(dir, 'package.nls.json'))) ?? process.cwd();
const bundleFile = join(root, 'l10n/bundle.l10n.json');

/** Every .ts file under `dir`, recursively (editor code lives in several layers). */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(root, dir, f), 'utf8'));
}

function literals(code: string, call: RegExp): string[] {
  return [...code.matchAll(call)].map((m) => m[2].replace(/\\(.)/g, '$1'));
}

function usedStrings(): string[] {
  // Either quote: the formatter writes a string that contains an apostrophe in double quotes.
  const translated = /\bt\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g;
  const progressStep = /\bprogress\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g;
  const found = new Set<string>();
  for (const code of sources('src')) {
    for (const s of literals(code, translated)) found.add(s);
  }
  for (const code of sources('src/lifecycle')) for (const s of literals(code, progressStep)) found.add(s);
  return [...found].sort();
}

test('every localized string of the extension is in l10n/bundle.l10n.json', () => {
  const used = usedStrings();
  if (process.env.UPDATE_L10N === '1') {
    writeFileSync(bundleFile, `${JSON.stringify(Object.fromEntries(used.map((s) => [s, s])), null, 2)}\n`);
  }
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Record<string, string>;
  assert.ok(used.length > 40, `only ${used.length} strings found: the extraction is broken`);
  assert.deepEqual(
    used.filter((s) => !(s in bundle)),
    [],
    'strings missing from the bundle (run with UPDATE_L10N=1)',
  );
  assert.deepEqual(
    Object.keys(bundle).filter((s) => !used.includes(s)),
    [],
    'stale bundle entries',
  );
});

test('manifest placeholders resolve in package.nls.json', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length >= 10);
  assert.deepEqual(
    keys.filter((k) => !(k in nls)),
    [],
  );
  assert.equal(JSON.parse(manifest).l10n, './l10n');
});
