import type { Publication, PublicationType } from '../schema/trial.ts';

/** The persistent address of a publication: DOI first, then PubMed, then its URL. */
export function publicationHref(publication: Pick<Publication, 'doi' | 'pmid' | 'url'>): string | undefined {
  if (publication.doi) return `https://doi.org/${publication.doi}`;
  if (publication.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${publication.pmid}/`;
  return publication.url;
}

/** "doi:10.1056/NEJMoa1910607 · PMID 32023374" */
export function publicationIdentifiers(publication: Publication): string {
  return [publication.doi && `doi:${publication.doi}`, publication.pmid && `PMID ${publication.pmid}`].filter(Boolean).join(' · ');
}

/** A source as downloads and frozen versions carry it (schema/exports.ts); tier and address absent in older versions. */
export interface ExportedSource {
  citation: string;
  doi: string | null;
  pmid: string | null;
  url?: string | null;
  location: string;
  type?: PublicationType | null;
}

/** What a source link shows: first author and year, linked to the persistent address, the full citation on hover. */
export interface SourceLinkParts {
  href: string | undefined;
  title: string;
  label: string;
  location: string;
}

function linkLabel(citation: string, year: number | null, type: PublicationType | null | undefined): string {
  const author = citation.split(/[ ,.]/)[0];
  return `${year === null ? author : `${author} ${year}`}${type === 'conference-abstract' ? ' (abstract)' : ''}`;
}

/** The link to where a number was read, from the trial file's publication. */
export function citationLink({ publication, location }: { publication: Publication; location: string }): SourceLinkParts {
  return {
    href: publicationHref(publication),
    title: publication.citation,
    label: linkLabel(publication.citation, publication.year, publication.type),
    location,
  };
}

/** The same link from an exported source and the year of its publication (null: not known, the label names the author only). */
export function exportedSourceLink(source: ExportedSource, year: number | null): SourceLinkParts {
  const href = publicationHref({ doi: source.doi ?? undefined, pmid: source.pmid ?? undefined, url: source.url ?? undefined });
  return { href, title: source.citation, label: linkLabel(source.citation, year, source.type), location: source.location };
}
