/**
 * How `npm run build` puts a site in place: never removing the old output before the
 * new one is there (also on another filesystem), leaving no scratch folder when
 * it is interrupted, and removing those a killed build left.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from './site.ts';

// A fixture with a seed row: the landscape page needs at least one.
const TRIALS = 'tests/fixtures/trials/hostile/html-in-fields';

describe('npm run build', () => {
  it('replaces an output folder on another filesystem, leaving nothing beside it', () => {
    // /dev/shm is a tmpfs: renaming into it from the project fails with EXDEV, so the build must copy.
    const parent = existsSync('/dev/shm') ? `/dev/shm/carnk-build-${process.pid}` : resolve('tests/.out/other-fs');
    const out = join(parent, 'site');
    rmSync(parent, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'old.txt'), 'previous build');
    // What a build killed outright (SIGKILL) leaves: its scratch and staged folders, under a process id that has ended.
    const killed = spawnSync(process.execPath, ['-e', '']).pid;
    const leftovers = [resolve('.tmp', `build-${killed}`), join(parent, `.site.new-${killed}`)];
    for (const dir of leftovers) mkdirSync(dir, { recursive: true });
    const result = runBuild({ CARNK_TRIALS_DIR: TRIALS, CARNK_OUT_DIR: out });
    expect(result.status, result.stderr).toBe(0);
    for (const dir of leftovers) expect(existsSync(dir)).toBe(false);
    expect(existsSync(join(out, 'old.txt'))).toBe(false);
    expect(readFileSync(join(out, 'trials/NCT00000003/index.html'), 'utf8')).toContain('NCT00000003');
    expect(readdirSync(parent)).toEqual(['site']);
    rmSync(parent, { recursive: true, force: true });
  });

  it('removes its scratch folder and keeps the old output when interrupted', async () => {
    const out = resolve('tests/.out/interrupted-build');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'old.txt'), 'previous build');
    const build = spawn(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, CARNK_TRIALS_DIR: TRIALS, CARNK_OUT_DIR: out },
      stdio: 'ignore',
    });
    const scratch = resolve('.tmp', `build-${build.pid}`);
    await expect.poll(() => existsSync(scratch), { timeout: 60_000, interval: 100 }).toBe(true);
    const exited = new Promise<number | null>((done) => build.on('exit', (code) => done(code)));
    build.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(existsSync(scratch)).toBe(false);
    expect(readdirSync(out)).toEqual(['old.txt']);
  });
});
