/**
 * `npm run bench`: runs every benchmark in this folder, one child process each so
 * that each one's peak memory is its own, and prints their figures in order.
 * `npm run bench -- ingest identify` runs only the named ones; other arguments
 * (such as `--members 20000`) are passed through to each.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const order = ['ingest', 'identify', 'signals', 'measures', 'http', 'pharmacy-check'];
const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('-') && order.includes(a));
const passThrough = args.filter((a) => !named.includes(a));

const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort((a, b) => rank(a) - rank(b));

function rank(name: string): number {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}

let failed = 0;
for (const name of available) {
  if (named.length > 0 && !named.includes(name)) continue;
  console.log(`\n=== bench: ${name} ===`);
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, `${name}.ts`), ...passThrough],
    {
      stdio: 'inherit',
    },
  );
  console.log(
    `=== ${name}: ${result.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
