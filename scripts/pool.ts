/**
 * `npm run --silent pool -- --csv FILE [--measure PLO|PFT|PAS|PR] [--method DL|REML|PM|GLMM|BAYES] [--hakn] [--tau-prior S] [--threshold T]`
 *
 * Reads `study,events,total[,group][,year]` (RFC 4180) and prints one JSON object with the
 * random-effects meta-analysis (src/lib/pooling). Bad input prints one line
 * `pool: row N (study): problem` on stderr and exits 2; rows count from 1 after the header.
 * See HELP below (`--help`) for the input limits and exit codes.
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { oneOf, UsageError } from '../src/lib/cli/usage.ts';
import { bayesBinomialNormal, TAU_PRIOR_SCALES, type BayesSummary } from '../src/lib/pooling/bayes.ts';
import { analyse, MEASURES, studyProblem, type MetaAnalysis, type StudyInput } from '../src/lib/pooling/index.ts';
import { MAX_COUNT } from '../src/lib/schema/trial.ts';
import { MODELS } from '../src/lib/vocabulary/codes.ts';
import { bayesContract, numberFlag } from './lib/bayes-contract.ts';
import { main, runCommand, type Io } from './lib/command.ts';

/** Input limits: leave-one-out and cumulative refit the model k times (O(k²)), so k is capped. */
const MAX_BYTES = 5 * 2 ** 20;
const MAX_STUDIES = 10_000;

const HELP = `usage: npm run --silent pool -- --csv FILE [--measure PLO|PFT|PAS|PR] [--method DL|REML|PM|GLMM|BAYES] [--hakn]
                              [--tau-prior S] [--threshold T]

Pools proportions from a CSV with columns study,events,total[,group][,year] and prints one JSON object.
  --measure  PLO (default), PFT, PAS, PR: metafor escalc measures
  --method   DL (default), REML, PM: inverse-variance random effects; GLMM: binomial-normal model
             (rma.glmm, PLO only; study weights are null, leave-one-out and cumulative not computed;
             "notes" in the output says what is absent and why)
             BAYES: Bayesian binomial-normal model (PLO only), mu ~ N(0, 10^2), tau ~ Half-Normal(S), by
             quadrature; "pooled" is the posterior median rate with its 95% credible interval, "pi" a new
             trial's 95% interval, heterogeneity.tau2 the posterior median of tau^2 (Q, I2, H2, Egger as
             under DL); weights null, no subgroups, leave-one-out or cumulative; the posterior is in "bayes"
             (prior, proportion, tau, predictive, threshold, pAbove, priorDriven: why the prior decides)
  --hakn     Hartung-Knapp CI (with GLMM: t(k - 1) critical values, rma.glmm test="t")
  --tau-prior  BAYES: the Half-Normal scale S of tau on the logit scale (default ${TAU_PRIOR_SCALES.default}; ${TAU_PRIOR_SCALES.sensitivity} for sensitivity)
  --threshold  BAYES: a rate T in (0, 1); "pAbove" is P(pooled rate > T) (null without it)
Limits: at most ${MAX_STUDIES.toLocaleString('en-GB')} studies, counts up to ${MAX_COUNT.toLocaleString('en-GB')}, and ${MAX_BYTES / 2 ** 20} MB of CSV (leave-one-out and cumulative are O(k^2)).
Exit codes: 0 success; 1 the model gives no result (e.g. GLMM not identifiable: no study has an event); 2 a usage error or a bad CSV (one line:
pool: row N (study): problem, rows counted from 1 after the header).`;

function readStudies(file: string): StudyInput[] {
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) throw new UsageError(`${file} is larger than ${MAX_BYTES / 2 ** 20} MB`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const [header, ...records] = rows;
  if (!header) throw new UsageError(`${file} is empty`);
  const column = (name: string) => header.indexOf(name);
  for (const name of ['study', 'events', 'total']) {
    if (column(name) < 0) throw new UsageError(`${file}: missing column ${name} (header: ${header.join(',')})`);
  }
  if (records.length === 0) throw new UsageError(`${file} has no studies`);
  if (records.length > MAX_STUDIES) throw new UsageError(`${file} has ${records.length} studies (limit ${MAX_STUDIES})`);
  const [iStudy, iEvents, iTotal, iGroup, iYear] = ['study', 'events', 'total', 'group', 'year'].map(column);

  return records.map((record, r) => {
    const study = record[iStudy!] ?? '';
    const where = study === '' ? `row ${r + 1}` : `row ${r + 1} (${study})`;
    const fail = (problem: string): never => {
      throw new UsageError(`${where}: ${problem}`);
    };
    if (study === '') fail('study is empty');
    const count = (name: string, index: number): number => {
      const raw = record[index] ?? '';
      if (!/^\d+$/.test(raw)) fail(`${name} (${raw}) is not a non-negative integer`);
      // The trial schema's plausibility ceiling: larger counts are typing errors, and would stall the exact intervals.
      if (Number(raw) > MAX_COUNT) fail(`${name} (${raw}) is above the ceiling of ${MAX_COUNT} per study`);
      return Number(raw);
    };
    const events = count('events', iEvents!);
    const total = count('total', iTotal!);
    const problem = studyProblem(events, total);
    if (problem) fail(problem);
    const input: StudyInput = { study, events, total };
    if (iGroup! >= 0) {
      const group = record[iGroup!] ?? '';
      if (group === '') fail('group is empty');
      input.group = group;
    }
    if (iYear! >= 0) {
      const raw = record[iYear!] ?? '';
      if (!/^-?\d+(\.\d+)?$/.test(raw)) fail(`year (${raw}) is not a number`);
      input.year = Number(raw);
    }
    return input;
  });
}

