/**
 * (e) what the extension host compiles at activation: dist/extension.js (production build; the lazily loaded
 * files under dist/extension-*.js are compiled only when first needed), and whether node-forge or axios are in it;
 * (f) the size of the packaged .vsix (vsce package, as `npm run package` does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface SizesResult {
  activationBytes: number;
  /** node_modules packages bundled into dist/extension.js (must not include node-forge or axios). */
  activationPackages: string[];
  lazyFiles: Array<{ file: string; bytes: number }>;
  vsixBytes?: number;
  vsixError?: string;
}

export async function measureSizes(root: string, workDir: string): Promise<SizesResult> {
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--metafile'], { cwd: root, stdio: 'inherit' });
  const dist = path.join(root, 'dist');
  const meta = JSON.parse(await fs.readFile(path.join(dist, 'meta-extension.json'), 'utf8')) as { inputs: Record<string, unknown> };
  const activationPackages = [...new Set(Object.keys(meta.inputs).flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))].sort();
  const lazyFiles = await Promise.all(
    (await fs.readdir(dist)).filter((f) => /^extension-.*\.js$/.test(f)).map(async (file) => ({ file, bytes: (await fs.stat(path.join(dist, file))).size })),
  );
  const result: SizesResult = { activationBytes: (await fs.stat(path.join(dist, 'extension.js'))).size, activationPackages, lazyFiles };
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
