import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './lib/run-captured.ts';
import { run as runWatch } from './watch-ctgov.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import type { WatchReport } from '../src/lib/registry/watch.ts';
import { parseJson } from '../tests/json.ts';

const TRIALS = 'tests/fixtures/trials/valid';
const PAGES = 'tests/fixtures/ctgov/watch';
let root: string;
let trials: string;

beforeEach(() => {
  mkdirSync('tests/.out', { recursive: true });
  root = mkdtempSync('tests/.out/watch-ctgov-');
  trials = join(root, 'trials');
  mkdirSync(trials);
  for (const name of readdirSync(TRIALS)) copyFileSync(join(TRIALS, name), join(trials, name));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const watch = (...args: string[]) => runCaptured(runWatch, ['--from', PAGES, '--dir', trials, ...args]);

describe('npm run watch:ctgov', () => {
  it('lists new registrations, changed facts and posted results of a saved query, and writes nothing', async () => {
    const result = await watch('--json');
    expect(result.status).toBe(0);
    const report = parseJson<WatchReport>(result.stdout);
    expect(report.newRegistrations.map((r) => r.facts.nct)).toEqual(['NCT00000003', 'NCT00000004', 'NCT00000005']);
    expect(report.newRegistrations.map((r) => r.classification)).toEqual([
      { carNk: true, group: 'hematologic', targets: ['BCMA'] },
      { carNk: false, group: 'solid', targets: [] },
      { carNk: true, targets: [] },
    ]);
    expect(report.changed.map((c) => c.nct)).toEqual(['NCT00000001', 'NCT00000002']);
    expect(report.changed[0]!.changes).toEqual([{ path: ['registry', 'status'], from: 'completed', to: 'terminated' }]);
    expect(report.newResults).toEqual([{ nct: 'NCT00000002', title: 'Fixture trial of anti-HER2 CAR-NK-92 cells' }]);
    expect(result.stderr.trim()).toBe('watch:ctgov: 5 record(s); 3 new, 2 changed, 1 with results posted');
    expect(readdirSync(trials).sort()).toEqual(['NCT00000001.mdx', 'NCT00000002.mdx']);
  });

  it('with --write scaffolds only classifiable CAR-NK registrations and applies registry changes', async () => {
    const result = await watch('--write', '--by', 'A. Screener');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(trials, 'NCT00000003.mdx')}`);
    expect(readdirSync(trials).sort()).toEqual(['NCT00000001.mdx', 'NCT00000002.mdx', 'NCT00000003.mdx']);
    const scaffold = validateTrialFile({ path: 'NCT00000003.mdx', text: readFileSync(join(trials, 'NCT00000003.mdx'), 'utf8') });
    expect(scaffold.ok && scaffold.value.trial).toMatchObject({
      product: { targets: ['BCMA'], nkSource: 'undisclosed' },
      population: { group: 'hematologic', diseases: ['Multiple Myeloma', 'Plasma Cell Neoplasm'], diseaseCodes: ['hematologic-nos'] },
      inclusion: { status: 'awaiting-results' },
      extraction: { extractedBy: 'A. Screener' },
    });
    const updated = validateTrialFile({ path: 'NCT00000002.mdx', text: readFileSync(join(trials, 'NCT00000002.mdx'), 'utf8') });
    expect(updated.ok && updated.value.trial.registry).toMatchObject({
      status: 'active-not-recruiting',
      primaryCompletion: { date: '2024-06', type: 'actual' },
    });
    expect(readFileSync(join(trials, 'NCT00000001.mdx'), 'utf8')).toContain('  status: terminated\n');
  });

  it('prints the query URL from content/search.yaml', async () => {
    const result = await runCaptured(runWatch, ['--print-query']);
    expect(result.status).toBe(0);
    const url = new URL(result.stdout.trim());
    expect(url.origin + url.pathname).toBe('https://clinicaltrials.gov/api/v2/studies');
    expect(url.searchParams.get('query.term')).toContain('"CAR-NK"');
  });

  it('refuses a folder without query pages as a usage error', () => {
    // The entry point itself, spawned once; the other tests call run() in-process.
    const result = spawnSync(process.execPath, ['scripts/watch-ctgov.ts', '--from', trials], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`watch:ctgov: ${trials} has no .json query pages`);
  });
});