type Analysis = MetaAnalysis<number | null>;

/**
 * The CLI contract: snake_case, only the documented fields, studies in input order. Under
 * --method BAYES (scripts/lib/bayes-contract.ts) weights and pi_hts are null and `bayes` holds the posterior.
 */
export type PoolContract = {
  k: number;
  measure: Analysis['measure'];
  method: Analysis['method'] | 'BAYES';
  pooled: Analysis['pooled'] & { pi_hts: Analysis['piHts'] };
  heterogeneity: Analysis['heterogeneity'];
  heterogeneity_test: Analysis['heterogeneityTest'];
  egger: Analysis['egger'];
  studies: Pick<Analysis['studies'][number], 'study' | 'proportion' | 'ci' | 'weight'>[];
  notes: string[];
  subgroups?: Analysis['subgroups'];
  between?: Analysis['between'];
  mixed_between?: Analysis['mixedBetween'];
  leave_one_out?: Analysis['leaveOneOut'];
  glmm?: Analysis['glmm'];
  cumulative?: Analysis['cumulative'];
  bayes?: BayesSummary;
};

function toContract(result: Analysis): PoolContract {
  const out: PoolContract = {
    k: result.k,
    measure: result.measure,
    method: result.method,
    // pi: metafor's predict() interval; pi_hts: Higgins-Thompson-Spiegelhalter, t on k - 2 df (null for k < 3).
    pooled: { ...result.pooled, pi_hts: result.piHts },
    heterogeneity: result.heterogeneity,
    heterogeneity_test: result.heterogeneityTest,
    egger: result.egger,
    studies: result.studies.map(({ study, proportion, ci, weight }) => ({ study, proportion, ci, weight })),
    notes: result.notes,
  };
  if (result.subgroups) {
    out.subgroups = result.subgroups;
    out.between = result.between ?? null;
    // Mixed-effects test with one common tau2, metafor rma(yi, vi, mods = ~ group)$QM (not for GLMM).
    if (result.mixedBetween !== undefined) out.mixed_between = result.mixedBetween;
  }
  if (result.leaveOneOut) out.leave_one_out = result.leaveOneOut;
  if (result.glmm) out.glmm = result.glmm;
  if (result.cumulative) out.cumulative = result.cumulative;
  return out;
}

export const run = (argv: string[], io: Io) =>
  runCommand(
    {
      name: 'pool',
      help: HELP,
      options: {
        csv: { type: 'string' },
        measure: { type: 'string', default: 'PLO' },
        method: { type: 'string', default: 'DL' },
        hakn: { type: 'boolean', default: false },
        'tau-prior': { type: 'string' },
        threshold: { type: 'string' },
      },
      run(flags, _positionals, io) {
        if (flags.csv === undefined) throw new UsageError('missing --csv FILE');
        const measure = oneOf('measure', flags.measure, MEASURES);
        const method = oneOf('method', flags.method, MODELS);
        if ((method === 'GLMM' || method === 'BAYES') && measure !== 'PLO')
          throw new UsageError(`--method ${method} needs --measure PLO, not ${measure}`);
        const studies = readStudies(flags.csv);
        if (method !== 'BAYES') {
          if (flags['tau-prior'] !== undefined || flags.threshold !== undefined)
            throw new UsageError('--tau-prior and --threshold need --method BAYES');
          io.stdout.write(`${JSON.stringify(toContract(analyse(studies, { measure, method, hakn: flags.hakn })))}\n`);
          return 0;
        }
        if (flags.hakn) throw new UsageError('--hakn does not apply to --method BAYES');
        const bayes = bayesBinomialNormal(studies, {
          tauPriorScale: flags['tau-prior'] === undefined ? undefined : numberFlag('tau-prior', flags['tau-prior'], 0, Infinity, 'a positive number'),
          threshold: flags.threshold === undefined ? undefined : numberFlag('threshold', flags.threshold, 0, 1, 'a rate strictly between 0 and 1'),
        });
        const usual = toContract(analyse(studies, { measure, method: 'DL' }));
        io.stdout.write(`${JSON.stringify(bayesContract(usual, bayes))}\n`);
        return 0;
      },
    },
    argv,
    io,
  );

if (import.meta.main) await main(run);
