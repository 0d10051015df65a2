import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '../../src/core/model/features.js';
import { crc32, FORMAT_VERSION, ModelFormatError, parseModel, serializeModel } from '../../src/core/model/index.js';

function tinyModelBytes(): Uint8Array {
  const features = { ...DEFAULT_FEATURES, bits: 8 };
  const weights = new Int8Array(256);
  for (let i = 0; i < 256; i++) weights[i] = (i % 7) - 3;
  return serializeModel({
    features,
    heads: [{ name: 'abusive', category: 'abusive', scale: 0.01, bias: -1, calibration: { a: 1, b: 0 }, threshold: 0.6, weights }],
    info: { seed: 1 },
  });
}

/** Rewrites the trailing checksum after an edit, so the test reaches the check it targets. */
function reseal(b: Uint8Array): Uint8Array {
  new DataView(b.buffer, b.byteOffset).setUint32(b.length - 4, crc32(b, b.length - 4), true);
  return b;
}

describe('model file format', () => {
  it('round-trips a model', () => {
    const m = parseModel(tinyModelBytes());
    expect(m.version).toBe(FORMAT_VERSION);
    expect(FORMAT_VERSION).toBe(3);
    expect(m.features.bits).toBe(8);
    expect(m.heads).toHaveLength(1);
    expect(m.heads[0]?.name).toBe('abusive');
    expect(m.heads[0]?.weights[8]).toBe(-2);
    expect(m.info.seed).toBe(1);
  });

  it('round-trips a stack and identity masking, and names a bad stack entry', () => {
    const features = { ...DEFAULT_FEATURES, bits: 8, identity: true };
    const weights = new Int8Array(256);
    const head = {
      name: 'judge_abusive',
      category: 'abusive' as const,
      scale: 0.01,
      bias: -1,
      calibration: { a: 1, b: 0 },
      threshold: 0.5,
      enabled: false,
      weights,
    };
    const stack = [{ category: 'abusive' as const, head: 'judge_abusive', inputs: ['head' as const, 'rule' as const], w: [1, 2], b: -0.5, threshold: 0.4 }];
    const m = parseModel(serializeModel({ features, heads: [head], stack, info: {} }));
    expect(m.features.identity).toBe(true);
    expect(m.stack).toEqual(stack);
    expect(() => parseModel(serializeModel({ features, heads: [head], stack: [{ ...stack[0]!, head: 'nope' }], info: {} }))).toThrow(/stack\[0\]\.head/);
    expect(() => parseModel(serializeModel({ features, heads: [head], stack: [{ ...stack[0]!, w: [1] }], info: {} }))).toThrow(/one weight per input/);
    expect(() => parseModel(serializeModel({ features, heads: [head], stack: [{ ...stack[0]!, inputs: ['head', 'magic' as 'rule'] }], info: {} }))).toThrow(
      /inputs must name/,
    );
  });

  it('rejects bytes that are not a model, with a clear message', () => {
    expect(() => parseModel(new TextEncoder().encode('hello, this is not a model file'))).toThrow(/not a Bijak text model/);
    expect(() => parseModel(new Uint8Array(3))).toThrow(ModelFormatError);
    expect(() => parseModel(new Uint8Array(3))).toThrow(/too short/);
  });

  it('rejects a truncated or corrupted file', () => {
    const b = tinyModelBytes();
    expect(() => parseModel(b.subarray(0, b.length - 100))).toThrow(/checksum|length/);
    const c = tinyModelBytes();
    c[c.length - 50] ^= 0xff;
    expect(() => parseModel(c)).toThrow(/checksum mismatch/);
  });

  it('rejects an unsupported version and an out-of-bounds header length', () => {
    const v = tinyModelBytes();
    v[8] = 9;
    expect(() => parseModel(reseal(v))).toThrow(/unsupported format version 9/);
    // a version-1 file (features normalised by the exact L2 norm) would score differently: refused, clearly
    const old = tinyModelBytes();
    old[8] = 1;
    expect(() => parseModel(reseal(old))).toThrow(ModelFormatError);
    expect(() => parseModel(reseal(old))).toThrow(/unsupported format version 1 \(this build reads 2\.\.3\)/);
    const h = tinyModelBytes();
    new DataView(h.buffer).setUint32(12, 0x7fffffff, true);
    expect(() => parseModel(reseal(h))).toThrow(/header length .* out of bounds/);
  });

  it('validates header fields', () => {
    const b = tinyModelBytes();
    const hlen = new DataView(b.buffer).getUint32(12, true);
    const text = new TextDecoder().decode(b.subarray(16, 16 + hlen));
    const bad = text.replace('"category":"abusive"', '"category":"abusivX"');
    expect(bad.length).toBe(text.length);
    b.set(new TextEncoder().encode(bad), 16);
    expect(() => parseModel(reseal(b))).toThrow(/category abusivX is not a category/);
  });
});
