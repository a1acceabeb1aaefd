import { getCollection, type CollectionEntry } from 'astro:content';

export type TrialEntry = CollectionEntry<'trials'>;

/** Every trial, in NCT order. */
export async function getTrials(): Promise<TrialEntry[]> {
  const entries = await getCollection('trials');
  return entries.sort((a, b) => a.data.nct.localeCompare(b.data.nct));
}
