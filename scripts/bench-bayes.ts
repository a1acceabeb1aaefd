/**
 * `npm run bench:bayes`: CPU time of the Bayesian binomial-normal model (`bayesBinomialNormal`)
 * on simulated studies, printed as a table (the target is k = 50 in under 100 ms on an idle
 * machine). Each size runs a few times and the fastest is shown: the first run pays for
 * compilation, later ones show the steady cost a build or a reader's browser pays per outcome.
 */
import { positiveList } from '../src/lib/cli/usage.ts';
import { bayesBinomialNormal } from '../src/lib/pooling/bayes.ts';
import { runCommand } from './lib/command.ts';

const HELP = `usage: npm run bench:bayes -- [--sizes 1,5,20,50,200]

Times the Bayesian binomial-normal model on simulated studies (CPU ms, best of 5) and prints a table.`;

/** Deterministic studies: rates around 30 % with real heterogeneity (tau about 0.6), n from 10 to 60. */
function studies(k: number) {
  return Array.from({ length: k }, (_, i) => {
    const total = 10 + ((i * 37) % 51);
    const logit = -0.85 + 0.6 * Math.sin(i * 2.3);
    return { events: Math.round(total / (1 + Math.exp(-logit))), total };
  });
}

await runCommand({
  name: 'bench:bayes',
  help: HELP,
  options: { sizes: { type: 'string', default: '1,5,20,50,200' } },
  run(flags) {
    console.log('k\tbest ms\tmedian\t95% CrI\ttau median');
    for (const k of positiveList('sizes', flags.sizes)) {
      const data = studies(k);
      let best = Infinity;
      let result = bayesBinomialNormal(data, { threshold: 0.3 });
      for (let run = 0; run < 5; run++) {
        const start = process.cpuUsage();
        result = bayesBinomialNormal(data, { threshold: 0.3 });
        const used = process.cpuUsage(start);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      const { proportion, tau } = result;
      console.log(
        `${k}\t${best.toFixed(1)}\t${proportion.median.toFixed(3)}\t${proportion.cri.map((x) => x.toFixed(3)).join('-')}\t${tau.median.toFixed(3)}`,
      );
    }
    return 0;
  },
});
