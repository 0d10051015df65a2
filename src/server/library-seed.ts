/**
 * Demo content of the official-content library (issue 11), seeded with the demo organisation so a fresh
 * `npm start` shows a feed, a review queue and charts. Variants are produced by the summariser from the
 * item's text (figures exact) and checked like any variant.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Checker } from '../core/index.js';
import { summarize } from '../core/summarize/index.js';
import type { Database } from '../db/types.js';
import { checkVariant, LIBRARY_PLATFORMS, type LibraryPlatform, linkReserve, VARIANT_LIMITS } from './routes/library-common.js';

interface DemoItem {
  title: string;
  body: string;
  link: string;
  tags: string[];
  targets: string[];
  status: 'draft' | 'review' | 'published';
  daysAgo: number;
  /** Variants written by hand (others are summarised from the body). */
  manual?: Partial<Record<LibraryPlatform, string>>;
}

const ITEMS: DemoItem[] = [
  {
    title: 'APBN 2025 ditetapkan Rp3.621,3 triliun',
    body: 'DPR dan Pemerintah menyetujui APBN Tahun Anggaran 2025. Belanja negara ditetapkan sebesar Rp3.621,3 triliun, sementara pendapatan negara ditargetkan Rp3.005,1 triliun. Defisit dijaga pada 2,53% terhadap PDB. Anggaran pendidikan mencapai Rp724,3 triliun atau 20% dari belanja negara. Asumsi pertumbuhan ekonomi 5,2% dan inflasi 2,5%.',
    link: 'https://www.kemenkeu.go.id/informasi-publik/publikasi/berita-utama/apbn-2025',
    tags: ['APBN', 'fiskal'],
    targets: [],
    status: 'published',
    daysAgo: 6,
  },
  {
    title: 'Lapor SPT Tahunan sebelum 31 Maret',
    body: 'Wajib pajak orang pribadi menyampaikan SPT Tahunan paling lambat 31 Maret. Pelaporan dapat dilakukan melalui DJP Online selama 24 jam. Keterlambatan dikenai denda Rp100.000. Layanan Kring Pajak 1500200 siap membantu pada hari kerja.',
    link: 'https://www.pajak.go.id/id/spt-tahunan',
    tags: ['pajak', 'SPT'],
    targets: ['DJP'],
    status: 'published',
    daysAgo: 3,
  },
  {
    title: 'Klarifikasi: pesan berantai bantuan Rp5 juta adalah hoaks',
    body: 'Kementerian Keuangan tidak pernah membagikan dana bantuan Rp5 juta per orang melalui tautan pendaftaran. Kemenkeu tidak pernah meminta data pribadi, nomor rekening, atau kode OTP melalui pesan singkat. Periksa informasi melalui laman resmi dan akun terverifikasi, atau hubungi 134.',
    link: 'https://www.kemenkeu.go.id/informasi-publik/publikasi/siaran-pers/klarifikasi-hoaks-bantuan',
    tags: ['hoaks', 'klarifikasi'],
    targets: [],
    status: 'published',
    daysAgo: 1,
  },
  {
    title: 'Ketentuan baru barang kiriman',
    body: 'Barang kiriman dengan nilai pabean sampai dengan USD 3 dibebaskan dari bea masuk namun tetap dipungut PPN. Nilai di atas USD 3 sampai USD 1.500 dikenakan bea masuk 7,5% dan PPN 11%. Periksa status barang kiriman di laman resmi Bea Cukai.',
    link: 'https://www.beacukai.go.id/barang-kiriman',
    tags: ['bea cukai'],
    targets: ['DJBC'],
    status: 'review',
    daysAgo: 0,
  },
];

function variantsFor(item: DemoItem): Partial<Record<LibraryPlatform, string>> {
  const out: Partial<Record<LibraryPlatform, string>> = {};
  for (const p of LIBRARY_PLATFORMS) {
    if (item.manual?.[p]) {
      out[p] = item.manual[p];
      continue;
    }
    if (p === 'tiktok') continue;
    const target = Math.min(VARIANT_LIMITS[p], p === 'x' || p === 'threads' ? VARIANT_LIMITS[p] : 700) - linkReserve(p);
    const r = summarize(`${item.title}\n${item.body}`, { platform: p, target });
    out[p] = r.post;
  }
  return out;
}

/** Inserts the demo items, variants, and some shares and clicks of the demo employees. */
export async function seedLibraryDemo(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: { checker: Checker; userId: (username: string) => string; unitId: (code: string) => string; unitOf: (username: string) => string; now: number },
): Promise<void> {
  const DAY = 86_400_000;
  const iso = (daysAgo: number) => new Date(ctx.now - daysAgo * DAY).toISOString();
  const published: Array<{ id: string; daysAgo: number }> = [];
  for (const it of ITEMS) {
    const id = randomUUID();
    const created = iso(it.daysAgo + 1);
    await trx
      .insertInto('library_items')
      .values({
        id,
        title: it.title,
        body: it.body,
        link: it.link,
        image_url: null,
        tags_json: JSON.stringify(it.tags),
        target_units_json: JSON.stringify(it.targets.map(ctx.unitId)),
        valid_from: null,
        valid_until: null,
        status: it.status,
        origin: 'manual',
        created_by: ctx.userId('humas'),
        submitted_by: it.status === 'draft' ? null : ctx.userId('humas'),
        reviewed_by: it.status === 'published' ? ctx.userId('humas2') : null,
        review_note: '',
        published_at: it.status === 'published' ? iso(it.daysAgo) : null,
        archived_at: null,
        created_at: created,
        updated_at: it.status === 'published' ? iso(it.daysAgo) : created,
      })
      .execute();
    for (const [platform, text] of Object.entries(variantsFor(it)) as Array<[LibraryPlatform, string]>) {
      const findings = checkVariant(ctx.checker, platform, text);
      await trx
        .insertInto('library_variants')
        .values({
          item_id: id,
          platform,
          text,
          findings_json: JSON.stringify(findings),
          override_reason: null,
          override_by: null,
          override_at: null,
          updated_at: created,
        })
        .execute();
    }
    if (it.status === 'published') published.push({ id, daysAgo: it.daysAgo });
  }
  // a few shares and clicks by the demo employees, so the charts have something to show
  const shares: Array<[string, number, LibraryPlatform, number, number]> = [
    ['pegawai', 0, 'x', 5, 14],
    ['pegawai', 0, 'whatsapp', 4, 9],
    ['pegawai2', 0, 'facebook', 3, 6],
    ['pegawai', 1, 'linkedin', 2, 4],
    ['pegawai2', 2, 'x', 1, 3],
  ];
  for (const [user, idx, platform, daysAgo, clicks] of shares) {
    const item = published[idx];
    if (!item) continue;
    const code = randomBytes(9).toString('base64url');
    const at = iso(Math.min(daysAgo, item.daysAgo));
    const day = at.slice(0, 10);
    await trx
      .insertInto('library_links')
      .values({ code, item_id: item.id, user_id: ctx.userId(user), unit_id: ctx.unitOf(user), platform, created_at: at })
      .execute();
    await trx
      .insertInto('library_shares')
      .values({ id: randomUUID(), code, item_id: item.id, user_id: ctx.userId(user), unit_id: ctx.unitOf(user), platform, day, created_at: at })
      .execute();
    await trx
      .insertInto('library_clicks')
      .values({ code, day, clicks, uniques: Math.ceil(clicks * 0.7) })
      .execute();
  }
}
