/**
 * How to cite one version of the review: BibTeX, RIS, and the Highwire Press meta tags
 * that Google Scholar and reference managers read from a page's head.
 */

export const REVIEW_TITLE = 'CAR-NK Living Review: a living systematic review of CAR-NK cell therapy trials in cancer';
export const REVIEW_AUTHOR = 'CAR-NK Living Review contributors';

export interface CitableVersion {
  /** The version's name: a frozen snapshot's date, or the build date for the current version. */
  version: string;
  /** YYYY-MM-DD */
  date: string;
  /** Short commit hash the version was built or frozen from. */
  commit: string | null | undefined;
  /** Absolute URL of the version's page. */
  url: string;
}

const note = ({ version, commit }: CitableVersion) => `Version ${version}${commit ? `, commit ${commit}` : ''}`;

/**
 * A BibTeX `@misc` entry (biblatex reads `date` and `version`; BibTeX reads `year`).
 * The corporate author is double-braced so it is not split into given and family names,
 * and "CAR-NK" is braced so styles do not lower-case it.
 */
export function bibtex(citation: CitableVersion): string {
  const fields: [string, string][] = [
    ['title', `{${REVIEW_TITLE.replaceAll('CAR-NK', '{CAR-NK}')}}`],
    ['author', `{{${REVIEW_AUTHOR}}}`],
    ['year', `{${citation.date.slice(0, 4)}}`],
    ['date', `{${citation.date}}`],
    ['version', `{${citation.version}}`],
    ['url', `{${citation.url}}`],
    ['note', `{${note(citation)}}`],
  ];
  const key = `carnk-living-review-${citation.version}`;
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}

/** An RIS record of type DATA (a dataset); `DA` uses RIS's YYYY/MM/DD, and `ER  - ` keeps the trailing space the format defines. */
export function ris(citation: CitableVersion): string {
  const lines: [string, string][] = [
    ['TY', 'DATA'],
    ['TI', REVIEW_TITLE],
    ['AU', REVIEW_AUTHOR],
    ['PY', citation.date.slice(0, 4)],
    ['DA', citation.date.replaceAll('-', '/')],
    ['ET', citation.version],
    ['UR', citation.url],
    ['N1', note(citation)],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\n');
}

/** Highwire Press tags as `<meta name content>` pairs; Google Scholar wants dates as YYYY/MM/DD. */
export function highwireTags(citation: CitableVersion): { name: string; content: string }[] {
  const date = citation.date.replaceAll('-', '/');
  return [
    { name: 'citation_title', content: REVIEW_TITLE },
    { name: 'citation_author', content: REVIEW_AUTHOR },
    { name: 'citation_publication_date', content: date },
    { name: 'citation_online_date', content: date },
    { name: 'citation_public_url', content: citation.url },
  ];
}
