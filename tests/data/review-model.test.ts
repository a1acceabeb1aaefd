import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCertaintyJudgements, loadDecisionThresholds, loadSearch, loadSeedClaims } from '../../scripts/lib/review-files.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';
import { releaseSchema } from '../../src/lib/schema/release.ts';
import { INCLUSION_STATUSES } from '../../src/lib/schema/trial.ts';
import { buildReview, freezeReview, outcomeExportOf, type ReviewContent } from '../../src/lib/review/model/build-review.ts';
import { frozenOutcome, frozenSurvival } from '../../src/lib/review/history/frozen-outcome.ts';
import { domainSentences } from '../../src/lib/certainty/statement.ts';
import { overallFinding } from '../../src/lib/review/analyses/summary-of-findings.ts';
import { outcomeForest } from '../../src/lib/plots/outcome-plots.ts';
import { THRESHOLDS } from '../../src/lib/rules/thresholds.ts';
import { unreconciled } from '../../src/lib/review/model/prisma.ts';
import { CHARACTERISTIC_COLUMNS, studyCharacteristics } from '../../src/lib/review/analyses/study-characteristics.ts';

function realContent(): ReviewContent {
  const search = loadSearch();
  const claims = loadSeedClaims();
  const judgements = loadCertaintyJudgements();
  const thresholds = loadDecisionThresholds();
  if (!search.ok || !claims.ok || !judgements.ok || !thresholds.ok) throw new Error('the review data files do not validate');
  return {
    trials: loadTrials().trials.map(({ trial }) => trial),
    search: search.value,
    seedClaims: claims.value.claims,
    certaintyJudgements: judgements.value,
    decisionThresholds: thresholds.value.thresholds,
    version: { date: '2026-12-01', commit: 'abc1234' },
  };
}

const content = realContent();
const review = buildReview(content);

describe('buildReview over the real content', () => {
  it('counts every trial once, by inclusion status', () => {
    const { counts } = review;
    expect(counts.trials).toBe(content.trials.length);
    expect(INCLUSION_STATUSES.reduce((sum, status) => sum + counts.byInclusion[status], 0)).toBe(counts.trials);
    expect(counts.inReview).toBe(counts.trials - counts.byInclusion.excluded);
    expect(counts.pooled).toBe(counts.byInclusion.included);
  });

  it('joins every pooled study to its own result by id', () => {
    for (const analysis of review.outcomes) {
      if (!analysis.result) continue;
      for (const study of analysis.studies) {
        expect(study.result.study).toBe(study.id);
        expect([study.result.events, study.result.total]).toEqual([study.events, study.n]);
      }
    }
  });

  it('joins by id even when the trials arrive in another order', () => {
    const shuffled = buildReview({ ...content, trials: content.trials.toReversed() });
    const weights = (r: typeof review) => r.outcomes.flatMap((a) => a.studies.map((s) => [s.id, s.result.weight]));
    expect(weights(shuffled)).toEqual(weights(review));
  });

  it('totals each outcome from its studies', () => {
    for (const { totals, studies, estimate } of review.outcomes) {
      expect(totals.k).toBe(studies.length);
      expect(totals.patients).toBe(studies.reduce((sum, s) => sum + s.n, 0));
      expect(totals.events).toBe(studies.reduce((sum, s) => sum + s.events, 0));
      expect(estimate?.k ?? 0).toBe(totals.k);
      expect(estimate?.patients ?? 0).toBe(totals.patients);
    }
  });

  it('has PRISMA flows that reconcile: every box equals the sum of its outflows', () => {
    expect(unreconciled(review.prisma.records)).toEqual([]);
    expect(unreconciled(review.prisma.trials)).toEqual([]);
    const inReview = review.prisma.trials.next.find((box) => box.id === 'trials-assessed')!.next.find((box) => box.id === 'trials-in-review')!;
    expect(inReview.count).toBe(review.counts.inReview);
  });

  it('records the settings each analysis actually used', () => {
    for (const analysis of review.outcomes.filter((a) => a.result)) {
      expect(analysis.settings).toEqual({ measure: analysis.result!.measure, method: analysis.result!.method, hakn: analysis.result!.hakn });
    }
  });
});

