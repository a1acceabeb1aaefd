import type { InterimOutcomeExport, LegacyOutcomeExport, LegacySurvivalExport } from '../src/lib/schema/exports.ts';
import type { FrozenTrial, Release } from '../src/lib/schema/release.ts';
import type { Trial } from '../src/lib/schema/trial.ts';
import { readJson } from './json.ts';

/**
 * A committed version as written (content/releases/), with the outcome shape of its time. Both were
 * frozen before evidence tiers (the legacy survival shape); their trials carry the frontmatter's population and extraction.
 */
export type WrittenRelease<Outcome> = Omit<Release, 'outcomes' | 'survival' | 'trials'> & {
  outcomes: Outcome[];
  survival: LegacySurvivalExport[];
  trials: (FrozenTrial & Pick<Trial, 'population' | 'extraction'>)[];
};

/** 2026-11-29, frozen before the rules of inference: the legacy outcome shape (`file`: a copy of it). */
export const legacyRelease = (file = 'content/releases/2026-11-29.json') => readJson<WrittenRelease<LegacyOutcomeExport>>(file);

/** 2026-12-02, after the rules of inference and before evidence tiers: the interim outcome shape. */
export const interimRelease = () => readJson<WrittenRelease<InterimOutcomeExport>>('content/releases/2026-12-02.json');
