/**
 * `npm run --silent pool -- --csv FILE [--measure PLO|PFT|PAS|PR] [--method DL|REML|PM] [--hakn]`
 *
 * Reads `study,events,total[,group][,year]` (RFC 4180) and prints one JSON object with the
 * random-effects meta-analysis (src/lib/pooling). Bad input prints one line
 * `pool: row N (study): problem` on stderr and exits 2; rows count from 1 after the header.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { analyse, MEASURES, studyProblem, TAU2_METHODS as METHODS, type MetaAnalysis, type Measure, type StudyInput, type Tau2Method } from '../src/lib/pooling/index.ts';

/** A problem with the command line or the CSV: reported in one line, exit 2. */
class InputError extends Error {}

interface Args {
  csv: string;
  measure: Measure;
  method: Tau2Method;
  hakn: boolean;
}

function parseArgs(argv: string[]): Args {
  let csv: string | undefined;
  let measure: Measure = 'PLO';
  let method: Tau2Method = 'DL';
  let hakn = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--csv') csv = value();
    else if (arg === '--measure') {
      const v = value();
      if (!(MEASURES as readonly string[]).includes(v)) throw new InputError(`unknown measure ${v} (use ${MEASURES.join(', ')})`);
      measure = v as Measure;
    } else if (arg === '--method') {
      const v = value();
      if (!(METHODS as readonly string[]).includes(v)) throw new InputError(`unknown method ${v} (use ${METHODS.join(', ')})`);
      method = v as Tau2Method;
    } else if (arg === '--hakn') hakn = true;
    else throw new InputError(`unknown option ${arg}`);
  }
  if (csv === undefined) throw new InputError('missing --csv FILE');
  return { csv, measure, method, hakn };
}

function readStudies(file: string): StudyInput[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const [header, ...records] = rows;
  if (!header) throw new InputError(`${file} is empty`);
  const column = (name: string) => header.indexOf(name);
  for (const name of ['study', 'events', 'total']) {
    if (column(name) < 0) throw new InputError(`${file}: missing column ${name} (header: ${header.join(',')})`);
  }
  if (records.length === 0) throw new InputError(`${file} has no studies`);
  const [iStudy, iEvents, iTotal, iGroup, iYear] = ['study', 'events', 'total', 'group', 'year'].map(column) as number[];

  return records.map((record, r) => {
    const study = record[iStudy!] ?? '';
    const where = study === '' ? `row ${r + 1}` : `row ${r + 1} (${study})`;
    const fail = (problem: string): never => {
      throw new InputError(`${where}: ${problem}`);
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

try {
  const args = parseArgs(process.argv.slice(2));
  const studies = readStudies(args.csv);
  const result = analyse(studies, { measure: args.measure, method: args.method, hakn: args.hakn });
  process.stdout.write(`${JSON.stringify(toContract(result))}\n`);
} catch (error) {
  console.error(`pool: ${(error as Error).message}`);
  process.exit(error instanceof InputError ? 2 : 1);
}
