/**
 * Defamation: accusations of a crime or disgrace. Reported only when aimed
 * at an identifiable individual and not framed as news or a court record;
 * criticism of an institution or a policy is not defamation
 * (MK 105/PUU-XXII/2024).
 */
import type { TermList } from '../terms.js';
import { SE137, UUITE } from './sources.js';

/** Accusations of crime or disgrace. */
export const ACCUSATIONS: TermList = {
  id: 'defamation-accusations',
  category: 'defamation',
  description: {
    id: 'Tuduhan pidana atau aib (korupsi, suap, pungli, selingkuh).',
    en: 'Accusations of a crime or disgrace (corruption, bribery, extortion, adultery).',
  },
  sources: [UUITE, SE137],
  terms: [
    'korupsi',
    'korup',
    'koruptor',
    'terima suap',
    'menerima suap',
    'disuap',
    'nyuap',
    'makan uang',
    'maling',
    'mencuri',
    'pencuri',
    'nilep',
    'menilep',
    'gelapkan',
    'menggelapkan',
    'pungli',
    'pemeras',
    'memeras',
    'selingkuh',
    'main perempuan',
    'pemakai narkoba',
    'bandar narkoba',
    'penipu',
    'mark up',
    'markup',
    'cuci uang',
    'sogok',
    'disogok',
    'nyogok',
    'kongkalikong',
    'makelar kasus',
    'mafia pajak',
  ].map((pattern) => ({ pattern })),
};

/** Words that frame an accusation as prevention, news or due process. */
export const NOT_ACCUSING: TermList = {
  id: 'defamation-framing',
  category: 'defamation',
  description: { id: 'Pembingkaian pencegahan atau proses hukum.', en: 'Prevention or due-process framing.' },
  sources: [UUITE],
  terms: [
    'pemberantasan',
    'berantas',
    'antikorupsi',
    'anti',
    'pencegahan',
    'cegah',
    'sosialisasi',
    'penyuluhan',
    'zona integritas',
    'kasus',
    'dugaan',
    'diduga',
    'terduga',
    'tersangka',
    'terdakwa',
    'dituduh',
    'tuduhan',
    'divonis',
    'vonis',
    'putusan',
    'ditetapkan',
    'dilaporkan',
    'kpk',
    'fitnah',
    'hoaks',
    'pelatihan',
    'seminar',
    'webinar',
  ].map((pattern) => ({ pattern })),
};
