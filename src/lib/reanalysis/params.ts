/**
 * The URL parameters a re-analysis is read from; any of them in a page's address opens the
 * re-analysis panel. Its own module: the loader every outcome page runs needs only this.
 */
export const STATE_PARAMS = ['exclude', 'model', 'hakn', 'measure', 'tiers', 'rob', 'tauPrior', 'threshold'] as const;
