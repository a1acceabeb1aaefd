import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { loadTrials } from './queries/trial-files.ts';
import { TRIALS_DIR } from './lib/content-paths.ts';
import { trialSchema } from './lib/schema/trial.ts';

/**
 * Trial files are data from outside contributors: they are read by the one reader
 * (YAML frontmatter, narrative parsed into a checked syntax tree) and the narrative is
 * rendered from that tree. Nothing in the trials folder is ever compiled or imported,
 * so no trial file can run code in the build.
 * CARNK_TRIALS_DIR lets build tests and benchmarks build a site from another set of trial files.
 */
const trialFiles: Loader = {
  name: 'trial-files',
  // parseData and generateDigest are called on their context, not detached from it.
  async load(context) {
    const { store } = context;
    const { trials, errors } = loadTrials(process.env.CARNK_TRIALS_DIR ?? TRIALS_DIR);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    store.clear();
    for (const { trial, data, body, html } of trials) {
      store.set({
        id: trial.nct,
        data: await context.parseData({ id: trial.nct, data }),
        body,
        rendered: { html },
        digest: context.generateDigest(html + JSON.stringify(data)),
      });
    }
  },
};

const trials = defineCollection({ loader: trialFiles, schema: trialSchema });

export const collections = { trials };
