import { readdirSync, readFileSync } from 'node:fs';
import { lintSources, analyzeFile } from './dist/src/lint/engine.js';
import { SourceFile } from './dist/src/sql/source.js';
import { loadParser } from './dist/src/sql/parser.js';
import { allRules } from './dist/rules/index.js';
const dir = '../shared/corpus/postgres-regress';
const inputs = readdirSync(dir).filter(f=>f.endsWith('.sql')).map(f=>({path:f,text:readFileSync(dir+'/'+f,'utf8')}));
await loadParser();
let t=performance.now(); let n=0, max=0, maxf='';
for (const i of inputs) { const s = analyzeFile(new SourceFile(i.path,i.text)).statements.length; n+=s; if (s>max){max=s;maxf=i.path;} }
console.log('parse', (performance.now()-t).toFixed(0), 'ms', n, 'statements; max', max, maxf);
t=performance.now(); await lintSources(inputs, []); console.log('lint no rules', (performance.now()-t).toFixed(0));
const per = [];
for (const r of allRules) { const t0=performance.now(); await lintSources(inputs, [r]); per.push([performance.now()-t0, r.meta.id]); }
per.sort((a,b)=>b[0]-a[0]); console.log(per.slice(0,8).map(([t,id])=>`${id} ${t.toFixed(0)}`).join('\n'));
t=performance.now(); await lintSources(inputs, allRules); console.log('lint all', (performance.now()-t).toFixed(0), allRules.length, 'rules');
