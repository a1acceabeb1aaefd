import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's layout block as [path, description] entries. An entry starts at column 0 with one
 * or more paths (`src/pages/ layouts/ components/`: later ones beside the first); indented lines
 * continue its description.
 */
function layoutEntries(): { path: string; description: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const block = /## Layout\s+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const entries: { path: string; description: string }[] = [];
  for (const line of block.split('\n').filter((l) => l.trim() !== '')) {
    if (/^\s/.test(line)) {
      entries.at(-1)!.description += ` ${line.trim()}`;
      continue;
    }
    const words = line.split(/\s+/);
    const paths: string[] = [];
    while (words.length > 0 && /[./]/.test(words[0]!) && /^[\w.][\w./-]*$/.test(words[0]!)) paths.push(words.shift()!);
    const parent = paths[0]!.replace(/[^/]+\/?$/, '');
    entries.push(...paths.map((path, i) => ({ path: i === 0 ? path : parent + path, description: words.join(' ') })));
  }
  return entries;
}

describe("the README's layout section", () => {
  const entries = layoutEntries();

  it('names paths that exist', () => {
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.map((e) => e.path).filter((path) => !existsSync(path))).toEqual([]);
  });

  // A name in a description is inside its entry (`schema/` under src/lib/) or at the top (`src/`).
  it('names subfolders and files in its descriptions that exist', () => {
    const missing = entries.flatMap(({ path, description }) =>
      [...description.matchAll(/(?<![\w/])([a-z][\w-]*\/|[a-z][\w-]*\.ts)(?=[\s,;)]|$)/g)]
        .map((m) => m[1]!)
        .filter((name) => !existsSync(join(path, name)) && !existsSync(name)),
    );
    expect(missing).toEqual([]);
  });

  it('lists the commands in scripts/ that exist', () => {
    const scripts = entries.find((e) => e.path === 'scripts/')!.description;
    const names = /command-line tools: ([^;]+);/.exec(scripts)![1]!.split(', ');
    expect(names.filter((name) => !existsSync(`scripts/${name.replace('-*', '-pool')}.ts`))).toEqual([]);
  });
});
