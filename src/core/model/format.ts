/**
 * The binary model file: a small JSON header and int8-quantised weights.
 *
 * Layout (little endian):
 *   0   8 bytes  magic "BIJAKTXT"
 *   8   u16      format version (2)
 *   10  u16      reserved (0)
 *   12  u32      header length H (bytes of UTF-8 JSON, at most 64 KiB)
 *   16  H bytes  header JSON: {features, heads: [{name, category, scale, bias, calibration, threshold, ...}]}
 *   ..  per head 2^bits int8 weights (weight = q * scale)
 *   ..  u32      CRC-32 of every byte before it
 *
 * Parsing is bounded and validates every field, so a truncated, corrupted or
 * foreign file fails with a message saying what is wrong.
 */
import type { Category } from '../types.js';
import { CATEGORIES } from '../types.js';
import type { FeatureConfig } from './features.js';

/** One binary classifier of the model (one label of one data set). */
export interface ModelHead {
  /** Label name, e.g. `hs`, `abusive`, `pornografi`. */
  name: string;
  /** Policy category the label maps to. */
  category: Category;
  /** Dequantisation factor: weight = int8 * scale. */
  scale: number;
  bias: number;
  /** Platt scaling of the raw score z: p = 1 / (1 + exp(-(a * z + b))). */
  calibration: { a: number; b: number };
  /** Operating threshold on the calibrated probability (chosen on validation data, precision-leaning). */
  threshold: number;
  /** Whether the head reached the run-time precision target on validation; disabled heads make no rule unless asked for. */
  enabled: boolean;
  weights: Int8Array;
}

/**
 * Inputs a stacker can read: its head's raw score, whether a rule of its category fired, context signals of the
 * text, and `pub`: the highest raw score of the heads named in the entry's `pub` (heads trained on real posts of
 * public data sets, which teach real language the policy's synthetic posts do not have).
 */
export const STACK_INPUTS = ['head', 'rule', 'ctx.meta', 'ctx.debunk', 'ctx.condemn', 'ctx.news', 'ctx.quotes', 'pub', 'pub+'] as const;
/** One input of a stacker. */
export type StackInput = (typeof STACK_INPUTS)[number];

/**
 * The level-2 decision of one category (format 3): a logistic regression over
 * a few inputs ({@link STACK_INPUTS}); the category is reported when its
 * probability reaches `threshold`. Trained on out-of-fold scores of the
 * training writers (src/ml/stack.ts).
 */
export interface StackEntry {
  category: Category;
  /** Name of the head whose raw score is the `head` input (and explains a model finding). */
  head: string;
  inputs: StackInput[];
  /** Heads whose highest raw score is the `pub` input (required when `pub` is an input). */
  pub?: string[];
  w: number[];
  b: number;
  threshold: number;
  /**
   * Precision of each rule of the category on the training posts (`*`: the category's rules as a whole, for rules
   * never seen firing). The `rule` input is the precision of the most precise rule that fired (1 when absent).
   */
  rules?: Record<string, number>;
}

/** A parsed text model. */
export interface Model {
  version: number;
  features: FeatureConfig;
  heads: ModelHead[];
  /** Per category, the stacker that combines rules and model (format 3; absent in format 2 files). */
  stack?: StackEntry[];
  /** Free-form provenance copied from the header (data, licence, seed). */
  info: Record<string, string | number>;
}

/**
 * Interleaves the heads' weights by bucket (`out[bucket * heads + h]`), so
 * scoring all heads touches one cache line per feature (built by each scorer
 * for the heads it uses).
 */
export function packWeights(heads: readonly ModelHead[], size: number): Int8Array {
  const k = heads.length;
  const out = new Int8Array(size * k);
  for (let h = 0; h < k; h++) {
    const w = (heads[h] as ModelHead).weights;
    for (let b = 0; b < size; b++) out[b * k + h] = w[b] as number;
  }
  return out;
}

/** Thrown on a model file that cannot be used. */
export class ModelFormatError extends Error {
  constructor(message: string) {
    super(`invalid model file: ${message}`);
    this.name = 'ModelFormatError';
  }
}

const MAGIC = 'BIJAKTXT';
/**
 * Current format version. 2: feature values are 1/sqrt(number of occurrences)
 * (version 1 used the exact L2 norm of the counts; its files would score
 * differently, so they are refused).
 */
export const FORMAT_VERSION = 3;
/** Oldest version this build reads (format 3 only adds the optional stack and identity masking). */
const MIN_VERSION = 2;
const MAX_HEADER = 64 * 1024;
const MAX_HEADS = 32;

