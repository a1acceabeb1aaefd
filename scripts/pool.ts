/**
 * `npm run --silent pool -- --csv FILE [--measure PLO|PFT|PAS|PR] [--method DL|REML|PM] [--hakn]`
 *
 * Reads `study,events,total[,group][,year]` (RFC 4180) and prints one JSON object with the
 * random-effects meta-analysis (src/lib/pooling). Bad input prints one line
 * `pool: row N (study): problem` on stderr and exits 2; rows count from 1 after the header.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { oneOf, UsageError } from '../src/lib/cli/usage.ts';
import { analyse, studyProblem, type MetaAnalysis, type Measure, type StudyInput, type Tau2Method } from '../src/lib/pooling/index.ts';
import { runCommand } from './lib/command.ts';

const MEASURES: readonly Measure[] = ['PLO', 'PFT', 'PAS', 'PR'];
const METHODS: readonly Tau2Method[] = ['DL', 'REML', 'PM'];

const HELP = `usage: npm run --silent pool -- --csv FILE [--measure ${MEASURES.join('|')}] [--method ${METHODS.join('|')}] [--hakn]

Reads study,events,total[,group][,year] (RFC 4180, a header row) and prints one JSON object: the
random-effects meta-analysis the site runs, with the studies in input order.
  --measure   effect measure (default: PLO)
  --method    tau² estimator (default: DL)
  --hakn      Hartung-Knapp adjustment

Exit codes: 0 printed; 1 the analysis failed; 2 a usage error or a bad CSV (one line:
pool: row N (study): problem, rows counted from 1 after the header).`;

function readStudies(file: string): StudyInput[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
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
  const [iStudy, iEvents, iTotal, iGroup, iYear] = ['study', 'events', 'total', 'group', 'year'].map(column) as number[];

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

/** The CLI contract: snake_case, only the documented fields, studies in input order. */
function toContract(result: MetaAnalysis): Record<string, unknown> {
  const out: Record<string, unknown> = {
    k: result.k,
    measure: result.measure,
    method: result.method,
    pooled: result.pooled,
    heterogeneity: result.heterogeneity,
    egger: result.egger,
    studies: result.studies.map(({ study, proportion, ci, weight }) => ({ study, proportion, ci, weight })),
  };
  if (result.subgroups) {
    out.subgroups = result.subgroups;
    out.between = result.between ?? null;
  }
  if (result.leaveOneOut) out.leave_one_out = result.leaveOneOut;
  if (result.cumulative) out.cumulative = result.cumulative;
  return out;
}

await runCommand({
  name: 'pool',
  help: HELP,
  options: { csv: { type: 'string' }, measure: { type: 'string', default: 'PLO' }, method: { type: 'string', default: 'DL' }, hakn: { type: 'boolean', default: false } },
  run(flags) {
    if (flags.csv === undefined) throw new UsageError('missing --csv FILE');
    const measure = oneOf('measure', flags.measure, MEASURES);
    const method = oneOf('method', flags.method, METHODS);
    const result = analyse(readStudies(flags.csv), { measure, method, hakn: flags.hakn });
    process.stdout.write(`${JSON.stringify(toContract(result))}\n`);
    return 0;
  },
});
