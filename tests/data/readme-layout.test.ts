import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's layout block as [path, description] entries. An entry starts at column 0 with one
 * or more paths (`src/pages/ layouts/ components/`: later ones beside the first; `LICENSE, LICENSE-DATA`); indented lines
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
    // A path has a dot or a slash; an upper-case file name such as LICENSE counts only first or after
    // a comma (`LICENSE, LICENSE-DATA`), so an acronym opening a description (GRADE, MIT) does not.
    let listed = true;
    const isPath = (word: string) => /^[\w.][\w./-]*,?$/.test(word) && (/[./]/.test(word) || (listed && /^[A-Z][A-Z-]*,?$/.test(word)));
    while (words.length > 0 && isPath(words[0]!)) {
      listed = words[0]!.endsWith(',');
      paths.push(words.shift()!.replace(/,$/, ''));
    }
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
