import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticTrialFiles } from '../../scripts/lib/synthetic-trials.ts';
import { readPage, runBuild } from './site.ts';

// Measured on two shared cores: 100 trials build in 20–45 s, 1,000 in about 60 s (114 MB, 1,026 pages).
// The second would double the site layer's build time, so the model of 1,000 is tested without Astro
// in tests/scale/generated-content.test.ts (about 10 s) and the full build timed by `npm run bench:build`.
describe('a build from 100 generated trials', () => {
  const trialsDir = resolve('tests/.out/generated-trials');
  const out = resolve('tests/.out/generated-site');

  it('succeeds, with a page per trial and the seed tables empty rather than broken', () => {
    rmSync(trialsDir, { recursive: true, force: true });
    mkdirSync(trialsDir, { recursive: true });
    const files = syntheticTrialFiles(100);
    for (const file of files) writeFileSync(join(trialsDir, file.name), file.text);
    const result = runBuild({ CARNK_TRIALS_DIR: trialsDir, CARNK_OUT_DIR: out });
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.status).toBe(0);
    expect(readdirSync(join(out, 'trials')).filter((name) => name.startsWith('NCT9'))).toHaveLength(100);
    expect(readPage('landscape/', out).querySelectorAll('[data-seed-table-9] tbody tr')).toHaveLength(0);
    expect(readPage('trials/', out).querySelectorAll('#trials-table tbody tr')).toHaveLength(100);
  });
});
