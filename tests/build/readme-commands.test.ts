/**
 * Every command the README's table lists, run as a reader would type it (through npm), so none
 * can break unnoticed. Benchmarks run at their smallest size; servers are stopped after their
 * first response. Commands that would modify content/ run against scratch copies.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PoolContract } from '../../scripts/pool.ts';
import type { OutcomeImpact } from '../../src/lib/review/history/impact.ts';
import { parseJson, readJson } from '../json.ts';

const SCRATCH = resolve('tests/.out/readme-commands');

/** The npm script of each row of the README's command table (`npm start`, `npm run --silent pool -- ...`). */
function readmeCommands(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1));
  return [...table.matchAll(/`npm (?:run (?:--silent )?)?([\w:-]+)/g)].map((match) => match[1]!);
}

// The environment a reader's shell has: without vitest's NODE_ENV=test, under which astro dev answers 404.
const shellEnv = (env: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'))),
  ...env,
});

const npm = (args: string[], env: Record<string, string> = {}) => spawnSync('npm', args, { encoding: 'utf8', env: shellEnv(env), timeout: 600_000 });

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Start a server command, wait for the home page on `port`, stop it (its whole process group);
 * returns the last status seen.
 */
async function firstResponse(args: string[], port: number, env: Record<string, string> = {}): Promise<number> {
  const child = spawn('npm', args, { detached: true, stdio: 'ignore', env: shellEnv(env) });
  let status = 0;
  try {
    const deadline = Date.now() + 500_000;
    while (Date.now() < deadline && status !== 200) {
      if (child.exitCode !== null) throw new Error(`npm ${args.join(' ')} exited with ${child.exitCode} before answering`);
      status = await fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.status,
        () => 0,
      );
      if (status !== 200) await new Promise((wait) => setTimeout(wait, 1000));
    }
    return status;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

// How each README command is exercised; a command in the README without an entry here fails the first test.
const EXERCISED: Record<string, string> = {
  start: 'started (which runs npm run build first) and stopped after its first response',
  build: 'run by npm start, below',
  dev: 'started and stopped after its first response',
  check: 'run over the real content',
  test: '--help only: it is the runner running this test',
  'test:unit': '--help only: it is the runner running this test',
  'test:site': '--help only: it is the runner running this test',
  pool: 'run on the fixture CSV',
  impact: 'run against HEAD (--json)',
  'new-trial': 'run into a scratch folder',
  'sync:ctgov': 'run against scratch copies of the fixture trials',
  'watch:ctgov': 'run on the saved fixture query against scratch copies of the fixture trials',
  release: 'run into a scratch folder',
  typecheck: 'run in full by tests/build/typecheck.test.ts',
  lint: 'run by npm test (scripts/test.ts) before the vitest projects, as a counted check',
  format: 'not run: it rewrites files; format:check reads the same configuration',
  'format:check': 'run by npm test (scripts/test.ts) before the vitest projects, as a counted check',
  'bench:pool': 'run at k = 20',
  'bench:build': 'run on 3 generated trials, without the real content',
  'bench:bayes': 'run at k = 1',
  lighthouse: '--help only: a run takes minutes and its performance score depends on the machine load',
};

describe("the README's commands", () => {
  beforeAll(() => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
  });

  it('are each npm scripts, and each is exercised here', () => {
    const scripts = Object.keys(readJson<{ scripts: Record<string, string> }>('package.json').scripts);
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter((name) => !scripts.includes(name))).toEqual([]);
    expect(commands.filter((name) => !(name in EXERCISED))).toEqual([]);
  });

  it('npm start builds the site and serves it', async () => {
    const out = join(SCRATCH, 'start-site');
    const port = await freePort();
    expect(await firstResponse(['start', '--', '--port', String(port), '--host', '127.0.0.1'], port, { CARNK_OUT_DIR: out })).toBe(200);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('CAR-NK Living Review');
  });

  it('npm run dev serves the site', async () => {
    const port = await freePort();
    expect(await firstResponse(['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], port)).toBe(200);
  });

  it('npm run check, pool, impact, new-trial, sync:ctgov, watch:ctgov and release run', () => {
    expect(npm(['run', 'check']).status).toBe(0);

    const pool = npm([
      'run',
      '--silent',
      'pool',
      '--',
      '--csv',
      'tests/fixtures/pool-csv/basic.csv',
      '--measure',
      'PLO',
      '--method',
      'REML',
      '--hakn',
    ]);
    expect(pool.status).toBe(0);
    expect(parseJson<PoolContract>(pool.stdout).method).toBe('REML');

    const impact = npm(['run', '--silent', 'impact', '--', '--base', 'HEAD', '--json']);
    expect(impact.status).toBe(0);
    expect(parseJson<{ outcomes: OutcomeImpact[] }>(impact.stdout).outcomes.length).toBeGreaterThan(0);

    const trials = join(SCRATCH, 'trials');
    const created = npm([
      'run',
      'new-trial',
      '--',
      'NCT00000003',
      '--from',
      'tests/fixtures/ctgov/NCT00000003.json',
      '--group',
      'hematologic',
      '--target',
      'CD19',
      '--disease-code',
      'myeloma',
      '--by',
      'Smoke Test',
      '--dir',
      trials,
    ]);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);

    cpSync('tests/fixtures/trials/valid', trials, { recursive: true });
    const records = join(SCRATCH, 'records');
    mkdirSync(records);
    cpSync('tests/fixtures/ctgov/NCT00000002-active.json', join(records, 'NCT00000002.json'));
    expect(npm(['run', 'sync:ctgov', '--', '--from', records, '--dir', trials, '--dry-run']).status).toBe(0);
    expect(npm(['run', 'watch:ctgov', '--', '--from', 'tests/fixtures/ctgov/watch', '--dir', trials]).status).toBe(0);

    const released = npm(['run', 'release', '--', '--trials', trials, '--dir', join(SCRATCH, 'releases'), '--date', '2026-01-01']);
    expect(released.stderr).toBe('');
    expect(released.status).toBe(0);
  });

  it('npm run bench:pool, bench:bayes and bench:build run at their smallest size', () => {
    const pool = npm(['run', '--silent', 'bench:pool', '--', '--sizes', '20']);
    expect(pool.status).toBe(0);
    expect(pool.stdout).toMatch(/^\| 20 +\| full/m);
    const bayes = npm(['run', '--silent', 'bench:bayes', '--', '--sizes', '1']);
    expect(bayes.status).toBe(0);
    expect(bayes.stdout).toMatch(/^1\t[\d.]+\t0\.\d+\t/m);
    const build = npm(['run', '--silent', 'bench:build', '--', '--sizes', '3', '--skip-real']);
    expect(build.stderr.split('\n').filter((line) => /^\s+at /.test(line))).toEqual([]);
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/^\| 3 generated +\| +3 \|/m);
  });

  it.each(['test', 'test:unit', 'test:site', 'lighthouse'])('npm run %s -- --help prints its usage', (name) => {
    const result = npm(['run', '--silent', name, '--', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Exit codes:');
  });
});