describe('risk of bias and certainty over the real content', () => {
  it('has a complete, sourced risk-of-bias record for every included trial', () => {
    expect(review.riskOfBias.map((a) => a.nct)).toEqual(review.trials.filter((t) => t.inclusion.status === 'included').map((t) => t.nct));
    for (const assessment of review.riskOfBias) {
      expect(assessment.judgements).toHaveLength(8);
      for (const j of assessment.judgements) expect(j.citation.publication.citation).not.toBe('');
    }
  });

  it('rates every outcome with data, with a reason for every domain, and exports the same rating', () => {
    for (const analysis of review.outcomes) {
      const finding = review.findings.get(analysis.outcome.key);
      const exported = review.exports.outcomes.find((o) => o.outcome.key === analysis.outcome.key)!;
      if (!analysis.estimate) {
        expect(finding).toBeUndefined();
        expect(exported.certainty).toBeNull();
        continue;
      }
      for (const row of finding!.rows) {
        for (const domain of Object.values(row.certainty.domains)) expect(domain.reason.length).toBeGreaterThan(20);
      }
      expect(exported.certainty).toEqual(overallFinding(finding!).certainty);
      // Every population carries its own rating, joined by malignancy group.
      for (const stratum of exported.strata) {
        expect(stratum.certainty).toEqual(finding!.rows.find((row) => row.population === stratum.group)!.certainty);
      }
    }
  });

  it("shares each outcome's weight out in full, item by item", () => {
    for (const { shares } of review.riskOfBiasByWeight.values()) {
      const overall = shares.filter((s) => s.domain === 'overall').reduce((sum, s) => sum + s.share, 0);
      expect(overall).toBeCloseTo(1, 12);
    }
  });
});

describe('weights', () => {
  it('shares risk of bias out by patients, and says so, where the primary model (GLMM) gives no study weights', () => {
    const orr = review.outcomes.find((a) => a.outcome.key === 'orr')!;
    expect(orr.studies.every((s) => s.result.weight === null)).toBe(true);
    expect(review.riskOfBiasByWeight.get('orr')?.weighting).toBe('patients');
  });
});

describe('freezeReview', () => {
  const release = freezeReview(review);

  it('is the live model serialised: the same exports the data API serves', () => {
    expect(release.outcomes).toEqual(review.exports.outcomes);
    expect(release.survival).toEqual(review.exports.survival);
    expect(release.counts).toEqual({
      trials: review.counts.trials,
      trialsInReview: review.counts.inReview,
      trialsIncluded: review.counts.byInclusion.included,
    });
  });

  it('renders through the live path: the adapter is the identity on it, and its forest plots are the live ones', () => {
    const parsed = releaseSchema.parse(JSON.parse(JSON.stringify(release)));
    for (const outcome of parsed.outcomes) {
      const view = frozenOutcome(outcome, parsed.trials);
      expect(view).toBe(outcome);
      const live = outcomeExportOf(review, outcome.outcome.key);
      expect(view.studies).toEqual(live.studies);
      if (live.result) expect(outcomeForest(view)).toEqual(outcomeForest(live));
    }
  });

  it("keeps each outcome's GRADE rating, which the frozen page prints domain by domain as the live Summary of findings rates it", () => {
    const parsed = releaseSchema.parse(JSON.parse(JSON.stringify(release)));
    const rated = parsed.outcomes.filter((outcome) => 'certainty' in outcome && outcome.certainty);
    expect(rated.length).toBeGreaterThan(0);
    for (const outcome of rated) {
      const { certainty } = frozenOutcome(outcome, parsed.trials);
      const finding = overallFinding(review.findings.get(outcome.outcome.key)!);
      expect(certainty!.rating).toBe(finding.certainty.rating);
      const sentences = domainSentences(certainty!.domains);
      // Every downgrade the live footnotes give, with its reason, is on the frozen page.
      for (const d of finding.downgrades) {
        expect(sentences.find((s) => s.domain === d.domain)).toMatchObject({ downgrade: d.downgrade });
        expect(sentences.find((s) => s.domain === d.domain)!.text).toContain(d.reason);
      }
    }
  });

  it('renders survival through the live path: the frozen view is the live one', () => {
    const parsed = releaseSchema.parse(JSON.parse(JSON.stringify(release)));
    for (const survival of parsed.survival) {
      const live = review.exports.survival.find((s) => s.outcome.key === survival.outcome.key)!;
      const view = frozenSurvival(survival, parsed.trials);
      expect(view).toEqual(live);
      expect(view.estimates.every((e) => e.source.type !== null && e.year !== null)).toBe(true);
    }
  });

  it('passes the schema the site reads versions with, and survives a JSON round trip', () => {
    const parsed = releaseSchema.parse(JSON.parse(JSON.stringify(release)));
    expect(parsed.outcomes).toEqual(release.outcomes);
  });
});

