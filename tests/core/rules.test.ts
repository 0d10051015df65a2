/**
 * Table-driven rule tests: for each category, texts that must be flagged with
 * the exact rule and range ("rule start:end words"), and texts that must not.
 */
import { describe, expect, it } from 'vitest';
import { findings } from './helpers.js';

interface Table {
  invalid: Array<[string, string[]]>;
  valid: string[];
}

const TABLES: Record<string, Table> = {
  abusive: {
    invalid: [
      ['Anjing lu', ['abusive/profanity 0:6 Anjing']],
      ['dasar b4ngs4t', ['abusive/profanity 6:13 b4ngs4t']],
      ['a.n.j.i.n.g kau', ['abusive/profanity 0:11 a.n.j.i.n.g']],
      ['what the fuck is this', ['abusive/profanity 9:13 fuck']],
      ['GOBLOOOK', ['abusive/profanity 0:8 GOBLOOOK']],
      ['lu jelek banget', ['abusive/insult 0:8 lu jelek']],
    ],
    valid: [
      'Anjing saya lucu sekali, namanya Bruno 🐶',
      'Anjing peliharaan tetangga menggonggong terus',
      'Daging babi tidak dijual di kantin ini',
      'Resep babi panggang untuk Natal',
      'Analisis APBN semester I sudah terbit',
      'Tahi lalat di pipinya manis',
      'Monyet di kebun binatang Ragunan lucu',
      'Monyet turun ke pemukiman warga Sukabumi',
      'Monyet turun ke pemukiman warga Sukabumi',
      'Kata "anjing" itu kasar, jangan dipakai',
    ],
  },
  harassment: {
    invalid: [
      ['Bu Sari makin gendut aja ya', ['harassment/targeted 14:20 gendut']],
      ['@rinaaa bajunya ketat banget', ['harassment/targeted 8:21 bajunya ketat']],
      ['Awas kamu, gw bunuh nanti', ['harassment/targeted 0:9 Awas kamu', 'harassment/targeted 14:19 bunuh']],
    ],
    valid: [
      'Jalan di depan kantor jelek sekali',
      'Rina dari seksi umum memimpin rapat',
      'Kepala seksi pelayanan hadir',
      'Hindari body shaming: jangan bilang orang gendut',
      'Kamu tahu, pelaku bom bunuh diri itu sudah ditangkap jaringannya',
    ],
  },
  pornography: {
    invalid: [
      ['Open BO area Jaksel', ['pornography/explicit 0:7 Open BO']],
      ['ada link bokep ga', ['pornography/explicit 9:14 bokep']],
      ['vcs murah dm', ['pornography/explicit 0:3 vcs']],
    ],
    valid: [
      'Kanker payudara bisa dideteksi dini dengan SADARI',
      'Penyuluhan kesehatan reproduksi remaja',
      'Gerhana bisa dilihat dengan mata telanjang',
      'Bakteri E. coli penyebab diare',
    ],
  },
  radicalism: {
    invalid: [
      ['Pancasila itu thogut', ['radicalism/phrases 14:20 thogut']],
      ['Saatnya tegakkan khilafah!', ['radicalism/phrases 8:25 tegakkan khilafah']],
    ],
    valid: [
      'Turut berduka untuk korban bom di Surabaya, kami mengecam keras aksi teror',
      'Densus 88 menangkap terduga teroris yang merencanakan bom',
      'Pelaku bom pantas dihukum berat',
      'Sejarah kekhalifahan dipelajari di kelas sejarah Islam',
    ],
  },
  'hate-speech': {
    invalid: [
      ['Orang Batak itu kasar dan kotor semua', ['hate-speech/sara 6:31 Batak itu kasar dan kotor']],
      ['usir semua pendatang dari sini', ['hate-speech/sara 0:20 usir semua pendatang']],
    ],
    valid: [
      'Suku bunga acuan BI turun 25 bps',
      'Tidak semua orang Cina pedagang',
      'Selamat Hari Raya Nyepi bagi umat Hindu',
      'Warga Batak dan Jawa bergotong royong membangun masjid',
      'Jangan pernah bilang suku lain bodoh',
    ],
  },
  hoax: {
    invalid: [
      ['SEBARKAN!! gaji PNS naik 50%', ['hoax/chain-message 0:8 SEBARKAN']],
      ['Katanya tunjangan guru dihapus tahun depan', ['hoax/hearsay 0:7 Katanya']],
      ['info dari grup sebelah, ini bukan hoax', ['hoax/chain-message 5:22 dari grup sebelah', 'hoax/chain-message 24:38 ini bukan hoax']],
    ],
    valid: [
      'Pesan berantai soal pajak amplop itu hoaks, cek klarifikasi di pajak.go.id',
      'Sebarkan kebaikan setiap hari',
      'Jangan sebarkan info yang belum jelas sumbernya',
      'Video viral kemarin lucu banget',
    ],
  },
  partisanship: {
    invalid: [
      ['Coblos nomor 2 ya gaes', ['partisanship/campaign-call 0:14 Coblos nomor 2']],
      ['pilih Pak Budiman!', ['partisanship/campaign-call 0:17 pilih Pak Budiman']],
      ['Bangga jadi tim sukses paslon 03', ['partisanship/campaign-team 12:22 tim sukses']],
      ['#2019GantiPresiden', ['partisanship/slogan 5:18 GantiPresiden']],
    ],
    valid: [
      'Gunakan hak pilih Anda pada 14 Februari',
      'KPU membuka pendaftaran KPPS hingga akhir bulan',
      'Pilih menu sehat untuk makan siang',
      'ASN dilarang kampanye dan wajib menjaga netralitas',
      'Coblos di TPS terdekat, jangan golput',
    ],
  },
  confidential: {
    invalid: [
      ['Draft PMK soal tarif baru udah ada nih', ['confidential/markers 0:9 Draft PMK']],
      ['Bocoran mutasi eselon III minggu depan, jangan disebar ya', ['confidential/markers 0:7 Bocoran', 'confidential/markers 40:54 jangan disebar']],
      ['CV Sinar Abadi nunggak pajak 2 M', ['confidential/taxpayer-facts 0:14 CV Sinar Abadi']],
    ],
    valid: [
      'Rahasia sukses lari pagi: konsisten',
      'PMK 81/2024 sudah bisa diunduh di jdih.kemenkeu.go.id',
      'Aku naksir dia, jangan bilang siapa-siapa ya',
      'Sosialisasi SE-16/MK.01/2018 tentang bijak bermedsos',
      'Wajib pajak diimbau lapor SPT sebelum 31 Maret',
    ],
  },
  'personal-data': {
    invalid: [
      ['NIK 3174015505900003', ['personal-data/identifiers 4:20 3174015505900003']],
      ['NPWP 01.234.567.8-901.000', ['personal-data/identifiers 5:25 01.234.567.8-901.000']],
      ['transfer ke rek BCA 1234567890 a/n Budi', ['personal-data/identifiers 20:30 1234567890']],
      ['kartu kredit 4111 1111 1111 1111 exp 12/27', ['personal-data/identifiers 13:32 4111 1111 1111 1111']],
      ['NIP 198501012010011001', ['personal-data/identifiers 4:22 198501012010011001']],
      ['nomor hp wajib pajak ini 081234567890', ['personal-data/identifiers 25:37 081234567890']],
    ],
    valid: [
      'Hubungi Kring Pajak 1500200',
      'Kode billing 123456789012345 berlaku 7 hari',
      'NTPN 1234567890123456 sudah terbit',
      'Penerimaan negara Rp 2.774.300.000.000.000',
      'Pesan: hubungi saya di 081234567890',
    ],
  },
  extravagance: {
    invalid: [
      ['Dinas rasa liburan 🏝️', ['extravagance/trip-phrases 0:18 Dinas rasa liburan']],
      ['Perjalanan dinas ke Bali, sorenya golf dulu', ['extravagance/trip-leisure 34:38 golf']],
      ['Koleksi baru: Rolex Daytona 😎', ['extravagance/luxury 14:19 Rolex']],
    ],
    valid: [
      'Bea Cukai menyita 30 unit Harley ilegal',
      'Realisasi belanja negara hingga Oktober',
      'Liburan keluarga ke Bali pakai tabungan sendiri',
      'Dinas Pariwisata Bali promosikan liburan akhir tahun',
    ],
  },
  defamation: {
    invalid: [['Pak Joko kepala seksi itu terima suap, semua tahu', ['defamation/accusation 26:37 terima suap']]],
    valid: [
      'Lembaga ini korup, perlu reformasi total',
      'KPK menetapkan Pak Joko sebagai tersangka kasus korupsi',
      'Pak Joko memberi sosialisasi pencegahan korupsi',
      'Kebijakan tarif cukai kurang tepat menurut saya',
    ],
  },
};

describe.each(Object.entries(TABLES))('%s', (_cat, table) => {
  it.each(table.invalid)('flags %s', (text, expected) => {
    expect(findings(text).filter((f) => expected.some((e) => e.split(' ')[0] === f.split(' ')[0]))).toEqual(expected);
  });
  it.each(table.valid)('does not flag %s', (text) => {
    expect(findings(text)).toEqual([]);
  });
});
