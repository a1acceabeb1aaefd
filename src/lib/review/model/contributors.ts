/**
 * Who made the review, computed from the record rather than typed: the extraction block of
 * every trial file (who extracted, who gave the second check, who logged a change) and the
 * authors of commits to the data. Names are shown exactly as recorded.
 */
import type { Trial } from '../../schema/trial.ts';

export type ContributorRole = 'extraction' | 'second check' | 'change log' | 'commits to the data';

export interface Contributor {
  name: string;
  /** Each role with the number of trial files (or commits) it covers. */
  roles: { role: ContributorRole; count: number }[];
}

const ROLE_ORDER: ContributorRole[] = ['extraction', 'second check', 'change log', 'commits to the data'];

/**
 * Names an automated account leaves in git (a bot, a no-reply address, a name carrying a hash):
 * credit belongs to roles and people, so such commits credit no one. The repository's
 * .mailmap maps its own machine identity to the maintainers' role.
 */
export const AUTOMATED_IDENTITY = /\[bot\]|\bbot\b|noreply|\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b/i;

/**
 * Contributors with their roles, most extraction first, then by name. A trial counts once per
 * role however many log entries one person wrote in it.
 * @param commitAuthors the author name of each commit that touched the data, one entry per commit
 */
export function contributors(trials: Pick<Trial, 'nct' | 'extraction'>[], commitAuthors: string[]): Contributor[] {
  const counts = new Map<string, Map<ContributorRole, number>>();
  const add = (name: string, role: ContributorRole) => {
    const roles = counts.get(name) ?? new Map<ContributorRole, number>();
    roles.set(role, (roles.get(role) ?? 0) + 1);
    counts.set(name, roles);
  };
  for (const { extraction } of trials) {
    add(extraction.extractedBy, 'extraction');
    if (extraction.checkedBy) add(extraction.checkedBy, 'second check');
    for (const name of new Set(extraction.log.map((entry) => entry.by))) add(name, 'change log');
  }
  for (const name of commitAuthors.filter((author) => !AUTOMATED_IDENTITY.test(author))) add(name, 'commits to the data');
  const total = (c: Contributor, role: ContributorRole) => c.roles.find((r) => r.role === role)?.count ?? 0;
  return [...counts]
    .map(([name, roles]) => ({
      name,
      roles: ROLE_ORDER.filter((role) => roles.has(role)).map((role) => ({ role, count: roles.get(role)! })),
    }))
    .sort((a, b) => total(b, 'extraction') - total(a, 'extraction') || a.name.localeCompare(b.name));
}
