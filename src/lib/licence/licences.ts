/**
 * The review's two licences, in one place: the footer, every download and the
 * repository's LICENSE / LICENSE-DATA files state the same thing.
 */

export interface Licence {
  /** SPDX identifier. */
  spdx: string;
  name: string;
  url: string;
}

/** Data and text: trial files, frozen versions, site text, every download. */
export const DATA_LICENCE: Licence = {
  spdx: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** The source code. */
export const CODE_LICENCE: Licence = {
  spdx: 'MIT',
  name: 'MIT License',
  url: 'https://opensource.org/license/mit',
};

/** What a download must be credited to, besides the version it came from. */
export const ATTRIBUTION = 'CAR-NK Living Review contributors';

/**
 * The `license` field every JSON download carries: the licence, and whom to credit.
 * A field of the document itself, so the statement travels with a saved copy.
 */
export const LICENCE_FIELD: Licence & { attribution: string } = { ...DATA_LICENCE, attribution: ATTRIBUTION };

/**
 * `/data/LICENSE.txt`, the plain-text statement beside the CSV files. CSV has no
 * place for it: a comment line breaks RFC 4180 readers (and `npm run pool -- --csv`),
 * and a licence column would repeat it on every row.
 */
export function dataLicenceText(siteUrl: string): string {
  return [
    'CAR-NK Living Review: licence of the files in /data/',
    '',
    `Every file under ${siteUrl}data/ (CSV and JSON) and every frozen version under`,
    `${siteUrl}versions/ is licensed under the ${DATA_LICENCE.name} licence`,
    `(${DATA_LICENCE.spdx}): ${DATA_LICENCE.url}`,
    '',
    `Attribution: ${ATTRIBUTION}, with the version (date and commit) you used and the URL`,
    `of the file. How to cite a version: ${siteUrl}cite/`,
    '',
    'Each extracted number names its source (DOI or PMID and location); cite that source too.',
    `The review's source code is under the ${CODE_LICENCE.name} (${CODE_LICENCE.spdx}).`,
    '',
  ].join('\n');
}
