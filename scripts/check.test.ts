import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (dir: string) => spawnSync(process.execPath, ['scripts/check.ts', dir], { encoding: 'utf8' });

describe('npm run check', () => {
  it('exits 0 and counts the files when all are valid', () => {
    const result = check('tests/fixtures/trials/valid');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('check: 2 trial files valid');
  });

  it('exits 1 with one line per problem and a count', () => {
    const result = check('tests/fixtures/trials/invalid/misnamed-copy');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'tests/fixtures/trials/invalid/misnamed-copy/NCT00000001-copy.mdx: file name must be an NCT id and .mdx (NCT followed by 8 digits), like NCT01234567.mdx',
      'check: 1 problem(s) in tests/fixtures/trials/invalid/misnamed-copy',
    ]);
  });
});
