/**
 * Identities that are never evidence by themselves: names of well-known public
 * figures and neutral names of groups (religions, ethnicities, origins, sexual
 * orientation). The learned models see each of them as one placeholder
 * (`<person>`, `<group>`) whose own weight is zero, so "Ahok hari ini ke
 * Surabaya" scores like any other news sentence while "<group> itu kafir,
 * usir saja" still scores as hostility (src/core/model/features.ts). The
 * lists do not hold slurs: a slur is evidence, and stays a word the models
 * and rules read.
 */
import type { Source } from '../terms.js';
import { SE137, UUITE } from './sources.js';

/** Where the person names come from. */
export const PUBLIC_FIGURES_SOURCE: Source = {
  title:
    'Nama pejabat publik dan calon pada daftar calon tetap KPU (Pilpres 2014, 2019, 2024; Pilkada DKI 2017) dan susunan kabinet yang diumumkan Sekretariat Negara',
};

/** Sources of the identity lists. */
export const IDENTITY_SOURCES: Source[] = [PUBLIC_FIGURES_SOURCE, SE137, UUITE];

/**
 * Names (single words, lower case) of public figures who appear in Indonesian
 * political talk, including common short names and nicknames. A name is never
 * evidence (conversationai/perspectiveapi#22; Dixon et al. 2018).
 */
export const PUBLIC_FIGURE_NAMES: readonly string[] = [
  'jokowi',
  'joko',
  'widodo',
  'ahok',
  'basuki',
  'tjahaja',
  'purnama',
  'btp',
  'prabowo',
  'subianto',
  'anies',
  'baswedan',
  'ganjar',
  'pranowo',
  'gibran',
  'rakabuming',
  'megawati',
  'soekarnoputri',
  'sby',
  'yudhoyono',
  'ahy',
  'mahfud',
  'mahfudmd',
  'muhaimin',
  'iskandar',
  'imin',
  'puan',
  'maharani',
  'risma',
  'rismaharini',
  'sandiaga',
  'sandi',
  'ridwan',
  'kamil',
  'khofifah',
  'rizieq',
  'hrs',
  'amien',
  'fadli',
  'fahri',
  'luhut',
  'pandjaitan',
  'maruf',
  'kaesang',
  'erick',
  'thohir',
  'airlangga',
  'hartarto',
  'paloh',
  'hasto',
  'tsamara',
  'giring',
  'habibie',
  'soeharto',
  'suharto',
  'soekarno',
  'sukarno',
  'gusdur',
  'wahid',
  'agus',
  'harimurti',
  'djarot',
  'bobby',
  'nasution',
  'dedi',
  'mulyadi',
  'zulkifli',
  'zulhas',
  'bahlil',
  'tito',
  'karnavian',
  'budi',
  'gunawan',
  'listyo',
  'sigit',
  'moeldoko',
  'wiranto',
  'yasonna',
  'pratikno',
  'bambang',
  'soesatyo',
  'bamsoet',
  'surya',
];

/**
 * Neutral names of groups protected by UU ITE 28(2) and SE 137 pt 8 (single
 * words, lower case). Support for, or the mere mention of, any group is never
 * flagged (policy.md).
 */
export const GROUP_NAMES: readonly string[] = [
  // religions and their followers
  'islam',
  'muslim',
  'muslimin',
  'muslimah',
  'kristen',
  'kristiani',
  'nasrani',
  'katolik',
  'katholik',
  'protestan',
  'hindu',
  'buddha',
  'budha',
  'buddhis',
  'konghucu',
  'khonghucu',
  'yahudi',
  'syiah',
  'sunni',
  'ahmadiyah',
  'ahmadi',
  'nu',
  'nahdliyin',
  'muhammadiyah',
  'salafi',
  'wahabi',
  'kejawen',
  'penghayat',
  // ethnicities and origins
  'tionghoa',
  'cina',
  'china',
  'jawa',
  'sunda',
  'batak',
  'minang',
  'minangkabau',
  'padang',
  'madura',
  'bugis',
  'makassar',
  'dayak',
  'papua',
  'ambon',
  'maluku',
  'betawi',
  'bali',
  'aceh',
  'arab',
  'india',
  'flores',
  'nias',
  'toraja',
  'banjar',
  'manado',
  'timor',
  'sasak',
  'melayu',
  // sexual orientation and gender identity
  'lgbt',
  'lgbtq',
  'gay',
  'lesbian',
  'biseksual',
  'transgender',
  'transpuan',
  'waria',
];
