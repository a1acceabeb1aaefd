import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { TRIALS_DIR } from './lib/content-paths.ts';
import { trialSchema } from './lib/schema/trial.ts';

// CARNK_TRIALS_DIR lets build tests and benchmarks build a site from another set of trial files.
const trials = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.CARNK_TRIALS_DIR ?? TRIALS_DIR }),
  schema: trialSchema,
});

export const collections = { trials };
