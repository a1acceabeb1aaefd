/**
 * Where the review's content lives, relative to the repository root: the one place these
 * paths are spelled. Commands, the site's reads and the tests import them from here.
 */
export const CONTENT_DIR = 'content';
/** One `<NCT id>.mdx` per trial. */
export const TRIALS_DIR = `${CONTENT_DIR}/trials`;
/** The literature search as data; PRISMA is drawn from it. */
export const SEARCH_FILE = `${CONTENT_DIR}/search.yaml`;
/** The seed paper's pooled figures as printed. */
export const SEED_CLAIMS_FILE = `${CONTENT_DIR}/seed-claims.yaml`;
/** GRADE judgements (indirectness, publication bias) per outcome. */
export const CERTAINTY_FILE = `${CONTENT_DIR}/certainty.yaml`;
/** Decision thresholds: the comparator rate per outcome and population, with its source. */
export const THRESHOLDS_FILE = `${CONTENT_DIR}/thresholds.yaml`;
/** Frozen, citable snapshots written by `npm run release`. */
export const RELEASES_DIR = `${CONTENT_DIR}/releases`;
