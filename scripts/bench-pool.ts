/**
 * `npm run bench:pool`: time and peak memory of the pooling module, printed as a table.
 *
 * Each case runs in its own Node process so that its peak RSS (`resourceUsage().maxRSS`) is
 * its own; "heap" is the JS heap plus typed-array memory after the run, over that process's
 * baseline. Full analysis = pool + per-study exact CIs + subgroups + Egger + leave-one-out +
 * cumulative (what `analyse` does), once with DL and once with REML (target: under 10 s at k = 10 000).
 * Leave-one-out and cumulative are O(k²), so k = 1 000 000
 * runs pool only (escalc + DL + weights), then pool + subgroups + Egger in a second row.
 * When `Rscript` with metafor is on the machine, the same full analysis runs in metafor at
 * k = 20 and 500 (timed inside R, without start-up) and the speed-up is shown.
 * GLMM rows: the binomial-normal fit alone (`glmm()`, nAGQ = 7) at k = 20, 500 and 10 000, beside
 * `rma.glmm(measure = "PLO", method = "ML")` at k = 20 and 500 (at 10 000 glmer takes minutes).
 * Times are CPU time (user + system) on both sides, so a busy machine does not skew the ratio.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positiveList } from '../src/lib/cli/usage.ts';
import { analyse, betweenTest, egger, escalc, glmm, reWeights, rma, subgroupFits, type StudyInput } from '../src/lib/pooling/index.ts';
import { runCommand } from './lib/command.ts';

type Mode = 'full' | 'full-reml' | 'pool' | 'pool+subgroups+egger' | 'glmm' | 'baseline';

const HELP = `usage: npm run bench:pool -- [--sizes 20,500,10000,1000000]

Times the pooling module on simulated studies, one Node process per case, and prints a table.
  --sizes LIST   numbers of studies k, comma-separated (default: 20,500,10000,1000000); above
                 10 000 only pooling (and pooling + subgroups + Egger) run, as leave-one-out
                 and cumulative analyses grow with k²; the GLMM is timed up to 10 000.

Exit codes: 0 done; 1 a case failed; 2 a usage error.`;

// Above this k, leave-one-out and cumulative (O(k²)) are not run.
const FULL_UP_TO = 10_000;

/** Deterministic data: mulberry32 PRNG, n in 5..404, logit p ~ N(-1, 0.8²), three groups, years 2000..2025. */
function simulate(k: number): StudyInput[] {
  let seed = 20261129;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: k }, (_, i) => {
    const total = 5 + Math.floor(random() * 400);
    const p = 1 / (1 + Math.exp(1 - 0.8 * normal()));
    let events = 0;
    for (let j = 0; j < total; j++) if (random() < p) events++;
    return { study: `S${i + 1}`, events, total, group: ['a', 'b', 'c'][i % 3]!, year: 2000 + Math.floor(random() * 26) };
  });
}

const LABELS: Record<Exclude<Mode, 'baseline'>, string> = {
  full: 'full, DL (pool+subgroups+Egger+LOO+cumulative)',
  'full-reml': 'full, REML (the same, every refit REML)',
  pool: 'pool only (LOO/cumulative O(k²): not run)',
  'pool+subgroups+egger': 'pool+subgroups+Egger (no LOO/cumulative)',
  glmm: 'GLMM fit (rma.glmm alongside)',
};

function runMode(studies: StudyInput[], mode: Mode): void {
  if (mode === 'baseline') return;
  if (mode === 'full' || mode === 'full-reml') {
    analyse(studies, { method: mode === 'full' ? 'DL' : 'REML' });
    return;
  }
  if (mode === 'glmm') {
    const fit = glmm(
      studies.map((s) => s.events),
      studies.map((s) => s.total),
    );
    if (!fit.converged) throw new Error(`GLMM: ${fit.reason}`);
    return;
  }
  const { yi, vi } = escalc(
    'PLO',
    Float64Array.from(studies, (s) => s.events),
    Float64Array.from(studies, (s) => s.total),
  );
  const fit = rma(yi, vi, { method: 'DL', hakn: false });
  reWeights(vi, fit.tau2);
  if (mode === 'pool+subgroups+egger') {
    betweenTest(
      subgroupFits(
        studies.map((s) => s.group!),
        yi,
        vi,
        { method: 'DL', hakn: false },
      ).map((s) => s.fit),
    );
    egger(yi, vi);
  }
}

/** Child process: time one case (repeated until 300 ms for small k) and report its memory. */
function child(k: number, mode: Mode): void {
  const baseline = process.memoryUsage();
  const studies = simulate(k);
  let runs = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  do {
    runMode(studies, mode);
    runs++;
  } while (performance.now() - start < 300 && k < 1e5);
  const cpu = process.cpuUsage(cpuStart);
  const ms = (cpu.user + cpu.system) / 1000 / runs;
  const memory = process.memoryUsage();
  const heap = memory.heapUsed + memory.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers;
  process.stdout.write(JSON.stringify({ ms, runs, maxRssMB: process.resourceUsage().maxRSS / 1024, heapMB: heap / 2 ** 20 }));
}

