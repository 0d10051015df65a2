/** Options page: pause, per-site on/off, language, the workspace (optional sign-in and policy refresh). */
import { type Lang, pickLang } from '../shared/i18n.js';
import { mergeSettings, type OrgPolicy, type PolicyStatus, type Settings, STORAGE_KEYS, type StatusResponse, workspaceOrigin } from '../shared/settings.js';
import { SITES } from '../shared/sites.js';

const S: Record<string, { id: string; en: string }> = {
  intro: {
    id: 'Memeriksa tulisan di kotak tulis X, Facebook, Instagram, LinkedIn, Threads dan WhatsApp Web sebelum Anda mengunggah. Pemeriksaan berjalan di peramban ini; teks Anda tidak dikirim ke mana pun.',
    en: 'Checks what you write in the compose boxes of X, Facebook, Instagram, LinkedIn, Threads and WhatsApp Web before you post. Checking runs in this browser; your text is not sent anywhere.',
  },
  checking: { id: 'Pemeriksaan', en: 'Checking' },
  pause: { id: 'Jeda pemeriksaan di semua situs', en: 'Pause checking on every site' },
  sites: { id: 'Periksa di situs ini', en: 'Check on these sites' },
  language: { id: 'Bahasa penjelasan', en: 'Language of explanations' },
  langAuto: { id: 'Ikuti peramban', en: 'Follow the browser' },
  workspace: { id: 'Ruang kerja organisasi (opsional)', en: 'Organisation workspace (optional)' },
  workspaceHelp: {
    id: 'Masuk ke ruang kerja Bijak organisasi Anda agar kebijakan organisasi dipakai (diperbarui setiap hari). Tanpa masuk, kebijakan bawaan (Kemenkeu) dipakai.',
    en: "Sign in to your organisation's Bijak workspace to use its policy (refreshed daily). Without signing in, the default (Kemenkeu) policy is used.",
  },
  workspaceUrl: { id: 'Alamat ruang kerja', en: 'Workspace address' },
  save: { id: 'Simpan', en: 'Save' },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  refresh: { id: 'Perbarui kebijakan', en: 'Refresh policy' },
  privacy: { id: 'Privasi', en: 'Privacy' },
  privacyText: {
    id: 'Tanpa analitik dan tanpa kode dari luar. Teks hanya dikirim ke ruang kerja Anda bila Anda melaporkan temuan keliru dan menyetujuinya.',
    en: 'No analytics and no remote code. Text is sent to your workspace only when you report a wrong finding and agree to it.',
  },
  saved: { id: 'Tersimpan.', en: 'Saved.' },
  defaultPolicy: { id: 'Kebijakan yang dipakai: bawaan (Kemenkeu).', en: 'Policy in use: default (Kemenkeu).' },
  orgPolicy: { id: 'Kebijakan yang dipakai: organisasi, versi', en: 'Policy in use: organisation, version' },
  permissionDenied: { id: 'Izin akses ke ruang kerja ditolak.', en: 'Access to the workspace was not allowed.' },
};

let settings: Settings = mergeSettings({});
let lang: Lang = 'id';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function t(k: string): string {
  return S[k][lang];
}

async function save(patch: Partial<Settings>): Promise<void> {
  settings = { ...settings, ...patch };
  await chrome.storage.local.set({ [STORAGE_KEYS.settings]: settings });
}

function status(msg: string, ok: boolean): void {
  const el = $('status');
  el.textContent = msg;
  el.className = ok ? '' : 'error';
}

async function render(): Promise<void> {
  lang = pickLang(settings.lang, navigator.language);
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  ($('paused') as HTMLInputElement).checked = settings.paused;
  ($('lang') as HTMLSelectElement).value = settings.lang;
  ($('ws') as HTMLInputElement).value = settings.workspaceUrl;
  const box = $('sites');
  box.replaceChildren();
  for (const s of SITES) {
    const label = document.createElement('label');
    label.className = 'row';
    const cb = document.createElement('input');
    cb.type = 'checkbox';
    cb.id = `site-${s.id}`;
    cb.checked = !settings.disabledSites.includes(s.id);
    cb.addEventListener('change', () => {
      const off = new Set(settings.disabledSites);
      if (cb.checked) off.delete(s.id);
      else off.add(s.id);
      void save({ disabledSites: [...off] });
    });
    label.append(cb, ` ${s.label} (${s.hosts.join(', ')})`);
    box.append(label);
  }
  const got = await chrome.storage.local.get([STORAGE_KEYS.orgPolicy, STORAGE_KEYS.policyStatus]);
  const org = got[STORAGE_KEYS.orgPolicy] as OrgPolicy | undefined;
  const st = got[STORAGE_KEYS.policyStatus] as PolicyStatus | undefined;
  $('policy').textContent = org
    ? `${t('orgPolicy')} ${org.version} (${org.workspaceUrl}, ${new Date(org.fetchedAt).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')})`
    : t('defaultPolicy');
  if (st && !$('status').textContent) status(st.message, st.ok);
}

async function ask(msg: object): Promise<void> {
  const r = (await chrome.runtime.sendMessage(msg)) as StatusResponse | { error: string };
  if ('error' in r) status(r.error, false);
  else status(r.message, r.ok);
  await render();
}

async function main(): Promise<void> {
  const got = await chrome.storage.local.get(STORAGE_KEYS.settings);
  settings = mergeSettings(got[STORAGE_KEYS.settings]);
  await render();
  $('paused').addEventListener('change', (e) => void save({ paused: (e.target as HTMLInputElement).checked }));
  $('lang').addEventListener('change', async (e) => {
    await save({ lang: (e.target as HTMLSelectElement).value as Settings['lang'] });
    await render();
  });
  $('ws-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const raw = ($('ws') as HTMLInputElement).value;
    if (raw.trim() === '') {
      await save({ workspaceUrl: '' });
      status(t('saved'), true);
      return;
    }
    let origin: string;
    try {
      origin = workspaceOrigin(raw);
    } catch (err) {
      status((err as Error).message, false);
      return;
    }
    // optional host permission, asked for the configured workspace only
    const granted = await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (!granted) {
      status(t('permissionDenied'), false);
      return;
    }
    await save({ workspaceUrl: origin });
    status(t('saved'), true);
    await render();
  });
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const pass = $('pass') as HTMLInputElement;
    await ask({ type: 'signIn', username: ($('user') as HTMLInputElement).value, password: pass.value });
    pass.value = '';
  });
  $('refresh').addEventListener('click', () => void ask({ type: 'refreshPolicy' }));
  $('signout').addEventListener('click', () => void ask({ type: 'signOut' }));
}

void main();
