/**
 * Pornography: offers of sexual services, porn links and explicit words.
 * Health and education words ("kanker payudara", "kesehatan reproduksi",
 * SADARI) are deliberately absent.
 */
import type { TermList } from '../terms.js';
import { PORN, SE137 } from './sources.js';

/** Porn and sexual-service vocabulary. */
export const PORN_TERMS: TermList = {
  id: 'pornography-terms',
  category: 'pornography',
  description: { id: 'Tawaran layanan seksual, tautan dan istilah konten porno.', en: 'Offers of sexual services, porn links and porn vocabulary.' },
  sources: [SE137, PORN],
  terms: [
    { pattern: 'open bo', note: 'tawaran layanan seksual (booking out)' },
    { pattern: 'open booking', note: 'tawaran layanan seksual' },
    { pattern: 'booking out', note: 'tawaran layanan seksual' },
    { pattern: 'bokep', note: 'film porno' },
    { pattern: 'bokef', note: 'film porno' },
    { pattern: 'video mesum', note: 'konten porno' },
    { pattern: 'video syur', note: 'konten porno' },
    { pattern: 'video panas', note: 'konten porno' },
    { pattern: 'video porno', note: 'konten porno' },
    { pattern: 'film porno', note: 'konten porno' },
    { pattern: 'situs porno', note: 'konten porno' },
    { pattern: 'no sensor', note: 'penanda konten porno' },
    { pattern: 'tanpa sensor', note: 'penanda konten porno', unless: ['berita', 'film', 'dokumenter'] },
    { pattern: 'uncensored', note: 'penanda konten porno' },
    { pattern: 'vcs', note: 'video call sex', unless: ['git', 'svn', 'repository', 'repo'] },
    { pattern: 'video call sex' },
    { pattern: 'pijat plus', note: 'layanan seksual terselubung' },
    { pattern: 'cewek panggilan', note: 'layanan seksual' },
    { pattern: 'wanita panggilan', note: 'layanan seksual' },
    { pattern: 'bispak', note: 'layanan seksual' },
    { pattern: 'ngewe', note: 'kata seksual eksplisit' },
    { pattern: 'colmek', note: 'kata seksual eksplisit' },
    { pattern: 'coli', note: 'kata seksual eksplisit', unless: ['e', 'bakteri', 'escherichia', 'infeksi'] },
    { pattern: 'sange', note: 'kata seksual eksplisit' },
    { pattern: 'sangean', note: 'kata seksual eksplisit' },
    { pattern: 'crot', note: 'kata seksual eksplisit' },
    { pattern: 'hentai', note: 'konten porno' },
    { pattern: 'jav', note: 'konten porno (Japanese adult video)', unless: ['java', 'jawa'] },
    { pattern: 'bugil', note: 'ketelanjangan' },
    { pattern: 'telanjang', note: 'ketelanjangan', unless: ['mata', 'kaki', 'dada', 'tangan'] },
    { pattern: 'ena ena', note: 'eufemisme hubungan seks' },
    { pattern: 'video 18', note: 'konten dewasa', unless: ['rating', 'film', 'detik', 'menit', 'umur', 'usia', 'tahun'] },
    { pattern: 'konten 18', note: 'konten dewasa', unless: ['rating', 'umur', 'usia', 'tahun'] },
    { pattern: 'teman kencan', note: 'tawaran layanan seksual' },
    { pattern: 'kencan semalam', note: 'tawaran layanan seksual' },
    { pattern: 'tarif nego', note: 'tawaran layanan seksual', unless: ['ojek', 'sewa', 'mobil', 'angkut', 'pindahan', 'jasa'] },
    { pattern: 'tanpa busana', note: 'ketelanjangan', unless: ['berita', 'kasus', 'polisi', 'korban', 'tersebar'] },
    { pattern: 'pap', note: 'permintaan foto (post a picture) bernuansa seksual bila bersama kata seksual', unless: ['makan', 'makanan', 'outfit', 'ootd'] },
    { pattern: 'open vcs', note: 'video call sex' },
  ],
};
