/**
 * Survival as its pages render it, live or frozen: the public export shape (schema/exports.ts)
 * with each source's evidence tier and publication year nullable, for versions frozen before
 * they were recorded (frozen-outcome.ts lifts those).
 */
import type { SurvivalExport } from '../../schema/exports.ts';
import type { PublicationType } from '../../schema/trial.ts';

type EstimateExport = SurvivalExport['estimates'][number];

/** An estimate row; tier and year are null where a version did not record them and they could not be read back. */
export type SurvivalEstimateView = Omit<EstimateExport, 'source' | 'year'> & {
  source: Omit<EstimateExport['source'], 'type'> & { type: PublicationType | null };
  year: number | null;
};

export type SurvivalView = Omit<SurvivalExport, 'estimates'> & { estimates: SurvivalEstimateView[] };
