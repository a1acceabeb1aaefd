/** `npm run impact` on a temporary git repository holding the review's real content. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutcomeImpact } from '../src/lib/review/history/impact.ts';
import { parseJson } from '../tests/json.ts';
import { run as runImpact } from './impact.ts';
import { runCaptured } from './lib/run-captured.ts';

const SCRIPT = resolve('scripts/impact.ts');
const TRIAL = 'content/trials/NCT03056339.mdx';
let repo: string;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, encoding: 'utf8' });
const impact = (...args: string[]) => runCaptured(runImpact, args, { cwd: repo });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'carnk-impact-test-'));
  cpSync('content', join(repo, 'content'), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  // One cohort's overall-response count changes (18/37 -> 20/37), nothing else.
  const path = join(repo, TRIAL);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(/(\n {6}orr:\n {8}events: )18(\n {8}n: 37\n)/, '$120$2');
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run impact', () => {
  it('moves exactly the outcome whose counts changed (--json)', async () => {
    const result = await impact('--base', 'HEAD', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { outcomes } = parseJson<{ outcomes: OutcomeImpact[] }>(result.stdout);
    const moved = outcomes.filter((o) => o.differs);
    expect(moved.map((o) => o.slug)).toEqual(['orr']);
    // Overall response is pooled on both sides.
    const orr = moved[0]!;
    const [before, after] = [orr.before!, orr.after!];
    expect(before.k).toBe(after.k);
    expect(before.patients).toBe(after.patients);
    expect(after.proportion).toBeGreaterThan(before.proportion);
    expect(orr.changed).toEqual([{ id: 'NCT03056339/marin-2024-all', study: 'Marin 2024', detail: '18/37 → 20/37' }]);
    expect(orr.added).toEqual([]);
    expect(orr.removed).toEqual([]);
    // Outcomes with nothing pooled are null on both sides.
    expect(outcomes.some((o) => o.before === null && o.after === null)).toBe(true);
  });

  it('prints the change as a Markdown table row', async () => {
    const result = await impact('--base', 'HEAD');
    expect(result.status).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| Overall response'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Marin 2024 (18/37 → 20/37)');
    expect(rows[0]).toMatch(/% \(.*\) → .*% \(/);
  });

  it('says nothing moved when the working tree equals the base', async () => {
    git('stash', '-q');
    try {
      const result = await impact('--base', 'HEAD');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('No pooled outcome changes');
    } finally {
      git('stash', 'pop', '-q');
    }
  });

  it('rejects an unknown ref in one line, exit 2', () => {
    // The entry point itself, spawned once; the other tests call run() in-process.
    const result = spawnSync(process.execPath, [SCRIPT, '--base', 'no-such-ref'], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('impact: no-such-ref is not a commit in this repository');
  });
});
