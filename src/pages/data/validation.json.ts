import type { APIRoute } from 'astro';
import { getValidation } from '../../queries/validation.ts';
import { LICENCE_FIELD } from '../../lib/licence/licences.ts';
import { TOLERANCE } from '../../lib/pooling/conformance.ts';

/** `/data/validation.json`: every metafor reference case with the engine's largest relative deviation from it. */
export const GET: APIRoute = () => {
  const { R, metafor, cases } = getValidation();
  const body = { license: LICENCE_FIELD, R, metafor, tolerance: TOLERANCE, cases };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
