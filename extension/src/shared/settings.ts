/** Settings and stored state of the extension (chrome.storage.local), and the messages between its parts. */
import type { Finding, Policy } from '../../../src/core/index.js';

export interface Settings {
  /** Pause checking everywhere. */
  paused: boolean;
  /** Site ids (SITES) where checking is off. */
  disabledSites: string[];
  /** Base URL of the organisation's Bijak workspace, e.g. https://bijak.kemenkeu.go.id ('' = none). */
  workspaceUrl: string;
  /** Interface language: follow the browser, or fixed. */
  lang: 'auto' | 'id' | 'en';
}

export const DEFAULT_SETTINGS: Settings = { paused: false, disabledSites: [], workspaceUrl: '', lang: 'auto' };

/** The organisation's policy as last fetched from the workspace. */
export interface OrgPolicy {
  workspaceUrl: string;
  version: number;
  policy: Policy;
  fetchedAt: string;
}

/** Result of the last policy refresh, for the options page. */
export interface PolicyStatus {
  at: string;
  ok: boolean;
  message: string;
}

export const STORAGE_KEYS = { settings: 'settings', orgPolicy: 'orgPolicy', policyStatus: 'policyStatus' } as const;

/** What a field holds: a post/comment body, or a profile's display name or bio (the account-name rule). */
export type FieldKind = 'post' | 'displayName' | 'bio';

export type Request =
  | { type: 'check'; text: string; site: string; field: FieldKind }
  | { type: 'signIn'; username: string; password: string }
  | { type: 'signOut' }
  | { type: 'refreshPolicy' }
  | { type: 'report'; consent: true; text: string; site: string; finding: Finding; note: string };

export interface CheckResponse {
  findings: Finding[];
  /** 'default' or 'org:<version>'. */
  policy: string;
  ms: number;
}

export interface StatusResponse {
  ok: boolean;
  message: string;
}

/** Largest text the extension sends to the checker (Facebook's post limit is 63,206 characters). */
export const MAX_TEXT = 70_000;

export function mergeSettings(v: unknown): Settings {
  const s = (v && typeof v === 'object' ? v : {}) as Partial<Settings>;
  return {
    paused: s.paused === true,
    disabledSites: Array.isArray(s.disabledSites) ? s.disabledSites.filter((x): x is string => typeof x === 'string') : [],
    workspaceUrl: typeof s.workspaceUrl === 'string' ? s.workspaceUrl : '',
    lang: s.lang === 'id' || s.lang === 'en' ? s.lang : 'auto',
  };
}

/** Normalises a workspace URL to its origin; throws an Error naming the problem. */
export function workspaceOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) throw new Error('The workspace must use https:// (http:// only for localhost)');
  return u.origin;
}
