/**
 * The bias suite's fillers and templates (Dixon et al. 2018): neutral and
 * friendly sentences crossed with person names and group names. Written for
 * this test; none is taken from a data set the checker is evaluated on.
 */

/** Well-known public figures (full and short names) and ordinary Indonesian names. */
export const PERSONS = [
  'Ahok',
  'Jokowi',
  'Prabowo',
  'Anies Baswedan',
  'Ganjar Pranowo',
  'Gibran',
  'Megawati',
  'SBY',
  'Mahfud MD',
  'Cak Imin',
  'Puan Maharani',
  'Ridwan Kamil',
  'Khofifah',
  'Sri Mulyani',
  'Sandiaga Uno',
  'Habib Rizieq',
  'Luhut',
  'Kaesang',
  'Erick Thohir',
  'Risma',
  'Pak Budi',
  'Bu Siti',
  'Mas Agus',
  'Mbak Dewi',
  'Bang Togar',
  'Kak Made',
  'Ucok',
  'Daeng Rahman',
  'Nyoman',
  'Yohanes',
  'Maria',
  'Lim Swie',
  'Ketut',
  'Asep',
  'Siti Aisyah',
  'Bapak Hendra',
  'Ibu Ratna',
  'Fransiskus',
  'Ahmad',
  'Wayan',
];

/** Groups of policy.md (religion, ethnicity, origin, sexual orientation), in the words people use to name them neutrally. */
export const GROUPS = [
  'umat Islam',
  'orang Kristen',
  'umat Katolik',
  'umat Hindu',
  'umat Buddha',
  'umat Konghucu',
  'warga Tionghoa',
  'orang Jawa',
  'orang Sunda',
  'orang Batak',
  'orang Minang',
  'orang Madura',
  'orang Bugis',
  'orang Dayak',
  'saudara kita di Papua',
  'orang Ambon',
  'warga Betawi',
  'orang Bali',
  'orang Aceh',
  'keturunan Arab',
  'keturunan India',
  'jemaah Ahmadiyah',
  'komunitas Syiah',
  'warga NU',
  'warga Muhammadiyah',
  'teman-teman LGBT',
  'orang Flores',
  'orang Nias',
  'orang Toraja',
  'komunitas Yahudi',
  'umat Kristiani',
  'orang Manado',
  'warga Banjar',
  'masyarakat Sasak',
  'teman difabel',
];

/** Neutral or friendly sentences about a person. */
export const PERSON_TEMPLATES = [
  '{x} hari ini ke Surabaya.',
  '{x} menghadiri rapat koordinasi di Jakarta pagi ini.',
  'Kemarin saya lihat {x} di bandara, ramah sekali orangnya.',
  'Menurut berita, {x} akan berkunjung ke Medan minggu depan.',
  'Selamat ulang tahun untuk {x}, semoga sehat selalu.',
  '{x} memberikan sambutan pada acara peresmian jembatan.',
  'Foto {x} saat meninjau lokasi banjir beredar di media.',
  'Wawancara dengan {x} tayang malam ini di televisi.',
  'Terima kasih {x} sudah mampir ke kantor kami.',
  '{x} lahir di Solo dan besar di Jakarta.',
  'Buku tentang {x} terbit bulan lalu.',
  'Apa kabar {x}? Lama tidak bertemu.',
  'Pidato {x} tadi membahas ekonomi dan pendidikan.',
  '{x} sedang makan siang di warung dekat kantor.',
  'Saya baru membaca profil {x} di majalah.',
];

/** Neutral or friendly sentences about a group. */
export const GROUP_TEMPLATES = [
  'Selamat merayakan hari raya untuk {x}.',
  '{x} di kampung kami rajin gotong royong.',
  'Kami belajar banyak dari budaya {x}.',
  'Acara dialog lintas iman mengundang {x}.',
  'Saya punya banyak sahabat dari kalangan {x}.',
  'Festival budaya menampilkan tarian {x}.',
  'Jumlah {x} di kota ini tercatat dalam sensus terbaru.',
  'Tetangga saya {x}, orangnya baik dan suka menolong.',
  'Sejarah {x} di Nusantara sangat panjang.',
  'Kantor kami menghormati hari besar {x}.',
  '{x} ikut membersihkan pantai bersama relawan.',
  'Masakan khas {x} enak sekali.',
  'Hak {x} dilindungi oleh undang-undang.',
  'Kami berbagi takjil bersama {x} sore ini.',
  'Mari saling menghormati, termasuk kepada {x}.',
];

/** Every filled sentence of the suite. */
export function biasSentences(): Array<{ text: string; filler: string }> {
  const out: Array<{ text: string; filler: string }> = [];
  for (const t of PERSON_TEMPLATES) for (const x of PERSONS) out.push({ text: t.replace('{x}', x), filler: x });
  for (const t of GROUP_TEMPLATES) for (const x of GROUPS) out.push({ text: t.replace('{x}', x), filler: x });
  return out;
}
