import { writeFileSync } from 'node:fs';
import { crossWriterVariants, JUDGE_DEFAULTS, judgeOptions } from '../src/ml/judge.js';
import { loadJudgeData } from '../src/ml/judge-data.js';
import { aggregate, writerTable } from '../src/ml/writers.js';

const over = process.env.OPT ? JSON.parse(process.env.OPT) : {};
const o = judgeOptions(42, over);
const gates = (process.env.GATES ?? '0,-1,-2,-3').split(',').map(Number);
JUDGE_DEFAULTS.projectCases = !!process.env.PROJ;
JUDGE_DEFAULTS.pubHeads = !!process.env.PUB;
JUDGE_DEFAULTS.pubStackEvery = Number(process.env.PSE ?? 0);
// DEF: JSON overrides of further JUDGE_DEFAULTS fields
Object.assign(JUDGE_DEFAULTS, process.env.DEF ? JSON.parse(process.env.DEF) : {});
const { data: d, bijakPosts } = loadJudgeData();
const posts = d.cases.slice(0, bijakPosts);
const t0 = Date.now();
const preds = crossWriterVariants(
  d,
  o,
  gates.map((g) => ({ ...(process.env.RO ? JSON.parse(process.env.RO) : {}), minHeadScore: g })),
  (s) => process.stderr.write(`${s} `),
);
gates.forEach((g, gi) => {
  const r = aggregate(posts, preds[gi]!.slice(0, posts.length));
  console.log(
    `## ${process.env.TAG ?? ''} gate ${g} ${process.env.PROJ ? 'PROJ ' : ''}${process.env.PUB ? 'PUB ' : ''}${process.env.PSE ? 'PSE' + process.env.PSE + ' ' : ''}${JSON.stringify(over)} ${((Date.now() - t0) / 1000).toFixed(0)}s macro ${(r.meanMacroF1 * 100).toFixed(1)} FA ${(r.meanBenignFalseAlarmRate * 100).toFixed(1)}%`,
  );
  if (process.env.FULL) console.log(writerTable(r));
  // DUMP=prefix writes each case's labels and predicted categories, for error analysis
  if (process.env.DUMP)
    writeFileSync(
      `${process.env.DUMP}-${g}.json`,
      JSON.stringify(posts.map((c, i) => ({ id: c.id, w: c.writer, kind: c.kind, text: c.text, y: c.expect, p: [...(preds[gi]?.[i] ?? [])] }))),
    );
});
