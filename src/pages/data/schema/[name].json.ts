import type { APIRoute, GetStaticPaths } from 'astro';
import { z } from 'astro/zod';
import { trialSchema } from '../../../lib/schema/trial.ts';
import {
  changesExportSchema,
  outcomeExportSchema,
  published,
  reportingGapExportSchema,
  riskOfBiasExportSchema,
  survivalExportSchema,
} from '../../../lib/schema/exports.ts';

// JSON Schemas generated from the zod schemas the site itself validates with.
const SCHEMAS = {
  'trial.schema': trialSchema,
  'outcome.schema': published(outcomeExportSchema),
  'survival.schema': published(survivalExportSchema),
  'risk-of-bias.schema': published(riskOfBiasExportSchema),
  'reporting-gap.schema': published(reportingGapExportSchema),
  'changes.schema': published(changesExportSchema),
} as const;

export const getStaticPaths: GetStaticPaths = () => Object.keys(SCHEMAS).map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params }) => {
  const schema = SCHEMAS[params.name as keyof typeof SCHEMAS];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return new Response(JSON.stringify(json, null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
};
