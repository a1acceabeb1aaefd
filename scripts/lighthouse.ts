/**
 * `npm run lighthouse`: build the site, serve it, and run Lighthouse (mobile preset, Debian
 * Chromium) on the home page and an outcome page. Prints the four scores per page and exits 1
 * when accessibility, best practices or SEO is below 100 or performance below 95.
 * A script, not a test: performance scores depend on the machine's load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main, runCommand, writeLine, type Io } from './lib/command.ts';
import { serveStatic } from './lib/static-server.ts';

const PAGES = ['/', '/outcomes/orr/'];
const MINIMUM: Record<string, number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };
const HELP = `usage: npm run lighthouse

Builds the site into .tmp/lighthouse-site, serves it, and runs Lighthouse (mobile preset, Debian
Chromium; CHROMIUM_PATH overrides /usr/bin/chromium) on ${PAGES.join(' and ')}.

Exit codes: 0 every score on target; 1 a score below target, or the build or Lighthouse failed;
2 a usage error.`;

export const run = (argv: string[], io: Io) =>
  runCommand(
    {
      name: 'lighthouse',
      help: HELP,
      options: {},
      async run(_flags, _positionals, io) {
        const site = resolve('.tmp', 'lighthouse-site');
        const reports = resolve('.tmp', 'lighthouse');
        mkdirSync(reports, { recursive: true });

        const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', env: { ...process.env, CARNK_OUT_DIR: site } });
        if (built.status !== 0) return built.status ?? 1;

        const server = await serveStatic(site);
        let failed = false;
        try {
          for (const path of PAGES) {
            const output = join(reports, `${path.replaceAll('/', '_') || 'home'}.json`);
            // Asynchronous: the static server answers from this same process while Lighthouse runs.
            const status = await new Promise<number | null>((done) =>
              spawn(
                process.execPath,
                [
                  join('node_modules', 'lighthouse', 'cli', 'index.js'),
                  `${server.url}${path}`,
                  '--quiet',
                  '--output=json',
                  `--output-path=${output}`,
                  '--only-categories=performance,accessibility,best-practices,seo',
                  '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
                ],
                { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', TMPDIR: reports } },
              ).on('close', done),
            );
            if (status !== 0) throw new Error(`Lighthouse failed on ${path}`);
            const { categories } = JSON.parse(readFileSync(output, 'utf8')) as { categories: Record<string, { score: number }> };
            const scores = Object.entries(categories).map(([name, { score }]) => {
              const low = score < (MINIMUM[name] ?? 0);
              failed ||= low;
              return `${name} ${Math.round(score * 100)}${low ? ' (below target)' : ''}`;
            });
            writeLine(io.stdout, `${path}: ${scores.join(', ')}`);
          }
        } finally {
          await server.close();
        }
        return failed ? 1 : 0;
      },
    },
    argv,
    io,
  );

if (import.meta.main) await main(run);
