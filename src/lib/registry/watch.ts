/**
 * What a saved ClinicalTrials.gov query says that the review does not know yet: registrations
 * with no trial file, registry facts that moved, results newly posted on the registry.
 * Pure: `npm run watch:ctgov` reads the saved query pages and the trial files.
 */
import type { Trial } from '../schema/trial.ts';
import type { RegistryFacts } from './ctgov.ts';
import { registryChanges, type Change } from './frontmatter-edit.ts';

/** What the registry text itself says about a new registration, read by the rules below; never more. */
export interface Classification {
  /** The title names a CAR and NK cells (the review's population of products). */
  carNk: boolean;
  group?: Trial['population']['group'];
  targets: string[];
}

export interface NewRegistration {
  facts: RegistryFacts;
  classification: Classification;
}

export interface WatchReport {
  newRegistrations: NewRegistration[];
  changed: { nct: string; changes: Change[] }[];
  /** Trials with a file whose registry record now has posted results that no file lists. */
  newResults: { nct: string; title: string }[];
}

// A CAR on NK cells, as registry titles spell it: "CAR-NK", "CAR NK", "CAR-NK-92", "chimeric antigen receptor ... natural killer".
const CAR_NK = [
  /\bCAR[- ]?NK/i,
  /\b(CAR|chimeric antigen receptor)\b.*\b(NK|natural killer)\b/i,
  /\b(NK|natural killer)\b.*\b(CAR|chimeric antigen receptor)\b/i,
];
// Antigens CAR-NK trials target, in the spellings registry titles use; the code is the name the review uses.
const TARGETS: [string, RegExp][] = [
  ['CD19', /\bCD19\b/i],
  ['CD20', /\bCD20\b/i],
  ['CD22', /\bCD22\b/i],
  ['CD33', /\bCD33\b/i],
  ['CD70', /\bCD70\b/i],
  ['CD123', /\bCD123\b/i],
  ['CD7', /\bCD7\b/i],
  ['BCMA', /\bBCMA\b/i],
  ['CLL1', /\bCLL-?1\b/i],
  ['NKG2D ligands', /\bNKG2D\b/i],
  ['HER2', /\bHER-?2\b/i],
  ['PSMA', /\bPSMA\b/i],
  ['PD-L1', /\bPD-?L1\b/i],
  ['Mesothelin', /\bmesothelin\b/i],
  ['TROP2', /\bTROP-?2\b/i],
  ['GPC3', /\bGPC-?3\b/i],
  ['ROBO1', /\bROBO-?1\b/i],
  ['5T4', /\b5T4\b/i],
  ['Claudin 18.2', /\bclaudin ?18\.2\b|\bCLDN18\.2\b/i],
  ['MUC1', /\bMUC-?1\b/i],
];
// Words of haematological malignancy in registry conditions; anything else named is a solid tumour.
const HAEMATOLOGIC = /leuk[a]?emia|lymphoma|myeloma|myelodysplastic|hematolog|haematolog|\bALL\b|\bAML\b|\bCLL\b|\bMDS\b|plasma cell/i;

/** The review's group and targets as the registry's own title and conditions state them. */
export function classifyRegistration(facts: RegistryFacts): Classification {
  const titles = [facts.briefTitle, facts.officialTitle ?? ''].join(' ');
  const targets = TARGETS.filter(([, pattern]) => pattern.test(titles)).map(([name]) => name);
  const kinds = new Set(facts.conditions.map((condition) => (HAEMATOLOGIC.test(condition) ? 'hematologic' : 'solid')));
  // Conditions of both kinds (or none) leave the group to a person.
  const group = kinds.size === 1 ? [...kinds][0]! : undefined;
  return { carNk: CAR_NK.some((pattern) => pattern.test(titles)), ...(group && { group }), targets };
}

/** Compare a query's records with the trial files; `known` holds registrations recorded elsewhere (identified, excluded, linked). */
export function watchReport(records: RegistryFacts[], trials: Trial[], known: ReadonlySet<string>): WatchReport {
  const byNct = new Map(trials.map((trial) => [trial.nct, trial]));
  const report: WatchReport = { newRegistrations: [], changed: [], newResults: [] };
  for (const facts of records) {
    const trial = byNct.get(facts.nct);
    if (!trial) {
      if (!known.has(facts.nct)) report.newRegistrations.push({ facts, classification: classifyRegistration(facts) });
      continue;
    }
    const changes = registryChanges(trial.registry, facts);
    if (changes.length > 0) report.changed.push({ nct: facts.nct, changes });
    const listed = trial.publications.some((publication) => publication.type === 'registry-results');
    if (facts.hasResults && !listed) report.newResults.push({ nct: facts.nct, title: trial.title });
  }
  return report;
}

/** A registration `--write` may scaffold: a CAR-NK title, one group, at least one target. */
export const canScaffold = ({ classification }: NewRegistration) =>
  classification.carNk && classification.group !== undefined && classification.targets.length > 0;
