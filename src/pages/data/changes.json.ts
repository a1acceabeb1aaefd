import type { APIRoute } from 'astro';
import { getReview } from '../../queries/review.ts';
import { getChangeHistory } from '../../queries/releases.ts';
import { LICENCE_FIELD } from '../../lib/licence/licences.ts';
import { changesExportSchema, published } from '../../lib/schema/exports.ts';

/** `/data/changes.json`: every change between consecutive versions with its cause, newest first, checked against its published schema. */
export const GET: APIRoute = async () => {
  const history = getChangeHistory(await getReview());
  const changes = history.flatMap(({ evidence, registry }) => [...evidence, ...registry]);
  const body = published(changesExportSchema).parse({ license: LICENCE_FIELD, changes });
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
