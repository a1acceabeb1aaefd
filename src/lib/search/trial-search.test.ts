import { describe, expect, it } from 'vitest';
import { validateTrialFiles } from '../validation/validate-trial-files.ts';
import { buildTrialIndex, searchTrials } from './trial-search.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'tests/fixtures/trials/valid';
const { trials } = validateTrialFiles(readdirSync(dir).map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })));
const index = buildTrialIndex(trials);

describe('trial search', () => {
  it('finds a trial by its target antigen', () => {
    expect(searchTrials(index, 'HER2').map((hit) => hit.id)).toEqual(['NCT00000002']);
  });

  it('finds a trial by words of its narrative and by NCT id', () => {
    expect(searchTrials(index, 'markdown').map((hit) => hit.id)).toEqual(['NCT00000001']);
    expect(searchTrials(index, 'NCT00000002')[0]?.id).toBe('NCT00000002');
  });

  it('matches prefixes and returns what a result shows', () => {
    const [hit] = searchTrials(index, 'glioblast');
    expect(hit).toEqual({ id: 'NCT00000002', title: 'Fixture trial of anti-HER2 CAR-NK-92 cells', summary: 'HER2 · NK-92 cell line · Glioblastoma' });
  });

  it('finds nothing for words no trial contains', () => {
    expect(searchTrials(index, 'zebrafish')).toEqual([]);
  });
});
