/**
 * Loads everything the judge learns from, as shipped (`bijak train`) and as measured (`bijak eval --writers`,
 * `--real`): bijak-posts, the project's own posts (training only), NusaX sentences as negatives, and the public
 * data sets that train the `pub_*` heads (optionally only a part of them, for held-out measurement).
 */
import { DEFAULT_IBROHIM, DEFAULT_NETIFIER, DEFAULT_NUSAX, type Example, loadIbrohim, loadNetifier, loadNusax } from './data.js';
import { JUDGE_DEFAULTS, type JudgeData, PUB_HATE_HEADS, PUB_HEADS, PUB_STACK_HATE, PUB_STACK_LABELS, prepareJudgeData } from './judge.js';
import { DEFAULT_BIJAK_POSTS, loadBijakPosts, loadProjectCases, type PostCase } from './writers.js';

/** Paths of the data sets (defaults: ../shared) and which public rows train the public heads. */
export interface JudgeDataOptions {
  posts?: string;
  ibrohim?: string;
  netifier?: string;
  nusax?: string;
  /** Root of the repository (the project's own posts are read from its tests/core). */
  root?: string;
  /** Keeps a public row for training the public heads (default: all). */
  pubPart?: (data: 'ibrohim' | 'netifier', index: number) => boolean;
}

/** The loaded data: featurised judge data, the bijak-posts cases (first in `data.cases`), the public sets and counts. */
export interface LoadedJudgeData {
  data: JudgeData;
  /** Number of bijak-posts cases at the start of `data.cases` (the project's training-only cases follow). */
  bijakPosts: number;
  ibrohim: Example[];
  netifier: Example[];
  counts: Record<string, number>;
}

/** Reads and featurises the judge's training data as configured in {@link JUDGE_DEFAULTS}; throws naming a bad file. */
export function loadJudgeData(o: JudgeDataOptions = {}): LoadedJudgeData {
  const J = JUDGE_DEFAULTS;
  const posts = loadBijakPosts(o.posts ?? DEFAULT_BIJAK_POSTS);
  const project: PostCase[] = J.projectCases ? loadProjectCases(o.root ?? '.') : [];
  const nusax = loadNusax('train', o.nusax ?? DEFAULT_NUSAX).filter((_, k) => k % J.nusaxEvery === 0);
  const ibrohim = loadIbrohim(o.ibrohim ?? DEFAULT_IBROHIM);
  const netifier = loadNetifier(o.netifier ?? DEFAULT_NETIFIER);
  const keep = o.pubPart ?? (() => true);
  const pubData = J.pubHeads ? { ibrohim: ibrohim.filter((_, k) => keep('ibrohim', k)), netifier: netifier.filter((_, k) => keep('netifier', k)) } : undefined;
  const stackCases: PostCase[] = [];
  if (pubData && J.pubStackEvery > 0)
    for (const name of ['ibrohim', 'netifier'] as const)
      pubData[name].forEach((e, index) => {
        if (index % J.pubStackEvery !== 0) return;
        const labels = (J.pubStackHate ? [...PUB_STACK_LABELS, ...PUB_STACK_HATE] : PUB_STACK_LABELS).filter((l) => l.data === name);
        stackCases.push({
          id: `${name}-${index}`,
          writer: `pub-${name}`,
          kind: 'post',
          text: e.text,
          expect: labels.filter((l) => e.labels[l.label] === 1).map((l) => l.category),
          trainOnly: true,
          stackOnly: labels.map((l) => l.category),
          pubRef: { data: name, index },
        });
      });
  const data = prepareJudgeData(posts.concat(project, stackCases), {
    features: J.features,
    negatives: nusax.map((r) => r.text),
    pubData,
    dropIdentityBigrams: J.dropIdentityBigrams,
    pubHeadList: J.pubHate ? [...PUB_HEADS, ...PUB_HATE_HEADS] : PUB_HEADS,
  });
  const counts = {
    bijakPosts: posts.length,
    projectPosts: project.length,
    nusax: nusax.length,
    ibrohim: pubData?.ibrohim.length ?? 0,
    netifier: pubData?.netifier.length ?? 0,
    publicStackPosts: stackCases.length,
  };
  return { data, bijakPosts: posts.length, ibrohim, netifier, counts };
}
