/**
 * The static checks hold and can fail: npm test runs lint (zero warnings allowed) and the
 * format check, and the lint rules the architecture depends on fire on code that breaks them
 * (src/lib pure and in floors, browser code in src/client, pages and components joining by id).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../json.ts';

// The code linted here is in no file of the project, so the type-aware rules cannot see it; the
// rules under test (boundaries, joins by id) read the syntax alone.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
/** The rules that fire on `code` as if it were the file at `filePath`. */
async function rulesFired(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId);
}

describe('npm test', () => {
  it('runs lint with zero warnings allowed and the format check, before the tests', () => {
    expect(parseJson<{ scripts: Record<string, string> }>(readFileSync('package.json', 'utf8')).scripts.lint).toMatch(/--max-warnings 0\b/);
    const help = spawnSync(process.execPath, ['scripts/test.ts', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Runs npm run lint and npm run format:check');
  });
});

describe('the import-boundary rule', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'Node I/O'],
    ["import { getReview } from '../queries/review.ts';", 'the query layer'],
    ["import Base from '../layouts/Base.astro';", 'a layout'],
    ["import { loadSearch } from '../../scripts/lib/review-files.ts';", 'the commands'],
    ["import { getCollection } from 'astro:content';", 'an astro: virtual module'],
  ])('keeps %s out of src/lib (%s)', async (line) => {
    expect(await rulesFired('src/lib/review/example.ts', `${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('lets src/lib import its own modules and plain packages', async () => {
    expect(await rulesFired('src/lib/review/example.ts', "import { analyse } from '../pooling/analyse.ts';\nexport const x = analyse;\n")).toEqual(
      [],
    );
  });

  it.each([
    ['src/lib/format/example.ts', "import type { Estimate } from '../review/analyses/decided-estimate.ts';\nexport type X = Estimate;\n"],
    ['src/lib/schema/example.ts', "import type { Review } from '../review/model/build-review.ts';\nexport type X = Review;\n"],
    [
      'src/lib/certainty/example.ts',
      "import type { BinaryOutcomeAnalysis } from '../review/analyses/analyses.ts';\nexport type X = BinaryOutcomeAnalysis;\n",
    ],
    ['src/lib/vocabulary/example.ts', "import { THRESHOLDS } from '../rules/thresholds.ts';\nexport const x = THRESHOLDS;\n"],
    ['src/lib/pooling/example.ts', "import { trialSchema } from '../schema/trial.ts';\nexport const x = trialSchema;\n"],
  ])('keeps imports from running up the floors of src/lib (%s)', async (filePath, code) => {
    expect(await rulesFired(filePath, code)).toContain('no-restricted-imports');
  });

  it.each([
    [
      'src/lib/review/example.ts',
      "import { summaryOfFindings } from './summary-of-findings.ts';\nimport { rateCertainty } from '../certainty/rate.ts';\nexport const x = [summaryOfFindings, rateCertainty];\n",
    ],
    ['src/lib/certainty/example.ts', "import { CERTAINTY_RULES } from '../rules/thresholds.ts';\nexport const x = CERTAINTY_RULES;\n"],
    ['src/lib/schema/example.ts', "import { OUTCOME_KEYS } from '../vocabulary/outcomes.ts';\nexport const x = OUTCOME_KEYS;\n"],
  ])('lets a floor of src/lib import its own folder and the floors below (%s)', async (filePath, code) => {
    expect(await rulesFired(filePath, code)).toEqual([]);
  });

  it('keeps browser globals out of build-time code and Node modules out of browser code', async () => {
    expect(await rulesFired('src/lib/format/example.ts', 'export const w = window.innerWidth;\n')).toContain('no-restricted-globals');
    expect(await rulesFired('src/client/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toContain(
      'no-restricted-imports',
    );
  });
});

describe('joining by id in pages and components', () => {
  const RULE = 'review/no-position-join';

  it('rejects a row paired with a result by array position, whatever the index is called', async () => {
    const code = 'const rows = [1];\nconst results = [2];\nexport const x = rows.map((row, i) => row + results[i]!);\n';
    expect(await rulesFired('src/pages/example.ts', code)).toContain(RULE);
    const renamed = 'const rows = [1];\nconst results = [2];\nexport const x = rows.map((row, position) => row + results[position]!);\n';
    expect(await rulesFired('src/pages/example.ts', renamed)).toContain(RULE);
    const reduce = 'const rows = [1];\nconst results = [2];\nexport const x = rows.reduce((sum, row, k) => sum + row + results[k]!, 0);\n';
    expect(await rulesFired('src/pages/example.ts', reduce)).toContain(RULE);
    const loop =
      'const rows = [1];\nconst results = [2];\nlet x = 0;\nfor (let n = 0; n < rows.length; n++) x += rows[n]! + results[n]!;\nexport { x };\n';
    expect(await rulesFired('src/pages/example.ts', loop)).toContain(RULE);
    const template = '---\nconst rows = [1];\nconst results = [2];\n---\n<ul>{rows.map((row, index) => <li>{row} {results[index]}</li>)}</ul>\n';
    expect(await rulesFired('src/components/Example.astro', template)).toContain(RULE);
  });

  it('accepts a join by id, a key that is the element itself, and positions within one array', async () => {
    const byId =
      "const rows = [{ id: 'a' }];\nconst results = [{ study: 'a' }];\nexport const x = rows.map((row) => results.find((r) => r.study === row.id));\n";
    expect(await rulesFired('src/components/example.ts', byId)).toEqual([]);
    const counts =
      "const codes = ['a'];\nexport const x = codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});\n";
    expect(await rulesFired('src/components/example.ts', counts)).toEqual([]);
    const neighbours = 'const rows = [1, 2];\nexport const x = rows.map((row, i, all) => row - (all[i - 1] ?? row) + rows[i]!);\n';
    expect(await rulesFired('src/components/example.ts', neighbours)).toEqual([]);
    const loop = 'const rows = [1];\nlet x = 0;\nfor (let n = 0; n < rows.length; n++) x += rows[n]!;\nexport { x };\n';
    expect(await rulesFired('src/components/example.ts', loop)).toEqual([]);
  });
});

describe('a fresh clone', () => {
  it('is checked clean right after the install, in CI and in .ci/run', () => {
    const workflow = readFileSync('.github/workflows/ci.yml', 'utf8');
    const install = workflow.indexOf('npm install --no-audit --no-fund');
    expect(install).toBeGreaterThan(0);
    expect(workflow.indexOf('git status --porcelain', install)).toBeGreaterThan(install);
    expect(workflow.indexOf('git status --porcelain')).toBeLessThan(workflow.indexOf('run: npm test'));
    const script = readFileSync('.ci/run', 'utf8');
    expect(script.indexOf('git status --porcelain')).toBeGreaterThan(script.indexOf('npm install --no-audit --no-fund'));
    expect(script.indexOf('git status --porcelain')).toBeLessThan(script.lastIndexOf('npm test'));
  });
});
