/**
 * Learned text models of the checker core: parse a model file, score texts,
 * and turn a model into checker rules. Pure TypeScript, no I/O: the host reads
 * the bytes (fs, fetch) and passes them in.
 *
 * ```ts
 * const model = parseModel(bytes);
 * const checker = createChecker(policy, { extraRules: modelRules(model) });
 * ```
 */
export { DEFAULT_FEATURES, extractFeatures, type FeatureConfig, type Features, tokenForm, toSparse } from './features.js';
export { crc32, FORMAT_VERSION, type Model, ModelFormatError, type ModelHead, packWeights, parseModel, serializeModel } from './format.js';
export { calibrate, contributionsOf, type HeadScore, predictText, predictTokens, rawScore, Scorer, scorerOf, sigmoid } from './predict.js';
export { explain, type ModelRuleOptions, modelRules } from './rules.js';
