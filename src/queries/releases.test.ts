import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Release } from '../lib/schema/release.ts';
import { run as runRelease } from '../../scripts/release.ts';
import { runCaptured } from '../../scripts/lib/run-captured.ts';
import { readJson } from '../../tests/json.ts';
import { readReleases } from './releases.ts';

const root = 'tests/.out/releases';
const good = join(root, 'good');
const snapshot = () => readJson<Release>(join(good, '2026-01-02.json'));

function folderWith(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  for (const date of ['2026-01-02', '2026-03-04']) {
    const result = await runCaptured(runRelease, ['--trials', 'tests/fixtures/trials/valid', '--dir', good, '--date', date]);
    if (result.status !== 0) throw new Error(result.stderr);
  }
  writeFileSync(join(good, 'README.md'), 'not a snapshot\n');
});

describe('readReleases', () => {
  it('reads every snapshot, newest first', () => {
    expect(readReleases(good).map((release) => release.version)).toEqual(['2026-03-04', '2026-01-02']);
  });

  it('has none when the folder does not exist', () => {
    expect(readReleases(join(root, 'missing'))).toEqual([]);
  });

  it('fails naming the file and the field of a broken snapshot', () => {
    const broken = snapshot();
    // Both edits break what the type holds, as the schema must see.
    // @ts-expect-error a count written as a word
    broken.outcomes[0]!.result!.k = 'three';
    // @ts-expect-error a required count removed
    delete broken.counts.trialsIncluded;
    const dir = folderWith('broken', { '2026-01-02.json': JSON.stringify(broken) });
    expect(() => readReleases(dir)).toThrow(
      [
        'frozen versions are broken:',
        `${dir}/2026-01-02.json: outcomes[0].result.k must be a number, got string "three"`,
        `${dir}/2026-01-02.json: counts.trialsIncluded is required`,
      ].join('\n'),
    );
  });

  it('fails on a snapshot whose version is not its file name, and on a stray JSON file', () => {
    const dir = folderWith('misnamed', { '2026-05-06.json': JSON.stringify(snapshot()), 'latest.json': '{}' });
    expect(() => readReleases(dir)).toThrow(
      [
        'frozen versions are broken:',
        `${dir}/latest.json: file name must be YYYY-MM-DD.json`,
        `${dir}/2026-05-06.json: version (2026-01-02) does not match the file name (2026-05-06.json)`,
      ].join('\n'),
    );
  });

  it('fails on a file that is not JSON', () => {
    const dir = folderWith('garbled', { '2026-01-02.json': '{ "version": ' });
    expect(() => readReleases(dir)).toThrow(`${dir}/2026-01-02.json: not valid YAML`);
  });
});
