import type { Io } from './command.ts';

/**
 * Run a command's `run(argv, io)` in-process and collect what it writes, shaped like spawnSync's
 * result (status, stdout, stderr) so a test reads the same whether the command was spawned or not.
 */
export async function runCaptured(
  run: (argv: string[], io: Io) => Promise<number>,
  argv: string[],
  { cwd = process.cwd(), env = process.env }: Partial<Pick<Io, 'cwd' | 'env'>> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
  });
  return { status, stdout, stderr };
}
