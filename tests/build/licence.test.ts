/** The licences are stated in the repository, on every page and in every download. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_LICENCE, DATA_LICENCE } from '../../src/lib/licence/licences.ts';
import { readJson } from '../json.ts';
import { readPage, SITE_DIR } from './site.ts';

/** A JSON download, with the fields a test reads. */
const json = <T>(path: string) => readJson<T>(join(SITE_DIR, path));

describe('licences', () => {
  it('are in the repository, and .zenodo.json names the data licence', () => {
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync('LICENSE-DATA', 'utf8')).toContain(DATA_LICENCE.url);
    const zenodo = readJson<{ license: string; creators: unknown[] }>('.zenodo.json');
    expect(zenodo.license).toBe(DATA_LICENCE.spdx.toLowerCase());
    expect(zenodo.creators.length).toBeGreaterThan(0);
  });

  it('are in the footer of pages of every kind', () => {
    for (const path of ['', 'outcomes/orr/', 'trials/', 'cite/', 'downloads/', 'versions/']) {
      const footer = readPage(path).querySelector('footer [data-licence]');
      expect(footer?.querySelector('a[rel="license"]')?.getAttribute('href'), path).toBe(DATA_LICENCE.url);
      expect(footer?.text, path).toContain(CODE_LICENCE.spdx);
    }
  });

  it('are in every JSON download, and beside the CSV files', () => {
    for (const path of ['data/trials.json', 'data/outcomes/orr.json', 'data/outcomes/pfs.json']) {
      expect(json<{ license: unknown }>(path).license, path).toMatchObject({ spdx: 'CC-BY-4.0', url: DATA_LICENCE.url });
    }
    expect(json<{ required: string[] }>('data/schema/outcome.schema.json').required).toContain('license');
    expect(readFileSync(join(SITE_DIR, 'data/LICENSE.txt'), 'utf8')).toContain(DATA_LICENCE.url);
    // The CSV stays plain CSV that `npm run pool -- --csv` reads: the header is the first line.
    expect(readFileSync(join(SITE_DIR, 'data/outcomes/orr.csv'), 'utf8')).toMatch(/^study,events,total,/);
  });

  it('lists contributors computed from the extraction records on /cite/', () => {
    const rows = readPage('cite/').querySelectorAll('[data-contributors] tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.text.includes('extraction ('))).toBe(true);
  });
});
