/**
 * Bias suite (Dixon et al. 2018; conversationai/perspectiveapi#22): neutral
 * and friendly sentences naming people and groups must stay clean, whichever
 * name or group fills the slot. The whole checker runs (rules + the shipped
 * model), as the CLI, server, audit and extension run it.
 */
import { describe, expect, it } from 'vitest';
import { getChecker } from '../../src/host/checker.js';
import { biasSentences, GROUP_TEMPLATES, GROUPS, PERSON_TEMPLATES, PERSONS } from './identity-terms.js';

describe('names and identities are never evidence', () => {
  const checker = getChecker();
  const sentences = biasSentences();
  const flagged = sentences.filter((s) => checker.check({ text: s.text }).some((f) => f.severity !== 'info'));

  it('covers every filler in every template', () => {
    expect(sentences).toHaveLength(PERSON_TEMPLATES.length * PERSONS.length + GROUP_TEMPLATES.length * GROUPS.length);
  });

  it('flags at most 1% of the neutral sentences', () => {
    const rate = flagged.length / sentences.length;
    expect(rate, flagged.map((s) => s.text).join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('flags at most 1% of the same sentences in lower case, as tweets are often written', () => {
    const lower = sentences.map((x) => x.text.toLowerCase());
    const hits = lower.filter((text) => checker.check({ text }).some((f) => f.severity !== 'info'));
    expect(hits.length / lower.length, hits.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('flags no name or group in more than two templates', () => {
    const perFiller = new Map<string, number>();
    for (const s of flagged) perFiller.set(s.filler, (perFiller.get(s.filler) ?? 0) + 1);
    const worst = [...perFiller.entries()].filter(([, n]) => n > 2);
    expect(worst).toEqual([]);
  });

  it('still flags hostility aimed at a group and an explicit call to violence', () => {
    const cats = (text: string) => checker.check({ text }).map((f) => f.category);
    expect(cats('Dasar Cina kafir, usir saja mereka dari negeri ini')).toContain('hate-speech');
    expect(cats('Bakar saja gereja mereka malam ini, jangan kasih ampun')).toEqual(expect.arrayContaining([expect.stringMatching(/hate-speech|radicalism/)]));
  });
});
