import { describe, expect, it } from 'vitest';
import { interimRelease, legacyRelease } from '../../../../tests/releases.ts';
import { plotInterval } from '../../format/numbers.ts';
import { outcomeCumulative, outcomeLeaveOneOut } from '../../plots/outcome-plots.ts';
import { outcomeExportSchema } from '../../schema/exports.ts';
import { releaseSchema } from '../../schema/release.ts';
import { clip } from '../analyses/decided-estimate.ts';
import { frozenOutcome, frozenSurvival } from './frozen-outcome.ts';
import { overallEstimate } from '../analyses/outcome-view.ts';

// The committed snapshot, read raw (the numbers as written) and through the schema the site reads it with.
const raw = legacyRelease();
const release = releaseSchema.parse(raw);
const lifted = release.outcomes.map((outcome) => frozenOutcome(outcome, release.trials));
const rawOutcome = (slug: string) => raw.outcomes.find((o) => o.outcome.slug === slug)!;

describe('frozenOutcome on the 2026-11-29 version (frozen before the rules of inference)', () => {
  it('lifts every outcome into the current export shape, with only tier, population and note left unrecorded', () => {
    for (const outcome of lifted) {
      // The current schema, with the fields that version did not record filled as a current export would.
      const asCurrent = {
        ...outcome,
        certainty: null,
        studies: outcome.studies.map((s) => ({ ...s, population: s.population ?? '', note: s.note, source: { ...s.source, type: 'article' } })),
      };
      expect(outcomeExportSchema.safeParse(asCurrent).error?.issues ?? []).toEqual([]);
    }
  });

  it("keeps the version's overall response figures as written: k, patients, pooled estimate, heterogeneity", () => {
    const orr = lifted.find((o) => o.outcome.slug === 'orr')!;
    const json = rawOutcome('orr');
    expect(orr.result).toMatchObject({
      model: 'DL',
      basis: 'pooled',
      k: 3,
      patients: 54,
      // 18 + 0 + 5: the sum of the version's own study counts.
      events: 23,
      pooled: json.result!.pooled,
      unpooled: null,
      heterogeneity: { ...json.result!.heterogeneity, test: 'Cochran Q' },
      egger: json.result!.egger,
      leaveOneOut: json.result!.leaveOneOut,
      cumulative: json.result!.cumulative,
      notes: [],
    });
    expect(orr.strata).toEqual([]);
    expect(overallEstimate(orr)).toMatchObject({
      proportion: json.result!.pooled.proportion,
      ci: json.result!.pooled.ci,
      pi: json.result!.pooled.pi,
    });
  });

  it("keeps every study row's numbers and source, joined by id; the tier is not recorded", () => {
    for (const outcome of lifted) {
      const json = rawOutcome(outcome.outcome.slug);
      expect(outcome.studies.map((s) => s.id)).toEqual(json.studies.map((s: { id: string }) => s.id));
      for (const study of outcome.studies) {
        const written = json.studies.find((s) => s.id === study.id)!;
        const { source, ...numbers } = written;
        expect(study).toMatchObject(numbers);
        expect(study.weight).toBe(written.weight);
        expect(study.source).toEqual({ ...source, type: null, url: null });
        expect(study.derivedFrom).toBeNull();
        expect(study.note).toBeNull();
      }
    }
  });

  it("takes each study's population from the version's own trial file, joined by NCT id", () => {
    const marin = lifted.find((o) => o.outcome.slug === 'orr')!.studies.find((s) => s.id === 'NCT03056339/marin-2024-all')!;
    const trial = raw.trials.find((t) => t.nct === 'NCT03056339')!;
    expect(marin.population).toBe(trial.population.diseases.join(', '));
  });

  it('keeps subgroup and sensitivity figures as written, cutting only intervals outside 0–100 % (marked)', () => {
    for (const outcome of lifted) {
      const json = rawOutcome(outcome.outcome.slug);
      expect(outcome.subgroups.map(({ commonTau2: _, ...rest }) => rest)).toEqual(json.subgroups);
      expect(outcome.subgroups.every((subgroup) => subgroup.commonTau2 === null)).toBe(true);
      expect(outcome.sensitivity.map(({ label, measure, method, hakn, tau2, I2 }) => ({ label, measure, method, hakn, tau2, I2 }))).toEqual(
        json.sensitivity.map(({ label, measure, method, hakn, tau2, I2 }) => ({ label, measure, method, hakn, tau2, I2 })),
      );
      for (const row of outcome.sensitivity) {
        const written = json.sensitivity.find((r) => r.label === row.label)!;
        const cut = [clip(written.ci), clip(written.pi)];
        expect(row).toMatchObject({
          proportion: written.proportion,
          ci: cut[0]!.interval,
          pi: cut[1]!.interval,
          clipped: cut.some((c) => c.clipped),
        });
        expect(row.model === row.method && row.basis === 'pooled').toBe(true);
      }
      expect(outcome.notReported).toEqual(json.notReported);
    }
  });

  it('cuts the raw-proportion prediction interval of overall response (-31.4 % to 105.1 % as written) to 0–100 %', () => {
    const raw = lifted.find((o) => o.outcome.slug === 'orr')!.sensitivity.find((row) => row.measure === 'PR')!;
    const written = rawOutcome('orr').sensitivity.find((row) => row.measure === 'PR')!;
    expect(written.pi[0]).toBeLessThan(0);
    expect(written.pi[1]).toBeGreaterThan(1);
    expect(raw).toMatchObject({ pi: [0, 1], ci: written.ci, clipped: true });
  });

  it('has no result where the version had none', () => {
    const infections = lifted.find((o) => o.outcome.slug === 'infections')!;
    expect(infections.result).toBeNull();
    expect(overallEstimate(infections)).toBeNull();
    expect(infections.studies).toEqual([]);
  });
});

