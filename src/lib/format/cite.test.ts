import { describe, expect, it } from 'vitest';
import { bibtex, highwireTags, ris, type CitableVersion } from './cite.ts';

const frozen: CitableVersion = {
  version: '2026-11-29',
  date: '2026-11-29',
  commit: '1ef45f9',
  url: 'https://example.org/versions/2026-11-29/',
};

describe('bibtex', () => {
  it('is a @misc entry keyed by version, with the corporate author kept whole', () => {
    expect(bibtex(frozen)).toBe(
      [
        '@misc{carnk-living-review-2026-11-29,',
        '  title = {{CAR-NK} Living Review: a living systematic review of {CAR-NK} cell therapy trials in cancer},',
        '  author = {{CAR-NK Living Review contributors}},',
        '  year = {2026},',
        '  date = {2026-11-29},',
        '  version = {2026-11-29},',
        '  url = {https://example.org/versions/2026-11-29/},',
        '  note = {Version 2026-11-29, commit 1ef45f9}',
        '}',
      ].join('\n'),
    );
  });

  it('leaves the commit out of the note when there is none', () => {
    expect(bibtex({ ...frozen, commit: null })).toContain('  note = {Version 2026-11-29}\n');
  });
});

describe('ris', () => {
  it('is a DATA record closed by ER', () => {
    expect(ris(frozen).split('\n')).toEqual([
      'TY  - DATA',
      'TI  - CAR-NK Living Review: a living systematic review of CAR-NK cell therapy trials in cancer',
      'AU  - CAR-NK Living Review contributors',
      'PY  - 2026',
      'DA  - 2026/11/29',
      'ET  - 2026-11-29',
      'UR  - https://example.org/versions/2026-11-29/',
      'N1  - Version 2026-11-29, commit 1ef45f9',
      'ER  - ',
    ]);
  });
});

describe('highwireTags', () => {
  it('gives Google Scholar its tags, dates as YYYY/MM/DD', () => {
    expect(Object.fromEntries(highwireTags(frozen).map(({ name, content }) => [name, content]))).toEqual({
      citation_title: 'CAR-NK Living Review: a living systematic review of CAR-NK cell therapy trials in cancer',
      citation_author: 'CAR-NK Living Review contributors',
      citation_publication_date: '2026/11/29',
      citation_online_date: '2026/11/29',
      citation_public_url: 'https://example.org/versions/2026-11-29/',
    });
  });
});
