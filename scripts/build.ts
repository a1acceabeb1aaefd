/**
 * `npm run build`: validate every trial file, build the site into a scratch folder,
 * and only when everything succeeded put it in place of `dist/`, so a failed or
 * interrupted build never leaves a half-written site, nor a scratch folder behind.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
// The new site is staged beside the old one, so the final step is a rename within one folder (one filesystem).
const staged = join(dirname(outDir), `.${basename(outDir)}.new-${process.pid}`);
const retired = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
const cleanUp = () => {
  for (const dir of [scratch, staged]) rmSync(dir, { recursive: true, force: true });
};

mkdirSync(resolve('.tmp'), { recursive: true });
const astro = spawn(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', scratch], {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    astro.kill(signal);
    cleanUp();
    console.error(`build: interrupted (${signal}); ${outDir} was left as it was`);
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
  });
}
const status = await new Promise<number>((done) => astro.on('close', (code) => done(code ?? 1)));
if (status !== 0) {
  cleanUp();
  console.error(`build: astro build failed; ${outDir} was left as it was`);
  process.exit(status);
}

/** Move a folder, copying when the destination is on another filesystem (rename cannot cross them). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true });
  }
}

try {
  mkdirSync(dirname(outDir), { recursive: true });
  move(scratch, staged);
  // The old site is set aside, not removed, until the new one is in its place.
  if (existsSync(outDir)) renameSync(outDir, retired);
  try {
    renameSync(staged, outDir);
  } catch (error) {
    if (existsSync(retired)) renameSync(retired, outDir);
    throw error;
  }
} catch (error) {
  cleanUp();
  console.error(`build: could not put the site in place (${(error as Error).message}); ${outDir} was left as it was`);
  process.exit(1);
}
rmSync(retired, { recursive: true, force: true });
console.log(`build: site written to ${outDir}`);
