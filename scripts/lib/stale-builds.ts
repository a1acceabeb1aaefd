import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process with this id is running (signal 0 tests, sends nothing). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the scratch folders in `dir` named a prefix then the id of a build process that no
 * longer runs (`build-1234`): what a killed build (SIGKILL, out of memory, power) left behind.
 * A build still running keeps its own. Returns the names removed.
 */
export function removeStaleScratch(dir: string, prefixes: string[], running: (pid: number) => boolean = isRunning): string[] {
  if (!existsSync(dir)) return [];
  const stale = readdirSync(dir).filter((name) => {
    const prefix = prefixes.find((p) => name.startsWith(p));
    const id = prefix === undefined ? '' : name.slice(prefix.length);
    return /^[1-9]\d*$/.test(id) && Number(id) !== process.pid && !running(Number(id));
  });
  for (const name of stale) rmSync(join(dir, name), { recursive: true, force: true });
  return stale;
}
