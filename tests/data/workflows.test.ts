/**
 * The workflows run on pull requests from anyone, so their text is held to three rules: a `${{ }}`
 * value never lands inside a shell script (it would run as code if a branch name held `$(...)`),
 * no checkout leaves its token behind for the steps after it, and every action is pinned to a
 * commit, which a tag is not (a tag can be moved to other code).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((name) => name.endsWith('.yml'));

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
const steps = (name: string): Step[] => {
  const workflow = parse(readFileSync(join(DIR, name), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
};

describe('workflows', () => {
  it('has workflows to check', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml', 'impact.yml']));
  });

  it.each(files)('%s passes every expression to a script through env:', (name) => {
    for (const step of steps(name)) if (step.run !== undefined) expect(step.run).not.toContain('${{');
  });

  it.each(files)('%s keeps no token after a checkout', (name) => {
    const checkouts = steps(name).filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it.each(files)('%s pins every action to a full commit, with its tag beside it', (name) => {
    const lines = readFileSync(join(DIR, name), 'utf8')
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });
});
