/**
 * `npm run build`: validate every trial file, build the site into a scratch folder,
 * and only when everything succeeded replace `dist/` with it, so a failed build
 * never leaves a half-written site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { astroFailure } from './lib/astro-failure.ts';
import { checkContent } from './lib/check-content.ts';
import { runCommand } from './lib/command.ts';

const HELP = `usage: npm run build

Validates the trial files and the review's data files, then builds the site with Astro.
The output replaces dist/ only when the whole build succeeded.
Environment: CARNK_TRIALS_DIR (default ${TRIALS_DIR}), CARNK_OUT_DIR (default dist); see the README.

Exit codes: 0 built; 1 a content problem (one line each) or a failed Astro build (one line,
the full log in .tmp/build-error.log); 2 a usage error.`;

await runCommand({
  name: 'build',
  help: HELP,
  options: {},
  run() {
    const outDir = resolve(process.env.CARNK_OUT_DIR ?? 'dist');
    const trialsDir = process.env.CARNK_TRIALS_DIR ?? TRIALS_DIR;

    const { errors } = checkContent(trialsDir);
    if (errors.length > 0) {
      for (const line of errors) console.error(line);
      console.error(`build: ${errors.length} problem(s) in ${trialsDir}; nothing was built`);
      return 1;
    }

    // Astro needs its output inside the project (it resolves its own runtime from there).
    const scratch = resolve('.tmp', `build-${process.pid}`);
    mkdirSync(resolve('.tmp'), { recursive: true });
    // Progress goes to the terminal as it comes; errors are kept, so a failure is reported in one line.
    const astro = spawnSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', scratch], {
      stdio: ['inherit', 'inherit', 'pipe'],
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 256 * 2 ** 20,
    });
    if (astro.status !== 0) {
      rmSync(scratch, { recursive: true, force: true });
      const log = resolve('.tmp', 'build-error.log');
      writeFileSync(log, astro.stderr ?? '');
      console.error(`build: astro build failed: ${astroFailure(astro.stderr ?? '')} (full log: ${relative(process.cwd(), log)}); dist/ was left as it was`);
      return 1;
    }
    process.stderr.write(astro.stderr ?? '');

    if (existsSync(outDir)) rmSync(outDir, { recursive: true });
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(scratch, outDir);
    console.log(`build: site written to ${outDir}`);
    return 0;
  },
});
