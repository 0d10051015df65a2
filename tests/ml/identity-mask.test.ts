// Identity masking reads names as the tokenizer normalises words, and masks a given name in lower case unless it is also
// an ordinary word: tweets are often written in lower case, and a name is never evidence.
import { describe, expect, it } from 'vitest';
import { COMMON_GIVEN_NAMES, GIVEN_NAMES_ALSO_WORDS } from '../../src/core/data/identity.js';
import { identityFree, identityOf, PERSON } from '../../src/core/model/features.js';
import { tokenize } from '../../src/core/normalize/tokenize.js';

const first = (text: string) => tokenize(text).tokens[0] as NonNullable<ReturnType<typeof tokenize>['tokens'][0]>;

describe('identity masking of given names', () => {
  it('masks every listed name when capitalised, repeated letters included ("Muhammad", "William")', () => {
    for (const n of COMMON_GIVEN_NAMES) {
      const cap = n[0]?.toUpperCase() + n.slice(1);
      expect(identityOf(first(cap)), cap).toBe(PERSON);
    }
  });

  it('masks a lower-case name that is not also a word, and leaves the words alone', () => {
    expect(identityOf(first('muhammad'))).toBe(PERSON);
    expect(identityFree(first('muhammad'))).toBe(false);
    expect(identityOf(first('bambang'))).toBe(PERSON);
    for (const w of ['fitri', 'pratama', 'indah', 'bayu']) {
      expect(GIVEN_NAMES_ALSO_WORDS).toContain(w);
      expect(identityOf(first(w)), w).toBeUndefined();
      expect(identityFree(first(w)), w).toBe(true);
    }
  });
});
