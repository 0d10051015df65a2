/** Interface strings of the extension, Indonesian first and English second. */
import type { Localized } from '../../../src/core/index.js';

export type Lang = 'id' | 'en';

/** The language to show: the setting, else the browser's (English only when the browser is English). */
export function pickLang(setting: 'auto' | Lang, browserLang: string): Lang {
  if (setting !== 'auto') return setting;
  return /^en\b/i.test(browserLang) ? 'en' : 'id';
}

export const T = {
  findings: { id: 'temuan', en: 'findings' },
  noFindings: { id: 'Tidak ada temuan', en: 'No findings' },
  reference: { id: 'Rujukan', en: 'Reference' },
  suggestion: { id: 'Saran', en: 'Suggestion' },
  ignore: { id: 'Abaikan', en: 'Ignore' },
  report: { id: 'Laporkan temuan keliru', en: 'Report a wrong finding' },
  next: { id: 'Temuan berikutnya', en: 'Next finding' },
  prev: { id: 'Temuan sebelumnya', en: 'Previous finding' },
  close: { id: 'Tutup', en: 'Close' },
  consentTitle: { id: 'Kirim laporan ke ruang kerja Bijak?', en: 'Send a report to the Bijak workspace?' },
  consentBody: {
    id: 'Teks di bawah ini, aturan yang menandainya, dan catatan Anda akan dikirim ke ruang kerja organisasi Anda. Tidak ada yang dikirim tanpa persetujuan ini.',
    en: 'The text below, the rule that flagged it and your note will be sent to your organisation’s workspace. Nothing is sent without this consent.',
  },
  consentCheck: { id: 'Saya setuju teks ini dikirim', en: 'I agree to send this text' },
  note: { id: 'Catatan (opsional)', en: 'Note (optional)' },
  send: { id: 'Kirim', en: 'Send' },
  cancel: { id: 'Batal', en: 'Cancel' },
  noWorkspace: { id: 'Atur ruang kerja Bijak di halaman opsi untuk melapor.', en: 'Set up the Bijak workspace in the options page to report.' },
  sent: { id: 'Laporan terkirim. Terima kasih.', en: 'Report sent. Thank you.' },
  keyHint: { id: 'Alt+Shift+B: buka temuan', en: 'Alt+Shift+B: open findings' },
  severity: {
    error: { id: 'Pelanggaran', en: 'Breach' },
    warning: { id: 'Peringatan', en: 'Warning' },
    info: { id: 'Info', en: 'Info' },
  },
} satisfies Record<string, Localized | Record<string, Localized>>;

export function tr(s: Localized, lang: Lang): string {
  return s[lang];
}
