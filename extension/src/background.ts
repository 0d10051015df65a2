/**
 * Service worker: runs the checker (the pure core, the shipped model and the
 * default policy, all bundled), so the page's main thread only draws. It also
 * fetches the organisation's policy from the workspace (daily, after sign-in)
 * and sends wrong-finding reports, only when the user consented in the page.
 * No analytics: the only network requests go to the workspace the user set.
 */
import { type Checker, type CheckInput, createChecker, DEFAULT_POLICY, type Policy, parseModel, parsePolicy, type Rule } from '../../src/core/index.js';
import { modelRules } from '../../src/core/model/index.js';
import {
  type CheckResponse,
  DEFAULT_SETTINGS,
  MAX_TEXT,
  mergeSettings,
  type OrgPolicy,
  type PolicyStatus,
  type Request,
  type Settings,
  STORAGE_KEYS,
  type StatusResponse,
  workspaceOrigin,
} from './shared/settings.js';
import { SITES } from './shared/sites.js';

/** Largest policy response accepted from a workspace. */
const MAX_POLICY_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;
const REFRESH_ALARM = 'bijak-policy-refresh';

let modelRulesP: Promise<Rule[]> | undefined;
let checkerP: Promise<{ checker: Checker; label: string }> | undefined;

/** The shipped model (models/bijak-text.model, packaged with the extension); no model when it is missing or bad. */
function shippedModel(): Promise<Rule[]> {
  modelRulesP ??= (async () => {
    try {
      const res = await fetch(chrome.runtime.getURL('models/bijak-text.model'));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return modelRules(parseModel(new Uint8Array(await res.arrayBuffer())));
    } catch (e) {
      console.error('[bijak] model not loaded, checking with rules only:', (e as Error).message);
      return [];
    }
  })();
  return modelRulesP;
}

async function getSettings(): Promise<Settings> {
  const got = await chrome.storage.local.get(STORAGE_KEYS.settings);
  return mergeSettings(got[STORAGE_KEYS.settings] ?? DEFAULT_SETTINGS);
}

/** The checker for the organisation's policy when signed in to the configured workspace, else the default policy. */
function getChecker(): Promise<{ checker: Checker; label: string }> {
  checkerP ??= (async () => {
    const [rules, settings, stored] = await Promise.all([shippedModel(), getSettings(), chrome.storage.local.get(STORAGE_KEYS.orgPolicy)]);
    const org = stored[STORAGE_KEYS.orgPolicy] as OrgPolicy | undefined;
    let policy: Policy = DEFAULT_POLICY;
    let label = 'default';
    if (org && settings.workspaceUrl && org.workspaceUrl === safeOrigin(settings.workspaceUrl)) {
      try {
        policy = parsePolicy(org.policy);
        label = `org:${org.version}`;
      } catch (e) {
        console.error('[bijak] stored organisation policy is invalid, using the default:', (e as Error).message);
      }
    }
    return { checker: createChecker(policy, { extraRules: rules }), label };
  })();
  return checkerP;
}

function safeOrigin(url: string): string {
  try {
    return workspaceOrigin(url);
  } catch {
    return '';
  }
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (STORAGE_KEYS.orgPolicy in changes || STORAGE_KEYS.settings in changes)) checkerP = undefined;
});

async function check(text: string, site: string, field: 'post' | 'displayName' | 'bio'): Promise<CheckResponse> {
  const t0 = performance.now();
  const { checker, label } = await getChecker();
  if (text.length > MAX_TEXT) throw new Error(`Text longer than ${MAX_TEXT} characters is not checked`);
  const platform = SITES.find((s) => s.id === site)?.platform ?? 'other';
  const input: CheckInput = field === 'post' ? { kind: 'post', text, platform } : { kind: 'account', handle: '', [field]: text, platform };
  const findings = checker.check(input).filter((f) => (field === 'post' ? f.field === 'text' : f.field === field));
  return { findings, policy: label, ms: performance.now() - t0 };
}

