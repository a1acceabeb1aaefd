/**
 * No circles among the modules: each module of src/ (and the commands' shared code) can be read
 * and tested on top of what it imports, type-only imports included. The lint rule keeps
 * imports from running up the floors of src/lib; this catches a circle inside one folder too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/lib', 'src/queries', 'src/client', 'scripts/lib'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+\.ts)'/g;

function modules(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
      .map((path) => join(root, path)),
  );
}

/** Each module's relative imports, as paths from the repository root. */
function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => normalize(join(dirname(file), m[1]!)))]));
}

/** Every circle, as the path that closes it (depth-first search, each module entered once). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, stack: string[]) => {
    const at = stack.indexOf(file);
    if (at >= 0) return void found.push([...stack.slice(at), file]);
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...stack, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe('the import graph', () => {
  it('finds a circle where there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('reads type-only and re-exporting imports', () => {
    const graph = importGraph(['src/lib/pooling/index.ts', 'src/lib/pooling/types.ts']);
    expect(graph.get('src/lib/pooling/index.ts')).toContain('src/lib/pooling/types.ts');
    expect(graph.get('src/lib/pooling/types.ts')).toContain('src/lib/vocabulary/codes.ts');
  });

  it('has no circle among the modules of src/ and the commands', () => {
    expect(circles(importGraph(modules())).map((circle) => circle.join(' -> '))).toEqual([]);
  });
});
