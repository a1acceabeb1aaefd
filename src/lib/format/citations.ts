import type { Publication } from '../schema/trial.ts';

/** The persistent address of a publication: DOI first, then PubMed, then its URL. */
export function publicationHref(publication: Publication): string | undefined {
  if (publication.doi) return `https://doi.org/${publication.doi}`;
  if (publication.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${publication.pmid}/`;
  return publication.url;
}

/** "doi:10.1056/NEJMoa1910607 · PMID 32023374" */
export function publicationIdentifiers(publication: Publication): string {
  return [publication.doi && `doi:${publication.doi}`, publication.pmid && `PMID ${publication.pmid}`].filter(Boolean).join(' · ');
}
