import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRunning, removeStaleScratch } from './stale-builds.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'stale-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scratch folders of killed builds', () => {
  it('are removed when their build no longer runs; a running build, the log and other names are kept', () => {
    for (const name of ['build-101', 'build-202', 'build-error.log', 'build-', 'build-12x', 'builder-303', '.dist.new-404', '.dist.old-505'])
      mkdirSync(join(dir, name));
    writeFileSync(join(dir, 'build-101', 'index.html'), '<p>half a site</p>');
    const running = (pid: number) => pid === 202;
    expect(removeStaleScratch(dir, ['build-'], running).toSorted()).toEqual(['build-101']);
    expect(removeStaleScratch(dir, ['.dist.new-', '.dist.old-'], running).toSorted()).toEqual(['.dist.new-404', '.dist.old-505']);
    expect(readdirSync(dir).toSorted()).toEqual(['build-', 'build-12x', 'build-202', 'build-error.log', 'builder-303']);
  });

  it('tell a running process from one that ended', () => {
    expect(isRunning(process.pid)).toBe(true);
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    expect(isRunning(ended)).toBe(false);
  });

  it('leave a missing folder alone', () => {
    expect(removeStaleScratch(join(dir, 'none'), ['build-'])).toEqual([]);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});
