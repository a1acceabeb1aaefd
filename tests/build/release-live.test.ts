/**
 * A frozen release is the live model serialised: `npm run release` (which reads the content
 * files itself, outside Astro) freezes the same outcomes, survival estimates, trials and counts
 * the built site serves for the same content.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseSchema, type Release } from '../../src/lib/schema/release.ts';
import { parseJson, readJson } from '../json.ts';
import { readPage, SITE_DIR } from './site.ts';

const DIR = resolve('tests/.out/release-live');
const DATE = '2099-01-01';
let release: Release;

/** A download without what differs by design: the licence field and the build's own date. */
const served = (path: string) => {
  const { license: _license, version: _version, ...rest } = readJson<Record<string, unknown>>(join(SITE_DIR, 'data', path));
  return rest;
};
const frozen = <T extends { version?: unknown }>({ version: _version, ...rest }: T) => parseJson<typeof rest>(JSON.stringify(rest));

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  const run = spawnSync(process.execPath, ['scripts/release.ts', '--dir', DIR, '--date', DATE], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run release failed: ${run.stderr}`);
  release = releaseSchema.parse(JSON.parse(readFileSync(join(DIR, `${DATE}.json`), 'utf8')));
});

describe('a frozen release and the live site, same content', () => {
  it('freeze every outcome exactly as /data/outcomes/<slug>.json serves it', () => {
    expect(release.outcomes.length).toBeGreaterThan(0);
    for (const outcome of release.outcomes) expect(served(`outcomes/${outcome.outcome.slug}.json`), outcome.outcome.slug).toEqual(frozen(outcome));
    for (const survival of release.survival)
      expect(served(`outcomes/${survival.outcome.slug}.json`), survival.outcome.slug).toEqual(frozen(survival));
  });

  it('freeze the trials /data/trials.json serves and the count the home page states', () => {
    expect(served('trials.json').trials).toEqual(JSON.parse(JSON.stringify(release.trials)));
    expect(readPage('').querySelector('[data-count="trials"]')?.text.trim()).toBe(String(release.counts.trialsInReview));
  });
});
