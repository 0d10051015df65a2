/**
 * Extravagance: official trips that look like holidays paid by the state
 * budget, and flaunting luxury. Luxury words alone are not flexing (customs
 * seizes Harleys too); the rules ask for an official-trip or flexing context.
 */
import type { TermList } from '../terms.js';
import { FLEXING, SE16 } from './sources.js';

const TONE_DOWN = { id: 'Ceritakan hasil kerjanya, bukan kemewahan perjalanannya.', en: 'Tell about the work done, not the comfort of the trip.' };

/** Phrases that are extravagance on their own. */
export const TRIP_PHRASES: TermList = {
  id: 'extravagance-trip-phrases',
  category: 'extravagance',
  description: {
    id: 'Perjalanan dinas yang dipamerkan sebagai liburan atas biaya negara.',
    en: 'Official trips shown off as holidays at the state’s expense.',
  },
  sources: [SE16, FLEXING],
  terms: [
    { pattern: 'dinas rasa liburan', suggestion: TONE_DOWN },
    { pattern: 'dinas ? rasa liburan', suggestion: TONE_DOWN },
    { pattern: 'dinas ? ? rasa liburan', suggestion: TONE_DOWN },
    { pattern: 'kerja rasa liburan', suggestion: TONE_DOWN },
    { pattern: 'dinas sambil liburan', suggestion: TONE_DOWN },
    { pattern: 'dinas sambil healing', suggestion: TONE_DOWN },
    { pattern: 'dinas rasa healing', suggestion: TONE_DOWN },
    { pattern: 'terima kasih apbn', note: 'mengaitkan kesenangan pribadi dengan APBN', suggestion: TONE_DOWN },
    { pattern: 'makasih apbn', note: 'mengaitkan kesenangan pribadi dengan APBN', suggestion: TONE_DOWN },
    { pattern: 'thanks apbn', suggestion: TONE_DOWN },
    { pattern: 'dibayarin negara', suggestion: TONE_DOWN },
    { pattern: 'dibayarin apbn', suggestion: TONE_DOWN },
    { pattern: 'dibayarin kantor', suggestion: TONE_DOWN },
    { pattern: 'liburan gratis', suggestion: TONE_DOWN },
    { pattern: 'modal sppd', suggestion: TONE_DOWN },
    { pattern: 'healing pakai uang negara', suggestion: TONE_DOWN },
    { pattern: 'terima kasih negara', note: 'mengaitkan kesenangan pribadi dengan uang negara', suggestion: TONE_DOWN },
    { pattern: 'makasih negara', suggestion: TONE_DOWN },
    { pattern: 'pake uang sppd', suggestion: TONE_DOWN },
    { pattern: 'dinas ? serasa liburan', suggestion: TONE_DOWN },
    { pattern: 'dinas ? ? serasa', suggestion: TONE_DOWN },
    { pattern: 'dinas serasa', suggestion: TONE_DOWN },
  ],
};

/** Leisure and luxury on a trip (reported only when the post is about an official trip). */
export const TRIP_LEISURE: TermList = {
  id: 'extravagance-trip-leisure',
  category: 'extravagance',
  description: { id: 'Kemewahan dan wisata saat perjalanan dinas.', en: 'Luxury and leisure during an official trip.' },
  sources: [SE16, FLEXING],
  terms: [
    'resort bintang 5',
    'resort bintang lima',
    'hotel bintang 5',
    'hotel bintang lima',
    'bintang 5',
    'bintang lima',
    'resort',
    'business class',
    'kelas bisnis',
    'first class',
    'villa pribadi',
    'sepuasnya',
    'shopping',
    'spa',
    'golf',
    'staycation',
    'healing',
    'liburan',
    'jalan jalan',
    'beach club',
    'private pool',
    'honeymoon',
    'bawa istri',
    'bawa suami',
    'bawa keluarga',
    'rasa liburan',
  ]
    .map((pattern) => ({ pattern, suggestion: TONE_DOWN }) as { pattern: string; suggestion: typeof TONE_DOWN; unless?: string[] })
    // "belanja" is also budget spending ("belanja negara", "realisasi belanja")
    .concat([
      {
        pattern: 'belanja',
        suggestion: TONE_DOWN,
        unless: [
          'negara',
          'pemerintah',
          'modal',
          'pegawai',
          'barang',
          'daerah',
          'apbn',
          'apbd',
          'realisasi',
          'anggaran',
          'subsidi',
          'sosial',
          'pusat',
          'kementerian',
          'pengadaan',
          'operasional',
        ],
      },
    ]),
};

/** Official-trip words that make leisure words relevant. */
export const TRIP_CONTEXT: TermList = {
  id: 'extravagance-trip-context',
  category: 'extravagance',
  description: { id: 'Penanda perjalanan dinas.', en: 'Official-trip markers.' },
  sources: [SE16],
  terms: ['dinas', 'perjalanan dinas', 'perjadin', 'sppd', 'kunker', 'kunjungan kerja', 'monitoring', 'konsinyering', 'raker', 'rapat kerja', 'diklat'].map(
    (pattern) => ({
      pattern,
    }),
  ),
};

/** Luxury goods (reported only with a flexing word). */
export const LUXURY: TermList = {
  id: 'extravagance-luxury',
  category: 'extravagance',
  description: { id: 'Barang mewah yang sering dipamerkan.', en: 'Luxury goods often flaunted.' },
  sources: [FLEXING],
  terms: [
    'moge',
    'harley',
    'harley davidson',
    'ducati',
    'lamborghini',
    'ferrari',
    'porsche',
    'rubicon',
    'jeep rubicon',
    'alphard',
    'vellfire',
    'bentley',
    'rolls royce',
    'mclaren',
    'rolex',
    'patek philippe',
    'audemars piguet',
    'hublot',
    'hermes',
    'birkin',
    'louis vuitton',
    'tas lv',
    'lv asli',
    'lv ori',
    'neverfull',
    'gucci',
    'chanel',
    'dior',
    'prada',
    'balenciaga',
    'tas branded',
    'jam tangan mewah',
    'mobil mewah',
    'mobil sport',
    'jet pribadi',
    'private jet',
    'kapal pesiar',
    'yacht',
  ].map((pattern) => ({
    pattern,
    suggestion: {
      id: 'Tidak perlu memamerkan barang mewah; ASN diminta hidup sederhana.',
      en: 'No need to show off luxury goods; civil servants are asked to live simply.',
    },
  })),
};

/** Flexing words. */
export const FLEX: TermList = {
  id: 'extravagance-flex',
  category: 'extravagance',
  description: { id: 'Kata pamer.', en: 'Show-off words.' },
  sources: [FLEXING],
  terms: [
    'pamer',
    'pamerin',
    'flexing',
    'flex',
    'baru',
    'koleksi',
    'beli',
    'dibeli',
    'unboxing',
    'mahal',
    'harganya',
    'ootd',
    'rezeki',
    'akhirnya',
    'kado',
    'garasi',
    'sultan',
    'borong',
    'ngeborong',
    'blessed',
  ].map((pattern) => ({ pattern })),
};

/** Emoji that signal showing off. */
export const FLEX_EMOJI: TermList = {
  id: 'extravagance-flex-emoji',
  category: 'extravagance',
  description: {
    id: 'Emoji pamer (api, kacamata hitam, uang) yang menjadikan foto barang mewah sebagai pamer.',
    en: 'Show-off emoji (fire, sunglasses, money) that make a luxury item a flex.',
  },
  sources: [FLEXING],
  terms: ['🔥', '😎', '💸', '🤑', '💰', '🤩'].map((pattern) => ({ pattern })),
};
