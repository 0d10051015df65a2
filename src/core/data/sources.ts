/**
 * Sources cited by the term lists. Every list names where its rule comes
 * from (the guideline) and where the words come from (usage, dictionary).
 */
import type { Source } from '../terms.js';

/** SE-16/MK.01/2018, the Kemenkeu social-media guideline (seed articles). */
export const SE16: Source = { title: 'SE-16/MK.01/2018 Panduan Aktivitas dan Penggunaan Media Sosial bagi Pegawai Kemenkeu (ringkasan di artikel Kemenkeu)' };
/** SE MenPAN-RB 137/2018. */
export const SE137: Source = { title: 'SE MenPAN-RB 137/2018 Penyebarluasan Informasi melalui Media Sosial bagi ASN' };
/** BKN hate-speech letter. */
export const BKN: Source = { title: 'Surat BKN K.26-30/V.72-2/99 (31 Mei 2018) tentang ujaran kebencian' };
/** UU ITE as amended by UU 1/2024. */
export const UUITE: Source = { title: 'UU 1/2024 (perubahan kedua UU ITE), Pasal 27, 27A, 28, 29' };
/** Neutrality decree. */
export const SKB: Source = { title: 'SKB Netralitas ASN 2022 (MenPAN-RB, Kemendagri, BKN, KASN, Bawaslu); PP 94/2021 Pasal 5 huruf n' };
/** Secrecy. */
export const KIP: Source = { title: 'UU 14/2008 (KIP) Pasal 17; UU KUP Pasal 34 (rahasia wajib pajak)' };
/** Personal data. */
export const PDP: Source = { title: 'UU 27/2022 Pelindungan Data Pribadi' };
/** Word usage. */
export const KBBI: Source = { title: 'KBBI Daring (label kasar/cakapan) dan pemakaian umum di media sosial Indonesia', url: 'https://kbbi.kemdikbud.go.id' };
/** Flexing instruction. */
export const FLEXING: Source = {
  title: 'Instruksi Menteri Keuangan Februari 2023 tentang larangan pamer kemewahan; SE-16/MK.01/2018 (perjalanan dinas dan pemborosan APBN)',
};
/** Hoax-literacy material. */
export const HOAX_LIT: Source = { title: 'Materi literasi digital Kominfo dan Mafindo (ciri pesan berantai)', url: 'https://turnbackhoax.id' };
/** Porn law. */
export const PORN: Source = { title: 'UU 44/2008 tentang Pornografi; UU ITE Pasal 27 ayat (1)' };
/** Terrorism law. */
export const TERROR: Source = { title: 'UU 5/2018 tentang Pemberantasan Tindak Pidana Terorisme; SE MenPAN-RB 137/2018 butir 7' };
/** Dukcapil NIK structure. */
export const NIK_FORMAT: Source = { title: 'Struktur NIK Dukcapil: kode wilayah (6 digit), tanggal lahir (+40 untuk perempuan), nomor urut' };
/** Grammar of function words: negation, pronouns, honorifics, reporting verbs. */
export const TBBBI: Source = {
  title: 'Tata Bahasa Baku Bahasa Indonesia (Alwi dkk., edisi ketiga, Balai Pustaka 2003): ingkar, pronomina, sapaan, verba pelaporan',
};
/** The policy's rule that context decides (quote, explain, report, condemn). */
export const POLICY_CONTEXT: Source = {
  title:
    'Bijak policy.md: "a post that explains the rules, reports news, or condemns an act is not the act" (kosakata pedoman SE-16/MK.01/2018 dan SE MenPAN-RB 137/2018)',
};
/** Journalism conventions for attribution. */
export const PRESS: Source = {
  title: 'Pedoman Pemberitaan Media Siber (Dewan Pers 2012) dan konvensi atribusi berita (kata pelaporan, lembaga penegak hukum)',
};
/** Official election vocabulary. */
export const ELECTION_LAW: Source = { title: 'UU 7/2017 tentang Pemilu dan Peraturan KPU: peserta pemilu, pasangan calon, nomor urut, tim kampanye' };
/** Official document vocabulary. */
export const TNDE: Source = {
  title:
    'Tata naskah dinas (Permenpan-RB 80/2012; PMK tata naskah dinas Kemenkeu): jenis naskah, kode nomor surat, klasifikasi keamanan (sangat rahasia, rahasia, terbatas, biasa)',
};
/** Banking and identity-document vocabulary. */
export const IDENTITY_DOCS: Source = {
  title: 'Istilah dokumen kependudukan, perpajakan dan perbankan (Dukcapil: NIK, KK; DJP: NPWP; OJK: rekening, kartu kredit/debit)',
};
/** Regional Malay varieties of eastern Indonesia. */
export const MELAYU_TIMUR: Source = { title: 'Kamus Melayu Manado dan Melayu Papua (Balai Bahasa): pronomina "dorang" (mereka)' };
/** Anti-discrimination law. */
export const UU_DISKRIMINASI: Source = {
  title:
    'UU 40/2008 tentang Penghapusan Diskriminasi Ras dan Etnis, Pasal 4 (pembedaan, pengecualian, pembatasan, pemilihan); UU 8/2016 tentang Penyandang Disabilitas',
};
