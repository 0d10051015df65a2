/**
 * The cross-writer protocol for several run-time gates at once (`minHeadScore`): one training per fold, then one
 * checker per gate. Settings come from the environment: OPT (JSON overrides of the judge options), GATES (comma list),
 * PROJ=1 (project posts), PUB=1 (pub heads), PSE=k (every k-th public post in the stackers), PSL (categories of
 * PUB_STACK_LABELS to keep), PUBX (categories whose pub heads to drop), FULL=1 (print the whole table), TAG.
 * Run: PROJ=1 PUB=1 PSE=4 GATES=-1,-2 OPT='{"faBudget":0.02}' npx tsx scripts/judge-gates.ts
 */
import { type Category, createChecker, DEFAULT_POLICY } from '../src/core/index.js';
import { modelRules } from '../src/core/model/rules.js';
import { fitHeads, JUDGE_DEFAULTS, judgeModel, judgeOptions, trainJudge } from '../src/ml/judge.js';
import { loadJudgeData } from '../src/ml/judge-data.js';
import { aggregate, inputOf, predicted, writerTable } from '../src/ml/writers.js';

const over = process.env.OPT ? JSON.parse(process.env.OPT) : {};
const o = judgeOptions(42, over);
const gates = (process.env.GATES ?? '0,-1,-2,-3').split(',').map(Number);
JUDGE_DEFAULTS.projectCases = !!process.env.PROJ;
JUDGE_DEFAULTS.pubHeads = !!process.env.PUB;
JUDGE_DEFAULTS.pubStackEvery = Number(process.env.PSE ?? 0);
const { data: d, bijakPosts } = loadJudgeData();
const posts = d.cases.slice(0, bijakPosts);
const t0 = Date.now();
const preds = gates.map(() => d.cases.map(() => new Set<Category>()));
const writers = [...new Set(d.cases.filter((c) => !c.trainOnly).map((c) => c.writer))];
for (const w of writers) {
  const train = d.cases.flatMap((c, i) => (c.writer !== w ? [i] : []));
  const judge = trainJudge(
    d,
    train,
    o,
    fitHeads(
      d,
      train.filter((i) => d.cases[i]!.kind === 'post'),
      o,
    ),
  );
  gates.forEach((g, gi) => {
    const checker = createChecker(DEFAULT_POLICY, { extraRules: modelRules(judgeModel(judge, o.features), { minHeadScore: g }) });
    d.cases.forEach((c, i) => {
      if (c.writer === w) preds[gi]![i] = predicted(checker.check(inputOf(c)));
    });
  });
  process.stderr.write(`${w} `);
}
gates.forEach((g, gi) => {
  const r = aggregate(posts, preds[gi]!.slice(0, posts.length));
  console.log(
    `## ${process.env.TAG ?? ''} gate ${g} ${process.env.PROJ ? 'PROJ ' : ''}${process.env.PUB ? 'PUB ' : ''}${process.env.PSE ? 'PSE' + process.env.PSE + ' ' : ''}${JSON.stringify(over)} ${((Date.now() - t0) / 1000).toFixed(0)}s macro ${(r.meanMacroF1 * 100).toFixed(1)} FA ${(r.meanBenignFalseAlarmRate * 100).toFixed(1)}%`,
  );
  if (process.env.FULL) console.log(writerTable(r));
});
