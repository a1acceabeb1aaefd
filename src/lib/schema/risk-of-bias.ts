/**
 * Risk of bias of one included trial, as its file records it (`riskOfBias:` in the
 * frontmatter), and the tool it is judged with, defined once as data: the schema,
 * the methods page, the plots and the download all read the domains from here.
 *
 * Tool: MINORS, the methodological index for non-randomized studies, items 1–8 (the
 * items for non-comparative studies). Every included trial is a single-arm,
 * prospective early-phase trial; MINORS was built and validated for exactly such
 * non-comparative intervention studies, and its items ask about prospective data,
 * endpoint assessment and loss to follow-up, where a case-series checklist asks mostly
 * about reporting.
 */
import { z } from 'astro/zod';
import { ROB_JUDGEMENTS, type RobJudgement } from '../vocabulary/codes.ts';
import { nameText, text } from './text.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

export const ROB_TOOL = {
  name: 'MINORS (methodological index for non-randomized studies), items 1–8 for non-comparative studies',
  shortName: 'MINORS',
  citation:
    'Slim K, Nini E, Forestier D, Kwiatkowski F, Panis Y, Chipponi J. Methodological index for non-randomized studies (MINORS): development and validation of a new instrument. ANZ J Surg. 2003;73(9):712-716.',
  doi: '10.1046/j.1445-2197.2003.02748.x',
  pmid: '12956787',
} as const;

export interface RobDomain {
  /** Key in a trial file's `riskOfBias.judgements`, and the id in downloads. */
  id: string;
  /** MINORS item number. */
  item: number;
  /** The item as MINORS names it. */
  name: string;
  /** Short column label for the traffic-light plot. */
  short: string;
  /** What the item asks, for readers. */
  question: string;
  /** Whether the item bears directly on bias in a single-arm proportion, and so on the overall judgement. */
  key: boolean;
}

export const ROB_DOMAINS = [
  {
    id: 'aim',
    item: 1,
    name: 'A clearly stated aim',
    short: 'Aim',
    key: false,
    question: 'Does the report state the question the trial set out to answer, with its primary endpoints?',
  },
  {
    id: 'consecutive',
    item: 2,
    name: 'Inclusion of consecutive patients',
    short: 'Consecutive',
    key: true,
    question: 'Were all patients eligible during the study period enrolled and treated, rather than a selection of them?',
  },
  {
    id: 'prospective',
    item: 3,
    name: 'Prospective collection of data',
    short: 'Prospective',
    key: true,
    question: 'Were the data collected according to a protocol written before the trial began?',
  },
  {
    id: 'endpoints',
    item: 4,
    name: 'Endpoints appropriate to the aim of the study',
    short: 'Endpoints',
    key: false,
    question: 'Are the endpoints (response, adverse events) defined and suited to the aim, by stated criteria?',
  },
  {
    id: 'unbiased-assessment',
    item: 5,
    name: 'Unbiased assessment of the study endpoint',
    short: 'Assessment',
    key: true,
    question: 'Were endpoints assessed blind or by independent review, or were reasons for not doing so given?',
  },
  {
    id: 'follow-up',
    item: 6,
    name: 'Follow-up period appropriate to the aim of the study',
    short: 'Follow-up',
    key: false,
    question: 'Were patients followed long enough to observe the endpoints and their adverse events?',
  },
  {
    id: 'loss-to-follow-up',
    item: 7,
    name: 'Loss to follow up less than 5%',
    short: 'Loss < 5%',
    key: true,
    question: 'Are the outcomes known for at least 95 % of the patients treated?',
  },
  {
    id: 'study-size',
    item: 8,
    name: 'Prospective calculation of the study size',
    short: 'Study size',
    key: false,
    question: 'Was the number of patients planned in advance, with its reasoning?',
  },
] as const satisfies readonly RobDomain[];

export type RobDomainId = (typeof ROB_DOMAINS)[number]['id'];

export { ROB_JUDGEMENTS, type RobJudgement } from '../vocabulary/codes.ts';

export const ROB_JUDGEMENT_LABELS: Record<RobJudgement, { label: string; minors: number; minorsLabel: string }> = {
  low: { label: 'Low risk', minors: 2, minorsLabel: 'reported and adequate' },
  unclear: { label: 'Unclear risk', minors: 0, minorsLabel: 'not reported in the publications read' },
  high: { label: 'High risk', minors: 1, minorsLabel: 'reported but inadequate' },
};

export const robJudgementSchema = z.strictObject({
  judgement: z.enum(ROB_JUDGEMENTS),
  /** Why: one or two sentences a reader can check against the source. */
  support: text,
  /** Where the support was read: `id` of one of the trial's publications, and the place in it. */
  source: z.strictObject({ publication: id, location: nameText }),
});

const domainShape = Object.fromEntries(ROB_DOMAINS.map((domain) => [domain.id, robJudgementSchema])) as {
  [K in RobDomainId]: typeof robJudgementSchema;
};

/** One judgement per MINORS item; the overall judgement is computed (see `overallRisk`), never typed. */
export const riskOfBiasSchema = z.strictObject({
  judgements: z.strictObject(domainShape),
});

export type RiskOfBias = z.infer<typeof riskOfBiasSchema>;
export type RobJudgementRecord = z.infer<typeof robJudgementSchema>;

/** The rule for the overall judgement, in words; printed on the methods page. */
export const OVERALL_RULE =
  `The overall judgement is the worst judgement among the key items (${ROB_DOMAINS.filter((d) => d.key)
    .map((d) => `${d.item}, ${d.name.toLowerCase()}`)
    .join('; ')}): ` +
  'high if any of them is high, otherwise unclear if any is unclear, otherwise low. ' +
  'The other items describe the report and the design; they are shown but do not set the overall judgement.';

/** Worst of the key items: high > unclear > low. */
export function overallRisk(riskOfBias: RiskOfBias): RobJudgement {
  const key = ROB_DOMAINS.filter((domain) => domain.key).map((domain) => riskOfBias.judgements[domain.id].judgement);
  if (key.includes('high')) return 'high';
  if (key.includes('unclear')) return 'unclear';
  return 'low';
}

type Issue = (path: (string | number)[], message: string) => void;

/** Cross-field rules: required for included trials, and every source one of the trial's publications. */
export function checkRiskOfBias(
  trial: { inclusion: { status: string }; riskOfBias?: RiskOfBias },
  publicationIds: ReadonlySet<string>,
  issue: Issue,
): void {
  if (!trial.riskOfBias) {
    if (trial.inclusion.status === 'included') issue(['riskOfBias'], 'is required for an included trial');
    return;
  }
  for (const domain of ROB_DOMAINS) {
    const { publication } = trial.riskOfBias.judgements[domain.id].source;
    if (!publicationIds.has(publication)) {
      issue(['riskOfBias', 'judgements', domain.id, 'source', 'publication'], `"${publication}" is not one of this trial's publications`);
    }
  }
}
