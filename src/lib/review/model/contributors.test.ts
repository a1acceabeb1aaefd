import { describe, expect, it } from 'vitest';
import { contributors } from './contributors.ts';

const trial = (nct: string, extractedBy: string, checkedBy?: string, log: string[] = []) => ({
  nct,
  extraction: {
    extractedBy,
    extractedOn: '2026-01-01',
    ...(checkedBy ? { checkedBy, checkedOn: '2026-01-02' } : {}),
    log: log.map((by) => ({ date: '2026-01-03', by, note: 'n' })),
  },
});

describe('contributors', () => {
  it('counts each role per trial file and each commit, most extraction first', () => {
    const result = contributors(
      [
        trial('NCT00000001', 'B. Author', 'A. Checker', ['A. Checker', 'A. Checker']),
        trial('NCT00000002', 'B. Author'),
        trial('NCT00000003', 'C. Other'),
      ],
      ['A. Checker', 'D. Committer', 'A. Checker'],
    );
    expect(result).toEqual([
      { name: 'B. Author', roles: [{ role: 'extraction', count: 2 }] },
      { name: 'C. Other', roles: [{ role: 'extraction', count: 1 }] },
      {
        name: 'A. Checker',
        roles: [
          { role: 'second check', count: 1 },
          { role: 'change log', count: 1 },
          { role: 'commits to the data', count: 2 },
        ],
      },
      { name: 'D. Committer', roles: [{ role: 'commits to the data', count: 1 }] },
    ]);
  });

  it('credits no automated identity, only roles and people', () => {
    const names = contributors([], ['Seed 2aa03fbc maintainers', 'dependabot[bot]', 'ci-bot', 'Review maintainers']).map((c) => c.name);
    expect(names).toEqual(['Review maintainers']);
  });

  it('is empty without records', () => {
    expect(contributors([], [])).toEqual([]);
  });
});
