/** /methods/validation/ and /data/validation.json list every metafor reference case the tests use. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, SITE_DIR } from './site.ts';

const FIXTURE_DIR = 'tests/fixtures/metafor';
const fixtureFits = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'distributions.json')
  .flatMap((f) =>
    JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')).fits.map((fit: { call: string }) => `${f.replace('.json', '')}: ${fit.call}`),
  );
const validation = JSON.parse(readFileSync(join(SITE_DIR, 'data/validation.json'), 'utf8'));

describe('validation against metafor, in public', () => {
  it('lists every fit of every fixture once, with R and metafor versions', () => {
    expect(validation.R).toMatch(/^\d+\.\d+/);
    expect(validation.metafor).toMatch(/^\d+\.\d+/);
    const listed = validation.cases.map((c: { name: string; call: string }) => `${c.name.split(' ')[0]}: ${c.call}`);
    expect(listed.sort()).toEqual([...fixtureFits].sort());
  });

  it('shows every case within its stated tolerance, with a real (non-zero) deviation measured', () => {
    for (const c of validation.cases) {
      expect(c.pass, c.name).toBe(true);
      expect(c.maxRelDeviation, c.name).toBeLessThanOrEqual(c.tolerance);
      expect(c.tolerance).toBe(validation.tolerance[c.method]);
      expect(c.comparisons, c.name).toBeGreaterThan(10);
    }
    expect(validation.cases.some((c: { maxRelDeviation: number }) => c.maxRelDeviation > 0)).toBe(true);
  });

  it('renders the same cases on /methods/validation/, with how to regenerate them', () => {
    const page = readPage('methods/validation/');
    const rows = page.querySelectorAll('[data-validation-cases] tbody tr');
    expect(rows.map((row) => row.getAttribute('data-case'))).toEqual(validation.cases.map((c: { name: string }) => c.name));
    expect(Number(rows[0]!.querySelector('[data-deviation]')!.getAttribute('data-deviation'))).toBe(validation.cases[0].maxRelDeviation);
    expect(page.text).toContain('scripts/reference/metafor-fixtures.R');
    expect(readPage('methods/').querySelector('a[href$="/methods/validation/"]')).not.toBeNull();
  });
});