let crcTable: Uint32Array | undefined;
/** CRC-32 (IEEE) of bytes. */
export function crc32(bytes: Uint8Array, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < end; i++) c = (crcTable[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelFormatError(`${what} must be a finite number`);
  return v;
}

/** Parses and validates a model file. Throws {@link ModelFormatError} on anything unexpected. */
export function parseModel(bytes: Uint8Array): Model {
  if (!(bytes instanceof Uint8Array)) throw new ModelFormatError('expected bytes (Uint8Array)');
  if (bytes.length < 20) throw new ModelFormatError(`too short (${bytes.length} bytes)`);
  let magic = '';
  for (let i = 0; i < 8; i++) magic += String.fromCharCode(bytes[i] as number);
  if (magic !== MAGIC) throw new ModelFormatError('not a Bijak text model (bad magic bytes)');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(8, true);
  if (version < MIN_VERSION || version > FORMAT_VERSION)
    throw new ModelFormatError(`unsupported format version ${version} (this build reads ${MIN_VERSION}..${FORMAT_VERSION})`);
  const hlen = dv.getUint32(12, true);
  if (hlen > MAX_HEADER || 16 + hlen + 4 > bytes.length) throw new ModelFormatError(`header length ${hlen} out of bounds`);
  const stored = dv.getUint32(bytes.length - 4, true);
  if (crc32(bytes, bytes.length - 4) !== stored) throw new ModelFormatError('checksum mismatch (file truncated or corrupted)');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + hlen)));
  } catch (e) {
    throw new ModelFormatError(`header is not valid JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null) throw new ModelFormatError('header is not an object');
  const f = header.features as Record<string, unknown> | undefined;
  if (typeof f !== 'object' || f === null) throw new ModelFormatError('header.features missing');
  const bits = finite(f.bits, 'features.bits');
  if (!Number.isInteger(bits) || bits < 8 || bits > 22) throw new ModelFormatError(`features.bits ${bits} out of range 8..22`);
  const charMin = finite(f.charMin, 'features.charMin');
  const charMax = finite(f.charMax, 'features.charMax');
  if (!Number.isInteger(charMin) || !Number.isInteger(charMax) || charMin < 0 || charMax > 8 || (charMax > 0 && charMin > charMax))
    throw new ModelFormatError('features.charMin/charMax out of range');
  const features: FeatureConfig = { bits, charMin, charMax, words: f.words === true, bigrams: f.bigrams === true };
  if (f.identity === true) features.identity = true;
  const rawHeads = header.heads;
  if (!Array.isArray(rawHeads) || rawHeads.length === 0 || rawHeads.length > MAX_HEADS) throw new ModelFormatError(`heads must be an array of 1..${MAX_HEADS}`);
  const size = 1 << bits;
  const expected = 16 + hlen + rawHeads.length * size + 4;
  if (bytes.length !== expected) throw new ModelFormatError(`length ${bytes.length} does not match the header (expected ${expected})`);
  const names = new Set<string>();
  const heads: ModelHead[] = rawHeads.map((h: Record<string, unknown>, i: number) => {
    if (typeof h !== 'object' || h === null) throw new ModelFormatError(`heads[${i}] is not an object`);
    const name = h.name;
    if (typeof name !== 'string' || !/^[a-z_]{1,40}$/.test(name) || names.has(name)) throw new ModelFormatError(`heads[${i}].name invalid or duplicate`);
    names.add(name);
    if (!(CATEGORIES as readonly string[]).includes(h.category as string))
      throw new ModelFormatError(`heads[${i}].category ${String(h.category)} is not a category`);
    const cal = h.calibration as Record<string, unknown> | undefined;
    if (typeof cal !== 'object' || cal === null) throw new ModelFormatError(`heads[${i}].calibration missing`);
    const threshold = finite(h.threshold, `heads[${i}].threshold`);
    if (threshold < 0 || threshold > 1) throw new ModelFormatError(`heads[${i}].threshold out of [0, 1]`);
    const off = 16 + hlen + i * size;
    return {
      name,
      category: h.category as Category,
      scale: finite(h.scale, `heads[${i}].scale`),
      bias: finite(h.bias, `heads[${i}].bias`),
      calibration: { a: finite(cal.a, `heads[${i}].calibration.a`), b: finite(cal.b, `heads[${i}].calibration.b`) },
      threshold,
      enabled: h.enabled !== false,
      weights: new Int8Array(bytes.buffer, bytes.byteOffset + off, size),
    };
  });
  const info: Record<string, string | number> = {};
  if (typeof header.info === 'object' && header.info !== null)
    for (const [k, v] of Object.entries(header.info as Record<string, unknown>)) if (typeof v === 'string' || typeof v === 'number') info[k] = v;
  const model: Model = { version, features, heads, info };
  if (header.stack !== undefined) model.stack = parseStack(header.stack, names);
  return model;
}

function parseStack(raw: unknown, heads: Set<string>): StackEntry[] {
  if (!Array.isArray(raw) || raw.length > CATEGORIES.length) throw new ModelFormatError(`stack must be an array of at most ${CATEGORIES.length}`);
  const seen = new Set<string>();
  return raw.map((e: Record<string, unknown>, i: number): StackEntry => {
    if (typeof e !== 'object' || e === null) throw new ModelFormatError(`stack[${i}] is not an object`);
    if (!(CATEGORIES as readonly string[]).includes(e.category as string) || seen.has(e.category as string))
      throw new ModelFormatError(`stack[${i}].category invalid or duplicate`);
    seen.add(e.category as string);
    if (typeof e.head !== 'string' || !heads.has(e.head)) throw new ModelFormatError(`stack[${i}].head is not a head of the model`);
    const inputs = e.inputs;
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((x) => !(STACK_INPUTS as readonly string[]).includes(x as string)))
      throw new ModelFormatError(`stack[${i}].inputs must name inputs among ${STACK_INPUTS.join(', ')}`);
    const w = e.w;
    if (!Array.isArray(w) || w.length !== inputs.length) throw new ModelFormatError(`stack[${i}].w must have one weight per input`);
    let pub: string[] | undefined;
    if (e.pub !== undefined || inputs.includes('pub') || inputs.includes('pub+')) {
      if (!Array.isArray(e.pub) || e.pub.length === 0 || e.pub.length > 8 || e.pub.some((h) => typeof h !== 'string' || !heads.has(h)))
        throw new ModelFormatError(`stack[${i}].pub must name 1 to 8 heads of the model`);
      pub = e.pub as string[];
    }
    const threshold = finite(e.threshold, `stack[${i}].threshold`);
    if (threshold < 0 || threshold > 1) throw new ModelFormatError(`stack[${i}].threshold out of [0, 1]`);
    let rules: Record<string, number> | undefined;
    if (e.rules !== undefined) {
      if (typeof e.rules !== 'object' || e.rules === null || Object.keys(e.rules).length > 500)
        throw new ModelFormatError(`stack[${i}].rules must be an object of at most 500 rule ids`);
      rules = {};
      for (const [k, v] of Object.entries(e.rules as Record<string, unknown>)) {
        const x = finite(v, `stack[${i}].rules.${k}`);
        if (x < 0 || x > 1 || k.length > 100) throw new ModelFormatError(`stack[${i}].rules.${k} out of [0, 1]`);
        rules[k] = x;
      }
    }
    return {
      ...(rules ? { rules } : {}),
      ...(pub ? { pub } : {}),
      category: e.category as Category,
      head: e.head,
      inputs: inputs as StackInput[],
      w: w.map((v, j) => finite(v, `stack[${i}].w[${j}]`)),
      b: finite(e.b, `stack[${i}].b`),
      threshold,
    };
  });
}

/** Serialises a model (the inverse of {@link parseModel}); deterministic for equal input. */
export function serializeModel(model: Omit<Model, 'version'>): Uint8Array {
  const size = 1 << model.features.bits;
  const header = {
    features: model.features,
    heads: model.heads.map((h) => ({
      name: h.name,
      category: h.category,
      scale: h.scale,
      bias: h.bias,
      calibration: h.calibration,
      threshold: h.threshold,
      enabled: h.enabled,
    })),
    info: model.info,
    ...(model.stack ? { stack: model.stack } : {}),
  };
  const hbytes = new TextEncoder().encode(JSON.stringify(header));
  if (hbytes.length > MAX_HEADER) throw new Error('model header too large');
  const out = new Uint8Array(16 + hbytes.length + model.heads.length * size + 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
  dv.setUint16(8, FORMAT_VERSION, true);
  dv.setUint32(12, hbytes.length, true);
  out.set(hbytes, 16);
  model.heads.forEach((h, i) => {
    if (h.weights.length !== size) throw new Error(`head ${h.name} has ${h.weights.length} weights, expected ${size}`);
    out.set(new Uint8Array(h.weights.buffer, h.weights.byteOffset, size), 16 + hbytes.length + i * size);
  });
  dv.setUint32(out.length - 4, crc32(out, out.length - 4), true);
  return out;
}