describe('pages and components', () => {
  // Joining rows to results by position breaks silently when either list is reordered.
  it('never pair study rows and pooled results by array index', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : /\.(astro|ts)$/.test(entry.name) ? [join(dir, entry.name)] : [],
      );
    const offenders = ['src/pages', 'src/components', 'src/lib/plots', 'src/lib/review']
      .flatMap(files)
      .filter((file) => /\b(rows|studies)\[(i|index|j)\]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('frozen versions', () => {
  it('still reads the 2026-11-29 release, frozen before the rules, in its own shape', () => {
    const frozen = releaseSchema.parse(JSON.parse(readFileSync('content/releases/2026-11-29.json', 'utf8')));
    expect(frozen.outcomes.length).toBeGreaterThan(0);
    expect(frozen.outcomes.every((o) => !('strata' in o))).toBe(true);
  });
});

describe('the rules of inference on the real content', () => {
  const byKey = (key: string) => review.outcomes.find((a) => a.outcome.key === key)!;

  it('pools nothing where no study records an event, and fits no model for one study', () => {
    for (const analysis of review.outcomes) {
      for (const e of [analysis.estimate, ...analysis.strata.map((s) => s.estimate)]) {
        if (!e) continue;
        if (e.events === 0) expect(e).toMatchObject({ basis: 'no-events', model: 'none', proportion: 0, fit: null });
        if (e.k === 1) expect(e.model).toBe('none');
        if (e.basis === 'pooled') expect(e.k).toBeGreaterThanOrEqual(THRESHOLDS.poolMinStudies);
        if (e.k < THRESHOLDS.predictionMinStudies) expect(e.pi).toBeNull();
      }
    }
  });

  it('derives grade ≥ 3 zeros from any-grade zeros, marked, without touching the trial files', () => {
    const any = byKey('crsAny');
    const grade3 = byKey('crsGrade3');
    expect(grade3.studies.map((s) => [s.id, s.events, s.n, s.derivedFrom])).toEqual(any.studies.map((s) => [s.id, 0, s.n, 'crsAny']));
    expect(grade3.notReported.map((n) => n.nct)).not.toContain(any.studies[0]!.nct);
    expect(grade3.notes.map((n) => n.rule)).toContain('derived-grade');
    expect(content.trials.flatMap((t) => t.cohorts).some((c) => c.outcomes.crsGrade3 !== undefined && c.pooled.includes('crsAny'))).toBe(false);
  });

  it('reports overall response by malignancy group first, with the all-cancer figure cautioned', () => {
    const orr = byKey('orr');
    expect(orr.strata.map((s) => [s.group, s.estimate.basis])).toEqual([
      ['hematologic', 'pooled'],
      ['solid', 'no-events'],
    ]);
    expect(orr.notes.map((n) => n.rule)).toContain('mixed-populations');
  });

  it('downloads carry the decisions: model, null pooled / pi / egger, notes, nothing outside [0, 1]', () => {
    for (const exported of review.exports.outcomes) {
      const { result } = exported;
      if (!result) continue;
      expect(result.notes.length).toBeGreaterThan(0);
      if (result.events === 0) expect([result.model, result.pooled]).toEqual(['none', null]);
      if (result.k === 1) expect(result.pooled).toBeNull();
      if (result.k < THRESHOLDS.predictionMinStudies) expect(result.pooled?.pi ?? null).toBeNull();
      if (result.k < THRESHOLDS.smallStudyMinStudies) expect(result.egger).toBeNull();
      const intervals = [
        result.pooled?.ci,
        result.pooled?.pi,
        result.unpooled?.ci,
        ...exported.sensitivity.flatMap((s) => [s.ci, s.pi]),
        ...exported.strata.map((s) => s.ci),
      ];
      for (const interval of intervals) if (interval) for (const x of interval) expect(x >= 0 && x <= 1).toBe(true);
    }
  });
});

describe('evidence tiers on the real content', () => {
  const exported = (slug: string) => review.exports.outcomes.find((o) => o.outcome.slug === slug)!;
  const adding = (slug: string) => exported(slug).sensitivity.find((row) => row.label === 'Adding sponsor reports and secondary reports');

  it('keeps the NKX019 and NKX101 press-release counts out of the primary analysis and its counts', () => {
    const sponsorTrials = ['NCT05020678', 'NCT04623944'];
    for (const outcome of review.exports.outcomes) {
      expect(outcome.studies.filter((s) => sponsorTrials.includes(s.nct))).toEqual([]);
      expect(outcome.studies.every((s) => s.source.type !== 'sponsor-report' && s.source.type !== 'secondary-report')).toBe(true);
    }
    expect(exported('orr').result).toMatchObject({ k: 3, patients: 54 });
    expect(exported('cr').result).toMatchObject({ k: 1, patients: 8, model: 'none' });
    expect(review.trials.filter((t) => sponsorTrials.includes(t.nct)).map((t) => t.inclusion.status)).toEqual([
      'awaiting-results',
      'awaiting-results',
    ]);
  });

  it('adds them in one sensitivity row per outcome, pooled by the primary model with its own k and patients', () => {
    // FT596's press release, and NKX019's EHA 2023 report (news account), which supersedes its April 2022 press release.
    expect(exported('orr').sponsorReports.map((s) => [s.id, s.events, s.n, s.source.type])).toEqual([
      ['NCT04245722/aug-2021-cohorts-2-3', 10, 14, 'sponsor-report'],
      ['NCT05020678/eha-2023-higher-doses', 8, 10, 'secondary-report'],
    ]);
    // Primary three studies (23 of 54) plus 18 of 24.
    expect(adding('orr')).toMatchObject({ basis: 'pooled', model: 'GLMM', k: 5, patients: 78, events: 41 });
    // NKX101's two cohorts of different patients enter once, summed (3/5 + 4/6).
    expect(exported('cr').sponsorReports.map((s) => [s.id, s.events, s.n])).toEqual([
      ['NCT04245722/aug-2021-cohorts-2-3', 7, 14],
      ['NCT03056339/liu-2020-all', 8, 11],
      ['NCT04623944/apr-2022-high-dose+jun-2023-flu-arac', 7, 11],
      ['NCT05020678/eha-2023-higher-doses', 7, 10],
      ['NCT06325748/aacr-2025-dose-finding', 4, 7],
    ]);
    // Primary one study (Lei 2025, 4/8) plus five trials' added counts: 37 of 61.
    expect(adding('cr')).toMatchObject({ basis: 'pooled', model: 'GLMM', k: 6, patients: 61, events: 37 });
    expect(review.exports.outcomes.filter((o) => o.sponsorReports.length > 0).map((o) => o.outcome.slug)).toEqual(['orr', 'cr']);
  });
});

describe('populations and their thresholds', () => {
  const orr = review.exports.outcomes.find((o) => o.outcome.key === 'orr')!;

  it("reads each malignancy group's figure against its own sourced threshold, and none where none is sourced", () => {
    const byGroup = new Map(orr.strata.map((s) => [s.group, s]));
    // SCHOLAR-1: 26 % of patients with refractory large B-cell lymphoma responded to salvage therapy.
    expect(byGroup.get('hematologic')?.threshold).toMatchObject({
      value: 0.26,
      source: { doi: '10.1182/blood-2017-03-769620', location: 'Abstract' },
    });
    expect(byGroup.get('solid')?.threshold).toBeNull();
  });

  it('gives every stratum its certainty, and each with events its Bayesian summary with the threshold it reads', () => {
    for (const outcome of review.exports.outcomes) {
      for (const stratum of outcome.strata) {
        expect(stratum.certainty.domains.imprecision.reason.length).toBeGreaterThan(20);
        if (stratum.events === 0) {
          expect(stratum.bayes).toBeNull();
          continue;
        }
        expect(stratum.bayes?.proportion.cri[0]).toBeLessThan(stratum.bayes!.proportion.median);
        expect(stratum.bayes?.threshold).toEqual(stratum.threshold && { value: stratum.threshold.value, source: stratum.threshold.source });
        expect(stratum.bayes?.pAbove === null).toBe(stratum.threshold === null);
      }
    }
    // Haematological response: imprecision read on the credible interval, against SCHOLAR-1's 26 %.
    const hematologic = orr.strata.find((s) => s.group === 'hematologic')!;
    expect(hematologic.certainty.domains.imprecision.inputs).toMatchObject({ interval: 'credible', threshold: 0.26 });
    expect(hematologic.certainty.domains.imprecision.inputs.lower).toBe(hematologic.bayes!.proportion.cri[0]);
  });

  it('computes each /recheck/ subgroup row from its own trials only', () => {
    const row = (id: string) => review.recheck.find((r) => r.claim.id === id)!;
    // Cord blood: the two cord-blood trials (18/37 and 5/8), the same two as the haematological stratum.
    const hematologic = orr.strata.find((s) => s.group === 'hematologic')!;
    expect([row('orr-cord-blood').studies, row('orr-cord-blood').patients]).toEqual([2, 45]);
    expect(row('orr-cord-blood').now).toContain(`${(hematologic.proportion * 100).toFixed(1)} %`);
    // NK-92: one trial, 0 of 9, which is not the all-cancer figure.
    expect([row('orr-nk-92').studies, row('orr-nk-92').patients]).toEqual([1, 9]);
    expect(row('orr-nk-92').now).toContain('0 of 9');
  });
});

describe('study characteristics', () => {
  const orr = review.outcomes.find((a) => a.outcome.key === 'orr')!;
  const rows = studyCharacteristics(orr.rows, review.trials);
  const cell = (nct: string, column: string) => rows.find((r) => r.nct === nct)!.cells.find((c) => c.column === column)!;

  it('has one row per study of the analysis, joined by id, every column in order', () => {
    expect(rows.map((r) => r.id)).toEqual(orr.rows.map((r) => r.id));
    for (const row of rows) expect(row.cells.map((c) => c.column)).toEqual([...CHARACTERISTIC_COLUMNS]);
  });

  it('gives a sourced characteristic with its report, and leaves what no report states as not reported', () => {
    expect(cell('NCT03383978', 'Route')).toMatchObject({
      value: 'A single injection into the wall of the resection cavity during relapse surgery',
      citation: { publication: { id: 'burger-2023' }, location: 'Abstract' },
    });
    expect(cell('NCT03056339', 'Route')).toEqual({ column: 'Route', value: null, citation: null });
    expect(cell('NCT05472558', 'Line of therapy').value).toBe('Relapsed or refractory');
    // No report read states its response criteria.
    expect(rows.map((r) => r.cells.find((c) => c.column === 'Response criteria')!.value)).toEqual(rows.map(() => null));
  });
});
