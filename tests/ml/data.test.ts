import { describe, expect, it } from 'vitest';
import { cleanTweet, decodeDefensively, loadIbrohim, loadNetifier } from '../../src/ml/data.js';
import { runCli } from '../cli/helpers.js';
import { HAVE_SHARED } from './helpers.js';

describe('data cleaning', () => {
  it('turns the ibrohim placeholders into the shapes real posts have', () => {
    expect(cleanTweet("RT USER: USER kamu \\xf0\\x9f\\x98\\x84 lihat URL\\nbaris dua'")).toBe('@user: @user kamu  😄  lihat http://url\nbaris dua');
  });
  it('decodes invalid UTF-8 lines as Latin-1', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0xe9, 0x74, 0xe9, 0x0a, 0xc3, 0xa9]);
    expect(decodeDefensively(bytes)).toBe('a\nété\né');
  });
});

describe.skipIf(!HAVE_SHARED)('data sets in ../shared', () => {
  it('reads every ibrohim tweet with its labels', () => {
    const ex = loadIbrohim();
    expect(ex.length).toBe(13169);
    expect(ex.filter((e) => e.labels.hs === 1).length).toBe(5561);
    expect(ex.some((e) => /\bUSER\b/.test(e.text))).toBe(false);
  });
  it('reads netifier posts with newlines inside quoted fields', () => {
    const ex = loadNetifier();
    expect(ex.length).toBe(6995);
    expect(ex.some((e) => e.text.includes('\n'))).toBe(true);
    expect(ex.filter((e) => e.labels.pornografi === 1).length).toBe(1574);
  });
});

describe('train and eval commands', () => {
  it('print help and reject bad usage with exit code 2', async () => {
    expect((await runCli(['train', '--help'])).code).toBe(0);
    expect((await runCli(['eval', '--help'])).stdout).toMatch(/IndoBERTweet/);
    expect((await runCli(['train', '--bits', '40'])).code).toBe(2);
    expect((await runCli(['eval', '--folds', '1'])).code).toBe(2);
    expect((await runCli(['eval', 'extra'])).code).toBe(2);
  });
  it('report unreadable data without crashing', async () => {
    const r = await runCli(['train', '--ibrohim', '/nonexistent.csv', '--out', '/tmp/bijak-never-written.model']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read data/);
  });
});
