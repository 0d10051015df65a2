/**
 * Display labels of the 12 categories (policy.md), Indonesian first.
 * Shared by the CLI, the web workspace and the rule docs.
 */
import type { Category, Localized } from './types.js';

/** Label of each category. */
export const CATEGORY_LABELS: Readonly<Record<Category, Localized>> = {
  hoax: { id: 'Hoaks / belum terverifikasi', en: 'Hoax / unverified' },
  partisanship: { id: 'Keberpihakan politik', en: 'Political partisanship' },
  confidential: { id: 'Rahasia jabatan / informasi dikecualikan', en: 'Work secret / exempt information' },
  'personal-data': { id: 'Data pribadi', en: 'Personal data' },
  'account-name': { id: 'Nama akun', en: 'Account name' },
  'hate-speech': { id: 'Ujaran kebencian / SARA / diskriminasi', en: 'Hate speech / SARA / discrimination' },
  abusive: { id: 'Bahasa kasar', en: 'Abusive language' },
  harassment: { id: 'Pelecehan / perundungan', en: 'Harassment / bullying' },
  pornography: { id: 'Pornografi', en: 'Pornography' },
  radicalism: { id: 'Radikalisme / terorisme', en: 'Radicalism / terrorism' },
  extravagance: { id: 'Pemborosan / pamer kemewahan', en: 'Extravagance / flaunting luxury' },
  defamation: { id: 'Pencemaran nama baik / fitnah', en: 'Defamation / slander' },
};
