/** Footprint audit (jejak digital): read a person's platform exports and find the past posts that break the policy. */
export { classify, type Detected, type DetectedFile, detect } from './detect.js';
export { type AuditOptions, audit, checkPost, compareFlagged, READERS, worstSeverity } from './pipeline.js';
export { CSV_HEADER, csvField, flaggedCsv, flaggedWords, reportCsv, reportJson } from './report.js';
export { type AuditSource, checkEntryName, openFolder, openSource, openZip, type SourceEntry } from './source.js';
export { decodeText, repairMojibake, unescapeHtml } from './text.js';
export * from './types.js';
