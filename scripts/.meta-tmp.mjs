import * as esbuild from 'esbuild';
const entry = process.argv[2];
const r = await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, metafile: true, entryPoints: [entry], outfile: '/tmp/x.js', external: ['vscode'], minify: process.argv[3]==='min' });
const out = Object.values(r.metafile.outputs)[0];
const by = {};
for (const [f, v] of Object.entries(out.inputs)) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f); const k = m ? m[1] : f.split('/').slice(0,2).join('/'); by[k] = (by[k]||0) + v.bytesInOutput; }
console.log('total', out.bytes);
for (const [k, v] of Object.entries(by).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log(String(v).padStart(8), k);
