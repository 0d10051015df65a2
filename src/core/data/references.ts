/**
 * Guideline references: the one typed map from a reference key to the short
 * name that findings carry (`Finding.references`, the names of
 * ../shared/docs/policy.md) and to its full title. Every rule names its
 * references by key through {@link refs}, so a name is spelled in one place
 * and docs/rules.md can show the full title.
 */

/** One guideline or law a finding can cite. */
export interface Reference {
  /** The short name shown in findings, e.g. `SE-16/MK.01/2018`. */
  label: string;
  /** Full title and what it says, for the docs. */
  title: string;
  url?: string;
}

export const REFERENCES = {
  SE16: {
    label: 'SE-16/MK.01/2018',
    title:
      'Surat Edaran Menteri Keuangan SE-16/MK.01/2018 (31 Agustus 2018), Panduan Aktivitas dan Penggunaan Media Sosial bagi Pegawai Kementerian Keuangan ("Bijak Bermedsos")',
  },
  SE137: {
    label: 'SE MenPAN-RB 137/2018',
    title: 'Surat Edaran MenPAN-RB 137/2018 (21 Mei 2018), Penyebarluasan Informasi melalui Media Sosial bagi ASN (delapan butir)',
  },
  BKN: {
    label: 'BKN K.26-30/V.72-2/99',
    title: 'Surat BKN K.26-30/V.72-2/99 (31 Mei 2018): enam perbuatan ujaran kebencian yang dilarang, termasuk menyukai dan membagikannya',
  },
  UUITE: {
    label: 'UU ITE (UU 1/2024)',
    title:
      'UU 1/2024, perubahan kedua UU 11/2008 (ITE): Pasal 27(1) kesusilaan, 27A pencemaran nama baik, 28(2) kebencian SARA, 28(3) berita bohong, 29 ancaman',
  },
  KIP17: { label: 'UU KIP 14/2008 Pasal 17', title: 'UU 14/2008 Keterbukaan Informasi Publik, Pasal 17: informasi yang dikecualikan (e, h, i, j)' },
  KUP34: { label: 'UU KUP Pasal 34', title: 'UU Ketentuan Umum dan Tata Cara Perpajakan, Pasal 34: rahasia wajib pajak' },
  SKB: {
    label: 'SKB Netralitas 2022',
    title:
      'SKB MenPAN-RB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu (22 September 2022) tentang netralitas ASN dalam pemilu dan pemilihan (perbuatan N1-N15)',
  },
  PP94: { label: 'PP 94/2021', title: 'PP 94/2021 tentang Disiplin PNS, Pasal 5 huruf n: larangan memberi dukungan kepada calon' },
  UUASN: { label: 'UU 20/2023', title: 'UU 20/2023 tentang ASN, Pasal 9 ayat (2): ASN bebas dari pengaruh golongan dan partai politik' },
  PMK190: { label: 'PMK 190/PMK.01/2018', title: 'PMK 190/PMK.01/2018 Kode Etik dan Kode Perilaku Pegawai Kemenkeu, Pasal 7 huruf e: netralitas' },
  PDP: { label: 'UU PDP 27/2022', title: 'UU 27/2022 Pelindungan Data Pribadi, Pasal 65 dan 67' },
  FLEXING: {
    label: 'Instruksi Menkeu Feb 2023 (flexing)',
    title: 'Instruksi Menteri Keuangan Februari 2023: larangan pamer kemewahan dan gaya hidup hedonis bagi pegawai',
  },
} as const satisfies Record<string, Reference>;

/** A reference key. */
export type ReferenceKey = keyof typeof REFERENCES;

/** The short names of the given references, in order, for `RuleMeta.references`. */
export function refs(...keys: ReferenceKey[]): string[] {
  return keys.map((k) => REFERENCES[k].label);
}

/** The reference with this short name, if it is one of ours (docs use it to show full titles). */
export function referenceByLabel(label: string): Reference | undefined {
  for (const r of Object.values(REFERENCES) as Reference[]) if (r.label === label) return r;
  return undefined;
}
