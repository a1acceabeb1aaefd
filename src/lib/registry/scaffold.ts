/**
 * A new trial file's text, from registry facts and the few choices the registry does not state
 * reliably (targets, NK source, malignancy group, diseases and their codes). Shared by `npm run new-trial` and
 * `npm run watch:ctgov -- --write`. It never writes a fact nobody gave it: what it cannot know
 * is left out, and the file says the trial has not been assessed yet.
 */
import { checkedSource, type RegistryFacts } from './ctgov.ts';

/** Everything the scaffold states; the template adds nothing of its own. */
export interface Scaffold {
  nct: string;
  title: string;
  shortName?: string;
  registry: {
    sponsor?: string;
    phase: string;
    status: string;
    enrollment: { count: number; type: string };
    startYear?: number;
    primaryCompletion?: { date: string; type: string };
    countries?: string[];
    checkedSource: string;
    /** Set when the facts come from the registry's own record (an API v2 record). */
    checkedKind?: 'registry';
  };
  targets: string[];
  nkSource: string;
  group: string;
  diseases: string[];
  /** The diseases as codes of the vocabulary (population.diseaseCodes). */
  diseaseCodes: string[];
  by: string;
  today: string;
  /** The log line saying where the file came from. */
  origin: string;
}

/** What a person (or a declared rule) chose; the registry does not state it. */
export type ProductChoice = Pick<Scaffold, 'targets' | 'nkSource' | 'group' | 'diseases' | 'diseaseCodes' | 'by' | 'today'>;

/** The scaffold of a trial whose registry facts come from its record; `by` names the command that wrote it. */
export function scaffoldFromRecord(facts: RegistryFacts, choice: ProductChoice, command: string): Scaffold {
  return {
    nct: facts.nct,
    title: facts.briefTitle,
    ...(facts.acronym && { shortName: facts.acronym }),
    registry: {
      ...(facts.sponsor && { sponsor: facts.sponsor }),
      phase: facts.phase,
      status: facts.status,
      enrollment: facts.enrollment,
      ...(facts.startYear !== undefined && { startYear: facts.startYear }),
      ...(facts.primaryCompletion && { primaryCompletion: facts.primaryCompletion }),
      ...(facts.countries && { countries: facts.countries }),
      checkedSource: checkedSource(facts),
      checkedKind: 'registry',
    },
    ...choice,
    origin: `Scaffolded with ${command} from the ${checkedSource(facts)}.`,
  };
}

// Double-quoted YAML accepts every JSON string escape, so JSON.stringify quotes any text safely.
const str = (value: string) => JSON.stringify(value);
const list = (values: string[]) => `[${values.map(str).join(', ')}]`;

/** The trial file's text: frontmatter that passes the schema, and TODO lines for the narrative. */
export function renderScaffold(s: Scaffold): string {
  const r = s.registry;
  const lines = [
    '---',
    `nct: ${s.nct}`,
    `title: ${str(s.title)}`,
    s.shortName && `shortName: ${str(s.shortName)}`,
    'registry:',
    r.sponsor && `  sponsor: ${str(r.sponsor)}`,
    `  phase: ${str(r.phase)}`,
    `  status: ${r.status}`,
    '  enrollment:',
    `    count: ${r.enrollment.count}`,
    `    type: ${r.enrollment.type}`,
    r.startYear !== undefined && `  startYear: ${r.startYear}`,
    r.primaryCompletion && `  primaryCompletion: { date: ${str(r.primaryCompletion.date)}, type: ${r.primaryCompletion.type} }`,
    r.countries && `  countries: ${list(r.countries)}`,
    '  checked:',
    `    source: ${str(r.checkedSource)}`,
    `    date: ${s.today}`,
    r.checkedKind && `    kind: ${r.checkedKind}`,
    'product:',
    `  targets: ${list(s.targets)}`,
    `  nkSource: ${s.nkSource}`,
    'population:',
    `  group: ${s.group}`,
    `  diseases: ${list(s.diseases)}`,
    `  diseaseCodes: [${s.diseaseCodes.join(', ')}]`,
    'inclusion:',
    '  status: awaiting-results',
    `  reason: ${str('Not yet assessed: publications have not been searched.')}`,
    'publications: []',
    'cohorts: []',
    'extraction:',
    `  extractedBy: ${str(s.by)}`,
    `  extractedOn: ${s.today}`,
    '  log:',
    `    - date: ${s.today}`,
    `      by: ${str(s.by)}`,
    `      note: ${str(s.origin)}`,
    '---',
    '',
    'TODO: describe the product (NK cell source, CAR construct, armoring, lymphodepletion) and the population, one sentence per line.',
    'TODO: say what each publication reports, which report is pooled and why, and what could not be extracted.',
    '',
  ];
  return lines.filter((line) => typeof line === 'string').join('\n');
}
