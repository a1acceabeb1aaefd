import { execFileSync } from 'node:child_process';
import { contributors, type Contributor } from '../lib/review/model/contributors.ts';
import { getReview } from './review.ts';

// The review's data: trial files, search record, seed claims, frozen versions.
const DATA_PATHS = ['content'];

/** Author of each commit to the data; none in a copy without git history. */
function dataCommitAuthors(): string[] {
  try {
    const out = execFileSync('git', ['log', '--no-merges', '--format=%aN', '--', ...DATA_PATHS], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Everyone who extracted, checked or committed data, for the Cite page. */
export async function getContributors(): Promise<Contributor[]> {
  const { trials } = await getReview();
  return contributors(trials, dataCommitAuthors());
}
