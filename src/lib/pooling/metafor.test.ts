import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, escalc, rma, type Measure, type StudyInput, type Tau2Method } from './index.ts';

/** Agreement with metafor: relative, with an absolute floor for values that are 0 up to rounding. */
const TOLERANCE = { DL: 1e-6, REML: 1e-4, PM: 1e-4, absoluteFloor: 1e-12 } as const;

const FIXTURE_DIR = join(import.meta.dirname, '../../../tests/fixtures/metafor');

interface FitFixture {
  measure: Measure;
  method: Tau2Method;
  hakn: boolean;
  call: string;
  pooled: Record<'estimate' | 'se' | 'proportion', number> & Record<'ci' | 'pi' | 'proportion_ci' | 'proportion_pi', number[]>;
  heterogeneity: Record<'tau2' | 'Q' | 'df' | 'pQ' | 'I2' | 'H2', number>;
  egger: { t: number; df: number; p: number } | null;
  weights?: number[];
  leave_one_out?: { omitted: string; proportion: number; ci: number[] }[];
  cumulative?: { study: string; proportion: number; ci: number[] }[];
  subgroups?: { group: string; k: number; proportion: number; ci: number[]; tau2: number; I2: number }[];
  between?: { Q: number; df: number; p: number } | null;
}

interface Fixture {
  source: { description: string; versions: Record<string, string> };
  data: { study: string[]; events: number[]; total: number[]; group?: string[]; year?: number[] };
  effects: { measure: Measure; yi: number[]; vi: number[] }[];
  clopper_pearson: number[][];
  fits: FitFixture[];
}

const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'distributions.json')
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as Fixture }));

/** Worst relative deviation per quantity kind, printed at the end for the report. */
const worst = new Map<string, number>();

