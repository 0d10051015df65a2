// Shapes of the library API (issue 11; docs/api.md "Official-content library").
import type { Finding } from './types';

export type LibraryPlatform = 'x' | 'facebook' | 'linkedin' | 'whatsapp' | 'threads' | 'instagram' | 'tiktok';
export const LIBRARY_PLATFORMS: LibraryPlatform[] = ['x', 'facebook', 'linkedin', 'whatsapp', 'threads', 'instagram', 'tiktok'];
/** Platforms without a web share intent: the text is copied instead. */
export const COPY_ONLY: LibraryPlatform[] = ['instagram', 'tiktok'];
export const PLATFORM_LABEL: Record<LibraryPlatform, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  threads: 'Threads',
  instagram: 'Instagram',
  tiktok: 'TikTok',
};

export interface Variant {
  platform: LibraryPlatform;
  text: string;
  findings: Finding[];
  override: { reason: string; by: string | null; at: string | null } | null;
  blocked: boolean;
  length: number;
  limit: number | null;
}

export type ItemStatus = 'draft' | 'review' | 'published' | 'archived';

export interface LibraryItem {
  id: string;
  title: string;
  body: string;
  link: string;
  imageUrl: string | null;
  tags: string[];
  targetUnitIds: string[];
  validFrom: string | null;
  validUntil: string | null;
  status: ItemStatus;
  origin: string;
  createdBy: string;
  createdByName: string | null;
  submittedBy: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewNote: string;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  variants: Variant[];
}

export interface FeedItem {
  id: string;
  title: string;
  body: string;
  link: string;
  imageUrl: string | null;
  tags: string[];
  publishedAt: string | null;
  validUntil: string | null;
  targeted: boolean;
  variants: Array<{ platform: LibraryPlatform; text: string; limit: number }>;
  mine: { shares: number; clicks: number };
}

export interface ShareResult {
  code: string;
  shortUrl: string;
  text: string;
  intentUrl: string | null;
  copyText: string;
  findings: Finding[];
}

export interface Figures {
  shares: number;
  clicks: number;
  uniques: number;
}

export interface LibraryStats {
  scope: 'own' | 'unit' | 'all';
  totals: Figures;
  byItem: Array<Figures & { itemId: string; title: string }>;
  byUnit: Array<Figures & { unitId: string; name: string }>;
  byPlatform: Array<Figures & { platform: string }>;
  byDay: Array<Figures & { day: string }>;
}

export interface SummaryResult {
  post: string;
  thread: string[];
  findings: Array<Finding & { part: string }>;
  lengths: { post: number; thread: number[] };
  limit: number;
  platform: string;
}

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}