/** fetch with a timeout and a size cap on the body. */
async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, { ...init, credentials: 'include', signal: ctl.signal, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
    const text = await res.text();
    if (text.length > MAX_POLICY_BYTES) throw new Error(`Response of ${url} is larger than ${MAX_POLICY_BYTES} bytes`);
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      throw new Error(`Response of ${url} is not JSON (HTTP ${res.status})`);
    }
    return { status: res.status, body };
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new Error(`No answer from ${url} within ${FETCH_TIMEOUT_MS / 1000} s`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function errorMessage(body: unknown, status: number): string {
  const b = body as { error?: { message?: string; messageEn?: string } } | null;
  return b?.error?.message ?? `HTTP ${status}`;
}

async function setStatus(ok: boolean, message: string): Promise<StatusResponse> {
  const st: PolicyStatus = { at: new Date().toISOString(), ok, message };
  await chrome.storage.local.set({ [STORAGE_KEYS.policyStatus]: st });
  return { ok, message };
}

/**
 * Fetches the organisation's policy: GET /api/v1/policy (any signed-in user),
 * falling back to GET /api/v1/admin/policy on workspaces without it. The
 * answer is validated with the core's policy schema; on any failure the last
 * good policy (or the default) stays in use.
 */
async function refreshPolicy(): Promise<StatusResponse> {
  const settings = await getSettings();
  if (!settings.workspaceUrl) return setStatus(false, 'Belum ada ruang kerja / no workspace set');
  let origin: string;
  try {
    origin = workspaceOrigin(settings.workspaceUrl);
  } catch (e) {
    return setStatus(false, (e as Error).message);
  }
  try {
    let r = await fetchJson(`${origin}/api/v1/policy`);
    if (r.status === 404) r = await fetchJson(`${origin}/api/v1/admin/policy`);
    if (r.status === 401) return setStatus(false, 'Belum masuk ke ruang kerja / not signed in');
    if (r.status !== 200) return setStatus(false, `Kebijakan tidak dapat diambil / policy not fetched: ${errorMessage(r.body, r.status)}`);
    const b = r.body as { version?: unknown; policy?: unknown };
    const policy = parsePolicy(b.policy);
    const version = typeof b.version === 'number' ? b.version : 0;
    const org: OrgPolicy = { workspaceUrl: origin, version, policy, fetchedAt: new Date().toISOString() };
    await chrome.storage.local.set({ [STORAGE_KEYS.orgPolicy]: org });
    return setStatus(true, `Kebijakan organisasi versi ${version} dipakai / organisation policy version ${version} in use`);
  } catch (e) {
    return setStatus(false, `Kebijakan tidak dapat diambil / policy not fetched: ${(e as Error).message}`);
  }
}

async function signIn(username: string, password: string): Promise<StatusResponse> {
  const settings = await getSettings();
  let origin: string;
  try {
    origin = workspaceOrigin(settings.workspaceUrl);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if (!(await chrome.permissions.contains({ origins: [`${origin}/*`] })))
    return { ok: false, message: `No permission for ${origin}; allow it in the options page` };
  try {
    const r = await fetchJson(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (r.status !== 200) return { ok: false, message: errorMessage(r.body, r.status) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  return refreshPolicy();
}

/** The CSRF token of the workspace session (cookie sessions need it on POST). */
async function csrfToken(origin: string): Promise<string> {
  const r = await fetchJson(`${origin}/api/v1/auth/me`);
  if (r.status === 401) throw new Error('Belum masuk ke ruang kerja / not signed in to the workspace');
  const t = (r.body as { csrfToken?: unknown } | null)?.csrfToken;
  if (r.status !== 200 || typeof t !== 'string') throw new Error(errorMessage(r.body, r.status));
  return t;
}

async function signOut(): Promise<StatusResponse> {
  const settings = await getSettings();
  await chrome.storage.local.remove([STORAGE_KEYS.orgPolicy, STORAGE_KEYS.policyStatus]);
  try {
    if (settings.workspaceUrl) {
      const origin = workspaceOrigin(settings.workspaceUrl);
      await fetchJson(`${origin}/api/v1/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': await csrfToken(origin) } });
    }
  } catch {
    // signed out locally either way
  }
  return { ok: true, message: 'Keluar / signed out' };
}

/** Sends a wrong-finding report to the workspace. Called only from the consent dialog. */
async function report(req: Extract<Request, { type: 'report' }>): Promise<StatusResponse> {
  if (req.consent !== true) return { ok: false, message: 'No consent' };
  const settings = await getSettings();
  if (!settings.workspaceUrl) return { ok: false, message: 'Belum ada ruang kerja / no workspace set' };
  try {
    const origin = workspaceOrigin(settings.workspaceUrl);
    const f = req.finding;
    const platform = SITES.find((s) => s.id === req.site)?.platform;
    // the workspace's one wrong-finding queue (the same as the check page's "Laporkan salah deteksi")
    const body = {
      source: 'extension',
      ...(platform && platform !== 'other' ? { platform } : {}),
      text: req.text.slice(0, MAX_TEXT),
      consent: true,
      finding: { ruleId: f.ruleId, category: f.category, severity: f.severity, field: f.field, range: f.range },
      comment: req.note.slice(0, 2000),
    };
    const r = await fetchJson(`${origin}/api/v1/me/finding-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await csrfToken(origin) },
      body: JSON.stringify(body),
    });
    if (r.status >= 200 && r.status < 300) return { ok: true, message: 'sent' };
    return { ok: false, message: errorMessage(r.body, r.status) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

chrome.runtime.onMessage.addListener((msg: Request, sender, sendResponse) => {
  // Only this extension's own pages and content scripts talk to the worker.
  if (sender.id !== chrome.runtime.id) return false;
  // content scripts run in web pages; only the extension's own pages (options) may sign in or out
  const fromContent = !(sender.url ?? '').startsWith(chrome.runtime.getURL(''));
  let p: Promise<unknown>;
  switch (msg?.type) {
    case 'check':
      p = check(String(msg.text), String(msg.site), msg.field === 'displayName' || msg.field === 'bio' ? msg.field : 'post');
      break;
    case 'report':
      p = report(msg);
      break;
    case 'signIn':
      p = fromContent ? Promise.reject(new Error('not allowed')) : signIn(msg.username, msg.password);
      break;
    case 'signOut':
      p = fromContent ? Promise.reject(new Error('not allowed')) : signOut();
      break;
    case 'refreshPolicy':
      p = fromContent ? Promise.reject(new Error('not allowed')) : refreshPolicy();
      break;
    default:
      return false;
  }
  p.then(
    (v) => sendResponse(v),
    (e) => sendResponse({ error: (e as Error).message }),
  );
  return true;
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.alarms.create(REFRESH_ALARM, { periodInMinutes: 24 * 60 });
});
chrome.alarms.onAlarm.addListener((a) => {
  if (a.name === REFRESH_ALARM) void refreshPolicy();
});

// Warm up on start so the first keystroke does not wait for the model.
void getChecker();
