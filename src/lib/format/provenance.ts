/**
 * One sentence a reader can trust about where a trial page's facts come from: what was read,
 * when, how much of each report (abstract only or full text), and whether a second reader
 * has checked it. Built from the trial file alone, in the review's own words.
 */
import type { Publication, Trial } from '../schema/trial.ts';

const REGISTRY_SOURCE_PHRASES = {
  registry: 'the ClinicalTrials.gov record itself',
  'registry-copy': 'a copy of the ClinicalTrials.gov record kept by another site, flagged for checking against the registry',
  'review-table': "a review article's table only, not the registry, flagged for checking against the registry",
} as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How much of a report was read; a conference abstract is its abstract. */
function readExtent(publication: Publication): 'abstract' | 'full-text' | undefined {
  return publication.extraction?.read ?? (publication.type === 'conference-abstract' ? 'abstract' : undefined);
}

function reportsPart(trial: Trial): string {
  const { publications } = trial;
  if (publications.length === 0) return 'No report of results was found, so nothing was extracted.';
  const cited = new Set(
    trial.cohorts.flatMap((cohort) => Object.values(cohort.outcomes).flatMap((value) => (value ? [value.source.publication] : []))),
  );
  const extracted = publications.filter((p) => p.extraction?.status === 'extracted' || (!p.extraction && cited.has(p.id)));
  const waiting = publications.filter((p) => p.extraction && p.extraction.status !== 'extracted');
  const without = publications.length - extracted.length - waiting.length;
  const extents = [
    [extracted.filter((p) => readExtent(p) === 'full-text').length, 'from the full text'],
    [extracted.filter((p) => readExtent(p) === 'abstract').length, 'from the abstract only'],
    [extracted.filter((p) => readExtent(p) === undefined).length, 'without a record of how much was read'],
  ] as const;
  const how = extents.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  const parts = [
    `${extracted.length} extracted${how.length > 0 ? ` (${how.join(', ')})` : ''}`,
    ...(waiting.length > 0 ? [`${waiting.length} not yet extracted in full`] : []),
    ...(without > 0 ? [`${without} without outcome data`] : []),
  ];
  return `Of ${count(publications.length, 'known report', 'known reports')}, ${parts.join('; ')}.`;
}

export function provenanceSentence(trial: Trial): string {
  const { checked } = trial.registry;
  const from = checked.kind ? REGISTRY_SOURCE_PHRASES[checked.kind] : 'the source named below, whose kind was not recorded';
  const title = checked.descriptiveTitle ? " The registry's own title was not read; the title shown is the review's description." : '';
  const check = trial.extraction.checkedBy
    ? `A second reader (${trial.extraction.checkedBy}) checked the file on ${trial.extraction.checkedOn ?? 'an unrecorded date'}.`
    : 'No second reader has checked it yet.';
  return `Registry facts were read on ${checked.date} from ${from}.${title} ${reportsPart(trial)} ${check}`;
}