describe('frozenSurvival on the 2026-11-29 version (frozen before evidence tiers)', () => {
  const survival = release.survival.map((outcome) => frozenSurvival(outcome, release.trials));

  it('keeps every estimate as written, joined by id, with the unrecorded tier and address null', () => {
    expect(survival.map((s) => s.outcome.slug)).toEqual(['pfs', 'os']);
    for (const outcome of survival) {
      const json = raw.survival.find((s) => s.outcome.slug === outcome.outcome.slug)!;
      expect(outcome.estimates).toHaveLength(json.estimates.length);
      for (const estimate of outcome.estimates) {
        const { source, year, ...numbers } = estimate;
        const written = json.estimates.find((e) => e.id === estimate.id)!;
        const { source: writtenSource, ...writtenNumbers } = written;
        expect(numbers).toEqual(writtenNumbers);
        expect(source).toEqual({ ...writtenSource, type: null, url: null });
        expect(year).toEqual(expect.any(Number));
      }
      expect(outcome.notReported).toEqual(json.notReported);
    }
  });

  it("takes each source's year from the version's own trial file: Marin 2024 for progression-free survival at 12 months", () => {
    const pfs = survival.find((s) => s.outcome.slug === 'pfs')!;
    expect(pfs.estimates[0]).toMatchObject({ id: 'NCT03056339/marin-2024-all', month: 12, estimate: 0.32, n: 37, year: 2024 });
  });
});

describe("a frozen version's leave-one-out and cumulative plots", () => {
  const orr = lifted.find((o) => o.outcome.slug === 'orr')!;
  const json = rawOutcome('orr');

  it('draw one row per omitted study with the numbers the version wrote, then the figure across all studies', () => {
    const figure = outcomeLeaveOneOut(orr)!;
    const written = json.result!.leaveOneOut as { omitted: string; proportion: number; ci: [number, number] }[];
    expect(figure.table.rows.map((row) => row[0])).toEqual([...written.map((r) => `Without ${r.omitted}`), 'All studies, DL (k = 3)']);
    expect(figure.table.rows.map((row) => row.at(-1))).toEqual([
      ...written.map((r) => plotInterval(r.proportion, r.ci)),
      plotInterval(json.result!.pooled.proportion, json.result!.pooled.ci),
    ]);
  });

  it('add the studies in the order the version wrote them, by year', () => {
    const figure = outcomeCumulative(orr)!;
    const written = json.result!.cumulative as { study: string; proportion: number; ci: [number, number] }[];
    expect(written.map((r) => r.study)).toEqual(['Burger 2023', 'Marin 2024', 'Lei 2025']);
    expect(figure.table.rows).toEqual(written.map((r) => [`+ ${r.study}`, plotInterval(r.proportion, r.ci)]));
  });
});

