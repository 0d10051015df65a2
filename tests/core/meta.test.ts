/**
 * Rule metadata is complete and honest: ids are `<category>/<name>`, default
 * severities follow policy.md, every term list compiles and cites a source,
 * and each rule's own documented examples behave as documented.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, CATEGORIES, check, compileList, DEFAULT_SEVERITY } from '../../src/core/index.js';

describe('rule metadata', () => {
  it.each(BUILTIN_RULES.map((r) => [r.meta.id, r] as const))('%s', (id, r) => {
    const m = r.meta;
    expect(id.startsWith(`${m.category}/`)).toBe(true);
    expect(CATEGORIES).toContain(m.category);
    expect(m.description.id.length).toBeGreaterThan(10);
    expect(m.description.en.length).toBeGreaterThan(10);
    expect(m.references.length).toBeGreaterThan(0);
    if (!m.id.startsWith('hoax/known') && m.id !== 'hoax/insider-chain' && !(m.id === 'hate-speech/slur'))
      expect(m.severity).toBe(DEFAULT_SEVERITY[m.category]);
    for (const l of m.lists ?? []) {
      expect(l.sources.length, l.id).toBeGreaterThan(0);
      expect(() => compileList(l)).not.toThrow();
    }
  });

  const postRules = BUILTIN_RULES.filter((r) => r.meta.appliesTo.includes('post') && r.meta.category !== 'account-name' && r.meta.examples);
  it.each(postRules.flatMap((r) => (r.meta.examples?.invalid ?? []).map((e) => [r.meta.id, e] as const)))('%s flags its example: %s', (id, text) => {
    expect(check({ text }).map((f) => f.ruleId)).toContain(id);
  });
  it.each(postRules.flatMap((r) => (r.meta.examples?.valid ?? []).map((e) => [r.meta.id, e] as const)))('%s passes its example: %s', (id, text) => {
    const cat = id.split('/')[0];
    expect(check({ text }).filter((f) => f.category === cat && f.severity !== 'info')).toEqual([]);
  });
});
