/**
 * (e) what the extension host compiles at activation: dist/extension.js and the chunks it requires at load (production
 * build; chunks reached only through a lazy import() are compiled when first needed), and whether node-forge or axios
 * are among them; (f) the size of the packaged .vsix (vsce package, as `npm run package` does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface SizesResult {
  /** dist/extension.js plus the chunks it requires at load. */
  activationBytes: number;
  /** node_modules packages in what activation loads (must not include node-forge or axios). */
  activationPackages: string[];
  lazyFiles: Array<{ file: string; bytes: number }>;
  vsixBytes?: number;
  vsixError?: string;
}

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}

/** An output file and every chunk it statically imports, transitively: what loading it compiles. */
function loadedAtStart(meta: Metafile, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of meta.outputs[file].imports) if (i.kind === 'import-statement' && !i.external) loadedAtStart(meta, i.path, seen);
  return seen;
}

export async function measureSizes(root: string, workDir: string): Promise<SizesResult> {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  const meta = JSON.parse(await fs.readFile(path.join(root, 'dist/meta.json'), 'utf8')) as Metafile;
  const atActivation = loadedAtStart(meta, 'dist/extension.js');
  const inputs = [...atActivation].flatMap((f) => Object.keys(meta.outputs[f].inputs));
  const activationPackages = [...new Set(inputs.flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))].sort();
  const lazyFiles = Object.entries(meta.outputs)
    .filter(([file]) => file.endsWith('.js') && !atActivation.has(file))
    .map(([file, o]) => ({ file: path.basename(file), bytes: o.bytes }));
  const activationBytes = [...atActivation].reduce((sum, f) => sum + meta.outputs[f].bytes, 0);
  const result: SizesResult = { activationBytes, activationPackages, lazyFiles };
  const vsce = path.join(root, 'node_modules/.bin/vsce');
  const vsix = path.join(workDir, 'kyma-cert.vsix');
  try {
    if (!existsSync(vsce)) throw new Error('vsce not installed');
    execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], {
      cwd: root,
      stdio: 'ignore',
    });
    result.vsixBytes = (await fs.stat(vsix)).size;
  } catch (e) {
    result.vsixError = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  return result;
}
