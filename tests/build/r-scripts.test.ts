/**
 * Each outcome's `/data/outcomes/<slug>.R`, run with R's metafor on its CSV in a folder of its own,
 * reproduces the page's numbers: the primary estimate to 1e-4 (the GLMM agrees with lme4 to
 * about 6e-5, see /methods/validation/), and every sensitivity row as printed to four decimals.
 * Skipped, with one line saying so, where R is not installed (R is needed only for references).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeExport } from '../../src/lib/schema/exports.ts';
import type { Interval } from '../../src/lib/pooling/types.ts';
import { parseJson, readJson } from '../json.ts';
import { SITE_DIR } from './site.ts';

const hasR = spawnSync('Rscript', ['-e', 'library(metafor)'], { encoding: 'utf8' }).status === 0;
if (!hasR) console.log('r-scripts: Rscript with metafor is not installed; the R reproduction scripts are not run');

const OUTCOMES = join(SITE_DIR, 'data/outcomes');
const slugs = readdirSync(OUTCOMES)
  .filter((name) => name.endsWith('.R'))
  .map((name) => name.slice(0, -2));

describe.skipIf(!hasR)('the R script of each outcome', () => {
  it('exists beside every outcome CSV', () => {
    expect(slugs.toSorted()).toEqual(
      readdirSync(OUTCOMES)
        .filter((name) => name.endsWith('.csv'))
        .map((name) => name.slice(0, -4))
        .toSorted(),
    );
  });

  it.each(slugs)('%s.R reproduces the page', (slug) => {
    const dir = mkdtempSync(join(SITE_DIR, '..', `r-${slug}-`));
    try {
      for (const ext of ['csv', 'R']) copyFileSync(join(OUTCOMES, `${slug}.${ext}`), join(dir, `${slug}.${ext}`));
      const run = spawnSync('Rscript', [`${slug}.R`], { cwd: dir, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.trim().split('\n');
      const page = readJson<OutcomeExport>(join(OUTCOMES, `${slug}.json`));
      const expected = page.result?.pooled ?? page.result?.unpooled ?? null;
      // The script's last line (src/lib/review/exports/r-script.ts): the primary estimate, or null.
      const printed = parseJson<{ proportion: number; ci: Interval } | null>(lines.at(-1)!);
      if (expected === null || printed === null) {
        expect(printed).toBe(expected);
        return;
      }
      expect(Math.abs(printed.proportion - expected.proportion)).toBeLessThan(1e-4);
      expect(Math.abs(printed.ci[0] - expected.ci[0])).toBeLessThan(1e-4);
      expect(Math.abs(printed.ci[1] - expected.ci[1])).toBeLessThan(1e-4);
      for (const row of page.sensitivity.filter((r) => r.basis === 'pooled' && !r.label.startsWith('Adding'))) {
        const line = lines.find((l) => l.startsWith(`${row.label}: `));
        expect(line, row.label).toBeDefined();
        const [p] = line!.slice(row.label.length + 2).match(/[\d.]+/)!;
        // Printed to four decimals: within half a unit of the last place.
        expect(Math.abs(Number(p) - row.proportion)).toBeLessThanOrEqual(5e-5 + 1e-12);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
