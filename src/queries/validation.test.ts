/** The public validation table lists every metafor reference fixture the tests compare, each within its tolerance. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOLERANCE } from '../lib/pooling/conformance.ts';
import { FIXTURE_ROOT, getValidation } from './validation.ts';

const ROOT = join(import.meta.dirname, '../..', FIXTURE_ROOT);
/** Every file under tests/fixtures/metafor/, whatever its folder (distributions.json is R's distribution functions, not metafor). */
const onDisk = (readdirSync(ROOT, { recursive: true }) as string[])
  .map((entry) => relative(ROOT, join(ROOT, entry)))
  .filter((file) => file.endsWith('.json') && file !== 'distributions.json')
  .sort();
const read = (file: string) =>
  JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { source: { versions: Record<string, string> }; fits: { call: string }[] };
const validation = getValidation();

describe('the public validation table', () => {
  it('has a case for every fit of every reference file on disk, and nothing else', () => {
    expect([...new Set(validation.cases.map((c) => c.fixture))].sort()).toEqual(onDisk);
    expect(onDisk.some((file) => file.startsWith('glmm/'))).toBe(true);
    const fits = onDisk.flatMap((file) => read(file).fits.map((fit) => `${file}: ${fit.call}`));
    expect(validation.cases.map((c) => `${c.fixture}: ${c.call}`).sort()).toEqual(fits.sort());
    expect(new Set(validation.cases.map((c) => c.name)).size).toBe(validation.cases.length);
  });

  it('measures every compared case within its stated tolerance; the rest say why there is no number', () => {
    for (const c of validation.cases) {
      expect(c.pass, c.name).toBe(true);
      expect(c.tolerance, c.name).toBe(TOLERANCE[c.method]);
      if (c.agreement === 'numbers') {
        expect(c.maxRelDeviation, c.name).toBeLessThanOrEqual(c.tolerance);
        expect(c.comparisons, c.name).toBeGreaterThan(10);
        expect(c.note).toBeNull();
      } else {
        expect([c.method, c.maxRelDeviation, c.comparisons]).toEqual(['GLMM', null, 0]);
        expect(c.note!.length, c.name).toBeGreaterThan(40);
      }
    }
    const glmm = validation.cases.filter((c) => c.method === 'GLMM');
    expect(glmm.filter((c) => c.agreement === 'numbers').length).toBeGreaterThan(10);
    expect(glmm.filter((c) => c.agreement === 'no estimate').map((c) => c.name)).toEqual(
      expect.arrayContaining(['k1 PLO GLMM', 'all-zero PLO GLMM', 'all-events PLO GLMM']),
    );
  });

  it('names the R, metafor and lme4 versions the reference files record', () => {
    const versions = onDisk.map((file) => read(file).source.versions);
    expect(validation.metafor).toBe([...new Set(versions.map((v) => v.metafor))].sort().join(', '));
    expect(validation.lme4).toBe([...new Set(versions.flatMap((v) => v.lme4 ?? []))].sort().join(', '));
    expect(validation.R).toMatch(/^\d+\.\d+\.\d+$/);
    expect(versions[0]!.R).toContain(validation.R);
  });
});
