/**
 * Tables of the official-content library (issue 11): items, per-platform variants, per-user short links,
 * share events and daily click counts. The migration is appended to src/db/migrations.ts as
 * '011_library'; the table types join the `Database` interface by module augmentation so the shared
 * types file stays untouched.
 */
import type { Kysely } from 'kysely';
import type { OrgColumn } from './types.js';

export type LibraryStatus = 'draft' | 'review' | 'published' | 'archived';

export interface LibraryItemsTable {
  org_id: OrgColumn;
  id: string;
  title: string;
  body: string;
  link: string;
  image_url: string | null;
  tags_json: string;
  /** Unit ids the item is meant for (their subtrees); '[]' = everyone. */
  target_units_json: string;
  valid_from: string | null;
  valid_until: string | null;
  status: LibraryStatus;
  /** 'manual' | 'summary' | 'kb'. */
  origin: string;
  created_by: string;
  submitted_by: string | null;
  reviewed_by: string | null;
  review_note: string;
  published_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface LibraryVariantsTable {
  org_id: OrgColumn;
  item_id: string;
  platform: string;
  text: string;
  findings_json: string;
  /** Reason given by humas to publish despite findings (cleared when the text changes). */
  override_reason: string | null;
  override_by: string | null;
  override_at: string | null;
  updated_at: string;
}

/** One short link per user, item and platform: `/s/<code>`. */
export interface LibraryLinksTable {
  org_id: OrgColumn;
  code: string;
  item_id: string;
  user_id: string;
  /** The sharer's unit when the link was made (unit totals stay put when people move). */
  unit_id: string;
  platform: string;
  created_at: string;
}

/** A share: the employee opened the platform's intent (or copied the text). */
export interface LibrarySharesTable {
  org_id: OrgColumn;
  id: string;
  code: string;
  item_id: string;
  user_id: string;
  unit_id: string;
  platform: string;
  day: string;
  created_at: string;
}

/** Clicks on a short link per day: a total and a daily unique count; nothing about the clicker. */
export interface LibraryClicksTable {
  org_id: OrgColumn;
  code: string;
  day: string;
  clicks: number;
  uniques: number;
}

declare module './types.js' {
  interface Database {
    library_items: LibraryItemsTable;
    library_variants: LibraryVariantsTable;
    library_links: LibraryLinksTable;
    library_shares: LibrarySharesTable;
    library_clicks: LibraryClicksTable;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function libraryUp(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('target_units_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('created_by', 'text', (c) => c.notNull()) // no foreign key: deleting a humas user keeps the items
    .addColumn('submitted_by', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_items_status_idx').on('library_items').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('library_variants')
    .addColumn('item_id', 'text', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text')
    .addColumn('override_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_variants_pk', ['item_id', 'platform'])
    .execute();

  await db.schema
    .createTable('library_links')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('library_links_owner_uq', ['item_id', 'user_id', 'platform'])
    .execute();

  await db.schema
    .createTable('library_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().references('library_links.code').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_shares_item_idx').on('library_shares').columns(['item_id', 'day']).execute();
  await db.schema.createIndex('library_shares_user_idx').on('library_shares').columns(['user_id', 'day']).execute();

  await db.schema
    .createTable('library_clicks')
    .addColumn('code', 'text', (c) => c.notNull().references('library_links.code').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uniques', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('library_clicks_pk', ['code', 'day'])
    .execute();
}
