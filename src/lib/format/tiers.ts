/**
 * Evidence tiers (publication types) as readers see them. Kept apart from labels.ts, which
 * loads the trial schema: the forest plot, and with it the re-analysis bundle, needs only these.
 */
import type { PublicationType } from '../schema/trial.ts';

/** Evidence tiers as readers see them. */
export const PUBLICATION_TYPE_LABELS: Record<PublicationType, string> = {
  article: 'Peer-reviewed article',
  'conference-abstract': 'Conference abstract',
  letter: 'Letter',
  'registry-results': 'Registry results',
  preprint: 'Preprint',
  'sponsor-report': 'Sponsor report',
  'secondary-report': 'Secondary report',
};

/** The same in a word, where a phone-width plot has room for no more. */
export const PUBLICATION_TYPE_SHORT_LABELS: Record<PublicationType, string> = {
  article: 'article',
  'conference-abstract': 'abstract',
  letter: 'letter',
  'registry-results': 'registry',
  preprint: 'preprint',
  'sponsor-report': 'sponsor',
  'secondary-report': 'secondary',
};

/** What a version frozen before evidence tiers were recorded shows in their place. */
export const TIER_NOT_RECORDED = 'not recorded';

/** A result's evidence tier as readers see it; "not recorded" for sources frozen without one. */
export function tierLabel(type: PublicationType | null, short = false): string {
  if (!type) return TIER_NOT_RECORDED;
  return (short ? PUBLICATION_TYPE_SHORT_LABELS : PUBLICATION_TYPE_LABELS)[type];
}
