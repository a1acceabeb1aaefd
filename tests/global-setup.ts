import { rmSync } from 'node:fs';
import { runBuild, SITE_DIR } from './build/site.ts';

/** Build the real site once for every build and browser test. */
export default function setup(): void {
  rmSync(SITE_DIR, { recursive: true, force: true });
  const result = runBuild({ CARNK_OUT_DIR: SITE_DIR });
  if (result.status !== 0) {
    throw new Error(`the site did not build:\n${result.stderr}\n${result.stdout.slice(-2000)}`);
  }
}
