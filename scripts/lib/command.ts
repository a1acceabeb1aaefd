/**
 * The one shape of every `npm run` command: options parsed with node:util parseArgs, `--help`
 * printing the usage and exit codes, and one error convention: `<command>: <message>` on stderr,
 * exit 2 for a usage problem (UsageError), 1 for anything else (content problems, failed tools).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { EXIT, parseArgsMessage, UsageError } from '../../src/lib/cli/usage.ts';
import { printable } from '../../src/lib/format/printable.ts';

export { UsageError } from '../../src/lib/cli/usage.ts';

export type Flags<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

export interface Command<O extends ParseArgsOptionsConfig> {
  /** As typed after `npm run`, e.g. `sync:ctgov`; starts every error line. */
  name: string;
  /** Usage, options and exit codes, printed by `--help`. */
  help: string;
  options: O;
  /** Whether the command takes positional arguments (the rest are refused). */
  positionals?: boolean;
  /** Does the work; returns the exit code, or throws (UsageError: exit 2; anything else: exit 1). */
  run(flags: Flags<O>, positionals: string[]): number | Promise<number>;
}

/** Parse the command line, run the command, and set the exit code; never prints a stack trace. */
export async function runCommand<O extends ParseArgsOptionsConfig>(command: Command<O>, argv = process.argv.slice(2)): Promise<void> {
  const fail = (message: string, code: number) => {
    // A message can quote a file's content: control characters are shown, never sent to the terminal.
    console.error(printable(`${command.name}: ${message}`));
    process.exitCode = code;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(parseArgsMessage(error), EXIT.usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(command.help);
    return;
  }
  if (!command.positionals && parsed.positionals.length > 0) return fail(`unexpected argument ${parsed.positionals[0]} (see --help)`, EXIT.usage);
  try {
    // Exit codes are set, not forced with process.exit, so piped output is flushed before Node exits.
    process.exitCode = await command.run(parsed.values as Flags<O>, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, EXIT.usage);
    fail(error instanceof Error ? error.message.split('\n')[0]! : String(error), EXIT.content);
  }
}
