/**
 * The one shape of every `npm run` command: options parsed with node:util parseArgs, `--help`
 * printing the usage and exit codes, and one error convention: `<command>: <message>` on stderr,
 * exit 2 for a usage problem (UsageError), 1 for anything else (content problems, failed tools).
 * A command module exports `run(argv, io)`, which returns the exit code and writes only to `io`, so
 * tests call it in-process; the module runs itself only as the entry point (`import.meta.main`).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { EXIT, parseArgsMessage, UsageError } from '../../src/lib/cli/usage.ts';
import { printable } from '../../src/lib/format/printable.ts';

export { UsageError } from '../../src/lib/cli/usage.ts';

export type Flags<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

/** Where a command writes (process.stdout and process.stderr fit), and the folder and environment it runs in. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const writeLine = (writer: Io['stdout'], line: string) => writer.write(`${line}\n`);

export interface Command<O extends ParseArgsOptionsConfig> {
  /** As typed after `npm run`, e.g. `sync:ctgov`; starts every error line. */
  name: string;
  /** Usage, options and exit codes, printed by `--help`. */
  help: string;
  options: O;
  /** Whether the command takes positional arguments (the rest are refused). */
  positionals?: boolean;
  /** Does the work; returns the exit code, or throws (UsageError: exit 2; anything else: exit 1). */
  run(flags: Flags<O>, positionals: string[], io: Io): number | Promise<number>;
}

/** Parse the command line and run the command; returns the exit code and never prints a stack trace. */
export async function runCommand<O extends ParseArgsOptionsConfig>(command: Command<O>, argv: string[], io: Io): Promise<number> {
  const fail = (message: string, code: number) => {
    // A message can quote a file's content: control characters are shown, never sent to the terminal.
    writeLine(io.stderr, printable(`${command.name}: ${message}`));
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(parseArgsMessage(error), EXIT.usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(`${command.help}\n`);
    return 0;
  }
  if (!command.positionals && parsed.positionals.length > 0) return fail(`unexpected argument ${parsed.positionals[0]} (see --help)`, EXIT.usage);
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, EXIT.usage);
    return fail(error instanceof Error ? error.message.split('\n')[0]! : String(error), EXIT.content);
  }
}

/** Run a command module as the process: the command line's arguments, the terminal, and the exit code. */
export async function main(run: (argv: string[], io: Io) => Promise<number>): Promise<void> {
  // Exit codes are set, not forced with process.exit, so piped output is flushed before Node exits.
  process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
}
