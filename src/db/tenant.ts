/**
 * Tenant scoping in ONE place (issue 12): every query the server runs through `app.db` goes through
 * {@link TenantPlugin}, which rewrites the query tree so that each tenant table it reads, joins, updates or
 * deletes from is filtered by `org_id = <the request's organisation>`, each row it inserts carries that
 * organisation, and each ON CONFLICT target starts with `org_id` (the tenant tables' keys do). Route code
 * never names the organisation; it cannot forget it.
 *
 * The organisation comes from the request's context ({@link tenantContext}, an AsyncLocalStorage store set
 * by the session hook), or is fixed ({@link tenantDb}: seeds, tests, background work of one organisation).
 * A query on a tenant table with no organisation in context fails (fail closed) instead of seeing every
 * organisation. The few cross-organisation queries (session and login lookup, the public short link, the
 * organisation admin) use the unscoped database explicitly (`app.systemDb`, src/server/system-queries.ts).
 * Raw `sql` templates are not rewritten: the server uses them only inside builder queries (expressions), never
 * as whole queries on tenant tables.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  type DeleteQueryNode,
  IdentifierNode,
  type InsertQueryNode,
  JoinNode,
  type Kysely,
  type KyselyPlugin,
  OnConflictNode,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  ReferenceNode,
  type RootOperationNode,
  type SelectQueryNode,
  TableNode,
  type UnknownRow,
  type UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  WhereNode,
} from 'kysely';

/** Tables that hold an organisation's data: each has `org_id` first in its primary key and foreign keys. */
export const TENANT_TABLES: ReadonlySet<string> = new Set([
  'units',
  'users',
  'sessions',
  'user_settings',
  'social_accounts',
  'self_checks',
  'drafts',
  'policy_versions',
  'audit_log',
  'audit_reports',
  'audit_flagged',
  // 015_jobs: the upload of a queued audit, in chunks (src/db/jobs-schema.ts)
  'audit_uploads',
  'finding_dismissals',
  'finding_reports',
  'kb_entries',
  'library_items',
  'library_variants',
  'library_links',
  'library_shares',
  'library_clicks',
]);

/** The organisation id the single-organisation data was migrated into (and the demo organisation's). */
export const DEFAULT_ORG_ID = '00000000-0000-4000-8000-000000000001';

/** The request's tenant: a mutable store, so the session hook can fill it in after the context began. */
export interface TenantStore {
  orgId: string | null;
}

export const tenantContext = new AsyncLocalStorage<TenantStore>();

/** The organisation of the current async context, or null. */
export function currentOrgId(): string | null {
  return tenantContext.getStore()?.orgId ?? null;
}

/** Runs fn with `orgId` as the tenant of every query it makes through a scoped database. */
export function runAsTenant<T>(orgId: string, fn: () => T): T {
  return tenantContext.run({ orgId }, fn);
}

export class TenantScopeError extends Error {
  constructor(table: string) {
    super(`tenant scope missing: query on "${table}" outside an organisation (use runAsTenant or tenantDb)`);
    this.name = 'TenantScopeError';
  }
}

function tableName(node: OperationNode): { table: string; ref: string } | null {
  let inner = node;
  let alias: string | null = null;
  if (AliasNode.is(node)) {
    inner = node.node;
    if (IdentifierNode.is(node.alias)) alias = node.alias.name;
  }
  if (!TableNode.is(inner)) return null;
  const table = inner.table.identifier.name;
  return { table, ref: alias ?? table };
}

/** The query rewriting of {@link TenantPlugin} (exported for the tests that prove the isolation test can fail). */
export class TenantTransformer extends OperationNodeTransformer {
  constructor(private readonly orgOf: () => string | null) {
    super();
  }

  private org(table: string): string {
    const org = this.orgOf();
    if (!org) throw new TenantScopeError(table);
    return org;
  }

