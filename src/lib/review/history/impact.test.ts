import { describe, expect, it } from 'vitest';
import type { OutcomeExport } from '../../schema/exports.ts';
import { impactMarkdown, reviewImpact } from './impact.ts';

type Study = { id: string; study: string; nct: string; events: number; n: number };

/** Only the fields the impact reads; the rest of the export shape does not matter here. */
function outcome(slug: string, studies: Study[], pooled: { proportion: number; ci: [number, number] } | null): OutcomeExport {
  return {
    outcome: { slug, key: slug, title: slug.toUpperCase(), description: '' },
    result: pooled && { k: studies.length, patients: studies.reduce((sum, s) => sum + s.n, 0), pooled: { ...pooled, pi: pooled.ci } },
    studies,
  } as unknown as OutcomeExport;
}

const a = { id: 'NCT1/a', study: 'A 2024', nct: 'NCT1', events: 3, n: 10 };
const b = { id: 'NCT2/b', study: 'B 2025', nct: 'NCT2', events: 5, n: 20 };
const b2 = { id: 'NCT2/b2', study: 'B 2025, expansion', nct: 'NCT2', events: 1, n: 4 };

describe('reviewImpact', () => {
  it('joins outcomes by slug and studies by id: added, removed, counts changed', () => {
    const before = [outcome('orr', [a, b], { proportion: 0.3, ci: [0.2, 0.4] }), outcome('cr', [a], { proportion: 0.1, ci: [0, 0.3] })];
    const after = [
      outcome('orr', [{ ...a, events: 4 }, b2], { proportion: 0.35, ci: [0.2, 0.5] }),
      outcome('cr', [a], { proportion: 0.1, ci: [0, 0.3] }),
    ];
    const [orr, cr] = reviewImpact(before, after);
    expect(orr).toMatchObject({
      slug: 'orr',
      before: { k: 2, trials: 2, patients: 30, proportion: 0.3, ci: [0.2, 0.4] },
      after: { k: 2, trials: 2, patients: 14, proportion: 0.35 },
      added: [{ id: 'NCT2/b2', study: 'B 2025, expansion' }],
      removed: [{ id: 'NCT2/b', study: 'B 2025' }],
      changed: [{ id: 'NCT1/a', study: 'A 2024', detail: '3/10 → 4/10' }],
      differs: true,
    });
    expect(cr!.differs).toBe(false);
  });

  it('does not count a difference in the last digits as a change, but counts a real one', () => {
    const then = [outcome('orr', [a], { proportion: 0.3, ci: [0.2, 0.4] })];
    expect(reviewImpact(then, [outcome('orr', [a], { proportion: 0.3 + 1e-14, ci: [0.2, 0.4 - 1e-15] })])[0]!.differs).toBe(false);
    expect(reviewImpact(then, [outcome('orr', [a], { proportion: 0.3001, ci: [0.2, 0.4] })])[0]!.differs).toBe(true);
  });

  it('is null where nothing is pooled, on either side', () => {
    const [gvhd] = reviewImpact([outcome('gvhd', [], null)], [outcome('gvhd', [a], { proportion: 0.3, ci: [0.1, 0.6] })]);
    expect(gvhd).toMatchObject({ before: null, after: { k: 1 }, added: [{ id: 'NCT1/a' }], differs: true });
  });
});

describe('impactMarkdown', () => {
  it('has one row per outcome that changed, with before → after', () => {
    const impacts = reviewImpact(
      [outcome('orr', [a], { proportion: 0.3, ci: [0.2, 0.4] }), outcome('cr', [], null)],
      [outcome('orr', [a, b], { proportion: 0.25, ci: [0.15, 0.4] }), outcome('cr', [], null)],
    );
    const md = impactMarkdown(impacts, 'main');
    expect(md).toContain('| ORR | 1 → 2 | 1 → 2 | 10 → 30 | 30.0 % (20.0–40.0) → 25.0 % (15.0–40.0) | B 2025 | — | — |');
    expect(md).toContain('1 other outcome(s) unchanged.');
    expect(md).not.toContain('| CR');
  });

  it('says so when nothing changed, and escapes pipes in names', () => {
    expect(impactMarkdown(reviewImpact([outcome('orr', [a], null)], [outcome('orr', [a], null)]), 'main')).toContain(
      'No pooled outcome changes (1 outcomes compared).',
    );
    const piped = reviewImpact([], [outcome('orr', [{ ...a, study: 'A | B' }], { proportion: 0.3, ci: [0.2, 0.4] })]);
    expect(impactMarkdown(piped, 'main')).toContain('A \\| B');
  });

  it('shows a hostile study name as the characters it is: no link, emphasis, HTML, mention or new row', () => {
    const name = '**[x](https://e.test)** <img src=x onerror=alert(1)> @team `c` _y_ &amp; # h\\\nnext | row';
    const md = impactMarkdown(reviewImpact([], [outcome('orr', [{ ...a, study: name }], { proportion: 0.3, ci: [0.2, 0.4] })]), 'origin/`x`');
    const row = md.split('\n').find((line) => line.startsWith('| ORR'))!;
    expect(row).toContain(
      '\\*\\*\\[x\\]\\(https\\:\\/\\/e\\.test\\)\\*\\* \\<img src\\=x onerror\\=alert\\(1\\)\\> \\@team \\`c\\` \\_y\\_ \\&amp\\; \\# h\\\\ next \\| row',
    );
    // Every punctuation mark of the name is escaped: none is left bare for Markdown to read.
    expect(row.split(' | ')[5]).not.toMatch(/(^|[^\\])[*[\]()<>@`_&#|]/);
    expect(md).toContain('compared with origin\\/\\`x\\`');
  });
});
