// Astro's log lines start with a clock time and a level: `02:52:16 [ERROR] [build] message`.
const LOG_LINE = /^\d{2}:\d{2}:\d{2} \[(\w+)\] (?:\[[\w:@/.-]+\] )?/;
// Where a message ends: the stack trace, or Astro's pointer into its own compiled code.
const TRACE_LINE = /^\s+at |^\s*(Stack trace|Location):/;

/**
 * The first error of a failed `astro build`, as one line: its message (a message of several
 * lines joined with "; ") without the stack trace, which names compiled chunks, not our files.
 */
export function astroFailure(stderr: string): string {
  const lines = stderr.split(/\r?\n/);
  let start = lines.findIndex((line) => LOG_LINE.exec(line)?.[1] === 'ERROR');
  if (start < 0) start = lines.findIndex((line) => line.trim() !== '' && !TRACE_LINE.test(line));
  if (start < 0) return 'no error message';
  let message = lines[start]!.replace(LOG_LINE, '').trim();
  for (const line of lines.slice(start + 1)) {
    if (TRACE_LINE.test(line) || LOG_LINE.test(line)) break;
    if (line.trim() !== '') message += `${message.endsWith(':') ? ' ' : '; '}${line.trim()}`;
  }
  return message;
}