  private condition(ref: string, table: string): OperationNode {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create('org_id'), TableNode.create(ref)),
      OperatorNode.create('='),
      ValueNode.create(this.org(table)),
    );
  }

  private and(existing: OperationNode | undefined, conds: OperationNode[]): OperationNode | undefined {
    let out: OperationNode | undefined = existing ? ParensNode.create(existing) : undefined;
    for (const c of conds) out = out ? AndNode.create(out, c) : c;
    return out;
  }

  private conditionsOf(items: ReadonlyArray<OperationNode> | undefined): OperationNode[] {
    const out: OperationNode[] = [];
    for (const f of items ?? []) {
      const t = tableName(f);
      if (t && TENANT_TABLES.has(t.table)) out.push(this.condition(t.ref, t.table));
    }
    return out;
  }

  private scopedJoins(joins: ReadonlyArray<JoinNode> | undefined): ReadonlyArray<JoinNode> | undefined {
    return joins?.map((j) => {
      const t = tableName(j.table);
      if (!t || !TENANT_TABLES.has(t.table)) return j;
      // in the ON clause, so a LEFT JOIN stays a left join (its missing rows are not filtered out)
      const cond = this.condition(t.ref, t.table);
      return j.on ? JoinNode.cloneWithOn(j, cond) : JoinNode.createWithOn(j.joinType, j.table, cond);
    });
  }

  private withWhere<N extends { where?: WhereNode }>(node: N, conds: OperationNode[]): N {
    if (!conds.length) return node;
    const where = this.and(node.where?.where, conds);
    return { ...node, where: where ? WhereNode.create(where) : undefined };
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): SelectQueryNode {
    const t = super.transformSelectQuery(node, queryId);
    const scoped = { ...t, joins: this.scopedJoins(t.joins) } as SelectQueryNode;
    return this.withWhere(scoped, this.conditionsOf(t.from?.froms));
  }

  protected override transformUpdateQuery(node: UpdateQueryNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): UpdateQueryNode {
    const t = super.transformUpdateQuery(node, queryId);
    const conds = [...this.conditionsOf(t.table ? [t.table] : []), ...this.conditionsOf(t.from?.froms)];
    return this.withWhere({ ...t, joins: this.scopedJoins(t.joins) } as UpdateQueryNode, conds);
  }

  protected override transformDeleteQuery(node: DeleteQueryNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): DeleteQueryNode {
    const t = super.transformDeleteQuery(node, queryId);
    const conds = [...this.conditionsOf(t.from.froms), ...this.conditionsOf(t.using?.tables)];
    return this.withWhere({ ...t, joins: this.scopedJoins(t.joins) } as DeleteQueryNode, conds);
  }

  protected override transformInsertQuery(node: InsertQueryNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): InsertQueryNode {
    const t = super.transformInsertQuery(node, queryId);
    const target = t.into ? tableName(t.into) : null;
    if (!target || !TENANT_TABLES.has(target.table)) return t;
    const org = this.org(target.table);
    const columns = t.columns ?? [];
    const at = columns.findIndex((c) => c.column.name === 'org_id');
    let values = t.values;
    if (at >= 0) {
      // an explicit organisation must be the scope's own (never write into another organisation)
      if (values && ValuesNode.is(values))
        for (const row of values.values) {
          const v = PrimitiveValueListNode.is(row) ? row.values[at] : ValueNode.is(row.values[at]) ? (row.values[at] as ValueNode).value : org;
          if (v !== org) throw new Error(`insert into "${target.table}" names another organisation`);
        }
    } else if (values && ValuesNode.is(values)) {
      values = ValuesNode.create(
        values.values.map((row) =>
          PrimitiveValueListNode.is(row) ? PrimitiveValueListNode.create([...row.values, org]) : ValueListNode.create([...row.values, ValueNode.create(org)]),
        ),
      );
    } else {
      throw new Error(`insert into "${target.table}" without a VALUES list cannot be scoped`);
    }
    let onConflict = t.onConflict;
    if (onConflict?.columns && !onConflict.columns.some((c) => c.column.name === 'org_id')) {
      onConflict = OnConflictNode.cloneWith(onConflict, { columns: [ColumnNode.create('org_id'), ...onConflict.columns] });
    }
    return { ...t, columns: at >= 0 ? columns : [...columns, ColumnNode.create('org_id')], values, onConflict };
  }
}

/** The Kysely plugin that scopes every query to the organisation `orgOf()` returns at query time. */
export class TenantPlugin implements KyselyPlugin {
  private readonly transformer: TenantTransformer;
  constructor(orgOf: () => string | null = currentOrgId) {
    this.transformer = new TenantTransformer(orgOf);
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node, args.queryId);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** A database scoped to the organisation of the current async context ({@link runAsTenant}, the request). */
export function scopedDb<DB>(root: Kysely<DB>): Kysely<DB> {
  return root.withPlugin(new TenantPlugin());
}

/** A database scoped to one fixed organisation (seeds, tests, background work). */
export function tenantDb<DB>(root: Kysely<DB>, orgId: string): Kysely<DB> {
  return root.withPlugin(new TenantPlugin(() => orgId));
}
