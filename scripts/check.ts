/**
 * `npm run check [-- DIR]`: validate every trial file and the review's data files;
 * one line per problem (`file: field rule`), exit 1 if there is any.
 */
import { existsSync } from 'node:fs';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { UsageError } from '../src/lib/cli/usage.ts';
import { checkContent } from './lib/check-content.ts';
import { runCommand } from './lib/command.ts';

const HELP = `usage: npm run check [-- DIR]

Validates every trial file in DIR (default: CARNK_TRIALS_DIR, else ${TRIALS_DIR}) and, for the real
trials, the review's data files and frozen versions. Prints one line per problem: file: field rule,
and "warning: file: field rule" for what is accepted but worth a look.

Exit codes: 0 all valid; 1 content problems; 2 a usage error.`;

await runCommand({
  name: 'check',
  help: HELP,
  options: {},
  positionals: true,
  run(_flags, positionals) {
    if (positionals.length > 1) throw new UsageError('give at most one folder (see --help)');
    const dir = positionals[0] ?? process.env.CARNK_TRIALS_DIR ?? TRIALS_DIR;
    if (!existsSync(dir)) throw new UsageError(`${dir} does not exist`);
    const { trialCount, errors, warnings } = checkContent(dir);
    for (const line of warnings) console.error(`warning: ${line}`);
    for (const line of errors) console.error(line);
    if (errors.length > 0) {
      console.error(`check: ${errors.length} problem(s) in ${dir}`);
      return 1;
    }
    console.log(`check: ${trialCount} trial files valid`);
    return 0;
  },
});