function close(kind: string, actual: number | undefined, expected: number | null | undefined, rel: number): void {
  if (expected === null || expected === undefined) throw new Error(`${kind}: fixture has no value`);
  expect(actual, kind).toBeTypeOf('number');
  const a = actual as number;
  expect(Number.isFinite(a), `${kind} finite`).toBe(true);
  const diff = Math.abs(a - expected);
  const relative = expected === 0 ? diff : diff / Math.abs(expected);
  worst.set(kind, Math.max(worst.get(kind) ?? 0, relative));
  expect(diff, `${kind}: ${a} vs metafor ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected) + TOLERANCE.absoluteFloor);
}

function closeAll(kind: string, actual: ArrayLike<number>, expected: number[], rel: number): void {
  expect(actual.length, `${kind} length`).toBe(expected.length);
  expected.forEach((e, i) => close(kind, actual[i], e, rel));
}

function studiesOf(data: Fixture['data']): StudyInput[] {
  return data.study.map((study, i) => ({
    study,
    events: data.events[i]!,
    total: data.total[i]!,
    ...(data.group ? { group: data.group[i]! } : {}),
    ...(data.year ? { year: data.year[i]! } : {}),
  }));
}

describe.each(fixtures)('metafor fixture $name', ({ fixture }) => {
  const studies = studiesOf(fixture.data);

  it.each(fixture.effects)('escalc $measure matches', ({ measure, yi, vi }) => {
    const es = escalc(measure, fixture.data.events, fixture.data.total);
    closeAll('yi', es.yi, yi, TOLERANCE.DL);
    closeAll('vi', es.vi, vi, TOLERANCE.DL);
  });

  it.each(fixture.fits)('$measure $method hakn=$hakn', (fit) => {
    const rel = TOLERANCE[fit.method];
    const options = { measure: fit.measure, method: fit.method, hakn: fit.hakn };
    const needsFull = fit.leave_one_out !== undefined || fit.cumulative !== undefined || fit.subgroups !== undefined;
    // Leave-one-out at k = 1000 is only in the fixture for one fit; skip it elsewhere.
    const input = needsFull ? studies : studies.map(({ study, events, total }) => ({ study, events, total }));
    const result = needsFull || input.length < 100 ? analyse(input, options) : null;

    const es = escalc(fit.measure, fixture.data.events, fixture.data.total);
    const model = rma(es.yi, es.vi, { method: fit.method, hakn: fit.hakn });
    close('estimate', model.estimate, fit.pooled.estimate, rel);
    close('se', model.se, fit.pooled.se, rel);
    closeAll('ci (transformed)', model.ci, fit.pooled.ci, rel);
    closeAll('pi (transformed)', model.pi, fit.pooled.pi, rel);
    for (const key of ['tau2', 'Q', 'df', 'pQ', 'I2', 'H2'] as const) close(key, model[key], fit.heterogeneity[key], rel);

    if (!result) return;
    close('proportion', result.pooled.proportion, fit.pooled.proportion, rel);
    closeAll('proportion ci', result.pooled.ci, fit.pooled.proportion_ci, rel);
    closeAll('proportion pi', result.pooled.pi, fit.pooled.proportion_pi, rel);
    if (fit.egger === null) expect(result.egger).toBeNull();
    else {
      close('egger t', result.egger?.t, fit.egger.t, TOLERANCE.DL);
      close('egger df', result.egger?.df, fit.egger.df, TOLERANCE.DL);
      close('egger p', result.egger?.p, fit.egger.p, TOLERANCE.DL);
    }
    result.studies.forEach((s, i) => closeAll('clopper-pearson', s.ci, fixture.clopper_pearson[i]!, TOLERANCE.DL));
    if (fit.weights) closeAll('weights', result.studies.map((s) => s.weight), fit.weights, rel);
    if (fit.leave_one_out) {
      const loo = result.leaveOneOut ?? [];
      expect(loo.map((l) => l.omitted)).toEqual(fit.leave_one_out.map((l) => l.omitted));
      fit.leave_one_out.forEach((l, i) => {
        close('leave-one-out proportion', loo[i]?.proportion, l.proportion, rel);
        closeAll('leave-one-out ci', loo[i]!.ci, l.ci, rel);
      });
    }
    if (fit.cumulative) {
      const cum = result.cumulative ?? [];
      expect(cum.map((c) => c.study)).toEqual(fit.cumulative.map((c) => c.study));
      fit.cumulative.forEach((c, i) => {
        close('cumulative proportion', cum[i]?.proportion, c.proportion, rel);
        closeAll('cumulative ci', cum[i]!.ci, c.ci, rel);
      });
    }
    if (fit.subgroups) {
      const groups = result.subgroups ?? [];
      expect(groups.map((g) => [g.group, g.k])).toEqual(fit.subgroups.map((g) => [g.group, g.k]));
      fit.subgroups.forEach((g, i) => {
        close('subgroup proportion', groups[i]?.proportion, g.proportion, rel);
        closeAll('subgroup ci', groups[i]!.ci, g.ci, rel);
        close('subgroup tau2', groups[i]?.tau2, g.tau2, rel);
        close('subgroup I2', groups[i]?.I2, g.I2, rel);
      });
      if (fit.between === null) expect(result.between).toBeNull();
      else {
        close('between Q', result.between?.Q, fit.between?.Q, rel);
        close('between df', result.between?.df, fit.between?.df, rel);
        close('between p', result.between?.p, fit.between?.p, rel);
      }
    }
  });
});

describe('fixture coverage', () => {
  it('covers every measure × method × hakn combination in every data set', () => {
    const combos = (['PLO', 'PFT', 'PAS', 'PR'] as const).flatMap((m) =>
      (['DL', 'REML', 'PM'] as const).flatMap((t) => [false, true].map((h) => `${m} ${t} ${h}`)),
    );
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const { fixture } of fixtures) {
      expect(new Set(fixture.fits.map((f) => `${f.measure} ${f.method} ${f.hakn}`))).toEqual(new Set(combos));
      expect(fixture.source.versions.metafor).toMatch(/^\d/);
    }
  });

  it('includes edge cases and every optional part of the analysis', () => {
    const ks = fixtures.map(({ fixture }) => fixture.data.study.length);
    expect(ks).toEqual(expect.arrayContaining([1, 2]));
    expect(Math.max(...ks)).toBeGreaterThanOrEqual(1000);
    const all = fixtures.flatMap(({ fixture }) => fixture.fits);
    expect(all.some((f) => f.egger !== null)).toBe(true);
    expect(all.some((f) => f.leave_one_out && f.cumulative && f.subgroups)).toBe(true);
  });

  it('reports the worst relative deviation per quantity kind', () => {
    console.log('worst relative deviation vs metafor:\n' + [...worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`).join('\n'));
  });
});