const R_SCRIPT = `
suppressMessages(library(metafor))
d <- read.csv(commandArgs(TRUE)[1], stringsAsFactors = FALSE)
method <- if (commandArgs(TRUE)[2] == "full-reml") "REML" else "DL"
full <- function() {
  res <- rma(measure = "PLO", xi = events, ni = total, data = d, method = method)
  predict(res, transf = transf.ilogit); weights(res)
  regtest(res, model = "lm"); leave1out(res)
  ds <- d[order(d$year), ]
  cumul(rma(measure = "PLO", xi = events, ni = total, data = ds, method = method))
  fits <- lapply(unique(d$group), function(g) rma(measure = "PLO", xi = events, ni = total, data = d[d$group == g, ], method = method))
  rma(yi = sapply(fits, coef), sei = sapply(fits, function(f) f$se), method = "FE")
  binom.test(1, 2)
  for (i in seq_len(nrow(d))) binom.test(d$events[i], d$total[i])
}
glmm <- function() rma.glmm(measure = "PLO", xi = events, ni = total, data = d, method = "ML")
f <- if (commandArgs(TRUE)[2] == "glmm") glmm else full
runs <- if (nrow(d) <= 20) 20 else 1
time <- system.time(for (i in seq_len(runs)) f())
cat((time[["user.self"]] + time[["sys.self"]]) / runs * 1000)
`;

function metaforMs(studies: StudyInput[], mode: 'full' | 'full-reml' | 'glmm'): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pool-'));
  try {
    const csv = join(dir, 'data.csv');
    const script = join(dir, 'full.R');
    writeFileSync(csv, ['study,events,total,group,year', ...studies.map((s) => `${s.study},${s.events},${s.total},${s.group},${s.year}`)].join('\n'));
    writeFileSync(script, R_SCRIPT);
    const run = spawnSync('Rscript', [script, csv, mode], { encoding: 'utf8' });
    return run.status === 0 ? Number(run.stdout.trim()) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hasMetafor(): boolean {
  const run = spawnSync('Rscript', ['-e', 'suppressMessages(library(metafor))'], { encoding: 'utf8' });
  return run.status === 0;
}

function main(sizes: number[]): void {
  const cases = sizes.flatMap((k): { k: number; mode: Exclude<Mode, 'baseline'> }[] =>
    k <= FULL_UP_TO
      ? [
          { k, mode: 'full' },
          { k, mode: 'full-reml' },
        ]
      : [
          { k, mode: 'pool' },
          { k, mode: 'pool+subgroups+egger' },
        ],
  );
  // The GLMM fit is iterative (numerical integration per study): timed only up to FULL_UP_TO, after the other cases.
  cases.push(...sizes.filter((k) => k <= FULL_UP_TO).map((k) => ({ k, mode: 'glmm' as const })));
  const withR = hasMetafor();
  const baseline = JSON.parse(spawnSync(process.execPath, [import.meta.filename, '--child', '0', 'baseline'], { encoding: 'utf8' }).stdout) as {
    maxRssMB: number;
  };
  const rows = [['k', 'analysis', 'CPU time (ms)', 'peak RSS (MB)', 'over baseline (MB)', 'heap+arrays (MB)', 'metafor (ms)', 'speed-up']];
  for (const { k, mode } of cases) {
    const run = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', String(k), mode], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bench case k=${k} ${mode} failed: ${run.stderr.split('\n')[0]}`);
    const r = JSON.parse(run.stdout) as { ms: number; maxRssMB: number; heapMB: number };
    const rMs = withR && k <= 500 && (mode === 'full' || mode === 'full-reml' || mode === 'glmm') ? metaforMs(simulate(k), mode) : null;
    rows.push([
      k.toLocaleString('en-GB'),
      LABELS[mode],
      r.ms.toFixed(r.ms < 10 ? 3 : 1),
      r.maxRssMB.toFixed(0),
      (r.maxRssMB - baseline.maxRssMB).toFixed(0),
      r.heapMB.toFixed(1),
      rMs === null ? (withR ? '–' : 'no Rscript') : rMs.toFixed(1),
      rMs === null ? '–' : `${(rMs / r.ms).toFixed(0)}×`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(`Baseline Node process peak RSS: ${baseline.maxRssMB.toFixed(0)} MB. Data: simulated, PLO, Wald CI; GLMM rows: ML, nAGQ = 7.`);
  console.log('GLMM rows time the fit alone: leave-one-out and cumulative are not computed for GLMM (k refits of an integrated likelihood).');
  console.log('metafor is timed up to k = 500 only: its leave1out() and cumul() at k = 10 000 take minutes.');
  console.log('Times are CPU time (user + system) per run, here and in R; speed-up = metafor / this module (target for GLMM at k = 500: >= 10x).');
}

// The parent re-runs this file as `--child K MODE` for each case, so each has its own process.
if (process.argv[2] === '--child') child(Number(process.argv[3]), process.argv[4] as Mode);
else {
  await runCommand({
    name: 'bench:pool',
    help: HELP,
    options: { sizes: { type: 'string', default: '20,500,10000,1000000' } },
    run(flags) {
      main(positiveList('sizes', flags.sizes));
      return 0;
    },
  });
}
