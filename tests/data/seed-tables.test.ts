/**
 * The seed review's Tables 1, 2 and 4 (Ahmed et al. 2026), recomputed from the
 * `seed:` rows of the trial files. They count PLANNED enrollment of registered trials,
 * which is why the seed's "738 patients" is not a number of treated patients.
 */
import { describe, expect, it } from 'vitest';
import { landscape, seedRecord, type LandscapeRecord } from '../../src/lib/review/model/landscape.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';

const { trials, errors } = loadTrials();
const inTableOrder = trials.filter(({ trial }) => trial.seed).sort((a, b) => (a.trial.seed?.row ?? 0) - (b.trial.seed?.row ?? 0));
const seed = landscape(inTableOrder.map(({ trial }) => seedRecord(trial)).filter((r): r is LandscapeRecord => r !== undefined));

describe("the seed's tables from the trial files", () => {
  it('every trial file validates', () => {
    expect(errors).toEqual([]);
  });

  it('has the 17 trials of Table 9 and 738 patients', () => {
    expect(seed.trials).toBe(17);
    expect(seed.patients).toBe(738);
  });

  it('Table 1: hematologic 10 studies (n = 322), solid 7 (n = 416)', () => {
    const rows = Object.fromEntries(seed.byGroup.map((row) => [row.group, [row.trials, row.patients]]));
    expect(rows).toEqual({ hematologic: [10, 322], solid: [7, 416] });
  });

  it('Table 1: the targets of each group', () => {
    const targets = Object.fromEntries(seed.byGroup.map((row) => [row.group, row.targets]));
    expect(targets.hematologic).toEqual(['CD19', 'BCMA', 'CD33', 'CD70', 'NKG2D Ligands', 'CD7']);
    expect(targets.solid).toEqual(['NKG2D ligands', '5T4', 'Claudin-6', 'GPC3', 'MSLN', 'AXL', 'ROBO1', 'TROP2', 'Claudin 18.2', 'HER2']);
  });

  it('Table 2: NK source shares of enrollment, rounded as the seed prints them', () => {
    const share = Object.fromEntries(seed.bySource.map((row) => [row.nkSource, Math.round(row.share * 100)]));
    expect(share).toEqual({ 'cord-blood': 34, 'nk-92': 12, 'peripheral-blood': 39, ipsc: 4, undisclosed: 9 });
    // The seed prints 11 % for undisclosed: the remainder of its other rounded shares (100 - 34 - 12 - 39 - 4), not 70/738.
    expect(100 - 34 - 12 - 39 - 4).toBe(11);
  });

  it('Table 4: studies and patients per NK source', () => {
    const rows = Object.fromEntries(seed.bySource.map((row) => [row.nkSource, [row.trials, row.patients]]));
    expect(rows).toMatchObject({ 'cord-blood': [5, 254], 'nk-92': [5, 92], ipsc: [1, 31], 'peripheral-blood': [3, 291] });
  });
});
