import { execFileSync } from 'node:child_process';

/** Who is extracting, for a scaffold's log: git's configured name, as a commit would carry it. */
export function contributorName(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // Not a git checkout, or no name configured.
  }
  return 'unknown contributor';
}
