// All user-facing strings, Indonesian first (default) and English. Keys are type-checked: a missing string fails `tsc`.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { categoryLabel } from '../../src/core/contract';
import { libraryDict } from './i18n-library';
import type { Category, Locale, Localized } from './types';

type Entry = readonly [id: string, en: string];

const dict = {
  // common
  'common.loading': ['Memuat…', 'Loading…'],
  'common.skip': ['Lewati ke konten', 'Skip to content'],
  'common.menu': ['Menu', 'Menu'],
  'common.language': ['Bahasa', 'Language'],
  'common.error': ['Gagal:', 'Failed:'],
  'common.line': ['Baris', 'Line'],
  'common.delete': ['Hapus', 'Delete'],
  'common.edit': ['Ubah', 'Edit'],
  'common.save': ['Simpan', 'Save'],
  'common.cancel': ['Batal', 'Cancel'],
  'common.back': ['Kembali', 'Back'],
  'common.all': ['Semua', 'All'],
  'common.yes': ['ya', 'yes'],
  'common.no': ['tidak', 'no'],
  'common.never': ['belum pernah', 'never'],
  'common.search': ['Cari', 'Search'],
  'common.actions': ['Tindakan', 'Actions'],
  'footer.text': [
    'Bijak Bermedsos: alat bantu ASN mematuhi pedoman media sosial (SE-16/MK.01/2018, SE MenPAN-RB 137/2018). Hasil pemeriksaan adalah saran, bukan keputusan.',
    'Bijak Bermedsos: helps civil servants follow the social-media guidelines (SE-16/MK.01/2018, SE MenPAN-RB 137/2018). Results are advice, not rulings.',
  ],
  'notFound.title': ['Halaman tidak ditemukan', 'Page not found'],
  'notFound.back': ['Kembali ke beranda', 'Back to the home page'],

  // roles, severities, kinds
  'role.pegawai': ['Pegawai', 'Employee'],
  'role.atasan': ['Atasan', 'Supervisor'],
  'role.humas': ['Humas', 'Public relations'],
  'role.admin': ['Admin', 'Admin'],
  'severity.error': ['Pelanggaran', 'Violation'],
  'severity.warning': ['Peringatan', 'Warning'],
  'severity.info': ['Info', 'Info'],
  'kind.post': ['Unggahan', 'Post'],
  'kind.comment': ['Komentar / balasan', 'Comment / reply'],
  'kind.caption': ['Keterangan foto/video', 'Caption'],
  'kind.share': ['Bagikan ulang', 'Reshare'],

  // category labels: from the core contract (catLabel)

  // policy

  // navigation
  'nav.label': ['Navigasi utama', 'Main navigation'],
  'nav.home': ['Beranda', 'Home'],
  'nav.check': ['Cek sebelum unggah', 'Check before posting'],
  'nav.accounts': ['Akun saya', 'My accounts'],
  'nav.audits': ['Jejak digital', 'Digital footprint'],
  'nav.privacy': ['Yang dilihat atasan', 'What my supervisor sees'],
  'nav.dashboard': ['Dasbor unit', 'Unit dashboard'],
  'nav.users': ['Pengguna', 'Users'],
  'nav.units': ['Unit organisasi', 'Organisation units'],
  'nav.policy': ['Kebijakan', 'Policy'],
  'nav.auditLog': ['Log audit', 'Audit log'],
  'nav.feedback': ['Laporan salah deteksi', 'Wrong-finding reports'],

  // auth
  'auth.title': ['Masuk', 'Sign in'],
  'auth.username': ['Nama pengguna', 'Username'],
  'auth.password': ['Kata sandi', 'Password'],
  'auth.submit': ['Masuk', 'Sign in'],
  'auth.logout': ['Keluar', 'Sign out'],
  'auth.aboutTitle': ['Bijak Bermedsos', 'Be wise on social media'],
  'auth.about': [
    'Periksa draf unggahan sebelum dipublikasikan, daftarkan akun media sosial Anda, dan lakukan cek mandiri berkala sesuai pedoman Kementerian Keuangan.',
    'Check a draft before you publish it, register your social-media accounts and do the periodic self-check the Ministry of Finance guideline asks for.',
  ],
  'auth.tryAnonymous': ['Coba cek teks tanpa masuk (tidak ada yang disimpan)', 'Try a check without signing in (nothing is stored)'],

  // home
  'home.title': ['Halo, {name}', 'Hello, {name}'],
  'home.overdueTitle': ['Cek mandiri terlambat.', 'Self-check overdue.'],
  'home.overdue': ['Cek mandiri akun Anda jatuh tempo pada {date}.', 'Your account self-check was due on {date}.'],
  'home.nextSelfCheck': ['Cek mandiri berikutnya: {date}.', 'Next self-check due: {date}.'],
  'home.doSelfCheck': ['Lakukan cek mandiri', 'Do the self-check'],
  'home.accounts': ['akun terdaftar', 'accounts registered'],
  'home.drafts': ['draf tersimpan', 'drafts saved'],
  'home.sharedFindings': ['temuan dibagikan ke atasan', 'findings shared with supervisor'],
  'home.lastSelfCheck': ['cek mandiri terakhir', 'last self-check'],
  'home.tileCheck': ['Periksa draf sebelum diunggah.', 'Check a draft before you post it.'],
  'home.tileAccounts': ['Akun media sosial dan cek mandiri berkala.', 'Social accounts and the periodic self-check.'],
  'home.tileAudits': ['Audit arsip unggahan lama Anda.', 'Audit the archive of your past posts.'],
  'home.tilePrivacy': ['Apa yang dapat dilihat atasan, dan siapa yang melihat.', 'What your supervisor can see, and who looked.'],
  'home.assumptionsTitle': ['Asumsi dasar bermedia sosial', 'Basic assumptions of social media'],
  'home.a1': ['Beda platform, beda aturan.', 'Different platforms, different rules.'],
  'home.a2': ['Jejak digital tidak dapat dihapus.', 'The digital footprint cannot be erased.'],
  'home.a3': ['Identitas digital dapat dilacak.', 'A digital identity can be traced.'],
  'home.a4': ['Cek medsos Anda secara berkala agar tidak disalahgunakan.', 'Check your accounts periodically so they are not misused.'],
  'home.a5': ['Apa yang diunggah dapat dilihat semua orang.', 'What you upload can be seen by everyone.'],

  // check
  'check.title': ['Cek sebelum unggah', 'Check before posting'],
  'check.intro': [
    'Tulis atau tempel draf Anda. Teks diperiksa otomatis saat Anda mengetik; kata yang bermasalah ditandai dan dijelaskan di samping.',
    'Write or paste your draft. It is checked as you type; flagged words are highlighted and explained alongside.',
  ],
  'check.platform': ['Platform', 'Platform'],
  'check.kind': ['Jenis', 'Kind'],
  'check.draft': ['Draf unggahan', 'Draft'],
  'check.placeholder': ['Tulis draf unggahan, komentar, atau keterangan foto di sini…', 'Write your post, comment or caption here…'],
  'check.counter': ['{n} / {max} karakter', '{n} / {max} characters'],
  'check.counterNoLimit': ['{n} karakter', '{n} characters'],
  'check.overLimit': ['lebih {n}', '{n} over'],
  'check.xCounting': [
    'di X setiap tautan dihitung 23 karakter dan setiap emoji dihitung 2 karakter',
    'on X every link counts as 23 characters and every emoji as 2 characters',
  ],
  'date.format': ['hh/bb/tttt', 'dd/mm/yyyy'],
  'date.invalid': ['Tanggal tidak sah; tulis hh/bb/tttt.', 'Invalid date; write dd/mm/yyyy.'],
  'check.copy': ['Salin teks', 'Copy text'],
  'check.copied': ['Tersalin ✓', 'Copied ✓'],
  'check.clear': ['Kosongkan', 'Clear'],
  'check.copyBlocked': [
    'Tombol salin aktif setelah setiap pelanggaran diperbaiki atau diabaikan dengan alasan. Peringatan tidak menghalangi.',
    'Copy is enabled once every violation is fixed or dismissed with a reason. Warnings never block.',
  ],
  'check.results': ['Hasil pemeriksaan', 'Check results'],
  'check.statusEmpty': ['Belum ada teks.', 'No text yet.'],
  'check.statusChecking': ['Memeriksa…', 'Checking…'],
  'check.statusError': ['Pemeriksaan gagal.', 'The check failed.'],
  'check.statusClean': ['Tidak ada temuan. Draf siap diunggah.', 'No findings. The draft is ready to post.'],
  'check.statusFindings': ['{n} temuan: {e} pelanggaran, {w} peringatan, {i} info.', '{n} findings: {e} violations, {w} warnings, {i} info.'],
  'check.cleanHint': [
    'Tidak ada yang perlu diperbaiki. Tetap periksa kebenaran dan sumber informasi Anda.',
    'Nothing to fix. Still verify that your information is true and sourced.',
  ],
  'check.anonymousNote': ['Anda belum masuk: teks hanya diperiksa dan tidak disimpan.', 'You are not signed in: the text is only checked, never stored.'],
  'check.historyTitle': ['Riwayat dan berbagi', 'History and sharing'],
  'check.saveHistory': ['Simpan riwayat draf saya', 'Save my draft history'],
  'check.saveHistoryHelp': [
    'Tidak aktif secara bawaan. Jika diaktifkan, draf yang Anda simpan tersimpan di server dan dapat Anda hapus kapan saja; atasan tidak melihatnya kecuali Anda membagikannya.',
    'Off by default. When on, the drafts you save are stored on the server and you can delete them at any time; your supervisor does not see them unless you share.',
  ],
  'check.saveDraft': ['Simpan draf', 'Save draft'],
  'check.share': ['Bagikan temuan ke atasan', 'Share findings with supervisor'],
  'check.shareHelp': [
    'Berbagi bersifat sukarela, misalnya untuk meminta saran. Atasan akan melihat teks draf dan temuannya.',
    'Sharing is voluntary, e.g. to ask for advice. Your supervisor will see the draft text and its findings.',
  ],
  'check.saved': ['Draf tersimpan.', 'Draft saved.'],
  'check.shared': ['Temuan dibagikan ke atasan.', 'Findings shared with your supervisor.'],
  'check.history': ['Draf tersimpan', 'Saved drafts'],
  'check.noHistory': ['Belum ada draf tersimpan.', 'No saved drafts yet.'],
  'check.nFindings': ['{n} temuan', '{n} findings'],
  'check.sharedFlag': ['dibagikan ke atasan', 'shared with supervisor'],
  'check.load': ['Buka di editor', 'Open in editor'],
  'check.confirmDelete': ['Hapus draf ini?', 'Delete this draft?'],

  // findings
  'finding.suggestions': ['Saran:', 'Suggestions:'],
  'finding.references': ['Rujukan:', 'References:'],
  'finding.confidence': ['Keyakinan model:', 'Model confidence:'],
  'finding.select': ['Tandai di editor', 'Select in the editor'],
  'finding.apply': ['Terapkan', 'Apply'],

  // feedback on findings (issue 8)
  'feedback.dismiss': ['Abaikan', 'Dismiss'],
  'feedback.undo': ['Batalkan pengabaian', 'Undo dismiss'],
  'feedback.dismissedNote': ['Diabaikan:', 'Dismissed:'],
  'feedback.reason': ['Alasan', 'Reason'],
  'feedback.reasonText': ['Keterangan (opsional)', 'Details (optional)'],
  'feedback.reason.quote': ['Saya mengutip aturan, berita atau contoh', 'I am quoting a rule, the news or an example'],
  'feedback.reason.own-data': ['Ini data saya sendiri', 'This is my own data'],
  'feedback.reason.not-applicable': ['Tidak berlaku untuk konteks ini', 'Does not apply in this context'],
  'feedback.reason.other': ['Alasan lain', 'Other reason'],
  'feedback.report': ['Laporkan salah deteksi', 'Report a wrong finding'],
  'feedback.reported': ['Terima kasih, laporan terkirim ke humas.', 'Thank you, the report was sent to public relations.'],
  'feedback.comment': ['Mengapa temuan ini keliru?', 'Why is this finding wrong?'],
  'feedback.consent': [
    'Sertakan teks lengkap agar humas dapat meninjaunya dan menjadikannya data latih (tanpa centang, hanya temuan dan komentar yang dikirim).',
    'Include the full text so public relations can review it and use it as training data (unticked, only the finding and comment are sent).',
  ],
  'feedback.send': ['Kirim laporan', 'Send report'],
  'feedback.title': ['Laporan salah deteksi', 'Wrong-finding reports'],
  'feedback.intro': [
    'Laporan pegawai tentang temuan yang keliru. Jadikan pengecualian (versi kebijakan baru) atau kasus berlabel untuk data latih dalam satu klik.',
    'Employees’ reports of wrong findings. Turn one into an allow-list entry (a new policy version) or a labelled training case in one click.',
  ],
  'feedback.status': ['Status', 'Status'],
  'feedback.status.open': ['Terbuka', 'Open'],
  'feedback.status.allowed': ['Dikecualikan', 'Allowed'],
  'feedback.status.labelled': ['Berlabel', 'Labelled'],
  'feedback.status.rejected': ['Ditolak', 'Rejected'],
  'feedback.status.all': ['Semua', 'All'],
  'feedback.none': ['Tidak ada laporan.', 'No reports.'],
  'feedback.noText': ['(teks tidak disertakan pelapor)', '(the reporter did not include the text)'],
  'feedback.by': ['Dilaporkan oleh {name} · {unit} · {date}', 'Reported by {name} · {unit} · {date}'],
  'feedback.phrase': ['Frasa yang dikecualikan', 'Phrase to allow'],
  'feedback.allow': ['Jadikan pengecualian', 'Add to allow-list'],
  'feedback.labelClean': ['Kasus berlabel: bersih', 'Labelled case: clean'],
  'feedback.labelAs': ['Kasus berlabel dengan kategori', 'Labelled case with categories'],
  'feedback.reject': ['Tolak (temuan benar)', 'Reject (finding is right)'],
  'feedback.allowed': ['Ditambahkan ke pengecualian, kebijakan v{v}.', 'Added to the allow-list, policy v{v}.'],
  'feedback.export': ['Unduh kasus berlabel (JSONL)', 'Download labelled cases (JSONL)'],
  'feedback.dismissals': ['Temuan yang diabaikan per aturan', 'Dismissed findings per rule'],
  'feedback.rule': ['Aturan', 'Rule'],
  'feedback.count': ['Jumlah', 'Count'],
  'feedback.reasons': ['Alasan terakhir', 'Latest reasons'],
  'feedback.noDismissals': ['Belum ada temuan yang diabaikan.', 'No dismissed findings yet.'],

  // accounts
  'accounts.title': ['Akun saya', 'My accounts'],
  'accounts.intro': [
    'Daftarkan akun media sosial pribadi Anda. Nama akun dan nama tampilan diperiksa: akun pribadi tidak boleh memakai nama Kemenkeu atau unit Eselon I.',
    'Register your personal social-media accounts. Handles and display names are checked: a personal account may not use the name of the Ministry or of an Eselon I unit.',
  ],
  'accounts.addTitle': ['Daftarkan akun', 'Register an account'],
  'accounts.editTitle': ['Ubah akun', 'Edit account'],
  'accounts.listTitle': ['Akun terdaftar', 'Registered accounts'],
  'accounts.platform': ['Platform', 'Platform'],
  'accounts.handle': ['Nama akun (handle)', 'Handle'],
  'accounts.displayName': ['Nama tampilan', 'Display name'],
  'accounts.bio': ['Bio', 'Bio'],
  'accounts.register': ['Daftarkan', 'Register'],
  'accounts.none': ['Belum ada akun terdaftar.', 'No accounts registered yet.'],
  'accounts.ok': ['Sesuai', 'OK'],
  'accounts.previewFindings': ['Pratinjau pemeriksaan nama akun:', 'Preview of the account-name check:'],
  'accounts.previewOk': ['Nama akun sesuai pedoman.', 'The account name follows the guideline.'],
  'accounts.confirmDelete': ['Hapus akun @{handle} dari daftar?', 'Remove @{handle} from your list?'],

  // self-check
  'selfcheck.title': ['Cek mandiri berkala', 'Periodic self-check'],
  'selfcheck.intro': [
    'Periksa akun Anda secara berkala agar tidak disalahgunakan. Jadwal ditetapkan admin.',
    'Check your accounts periodically so that they are not misused. The admin sets the interval.',
  ],
  'selfcheck.last': ['Terakhir: {date}.', 'Last: {date}.'],
  'selfcheck.checklist': ['Daftar periksa', 'Checklist'],
  'selfcheck.twoFactor': ['Verifikasi dua langkah (2FA) aktif', 'Two-factor authentication is on'],
  'selfcheck.passwordChanged': ['Kata sandi diganti dalam periode ini', 'Password changed in this period'],
  'selfcheck.displayNameOk': ['Nama akun dan nama tampilan sesuai pedoman', 'Handle and display name follow the guideline'],
  'selfcheck.postsReviewed': ['Unggahan terbaru sudah ditinjau', 'Recent posts reviewed'],
  'selfcheck.short.twoFactor': ['2FA', '2FA'],
  'selfcheck.short.passwordChanged': ['Sandi', 'Password'],
  'selfcheck.short.displayNameOk': ['Nama', 'Name'],
  'selfcheck.short.postsReviewed': ['Unggahan', 'Posts'],
  'selfcheck.account': ['Akun', 'Account'],
  'selfcheck.allAccounts': ['Semua akun saya', 'All my accounts'],
  'selfcheck.note': ['Catatan', 'Note'],
  'selfcheck.incompleteHelp': [
    'Butir yang belum terpenuhi tetap dicatat; perbaiki sebelum cek berikutnya.',
    'Unticked items are recorded as such; fix them before the next check.',
  ],
  'selfcheck.submit': ['Catat cek mandiri', 'Record the self-check'],
  'selfcheck.done': ['Cek mandiri tercatat.', 'Self-check recorded.'],
  'selfcheck.history': ['Riwayat cek mandiri', 'Self-check history'],
  'selfcheck.noHistory': ['Belum ada cek mandiri.', 'No self-checks yet.'],

  // privacy
  'privacy.title': ['Yang dilihat atasan', 'What my supervisor sees'],
  'privacy.intro': [
    'Atasan hanya melihat data unitnya. Setiap kali orang lain membuka data Anda, aksesnya dicatat di bawah ini.',
    'Supervisors see their own unit only. Every time someone else opens your data, it is logged below.',
  ],
  'privacy.canSee': ['Yang dapat dilihat atasan Anda', 'What your supervisor can see'],
  'privacy.nothing': ['Tidak ada.', 'Nothing.'],
  'privacy.cannotSee': [
    'Draf yang tidak Anda bagikan dan isi unggahan dari audit jejak digital tidak pernah terlihat oleh atasan.',
    'Drafts you did not share and the posts of a footprint audit are never visible to your supervisor.',
  ],
  'privacy.accessLog': ['Log akses ke data saya', 'Access log of my data'],
  'privacy.noAccess': ['Belum ada yang membuka data Anda.', 'Nobody has opened your data yet.'],

  // audit log
  'log.title': ['Log audit', 'Audit log'],
  'log.intro': ['Catatan tidak dapat diubah atau dihapus.', 'Entries can never be changed or deleted.'],
  'log.at': ['Waktu', 'Time'],
  'log.actor': ['Oleh', 'By'],
  'log.action': ['Tindakan', 'Action'],
  'log.subject': ['Pegawai terkait', 'Employee concerned'],
  'log.detail': ['Rincian', 'Detail'],
  'log.user': ['Pengguna', 'User'],
  'log.none': ['Belum ada catatan.', 'No entries.'],
  'log.newer': ['Lebih baru', 'Newer'],
  'log.older': ['Lebih lama', 'Older'],

  // audit-log actions (unknown actions are shown as their code)
  'action.view_employee': ['melihat rincian pegawai', 'viewed employee details'],
  'action.view_employee_list': ['melihat daftar pegawai unit', 'viewed the unit’s employee list'],
  'action.policy_update': ['mengubah kebijakan', 'changed the policy'],
  'action.admin_create_user': ['menambah pengguna', 'created a user'],
  'action.admin_update_user': ['mengubah pengguna', 'changed a user'],
  'action.admin_delete_user': ['menghapus pengguna', 'deleted a user'],
  'action.admin_import_users': ['mengimpor pengguna (CSV)', 'imported users (CSV)'],
  'action.admin_create_unit': ['menambah unit', 'created a unit'],
  'action.admin_update_unit': ['mengubah unit', 'changed a unit'],
  'action.admin_delete_unit': ['menghapus unit', 'deleted a unit'],
  'action.audit.share': ['membagikan ringkasan jejak digital', 'shared a footprint summary'],
  'action.audit.unshare': ['berhenti membagikan ringkasan jejak digital', 'stopped sharing a footprint summary'],
  'action.view_shared_findings': ['melihat temuan yang dibagikan', 'viewed shared findings'],
  'log.someone': ['seseorang', 'someone'],
  'log.aUnit': ['sebuah unit', 'a unit'],
  'sentence.view_employee': ['{actor} melihat rincian pegawai {subject} ({unit}).', '{actor} viewed the details of employee {subject} ({unit}).'],
  'sentence.view_employee_list': ['{actor} melihat {subject} dalam daftar pegawai {unit}.', '{actor} saw {subject} in the employee list of {unit}.'],
  'sentence.view_shared_findings': [
    '{actor} melihat temuan yang dibagikan {subject} di dasbor {unit}.',
    '{actor} viewed the findings {subject} shared, on the dashboard of {unit}.',
  ],
  'sentence.policy_update': ['{actor} menyimpan kebijakan versi {version} (diubah: {n}).', '{actor} saved policy version {version} (changed: {n}).'],
  'sentence.admin_create_user': ['{actor} menambah pengguna {subject}.', '{actor} created the user {subject}.'],
  'sentence.admin_update_user': ['{actor} mengubah data pengguna {subject}.', '{actor} changed the user {subject}.'],
  'sentence.admin_delete_user': ['{actor} menghapus pengguna {username}.', '{actor} deleted the user {username}.'],
  'sentence.admin_create_unit': ['{actor} menambah unit {unit}.', '{actor} created the unit {unit}.'],
  'sentence.admin_update_unit': ['{actor} mengubah unit {unit}.', '{actor} changed the unit {unit}.'],
  'sentence.admin_delete_unit': ['{actor} menghapus unit {unit}.', '{actor} deleted the unit {unit}.'],
  'sentence.audit.share': ['{actor} membagikan ringkasan jejak digitalnya ke atasan.', '{actor} shared their footprint summary with the supervisor.'],
  'sentence.audit.unshare': ['{actor} berhenti membagikan ringkasan jejak digitalnya.', '{actor} stopped sharing their footprint summary.'],

  // footprint audit
  'audits.title': ['Jejak digital', 'Digital footprint'],
  'audits.intro': [
    'Unggah arsip data dari platform (mis. arsip X atau unduhan data Instagram) untuk memeriksa unggahan lama Anda. Berkas dihapus setelah diproses.',
    'Upload the data archive of a platform (e.g. your X archive or Instagram data download) to check your past posts. The file is deleted after processing.',
  ],
  'audits.uploadTitle': ['Audit baru', 'New audit'],
  'audits.file': ['Arsip (zip, json atau csv; maks. 512 MB)', 'Archive (zip, json or csv; max 512 MB)'],
  'audits.platform': ['Platform', 'Platform'],
  'audits.autoDetect': ['Deteksi otomatis', 'Detect automatically'],
  'audits.privacy': [
    'Isi unggahan hanya terlihat oleh Anda. Anda dapat membagikan ringkasannya (bukan unggahannya) ke atasan.',
    'The posts are visible to you only. You may share the summary (not the posts) with your supervisor.',
  ],
  'audits.start': ['Unggah dan mulai audit', 'Upload and start'],
  'audits.uploading': ['Mengunggah…', 'Uploading…'],
  'audits.running': ['Sedang memeriksa…', 'Checking…'],
  'audits.progress': ['{scanned} unggahan diperiksa, {flagged} ditandai', '{scanned} posts scanned, {flagged} flagged'],
  'audits.rate': ['{rate} unggahan/detik', '{rate} posts/s'],
  'audits.finished': ['Selesai: {scanned} unggahan diperiksa, {flagged} ditandai.', 'Done: {scanned} posts scanned, {flagged} flagged.'],
  'audits.eta': ['sisa ± {s} detik', 'about {s} s left'],
  'audits.truncated': [
    'Terlalu banyak unggahan ditandai: yang paling ringan tidak ditampilkan (tetap dihitung).',
    'Too many posts were flagged: the least severe are not listed (they are still counted).',
  ],
  'audits.warnings': ['{n} catatan tentang arsip', '{n} notes about the archive'],
  'audits.likes': ['Konten yang Anda sukai: {n} ditandai dari {total}', 'Content you liked: {n} flagged of {total}'],
  'audits.likesHelp': [
    'Menyukai atau membagikan konten yang melanggar juga termasuk pelanggaran (BKN K.26-30).',
    'Liking or sharing violating content counts too (BKN K.26-30).',
  ],
  'audits.kind.post': ['unggahan', 'post'],
  'audits.kind.reply': ['balasan', 'reply'],
  'audits.kind.comment': ['komentar', 'comment'],
  'audits.kind.share': ['bagikan ulang', 'reshare'],
  'audits.kind.like': ['suka', 'like'],
  'audits.openReport': ['Buka laporan', 'Open the report'],
  'audits.listTitle': ['Audit sebelumnya', 'Earlier audits'],
  'audits.none': ['Belum ada audit.', 'No audits yet.'],
  'audits.status.queued': ['antre', 'queued'],
  'audits.status.running': ['berjalan', 'running'],
  'audits.status.done': ['selesai', 'done'],
  'audits.status.error': ['gagal', 'failed'],
  'audits.status.failed': ['gagal', 'failed'],
  'audits.reportTitle': ['Laporan jejak digital', 'Footprint report'],
  'audits.back': ['Semua audit', 'All audits'],
  'audits.csv': ['Unduh CSV', 'Download CSV'],
  'audits.confirmDelete': ['Hapus audit ini beserta laporannya?', 'Delete this audit and its report?'],
  'audits.scanned': ['unggahan diperiksa', 'posts scanned'],
  'audits.flagged': ['unggahan ditandai', 'posts flagged'],
  'audits.statusLabel': ['status', 'status'],
  'audits.share': ['Bagikan ringkasan (bukan unggahan) ke atasan', 'Share the summary (not the posts) with my supervisor'],
  'audits.byMonth': ['Temuan per bulan dan kategori', 'Findings by month and category'],
  'audits.byCategory': ['Temuan per kategori', 'Findings by category'],
  'audits.posts': ['Unggahan yang ditandai', 'Flagged posts'],
  'audits.filterCategory': ['Kategori', 'Category'],
  'audits.filterMonth': ['Bulan', 'Month'],
  'audits.filterText': ['Cari teks', 'Search text'],
  'audits.showing': ['Menampilkan {n} dari {total}', 'Showing {n} of {total}'],
  'audits.noPosts': ['Tidak ada unggahan yang cocok.', 'No matching posts.'],
  'audits.date': ['Tanggal', 'Date'],
  'audits.post': ['Unggahan', 'Post'],
  'audits.findings': ['Temuan', 'Findings'],
  'audits.open': ['Buka', 'Open'],
  'audits.byYear': ['Temuan per tahun dan kategori', 'Findings by year and category'],
  'audits.truncatedN': [
    'Terlalu banyak unggahan ditandai: {stored} dari {total} disimpan, yang paling ringan tidak ditampilkan (tetap dihitung).',
    'Too many posts were flagged: {stored} of {total} are kept; the least severe are not listed (they are still counted).',
  ],
  'audits.groupPeriod': ['Per tahun dan bulan', 'By year and month'],
  'audits.groupCategory': ['Per kategori', 'By category'],
  'audits.undated': ['Tanpa tanggal', 'Undated'],
  'audits.filterSeverity': ['Tingkat', 'Severity'],
  'audits.from': ['Dari tanggal', 'From'],
  'audits.to': ['Sampai tanggal', 'To'],
  'audits.sort': ['Urutkan', 'Sort'],
  'audits.sort.severity': ['Paling berat dulu', 'Most severe first'],
  'audits.sort.newest': ['Terbaru dulu', 'Newest first'],
  'audits.sort.oldest': ['Terlama dulu', 'Oldest first'],
  'audits.clearFilters': ['Hapus saringan', 'Clear filters'],
  'audits.badRange': ['Tanggal awal setelah tanggal akhir.', 'The start date is after the end date.'],
  'audits.showingRange': ['Menampilkan {a}–{b} dari {total} unggahan yang cocok', 'Showing {a}–{b} of {total} matching posts'],
  'audits.pages': ['Halaman', 'Pages'],
  'audits.prev': ['Sebelumnya', 'Previous'],
  'audits.next': ['Berikutnya', 'Next'],
  'audits.pageOf': ['Halaman {n} dari {of}', 'Page {n} of {of}'],

  // dashboard
  'dash.title': ['Dasbor {unit}', 'Dashboard: {unit}'],
  'dash.intro': [
    'Data unit Anda dan sub-unitnya saja, dalam bentuk agregat. Temuan draf hanya terlihat bila pegawai memilih membagikannya.',
    'Your unit and its sub-units only, in aggregate. Draft findings appear only when an employee chose to share them.',
  ],
  'dash.unit': ['Unit', 'Unit'],
  'dash.from': ['Dari', 'From'],
  'dash.to': ['Sampai', 'To'],
  'dash.subunits': ['Sub-unit', 'Sub-units'],
  'dash.myUnit': ['Unit saya', 'My unit'],
  'dash.employees': ['pegawai', 'employees'],
  'dash.accounts': ['akun terdaftar', 'accounts registered'],
  'dash.overdue': ['cek mandiri terlambat', 'self-checks overdue'],
  'dash.findings': ['temuan', 'findings'],
  'dash.overTime': ['Temuan per bulan menurut kategori', 'Findings per month by category'],
  'dash.byCategory': ['Temuan per kategori', 'Findings by category'],
  'dash.noFindings': ['Belum ada temuan pada periode ini.', 'No findings in this period.'],
  'dash.employeesTitle': ['Pegawai', 'Employees'],
  'dash.employeesHelp': [
    'Membuka rincian pegawai dicatat dan dapat dilihat oleh pegawai tersebut.',
    'Opening an employee’s details is logged and visible to that employee.',
  ],
  'dash.noEmployees': ['Tidak ada pegawai.', 'No employees.'],
  'dash.name': ['Nama', 'Name'],
  'dash.selfCheck': ['Cek mandiri', 'Self-check'],
  'dash.shared': ['Temuan dibagikan', 'Shared findings'],
  'dash.isOverdue': ['terlambat', 'overdue'],
  'dash.onTime': ['tepat waktu', 'on time'],
  'dash.sharedTitle': ['Temuan yang dibagikan pegawai', 'Findings shared by employees'],
  'dash.sharedHelp': ['Hanya yang dipilih pegawai untuk dibagikan.', 'Only what employees chose to share.'],
  'dash.noShared': ['Belum ada temuan yang dibagikan.', 'Nothing shared yet.'],
  'dash.category': ['Kategori', 'Category'],
  'dash.findingsOfDraft': ['Temuan pada draf', 'Findings of the draft'],
  'dash.severity': ['Tingkat', 'Severity'],
  'dash.excerpt': ['Kutipan', 'Excerpt'],
  'chart.month': ['Bulan', 'Month'],

  // employee
  'employee.title': ['Pegawai', 'Employee'],
  'employee.logged': [
    'Akses Anda ke halaman ini dicatat dalam log audit dan dapat dilihat oleh pegawai yang bersangkutan.',
    'Your access to this page is recorded in the audit log and visible to the employee.',
  ],
  'employee.accounts': ['Akun terdaftar', 'Registered accounts'],
  'employee.selfChecks': ['Cek mandiri', 'Self-checks'],
  'employee.itemsOk': ['butir terpenuhi', 'items ticked'],
  'employee.sharedDrafts': ['Draf yang dibagikan', 'Shared drafts'],
  'employee.sharedAudits': ['Ringkasan jejak digital yang dibagikan', 'Shared footprint summaries'],
  'employee.noAudits': ['Tidak ada ringkasan yang dibagikan.', 'No summaries shared.'],

  // users
  'users.title': ['Pengguna', 'Users'],
  'users.add': ['Tambah pengguna', 'Add a user'],
  'users.list': ['Daftar pengguna', 'All users'],
  'users.none': ['Tidak ada pengguna.', 'No users.'],
  'users.username': ['Nama pengguna', 'Username'],
  'users.name': ['Nama', 'Name'],
  'users.role': ['Peran', 'Role'],
  'users.unit': ['Unit', 'Unit'],
  'users.password': ['Kata sandi awal (min. 8 karakter)', 'Initial password (min. 8 characters)'],
  'users.chooseUnit': ['— pilih unit —', '— choose a unit —'],
  'users.create': ['Tambah', 'Add'],
  'users.created': ['Pengguna {name} ditambahkan.', 'User {name} added.'],
  'users.roleOf': ['Peran {name}', 'Role of {name}'],
  'users.unitOf': ['Unit {name}', 'Unit of {name}'],
  'users.confirmDelete': ['Hapus pengguna {name}?', 'Delete user {name}?'],
  'users.import': ['Impor pegawai dari CSV', 'Import employees from CSV'],
  'users.importHelp': ['Baris pertama adalah kepala kolom:', 'The first row is the header:'],
  'users.csvFile': ['Berkas CSV', 'CSV file'],
  'users.csvText': ['atau tempel isi CSV', 'or paste the CSV'],
  'users.importSubmit': ['Impor', 'Import'],
  'users.importResult': ['{created} dibuat, {updated} diperbarui, {errors} galat.', '{created} created, {updated} updated, {errors} errors.'],

  // organisations (super-admin)
  'nav.organizations': ['Organisasi', 'Organisations'],
  'orgs.title': ['Organisasi', 'Organisations'],
  'orgs.intro': [
    'Setiap organisasi (instansi) memiliki unit, pengguna, kebijakan, KB cek fakta, pustaka konten, dan log auditnya sendiri. Anda hanya membuat organisasi dan admin pertamanya; isinya dikelola admin organisasi itu.',
    'Each organisation (agency) has its own units, users, policy, fact-check KB, content library and audit log. You only create the organisation and its first admin; its admin manages the rest.',
  ],
  'orgs.list': ['Daftar organisasi', 'Organisations'],
  'orgs.users': ['{n} pengguna', '{n} users'],
  'orgs.add': ['Buat organisasi', 'Create an organisation'],
  'orgs.code': ['Kode organisasi (huruf kecil, angka, tanda hubung)', 'Organisation code (lowercase letters, digits, hyphens)'],
  'orgs.name': ['Nama organisasi', 'Organisation name'],
  'orgs.unitCode': ['Kode unit induk', 'Root unit code'],
  'orgs.unitName': ['Nama unit induk', 'Root unit name'],
  'orgs.adminUsername': ['Nama pengguna admin pertama', 'First admin’s username'],
  'orgs.adminName': ['Nama admin', 'Admin’s name'],
  'orgs.adminPassword': ['Kata sandi admin (min. 8 karakter)', 'Admin’s password (at least 8 characters)'],
  'orgs.create': ['Buat', 'Create'],
  'orgs.created': ['Organisasi {name} dibuat. Admin pertamanya dapat masuk sekarang.', 'Organisation {name} created. Its first admin can log in now.'],
  'auth.organization': [
    'Kode organisasi (bila nama pengguna Anda ada di lebih dari satu organisasi)',
    'Organisation code (if your username exists in more than one organisation)',
  ],

  // units
  'units.title': ['Unit organisasi', 'Organisation units'],
  'units.tree': ['Struktur unit', 'Unit tree'],
  'units.none': ['Belum ada unit.', 'No units yet.'],
  'units.add': ['Tambah unit', 'Add a unit'],
  'units.code': ['Kode', 'Code'],
  'units.name': ['Nama unit', 'Unit name'],
  'units.parent': ['Unit induk', 'Parent unit'],
  'units.noParent': ['(tanpa induk)', '(none)'],
  'units.create': ['Tambah', 'Add'],
  'units.rename': ['Ganti nama', 'Rename'],
  'units.renamePrompt': ['Nama baru unit:', 'New name of the unit:'],
  'units.confirmDelete': ['Hapus unit {name}?', 'Delete unit {name}?'],

  // policy
  'policy.title': ['Kebijakan', 'Policy'],
  'policy.intro': [
    'Setiap perubahan divalidasi dan disimpan sebagai versi baru (siapa, apa, kapan). Jika ada isian yang tidak valid, versi lama tetap berlaku.',
    'Every change is validated and stored as a new version (who, what, when). If a field is invalid, the old version stays active.',
  ],
  'policy.introHumas': [
    'Humas dapat mengubah daftar akun resmi dan berkas pemilu. Bagian lain hanya dapat dibaca.',
    'Public relations may edit the official-account registry and the election file. Other sections are read-only.',
  ],
  'policy.current': ['Versi aktif: v{v}, oleh {by}, {at}.', 'Active version: v{v}, by {by}, {at}.'],
  'policy.currentDefault': ['Versi aktif: v{v} (kebijakan bawaan, belum pernah diubah).', 'Active version: v{v} (the shipped default, never changed).'],
  'policy.general': ['Umum', 'General'],
  'policy.orgId': ['ID organisasi', 'Organisation id'],
  'policy.orgName': ['Nama organisasi', 'Organisation name'],
  'policy.interval': ['Interval cek mandiri (hari)', 'Self-check interval (days)'],
  'policy.categories': ['Kategori dan tingkat', 'Categories and severities'],
  'policy.enabled': ['Aktif', 'On'],
  'policy.enabledOf': ['{c} aktif', '{c} on'],
  'policy.severityOf': ['Tingkat {c}', 'Severity of {c}'],
  'policy.defaultSeverity': ['(bawaan)', '(default)'],
  'policy.institution': ['Nama instansi', 'Institution names'],
  'policy.institutionHelp': [
    'Dipakai aturan nama akun: akun pribadi tidak boleh memakai nama ini.',
    'Used by the account-name rule: personal accounts may not use these names.',
  ],
  'policy.names': ['Nama lengkap', 'Full names'],
  'policy.abbreviations': ['Singkatan', 'Abbreviations'],
  'policy.onePerLine': ['satu per baris', 'one per line'],
  'policy.official': ['Daftar akun resmi', 'Official-account registry'],
  'policy.officialHelp': ['Akun resmi boleh memakai nama instansi.', 'Official accounts may use the institution’s name.'],
  'policy.anyPlatform': ['semua platform', 'any platform'],
  'policy.owner': ['Pemilik / unit', 'Owner / unit'],
  'policy.election': ['Berkas pemilu', 'Election file'],
  'policy.electionHelp': [
    'Nama, nomor urut, partai dan tagar yang sedang berlaku; perbarui sesuai kalender pemilu dan wilayah.',
    'The live names, ballot numbers, parties and hashtags; update them with the election calendar and region.',
  ],
  'policy.electionName': ['Nama pemilu', 'Election name'],
  'policy.candidates': ['Kandidat', 'Candidates'],
  'policy.aliases': ['Alias', 'Aliases'],
  'policy.number': ['Nomor urut', 'Ballot number'],
  'policy.office': ['Jabatan', 'Office'],
  'policy.region': ['Wilayah', 'Region'],
  'policy.parties': ['Partai', 'Parties'],
  'policy.abbreviation': ['Singkatan', 'Abbreviation'],
  'policy.hashtags': ['Tagar kampanye', 'Campaign hashtags'],
  'policy.dates': ['Tanggal penting', 'Key dates'],
  'policy.dateLabel': ['Keterangan', 'Label'],
  'policy.date': ['Tanggal', 'Date'],
  'policy.extraTerms': ['Istilah tambahan dan pengecualian', 'Extra terms and allow-list'],
  'policy.extraTermsHelp': [
    'Istilah milik organisasi yang ditandai, dan frasa yang tidak pernah ditandai.',
    'The organisation’s own flagged terms, and phrases never flagged.',
  ],
  'policy.pattern': ['Istilah', 'Term'],
  'policy.note': ['Catatan', 'Note'],
  'policy.allow': ['Frasa yang dikecualikan', 'Allowed phrases'],
  'policy.noRows': ['Belum ada isian.', 'No entries.'],
  'policy.addRow': ['Tambah baris', 'Add row'],
  'policy.commaSeparated': ['pisahkan dengan koma', 'comma-separated'],
  'policy.save': ['Simpan sebagai versi baru', 'Save as a new version'],
  'policy.reset': ['Batalkan perubahan', 'Discard changes'],
  'policy.unsaved': ['Ada perubahan yang belum disimpan.', 'Unsaved changes.'],
  'policy.saved': ['Tersimpan sebagai versi v{v}.', 'Saved as version v{v}.'],
  'policy.versions': ['Riwayat versi', 'Version history'],
  'policy.noVersions': ['Belum ada versi.', 'No versions.'],
  'policy.version': ['Versi', 'Version'],
  'policy.by': ['Oleh', 'By'],
  'policy.summary': ['Ringkasan perubahan', 'Summary of changes'],
  ...libraryDict,

  // Cek Fakta (issue 9)
  'nav.factCheck': ['Cek fakta', 'Fact check'],
  'kb.title': ['Cek Fakta', 'Fact check'],
  'kb.intro': [
    'Cari kabar yang beredar di basis data hoaks yang sudah diklarifikasi oleh kementerian dan pemeriksa fakta, lalu baca klarifikasinya. Pemeriksa draf memakai basis data yang sama.',
    'Search circulating claims in the knowledge base of hoaxes clarified by ministries and fact-checkers, and read the clarification. The draft checker uses the same knowledge base.',
  ],
  'kb.searchTitle': ['Cari klaim', 'Search a claim'],
  'kb.searchLabel': ['Kata-kata kabar yang ingin dicek', 'Words of the claim to check'],
  'kb.searchPlaceholder': ['mis. THR PNS tahun ini ditiadakan', 'e.g. civil servants get no holiday bonus this year'],
  'kb.noHits': [
    'Tidak ada klaim yang mirip di basis data. Tetap cek ke sumber resmi.',
    'No similar claim in the knowledge base. Still check an official source.',
  ],
  'kb.decision.known': ['cocok', 'match'],
  'kb.decision.similar': ['mirip', 'similar'],
  'kb.decision.none': ['lemah', 'weak'],
  'kb.source': ['Sumber', 'Source'],
  'kb.sample': ['contoh proyek, ganti dengan impor instansi', "project sample, replace with the agency's imports"],
  'kb.verdict': ['Penilaian', 'Verdict'],
  'kb.verdict.hoaks': ['Hoaks', 'Hoax'],
  'kb.verdict.salah': ['Salah', 'False'],
  'kb.verdict.menyesatkan': ['Menyesatkan', 'Misleading'],
  'kb.verdict.tidak-terbukti': ['Tidak terbukti', 'Unproven'],
  'kb.verdict.sebagian-benar': ['Sebagian benar', 'Partly true'],
  'kb.verdict.satire': ['Satire', 'Satire'],
  'kb.verdict.benar': ['Benar', 'True'],
  'kb.addTitle': ['Tambah entri', 'Add an entry'],
  'kb.editTitle': ['Ubah entri', 'Edit the entry'],
  'kb.claimsLabel': ['Klaim (satu versi kalimat per baris)', 'Claim (one wording per line)'],
  'kb.summaryLabel': ['Ringkasan klarifikasi', 'Clarification summary'],
  'kb.sourceName': ['Lembaga yang mengklarifikasi', 'Clarifying body'],
  'kb.sourceUrl': ['Tautan klarifikasi (opsional)', 'Link to the clarification (optional)'],
  'kb.date': ['Tanggal klarifikasi', 'Date of the clarification'],
  'kb.topics': ['Topik (pisahkan dengan koma)', 'Topics (comma-separated)'],
  'kb.saved': ['Entri disimpan.', 'Entry saved.'],
  'kb.importTitle': ['Impor berkas', 'Import a file'],
  'kb.importHelp': [
    'JSONL format Bijak, CSV (kolom claim, verdict, summary, source, url, date, topics), ClaimReview JSON-LD atau halaman HTML, JSON Google Fact Check Tools, feed RSS/Atom, JSON Yudistira (Mafindo). Klaim yang sama digabung.',
    'Bijak JSONL, CSV (columns claim, verdict, summary, source, url, date, topics), ClaimReview JSON-LD or an HTML page, Google Fact Check Tools JSON, RSS/Atom feeds, Yudistira (Mafindo) JSON. Duplicate claims are merged.',
  ],
  'kb.file': ['Berkas', 'File'],
  'kb.format': ['Format', 'Format'],
  'kb.formatAuto': ['kenali otomatis', 'detect automatically'],
  'kb.importSubmit': ['Impor', 'Import'],
  'kb.importResult': [
    'Format {format}: {added} ditambah, {merged} digabung, {rejected} ditolak.',
    'Format {format}: {added} added, {merged} merged, {rejected} rejected.',
  ],
  'kb.tooLarge': ['Berkas lebih besar dari {mb} MB.', 'The file is larger than {mb} MB.'],
  'kb.listTitle': ['Isi basis data', 'Knowledge base entries'],
  'kb.status': ['Status', 'Status'],
  'kb.status.active': ['aktif', 'active'],
  'kb.status.retired': ['dipensiunkan', 'retired'],
  'kb.empty': [
    'Belum ada entri. Humas atau admin dapat mengimpor contoh KB atau berkas pemeriksa fakta.',
    "No entries yet. Humas or admin can import the sample KB or fact-checkers' files.",
  ],
  'kb.claim': ['Klaim', 'Claim'],
  'kb.retire': ['Pensiunkan', 'Retire'],
  'kb.restore': ['Aktifkan lagi', 'Restore'],
  'kb.toLibrary': ['Jadikan konten resmi', 'Make an official-content item'],
  'kb.toLibraryTitle': [
    'Buat draf di Pustaka humas dari klarifikasi ini, lalu buka editornya',
    'Create a draft in the PR library from this clarification and open it in the editor',
  ],
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof dict;
type Vars = Record<string, string | number>;

function fill(s: string, vars?: Vars): string {
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m)) : s;
}

export interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  /** A dictionary string in the current locale, `{name}` placeholders filled. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** For keys built at run time: the string, or `fallback` when the key is unknown. */
  tx: (key: string, fallback: string, vars?: Vars) => string;
  /** A server-provided bilingual text (finding messages, suggestions). */
  msg: (l: Localized) => string;
  catLabel: (c: Category | string) => string;
  fmtDate: (iso: string) => string;
  fmtDateTime: (iso: string) => string;
  /** A number in the app's language (id-ID: 50.000; en: 50,000), never the browser's. */
  fmtNum: (n: number) => string;
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void): I18n {
  const idx = locale === 'en' ? 1 : 0;
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  const numFmt = new Intl.NumberFormat(tag);
  const dateFmt = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dtFmt = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const fmt = (f: Intl.DateTimeFormat) => (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
  const t = (key: MessageKey, vars?: Vars) => fill(dict[key][idx], vars);
  return {
    locale,
    setLocale,
    t,
    tx: (key, fallback, vars) => (key in dict ? t(key as MessageKey, vars) : fallback),
    msg: (l) => (locale === 'en' ? l.en || l.id : l.id || l.en),
    // category labels come from the core contract, so the CLI, the rule docs and the web say the same
    catLabel: (c) => categoryLabel(c, locale),
    fmtDate: fmt(dateFmt),
    fmtDateTime: fmt(dtFmt),
    fmtNum: (n) => numFmt.format(n),
  };
}

const I18nContext = createContext<I18n>(makeI18n('id', () => {}));

export function I18nProvider({ locale, setLocale, children }: { locale: Locale; setLocale: (l: Locale) => void; children: ComponentChildren }) {
  const value = useMemo(() => makeI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
