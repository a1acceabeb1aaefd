/**
 * `npm run bench:build -- [--sizes 100,1000]`: build time and output size for the real content
 * and for generated trials (written to a scratch folder, never committed), so we see how the
 * cost grows. Prints a table; it is not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { positiveList } from '../src/lib/cli/usage.ts';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { main, runCommand, writeLine, type Io } from './lib/command.ts';
import { syntheticTrialFiles } from './lib/synthetic-trials.ts';

const HELP = `usage: npm run bench:build -- [--sizes 100,1000] [--skip-real]

Builds the site from the real trial files, then from each number of generated trials, and prints
build time, pages, files and output size per build.
  --sizes LIST   numbers of generated trials, comma-separated (default: 100,1000)
  --skip-real    leave out the build of the real trial files

Exit codes: 0 done; 1 a build failed (its one-line message is printed); 2 a usage error.`;

const scratch = resolve('.tmp', 'bench-build');

function folderStats(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const inner = folderStats(path);
      bytes += inner.bytes;
      files += inner.files;
      pages += inner.pages;
    } else {
      bytes += stat.size;
      files += 1;
      if (name.endsWith('.html')) pages += 1;
    }
  }
  return { bytes, files, pages };
}

function build(label: string, trialsDir: string | undefined, trials: number): string {
  const outDir = join(scratch, `out-${label}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, CARNK_OUT_DIR: outDir, ...(trialsDir ? { CARNK_TRIALS_DIR: trialsDir } : {}) },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label}: ${result.stderr.trim().split('\n').at(-1)}`);
  const { bytes, files, pages } = folderStats(outDir);
  return `| ${label.padEnd(14)} | ${String(trials).padStart(6)} | ${seconds.toFixed(1).padStart(8)} | ${String(pages).padStart(6)} | ${String(files).padStart(6)} | ${(bytes / 1e6).toFixed(1).padStart(9)} | ${((seconds * 1000) / trials).toFixed(0).padStart(11)} |`;
}

export const run = (argv: string[], io: Io) =>
  runCommand(
    {
      name: 'bench:build',
      help: HELP,
      options: { sizes: { type: 'string', default: '100,1000' }, 'skip-real': { type: 'boolean', default: false } },
      run(flags, _positionals, io) {
        const sizes = positiveList('sizes', flags.sizes);
        rmSync(scratch, { recursive: true, force: true });
        mkdirSync(scratch, { recursive: true });
        try {
          const rows = flags['skip-real'] ? [] : [build('real content', undefined, readdirSync(TRIALS_DIR).filter((n) => n.endsWith('.mdx')).length)];
          for (const size of sizes) {
            const dir = join(scratch, `trials-${size}`);
            mkdirSync(dir, { recursive: true });
            for (const file of syntheticTrialFiles(size)) writeFileSync(join(dir, file.name), file.text);
            rows.push(build(`${size} generated`, dir, size));
          }
          writeLine(io.stdout, '| content        | trials | time (s) |  pages |  files | size (MB) | ms per trial |');
          writeLine(io.stdout, '|----------------|--------|----------|--------|--------|-----------|--------------|');
          for (const row of rows) writeLine(io.stdout, row);
          writeLine(
            io.stdout,
            `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; each build is a full \`npm run build\` (validation + astro build).`,
          );
          return 0;
        } finally {
          rmSync(scratch, { recursive: true, force: true });
        }
      },
    },
    argv,
    io,
  );

if (import.meta.main) await main(run);
