/**
 * `npm run build`: validate every trial file, build the site into a scratch folder,
 * and only when everything succeeded replace `dist/` with it, so a failed build
 * never leaves a half-written site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkContent } from './lib/check-content.ts';
import { DEFAULT_TRIALS_DIR } from './lib/trial-files.ts';

const outDir = resolve(process.env.CARNK_OUT_DIR ?? 'dist');
const trialsDir = process.env.CARNK_TRIALS_DIR ?? DEFAULT_TRIALS_DIR;

const { errors } = checkContent(trialsDir);
if (errors.length > 0) {
  for (const line of errors) console.error(line);
  console.error(`build: ${errors.length} problem(s) in ${trialsDir}; nothing was built`);
  process.exit(1);
}

// Astro needs its output inside the project (it resolves its own runtime from there).
const scratch = resolve('.tmp', `build-${process.pid}`);
mkdirSync(resolve('.tmp'), { recursive: true });
const astro = spawnSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', scratch], {
  stdio: 'inherit',
  env: process.env,
});
if (astro.status !== 0) {
  rmSync(scratch, { recursive: true, force: true });
  console.error('build: astro build failed; dist/ was left as it was');
  process.exit(astro.status ?? 1);
}

if (existsSync(outDir)) rmSync(outDir, { recursive: true });
mkdirSync(dirname(outDir), { recursive: true });
renameSync(scratch, outDir);
console.log(`build: site written to ${outDir}`);
