// A word keeps one sense within a text: a literal sense shown once ("bangsat" the bedbug, next to "kasur") holds for
// its other occurrences too, and the words of literal senses help split lower-case hashtags.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.js';

const abusive = (text: string) => check({ text }).filter((f) => f.category === 'abusive' && f.severity !== 'info');

describe('one sense per text', () => {
  it('a listed word used literally once is literal in its hashtag too', () => {
    expect(abusive('Cara basmi bangsat di kasur gimana ya? udah dijemur tetep gatel semua. Tips dong #bangsat #anakkos')).toEqual([]);
    // without the literal sense anywhere, the hashtag is the insult it looks like
    expect(abusive('Kerjaan numpuk, atasan marah-marah terus. Hari yang panjang #bangsat')).toHaveLength(1);
  });
  it('an insult stays an insult when no occurrence is literal', () => {
    expect(abusive('Bangsat kau, dasar bangsat tak tahu diri')).toHaveLength(2);
  });
  it('splits "#kutukasur" as "kutu kasur", not as a swear word inside it', () => {
    expect(abusive('Semalam nggak bisa tidur, gatal-gatal semua #kutukasur')).toEqual([]);
  });
});
