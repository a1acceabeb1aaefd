/**
 * `npm run build`: validate every trial file, build the site into a scratch folder,
 * and only when everything succeeded put it in place of `dist/`, so a failed or
 * interrupted build never leaves a half-written site, nor a scratch folder behind.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { astroFailure } from './lib/astro-failure.ts';
import { checkContent } from './lib/check-content.ts';
import { main, runCommand, writeLine, type Io } from './lib/command.ts';
import { removeStaleScratch } from './lib/stale-builds.ts';

const HELP = `usage: npm run build

Validates the trial files and the review's data files, then builds the site with Astro.
The output replaces dist/ only when the whole build succeeded; an interrupted build
(SIGINT, SIGTERM, SIGHUP) leaves dist/ as it was and removes its scratch folders; those of a
build killed outright are removed by the next build.
Environment: CARNK_TRIALS_DIR (default ${TRIALS_DIR}), CARNK_OUT_DIR (default dist); see the README.

Exit codes: 0 built; 1 a content problem (one line each), a failed Astro build (one line,
the full log in .tmp/build-error.log) or a site that could not be put in place; 2 a usage
error; 128 + the signal number when interrupted.`;

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

export const run = (argv: string[], io: Io) =>
  runCommand(
    {
      name: 'build',
      help: HELP,
      options: {},
      async run(_flags, _positionals, io) {
        const outDir = resolve(io.env.CARNK_OUT_DIR ?? 'dist');
        const trialsDir = io.env.CARNK_TRIALS_DIR ?? TRIALS_DIR;

        const { errors, warnings } = checkContent(trialsDir);
        for (const line of warnings) writeLine(io.stderr, `warning: ${line}`);
        if (errors.length > 0) {
          for (const line of errors) writeLine(io.stderr, line);
          writeLine(io.stderr, `build: ${errors.length} problem(s) in ${trialsDir}; nothing was built`);
          return 1;
        }

        // Astro needs its output inside the project (it resolves its own runtime from there). The build's own
        // folder also holds Astro's cache, where it keeps the content it loaded: two builds at once (the test
        // suite runs them side by side) must never read each other's trials.
        const work = resolve('.tmp', `build-${process.pid}`);
        const scratch = join(work, 'site');
        // The new site is staged beside the old one, so the final step is a rename within one folder (one filesystem).
        const staged = join(dirname(outDir), `.${basename(outDir)}.new-${process.pid}`);
        const retired = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
        const cleanUp = () => {
          for (const dir of [work, staged]) rmSync(dir, { recursive: true, force: true });
        };

        // What killed builds left behind: a kill the signal handlers below cannot catch (SIGKILL, out of memory).
        removeStaleScratch(resolve('.tmp'), ['build-']);
        removeStaleScratch(dirname(outDir), [`.${basename(outDir)}.new-`, `.${basename(outDir)}.old-`]);
        mkdirSync(resolve('.tmp'), { recursive: true });
        // Progress goes to the terminal as it comes; errors are kept, so a failure is reported in one line.
        const astro = spawn(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', scratch], {
          stdio: ['inherit', 'inherit', 'pipe'],
          env: { ...io.env, CARNK_CACHE_DIR: join(work, 'cache') },
        });
        let stderr = '';
        astro.stderr.setEncoding('utf8');
        astro.stderr.on('data', (chunk: string) => (stderr += chunk));
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
          process.on(signal, () => {
            astro.kill(signal);
            cleanUp();
            writeLine(io.stderr, `build: interrupted (${signal}); ${outDir} was left as it was`);
            process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
          });
        }
        const status = await new Promise<number>((done) => astro.on('close', (code) => done(code ?? 1)));
        if (status !== 0) {
          cleanUp();
          const log = resolve('.tmp', 'build-error.log');
          writeFileSync(log, stderr);
          writeLine(
            io.stderr,
            `build: astro build failed: ${astroFailure(stderr)} (full log: ${relative(process.cwd(), log)}); ${outDir} was left as it was`,
          );
          return 1;
        }
        process.stderr.write(stderr);

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
          writeLine(io.stderr, `build: could not put the site in place (${(error as Error).message}); ${outDir} was left as it was`);
          return 1;
        }
        for (const dir of [retired, work]) rmSync(dir, { recursive: true, force: true });
        writeLine(io.stdout, `build: site written to ${outDir}`);
        return 0;
      },
    },
    argv,
    io,
  );

if (import.meta.main) await main(run);
