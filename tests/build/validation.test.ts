/** /methods/validation/ and /data/validation.json list every metafor reference case the tests use, GLMM included. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../src/lib/pooling/conformance.ts';
import type { PoolingMethod } from '../../src/lib/pooling/types.ts';
import type { GlmmFixture } from '../../src/lib/pooling/conformance-glmm.ts';
import type { Validation } from '../../src/queries/validation.ts';
import { readJson } from '../json.ts';
import { readPage, SITE_DIR } from './site.ts';

const FIXTURE_DIR = 'tests/fixtures/metafor';
const fixtureFits = (readdirSync(FIXTURE_DIR, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.json') && f !== 'distributions.json')
  .flatMap((f) => readJson<Fixture | GlmmFixture>(join(FIXTURE_DIR, f)).fits.map((fit) => `${f}: ${fit.call}`));
/** The validation model as /data/validation.json publishes it, with the tolerances, their reasons and how to regenerate the references. */
type ValidationJson = Validation & {
  tolerance: Record<PoolingMethod, number>;
  toleranceReasons: Record<PoolingMethod, string>;
  regenerate: string[];
};
const validation = readJson<ValidationJson>(join(SITE_DIR, 'data/validation.json'));
const { cases } = validation;

describe('validation against metafor, in public', () => {
  it('lists every fit of every fixture once, GLMM included, with R, metafor and lme4 versions', () => {
    expect(validation.R).toMatch(/^\d+\.\d+/);
    expect(validation.metafor).toMatch(/^\d+\.\d+/);
    expect(validation.lme4).toMatch(/^\d+\.\d+/);
    expect(cases.map((c) => `${c.fixture}: ${c.call}`).sort()).toEqual([...fixtureFits].sort());
    expect(cases.filter((c) => c.method === 'GLMM' && c.fixture.startsWith('glmm/')).length).toBeGreaterThan(20);
    expect(validation.regenerate).toContain('Rscript scripts/reference/metafor-fixtures.R');
  });

  it('shows every compared case within its stated tolerance, with a real (non-zero) deviation measured', () => {
    for (const c of validation.cases) {
      expect(c.pass, c.name).toBe(true);
      expect(c.tolerance).toBe(validation.tolerance[c.method]);
      expect(validation.toleranceReasons[c.method].length).toBeGreaterThan(40);
      if (c.agreement !== 'numbers') continue;
      expect(c.maxRelDeviation, c.name).toBeLessThanOrEqual(c.tolerance);
      expect(c.comparisons, c.name).toBeGreaterThan(10);
    }
    expect(cases.some((c) => c.method === 'GLMM' && c.maxRelDeviation! > 0)).toBe(true);
    expect(cases.some((c) => c.method !== 'GLMM' && c.maxRelDeviation! > 0)).toBe(true);
  });

  it('lists the GLMM cases metafor cannot fit as "no estimate", with no deviation number', () => {
    const k1 = cases.filter((c) => c.fixture === 'glmm/k1.json');
    expect(k1).toHaveLength(2);
    for (const c of k1) expect([c.agreement, c.maxRelDeviation]).toEqual(['no estimate', null]);
    expect(k1[0]!.note).toMatch(/Number of parameters to be estimated is larger/);
  });

  it('renders the same cases on /methods/validation/, with the tolerances, their reasons and how to regenerate them', () => {
    const page = readPage('methods/validation/');
    const rows = page.querySelectorAll('[data-validation-cases] tbody tr');
    expect(rows.map((row) => row.getAttribute('data-case'))).toEqual(cases.map((c) => c.name));
    expect(Number(rows[0]!.querySelector('[data-deviation]')!.getAttribute('data-deviation'))).toBe(cases[0]!.maxRelDeviation);
    const allZero = rows.find((row) => row.getAttribute('data-case') === 'all-zero PLO GLMM')!;
    expect(allZero.querySelector('[data-deviation]')).toBeNull();
    expect(allZero.querySelector('[data-agreement]')!.text).toMatch(/^no estimate from either: metafor stops/);
    expect(page.querySelectorAll('[data-tolerances] tbody tr').map((row) => row.getAttribute('data-tolerance'))).toEqual([
      'DL',
      'REML',
      'PM',
      'GLMM',
    ]);
    expect(page.text).toContain('lme4');
    expect(page.text).toContain('scripts/reference/metafor-fixtures.R');
    expect(readPage('methods/').querySelector('a[href$="/methods/validation/"]')).not.toBeNull();
  });
});
