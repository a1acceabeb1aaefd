/**
 * `npm run check [-- DIR]`: validate every trial file and the review's data files;
 * one line per problem (`file: field rule`), exit 1 if there is any.
 */
import { checkContent } from './lib/check-content.ts';
import { DEFAULT_TRIALS_DIR } from './lib/trial-files.ts';

const dir = process.argv[2] ?? process.env.CARNK_TRIALS_DIR ?? DEFAULT_TRIALS_DIR;
const { trialCount, errors } = checkContent(dir);
for (const line of errors) console.error(line);
if (errors.length > 0) {
  console.error(`check: ${errors.length} problem(s) in ${dir}`);
  process.exit(1);
}
console.log(`check: ${trialCount} trial files valid`);
