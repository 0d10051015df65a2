/**
 * The frames that replace phrase lists (issue 14): hate = group reference +
 * hostile predicate, exclusion or call to violence; leak = work object +
 * disclosure act (or a classification marking); partisanship = candidate /
 * party / number / team reference + support, call, membership or N1-N15 act.
 * Each table row is a sentence written for this test: flagged ones name the
 * rule and the words it must cover; innocent ones (names, religions,
 * regional-language words, support for a group, news, rules being quoted or
 * explained) must get no finding of the frame's category at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCES } from '../../src/core/data/references.js';
import { BUILTIN_RULES, type Category, check } from '../../src/core/index.js';
import { ROOT } from './helpers.js';

interface FrameTable {
  category: Category;
  /** [text, rule id, words the finding must contain] */
  flagged: Array<[string, string, string]>;
  innocent: string[];
}

const FRAMES: Record<string, FrameTable> = {
  hate: {
    category: 'hate-speech',
    flagged: [
      ['Orang Madura itu penipu semua, jangan kasih kerja', 'hate-speech/sara', 'penipu'],
      // back-reference: the group is named in the first clause, "mereka" carries it
      ['Umat Konghucu merayakan Imlek, mereka bodoh dan malas', 'hate-speech/sara', 'mereka bodoh'],
      ['Pengikut Syiah pindah ke desa kami. Kaum itu pembawa sial', 'hate-speech/sara', 'Kaum itu pembawa sial'],
      ['Jemaat Ahmadiyah mau ngontrak di sini, jangan sewakan rumah ke mereka', 'hate-speech/sara', 'jangan sewakan'],
      ['Penyandang disabilitas tidak usah diterima jadi pegawai', 'hate-speech/sara', 'tidak usah diterima'],
      // a call to violence against a house of worship is a call to violence against a group
      ['Bakar saja rumah ibadah mereka', 'hate-speech/sara', 'rumah ibadah'],
      ['Ayo kita serbu dan ratakan gereja di ujung jalan itu', 'hate-speech/sara', 'ratakan gereja'],
      ['Malam ini kita membakar klenteng itu', 'hate-speech/sara', 'membakar klenteng'],
    ],
    innocent: [
      'Mereka bodoh semua', // no group named anywhere: a back-reference alone is nobody
      'Ahok hari ini ke Surabaya',
      'Pak Budi Santoso orang Batak yang ramah dan suka menolong',
      'Selamat Hari Raya Nyepi bagi umat Hindu, semoga damai',
      'Kami mendukung hak kaum difabel untuk bekerja di kantor pemerintah',
      'Komunitas LGBT berhak atas layanan publik yang sama, mereka warga negara',
      'Polisi menangkap pelaku pembakaran gereja di Aceh Singkil',
      'Kami mengecam keras serangan bom di masjid itu, pelakunya biadab',
      'Bakar batu di Wamena untuk syukuran gereja, semua keluarga datang',
      'Umat Katolik bakar lilin di gereja saat misa malam Natal',
      'Ngenteni bis nang Palembang, wis suwe banget',
      'Aturan BKN: jangan sebarkan ujaran "usir orang Cina" dan sejenisnya',
      'Dilarang mengusir jemaat gereja dari kampung',
      'Mereka yang beragama Kristen ikut kerja bakti bersama umat Islam, tidak ada yang malas',
      'Suku bunga acuan turun, kredit makin murah',
    ],
  },
  leak: {
    category: 'confidential',
    flagged: [
      ['Aku spill dikit ya isi notulen rapat tertutup kemarin', 'confidential/disclosure', 'spill'],
      ['Nih screenshot draft kebijakan yang masih dibahas', 'confidential/disclosure', 'screenshot draft'],
      ['Aku kirimin foto data wajib pajak yang lagi diperiksa', 'confidential/disclosure', 'data wajib pajak'],
      ['Laporan TERBATAS untuk pimpinan sudah saya foto', 'confidential/disclosure', 'Laporan TERBATAS'],
      ['Hasil audit internal unit kami, aku share di sini aja', 'confidential/disclosure', 'share'],
      ['Dokumen bertanda terbatas ini aku upload ke drive pribadi', 'confidential/disclosure', 'bertanda terbatas'],
    ],
    innocent: [
      'Jangan pernah foto atau share dokumen internal ke media sosial',
      'Dokumen berklasifikasi rahasia jangan difoto lalu diunggah ke grup',
      'Foto bersama peserta rapat koordinasi hari ini',
      'Hasil pemeriksaan kesehatan sudah keluar, aku kirim ke dokter',
      'STOK TERBATAS! Kirim pesanan hari ini juga',
      'Data WP sudah saya kirim lewat aplikasi internal sesuai SOP',
      'Rahasia sukses diet: share resep sehatmu di kolom komentar',
      'Siaran pers: Kemenkeu membagikan hasil audit BPK atas laporan keuangan',
      'Draft skripsi aku kirim ke dosen pembimbing malam ini',
    ],
  },
  partisanship: {
    category: 'partisanship',
    flagged: [
      ['Foto bareng calon bupati tadi pagi, semoga terpilih ya pak', 'partisanship/support', 'calon bupati'],
      ['Pakai kaos paslon nomor 2 ke kantor hari ini', 'partisanship/support', 'kaos paslon'],
      ['Salam dua jari untuk capres kita', 'partisanship/support', 'dua jari'],
      ['Hadir di deklarasi tim pemenangan tadi malam, rame sekali', 'partisanship/support', 'deklarasi'],
      ['Sudah gabung grup tim sukses, yang mau ikut japri ya', 'partisanship/support', 'gabung'],
      ['Mohon doa dan dukungan untuk kakak saya, caleg DPRD dapil 3', 'partisanship/support', 'dukungan'],
      ['Bangga dilantik jadi bendahara DPC Partai Harapan Baru di kecamatan kami', 'partisanship/campaign-team', 'bendahara DPC'],
      // a particular contestant stays a call, also after a count
      ['Besok coblos paslon 03 saja ya, jangan yang lain', 'partisanship/campaign-call', 'coblos paslon 03'],
      ['Dari tiga paslon itu, pilih paslon 2 ya', 'partisanship/campaign-call', 'pilih paslon 2'],
    ],
    innocent: [
      'ASN dilarang foto bareng calon dan memakai atribut partai',
      'Like, komen dan share postingan paslon termasuk pelanggaran netralitas',
      'KPU menetapkan nomor urut paslon pilkada hari ini',
      'Debat capres malam ini disiarkan langsung, tonton dan nilai sendiri',
      'Foto bareng Pak Anies di bandara, orangnya ramah',
      'Dukung timnas Indonesia di Piala Asia!',
      'Jangan lupa gunakan hak pilih Anda pada 27 November',
      'Mendukung kaum perempuan jadi pemimpin itu baik',
      'Kaos kaki baru dari pasar, harganya murah',
      // a call for no one in particular: a count, a quantifier, alternatives, the reader's own choice
      'Di bilik suara cukup coblos salah satu paslon, jangan lebih, supaya surat suaranya sah',
      'Kalau coblos tiga paslon sekaligus, surat suaranya tidak sah',
      'Kamu bebas mau pilih partai atau caleg, sesuai hati nurani masing-masing',
      'Silakan coblos paslon pilihanmu sendiri, rahasia kok',
      'Ketua DPC partai itu diperiksa KPK hari ini terkait dana hibah',
    ],
  },
  verify: {
    category: 'hoax',
    flagged: [['Katanya pemilu diundur ke 2030, sebarkan ke grup keluarga!', 'hoax/chain-message', 'sebarkan']],
    innocent: [
      // telling readers to check an official source counters the rumour (SE-16: "pastikan ... sumber yang jelas")
      'Katanya pemilu diundur ke 2030? cek dulu di kpu.go.id sebelum sebarkan ke grup keluarga',
      'Ada kabar pemilu diundur, periksa di situs resmi KPU sebelum sebarkan ke grup ya',
    ],
  },
};

