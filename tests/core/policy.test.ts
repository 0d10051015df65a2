/** The policy file is honoured: election data, extraTerms, allow, official accounts, categories on/off. */
import { describe, expect, it } from 'vitest';
import { check, createChecker, KEMENKEU_POLICY, type PolicyInput, parsePolicy } from '../../src/core/index.js';
import { findings } from './helpers.js';

const ELECTION: PolicyInput = {
  ...KEMENKEU_POLICY,
  election: {
    name: 'Pilkada 2026',
    candidates: [{ name: 'Rahmat Hidayat', aliases: ['Bang Rahmat', 'RH'], number: 3, office: 'gubernur' }],
    parties: [{ name: 'Partai Cahaya Bangsa', abbreviation: 'PCB', number: 7 }],
    hashtags: ['#RahmatTigaKali', 'LanjutkanRH'],
    dates: [],
  },
};

describe('election file', () => {
  const policy = parsePolicy(ELECTION);
  it('flags campaign hashtags of the file, exact range', () => {
    expect(findings('Mantap! #RahmatTigaKali', policy)).toEqual(['partisanship/election-file 8:23 #RahmatTigaKali']);
  });
  it('flags a call for a candidate of the file', () => {
    expect(findings('Ayo dukung Rahmat Hidayat', policy)).toEqual(['partisanship/campaign-call 4:25 dukung Rahmat Hidayat']);
  });
  it('flags party praise aimed at votes', () => {
    expect(findings('PCB partai terbaik, yuk pilih', policy).map((f) => f.split(' ')[0])).toContain('partisanship/election-file');
  });
  it('leaves neutral news about the candidate alone', () => {
    expect(findings('Rahmat Hidayat mendaftar ke KPU hari ini', policy)).toEqual([]);
  });
});

describe('extraTerms, allow, categories', () => {
  it('compiles extraTerms per category', () => {
    const p = { ...KEMENKEU_POLICY, extraTerms: [{ category: 'abusive' as const, pattern: 'kampungan banget', note: 'istilah lokal' }] };
    expect(findings('ih kampungan banget', p)).toEqual(['abusive/policy-terms 3:19 kampungan banget']);
  });
  it('a bad extra pattern fails when the checker is created', () => {
    expect(() => createChecker({ ...KEMENKEU_POLICY, extraTerms: [{ category: 'hoax', pattern: '? awal' }] })).toThrow(/gap/);
  });
  it('allow-listed phrases are never flagged', () => {
    const p = { ...KEMENKEU_POLICY, allow: ['kampret lu'] };
    expect(findings('woi kampret lu', p)).toEqual([]);
    expect(findings('woi kampret lu')).toEqual(['abusive/profanity 4:11 kampret']);
  });
  it('a disabled category reports nothing, a configured severity wins', () => {
    expect(findings('Anjing lu', { ...KEMENKEU_POLICY, categories: { abusive: { enabled: false } } })).toEqual([]);
    expect(check({ text: 'Anjing lu' }, { ...KEMENKEU_POLICY, categories: { abusive: { enabled: true, severity: 'error' } } })[0]?.severity).toBe('error');
  });
  it('official accounts are recognised per platform', () => {
    expect(check({ kind: 'account', handle: 'beacukairi', platform: 'instagram' })).toEqual([]);
    expect(check({ kind: 'account', handle: 'beacukairi', platform: 'x' }).map((f) => f.category)).toEqual(['account-name']);
  });
});