describe('frozenOutcome on the 2026-12-02 version (rules of inference, before evidence tiers)', () => {
  const interimRaw = interimRelease();
  const interim = releaseSchema.parse(interimRaw);
  const liftedInterim = interim.outcomes.map((outcome) => frozenOutcome(outcome, interim.trials));
  const written = (slug: string) => interimRaw.outcomes.find((o) => o.outcome.slug === slug)!;

  it('lifts every outcome into the current export shape, with only tier, population, note, funnel data, sensitivity τ² and I² and the strata ratings left unrecorded', () => {
    for (const outcome of liftedInterim) {
      expect(outcome.result?.funnel).toBeUndefined();
      const asCurrent = {
        ...outcome,
        result: outcome.result && { ...outcome.result, funnel: null },
        certainty: null,
        // Its strata had no thresholds, Bayesian summaries or ratings (checked below); the current shape requires a rating.
        strata: [],
        studies: outcome.studies.map((s) => ({ ...s, population: s.population ?? '', source: { ...s.source, type: 'article' } })),
        sensitivity: outcome.sensitivity.map((row) => ({ ...row, tau2: row.tau2 ?? null, I2: row.I2 ?? null })),
      };
      expect(outcomeExportSchema.safeParse(asCurrent).error?.issues ?? []).toEqual([]);
      expect(outcome.certainty).toBeUndefined();
      expect(outcome.sponsorReports).toEqual([]);
      for (const row of outcome.sensitivity) expect([row.tau2, row.I2]).toEqual([undefined, undefined]);
      for (const stratum of outcome.strata) expect([stratum.threshold, stratum.bayes, stratum.certainty]).toEqual([null, null, null]);
    }
  });

  it("keeps the version's own figures as written: result, strata, study rows (joined by id), sensitivity rows", () => {
    for (const outcome of liftedInterim) {
      const json = written(outcome.outcome.slug);
      const { basis: _basis, heterogeneity, ...result } = outcome.result ?? { basis: null, heterogeneity: null };
      const { heterogeneity: writtenHeterogeneity, ...writtenResult } = json.result ?? { heterogeneity: null };
      expect(result).toEqual(writtenResult);
      expect(heterogeneity).toEqual(writtenHeterogeneity && { ...writtenHeterogeneity, test: 'Cochran Q' });
      expect(outcome.strata).toEqual(json.strata.map((stratum: object) => ({ ...stratum, threshold: null, bayes: null, certainty: null })));
      expect(outcome.studies.map((s) => s.id)).toEqual(json.studies.map((s: { id: string }) => s.id));
      for (const study of outcome.studies) {
        const { source, ...numbers } = json.studies.find((s) => s.id === study.id)!;
        expect(study).toMatchObject(numbers);
        expect(study.source).toEqual({ ...source, type: null, url: null });
        expect([study.note, study.riskOfBias]).toEqual([null, null]);
      }
      expect(outcome.sensitivity.map(({ clipped: _, tau2: _t, I2: _i, ...row }) => row)).toEqual(json.sensitivity);
    }
  });

  it("names each overall figure's basis as the version did: pooled where it recorded a pooled figure, else the rule its notes name", () => {
    expect(Object.fromEntries(liftedInterim.map((o) => [o.outcome.slug, o.result?.basis ?? null]))).toEqual({
      orr: 'pooled',
      cr: 'single-study',
      crs: 'no-events',
      'crs-grade-3': 'no-events',
      icans: 'no-events',
      'icans-grade-3': 'no-events',
      gvhd: 'no-events',
      infections: null,
      cytopenias: null,
    });
    // Overall response by DerSimonian–Laird, 23 of 54 in 3 studies, as that version printed it.
    const orr = liftedInterim.find((o) => o.outcome.slug === 'orr')!;
    expect(overallEstimate(orr)).toMatchObject({ basis: 'pooled', model: 'DL', k: 3, patients: 54, events: 23, ...written('orr').result!.pooled });
  });

  it('marks no sensitivity row clipped: the version cut none of its intervals and noted none', () => {
    const orr = liftedInterim.find((o) => o.outcome.slug === 'orr')!;
    expect(orr.sensitivity).toHaveLength(7);
    expect(orr.sensitivity.some((row) => row.clipped)).toBe(false);
  });

  it('refuses an overall figure with nothing pooled and no rule named, rather than guess its basis', () => {
    const forged = structuredClone(interimRaw);
    forged.outcomes[1]!.result!.notes = [];
    const [, cr] = releaseSchema.parse(forged).outcomes;
    expect(() => frozenOutcome(cr!, interim.trials)).toThrow('version 2026-12-02, cr: nothing pooled and no note names the rule that applied');
  });
});
