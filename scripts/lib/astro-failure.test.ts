import { describe, expect, it } from 'vitest';
import { astroFailure } from './astro-failure.ts';

describe('astroFailure', () => {
  it("keeps the first error's message and drops its stack trace", () => {
    const stderr = [
      '02:52:16 [WARN] [vite] a warning',
      "02:52:16 [ERROR] TypeError: Cannot destructure property 'seed' of 'trial' as it is undefined.",
      '    at seedComparison (file:///x/.prerender/chunks/seed-comparison.mjs:16:10)',
      "02:52:16 [ERROR] [build] Caught error rendering /landscape: TypeError: Cannot destructure property 'seed'",
      '  Stack trace:',
      '    at seedComparison (file:///x.mjs:16:10)',
    ].join('\n');
    expect(astroFailure(stderr)).toBe("TypeError: Cannot destructure property 'seed' of 'trial' as it is undefined.");
  });

  it('joins a message of several lines into one', () => {
    const stderr =
      '10:00:00 [ERROR] [build] frozen versions are broken\ncontent/releases/x.json: counts.trials must not be negative\n    at read (file:///y.mjs:1:1)\n';
    expect(astroFailure(stderr)).toBe('frozen versions are broken; content/releases/x.json: counts.trials must not be negative');
  });

  it('reads a message Astro printed without a log prefix, up to its location', () => {
    const stderr =
      'frozen versions are broken:\n/x/2026-11-29.json: counts.trialsInReview must not be negative\n  Location:\n    /x/route-cache.js:32:27\n';
    expect(astroFailure(stderr)).toBe('frozen versions are broken: /x/2026-11-29.json: counts.trialsInReview must not be negative');
    expect(astroFailure('\nError: out of memory\n    at x (y:1:1)\n')).toBe('Error: out of memory');
    expect(astroFailure('')).toBe('no error message');
  });
});
