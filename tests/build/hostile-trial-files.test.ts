/**
 * Hostile trial files (tests/fixtures/trials/hostile/README.md): each attack is refused
 * in one line naming file and rule, and no payload runs in the check, the build or here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrials } from '../../src/queries/trial-files.ts';
import { runBuild } from './site.ts';

const HOSTILE = 'tests/fixtures/trials/hostile';
const MARKERS = resolve('tests/.out/markers');
// Payloads that write a marker file if anything ever runs them.
const CODE_ATTACKS = [
  'frontmatter-js',
  'frontmatter-coffee',
  'yaml-js-tag',
  'esm-export-tab',
  'esm-import-newline',
  'footnote-expression',
  'relative-image',
];

const folders = readdirSync(HOSTILE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const refused = folders.filter((name) => existsSync(join(HOSTILE, name, 'expected.txt')));
const expected = (name: string) =>
  readFileSync(join(HOSTILE, name, 'expected.txt'), 'utf8')
    .trimEnd()
    .split('\n');
/** A copy of the folder as a trials folder: everything but the test's own expectation file. */
function trialsDir(name: string): string {
  const dir = join('tests/.out/hostile', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(HOSTILE, name), dir, { recursive: true, verbatimSymlinks: true, filter: (path) => !path.endsWith('expected.txt') });
  return dir;
}

beforeAll(() => {
  rmSync(MARKERS, { recursive: true, force: true });
  mkdirSync(MARKERS, { recursive: true });
});

afterAll(() => {
  // Everything below has read, checked or built every payload by now.
  expect(readdirSync(MARKERS)).toEqual([]);
});

describe('hostile trial files', () => {
  it('every code attack is among the refused folders', () => {
    expect(refused).toEqual(expect.arrayContaining(CODE_ATTACKS));
    expect(folders.filter((name) => !refused.includes(name))).toEqual(['csv-formula', 'html-in-fields']);
  });

  it.each(refused)('%s is refused in one line per problem, naming the file', (name) => {
    const dir = trialsDir(name);
    const { trials, errors } = loadTrials(dir);
    expect(trials).toEqual([]);
    expect(errors.map((line) => line.replace(`${dir}/`, ''))).toEqual(expected(name));
    for (const line of errors) expect(line).not.toContain('\n');
  });

  it.each(CODE_ATTACKS)('%s: npm run check refuses it in one line and runs nothing', (name) => {
    const dir = trialsDir(name);
    const check = spawnSync(process.execPath, ['scripts/check.ts', dir], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(
      check.stderr
        .split('\n')
        .filter((line) => line.startsWith(dir))
        .map((line) => line.replace(`${dir}/`, '')),
    ).toEqual(expected(name));
  });

  it('npm run build refuses every code attack and runs nothing', () => {
    for (const name of CODE_ATTACKS) {
      const out = resolve('tests/.out/hostile-build');
      const result = runBuild({ CARNK_TRIALS_DIR: trialsDir(name), CARNK_OUT_DIR: out });
      expect(result.status).toBe(1);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('astro build itself, without the check in front, refuses a payload and runs nothing', () => {
    // The content loader reads through the same reader; nothing in the folder is compiled or imported.
    const result = spawnSync(
      process.execPath,
      [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', resolve('tests/.out/hostile-astro')],
      {
        encoding: 'utf8',
        // A cache of its own, as npm run build gives each build: another file's build or sync may be running beside it.
        env: { ...process.env, CARNK_TRIALS_DIR: trialsDir('footnote-expression'), CARNK_CACHE_DIR: resolve('tests/.out/hostile-astro-cache') },
      },
    );
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('has a JavaScript expression');
  });
});
