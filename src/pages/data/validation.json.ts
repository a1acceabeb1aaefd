import type { APIRoute } from 'astro';
import { getValidation, REGENERATE } from '../../queries/validation.ts';
import { LICENCE_FIELD } from '../../lib/licence/licences.ts';
import { GLMM_ABSOLUTE_FLOOR, TOLERANCE, TOLERANCE_REASONS } from '../../lib/pooling/conformance.ts';

/** `/data/validation.json`: every metafor reference case with the engine's largest relative deviation from it. */
export const GET: APIRoute = () => {
  const { R, metafor, lme4, cases } = getValidation();
  const body = {
    license: LICENCE_FIELD,
    R,
    metafor,
    lme4,
    tolerance: { ...TOLERANCE, absoluteFloorGLMM: GLMM_ABSOLUTE_FLOOR },
    toleranceReasons: TOLERANCE_REASONS,
    regenerate: REGENERATE,
    cases,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
