/**
 * Person references (shared by the rules through src/core/rules/util.ts):
 * how a post points at an identifiable person ("Pak Budi", "si Andi",
 * "kamu", "atasan saya"). Used to decide whether a remark has a target; a
 * name is never evidence of a violation by itself.
 */
import type { TermList } from '../terms.js';
import { KBBI, TBBBI } from './sources.js';

/** Honorifics: an honorific followed by a capitalised word names a person. */
export const HONORIFICS: TermList = {
  id: 'person-honorifics',
  description: {
    id: 'Sapaan sebelum nama orang ("Pak", "Bu", "Mas", "Kak", "Ustadz", "Koh").',
    en: 'Honorifics before a personal name ("Mr", "Mrs", "brother", "sister", "teacher").',
  },
  sources: [TBBBI, KBBI],
  terms: [
    'pak',
    'bu',
    'bapak',
    'ibu',
    'mas',
    'mbak',
    'mba',
    'bang',
    'kak',
    'om',
    'tante',
    'sdr',
    'saudara',
    'saudari',
    'bro',
    'sis',
    'neng',
    'teh',
    'akang',
    'kang',
    'uda',
    'uni',
    'cak',
    'ning',
    'dik',
    'adik',
    'dek',
    'dokter',
    'dok',
    'dr',
    'prof',
    'ustadz',
    'ustad',
    'koh',
    'cik',
  ].map((pattern) => ({ pattern })),
};

/** Words that, after an honorific, are not names ("Pak yang ..."). */
export const NOT_NAMES: TermList = {
  id: 'person-not-names',
  description: { id: 'Kata tugas sesudah sapaan yang bukan nama ("Pak dan Bu", "Bu yang ...").', en: 'Function words after an honorific that are not names.' },
  sources: [TBBBI],
  terms: ['dan', 'yang', 'itu', 'ini', 'di', 'ke', 'dari'].map((pattern) => ({ pattern })),
};

/** Second-person pronouns. */
export const SECOND_PERSON: TermList = {
  id: 'person-second-person',
  description: { id: 'Pronomina persona kedua: sapaan langsung kepada orang.', en: 'Second-person pronouns: a remark addressed to someone.' },
  sources: [TBBBI],
  terms: ['kamu', 'anda', 'kau', 'engkau', 'dikau', 'kalian'].map((pattern) => ({ pattern })),
};

/** Roles that, with a possessor, identify a person ("atasan saya"). */
export const POSSESSED_ROLES: TermList = {
  id: 'person-roles',
  description: {
    id: 'Peran yang menunjuk orang tertentu bila diikuti pemilik ("atasan saya", "kepala kantor kami").',
    en: 'Roles that point at a specific person with a possessor ("my boss").',
  },
  sources: [TBBBI, KBBI],
  terms: [
    'atasan',
    'bos',
    'boss',
    'kepala',
    'kabag',
    'kasubag',
    'kasi',
    'kakanwil',
    'kakap',
    'direktur',
    'pejabat',
    'dirjen',
    'rekan',
    'teman',
    'tetangga',
    'mantan',
  ].map((pattern) => ({ pattern })),
};

/** Possessors after a role. */
export const POSSESSORS: TermList = {
  id: 'person-possessors',
  description: { id: 'Pemilik atau penunjuk sesudah peran ("saya", "kami", "itu").', en: 'Possessors or demonstratives after a role ("my", "our", "that").' },
  sources: [TBBBI],
  terms: ['saya', 'aku', 'kami', 'kita', 'itu', 'ini'].map((pattern) => ({ pattern })),
};

/** Every person-reference list, for the docs. */
export const PERSON_LISTS: TermList[] = [HONORIFICS, NOT_NAMES, SECOND_PERSON, POSSESSED_ROLES, POSSESSORS];