describe.each(Object.entries(FRAMES))('frame %s', (_name, table) => {
  it.each(table.flagged)('flags %s', (text, ruleId, words) => {
    const hits = check({ text }).filter((f) => f.ruleId === ruleId);
    expect(hits.length, `${ruleId} on: ${text}`).toBeGreaterThan(0);
    expect(hits.some((f) => text.slice(f.range[0], f.range[1]).includes(words))).toBe(true);
  });
  it.each(table.innocent)('leaves clean: %s', (text) => {
    const hits = check({ text }).filter((f) => f.category === table.category && f.severity !== 'info');
    expect(hits.map((f) => `${f.ruleId} ${text.slice(f.range[0], f.range[1])}`)).toEqual([]);
  });
});

describe('vocabulary is data', () => {
  it('every reference of every rule is a key of the one reference map', () => {
    const labels = new Set(Object.values(REFERENCES).map((r) => r.label));
    for (const r of BUILTIN_RULES) for (const ref of r.meta.references) expect(labels, `${r.meta.id}: ${ref}`).toContain(ref);
  });

  it('every list a rule matches or consults has sources and appears in docs/rules.md', () => {
    const md = readFileSync(resolve(ROOT, 'docs/rules.md'), 'utf8');
    for (const r of BUILTIN_RULES)
      for (const l of [...(r.meta.lists ?? []), ...(r.meta.vocabulary ?? [])]) {
        expect(l.sources.length, l.id).toBeGreaterThan(0);
        expect(md).toContain(`\`${l.id}\``);
      }
  });

  it('rule modules hold no word lists: no wordSet([...]) literal with more than one word', () => {
    const dir = resolve(ROOT, 'src/core/rules');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(resolve(dir, f), 'utf8');
      for (const m of src.matchAll(/wordSet\(\s*\[([^\]]*)\]/g)) {
        const words = (m[1] ?? '').split(',').filter((w) => w.trim().length > 0);
        expect(words.length, `${f}: ${m[0]}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
