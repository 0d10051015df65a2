/**
 * Whose number it is (issue 8): words that mark the writer's own data ("NIK saya", "rek aku", "a.n. saya") and the
 * words of a donation appeal, where an account number is published on purpose. Used by personal-data/identifiers to
 * say "you are sharing your own NIK" (info) instead of "someone else's personal data".
 */
import type { Source } from '../terms.js';
import { PDP } from './sources.js';

export const OWNER_SOURCES: Source[] = [PDP, { title: 'Pemakaian umum: kata ganti orang pertama dan ajakan donasi di media sosial Indonesia' }];

/** First-person words (formal, colloquial, regional) that mark the writer's own number. */
export const FIRST_PERSON = ['saya', 'aku', 'gue', 'gua', 'gw', 'sy', 'ane', 'kami', 'pribadi'];

/** Words that introduce the owner after a number ("a.n. saya", "atas nama saya"). */
export const OWNER_MARKERS = ['an', 'a.n', 'nama', 'atasnama'];

/** Words of a donation appeal. */
export const DONATION = ['donasi', 'sumbangan', 'galang', 'penggalangan', 'infaq', 'infak', 'sedekah', 'zakat', 'wakaf', 'donatur', 'patungan', 'kitabisa'];
