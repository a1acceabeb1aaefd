import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Where the global setup builds the site from the real content (inside the project: astro needs that). */
export const SITE_DIR = resolve('tests/.out/site');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `npm run build`'s script as a contributor would, with its environment overridden. */
export function runBuild(env: Record<string, string>): BuildResult {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A built page, parsed; `path` as in the URL (`trials/NCT03056339/`). */
export function readPage(path: string, site = SITE_DIR): HTMLElement {
  const file = join(site, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page at ${path} (${file})`);
  return parse(readFileSync(file, 'utf8'));
}
