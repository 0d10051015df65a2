/**
 * Supervisor views (`atasan`: their unit and its sub-units only; `admin`: all).
 * Every view of an individual employee's data by someone else is written to
 * the append-only audit log, where the employee can read it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Finding } from '../../core/index.js';
import { loadUser } from '../auth.js';
import { forbidden, notFound } from '../errors.js';
import { canSeeUnit, selfCheckStatusOf, subtree } from '../queries.js';
import { route } from '../route.js';
import { dashboardQuery } from '../schemas.js';
import * as S from '../serialize.js';
import type { SessionUser } from '../types.js';

const unitParams = z.object({ unitId: z.string().min(1).max(100) }).strict();
const userParams = z.object({ userId: z.string().min(1).max(100) }).strict();

const monthOf = (iso: string) => iso.slice(0, 7);

export async function supervisorRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const supervisors = ['atasan', 'admin'] as const;

  /**
   * Units of the request (403 unless visible, 404 when missing for admins), and its employees with their last
   * self-check (the newest row per user from the (org_id, user_id, created_at) index) and whether they have a
   * registered account, in the same query.
   */
  async function scope(viewer: SessionUser, unitId: string) {
    const units = await db.selectFrom('units').selectAll().execute();
    if (!(await canSeeUnit(db, viewer, unitId, units))) throw forbidden('Unit ini di luar wewenang Anda.', 'This unit is outside your remit.');
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw notFound('Unit tidak ditemukan.', 'Unit not found.');
    const ids = [...subtree(units, unitId)];
    const employees = await db
      .selectFrom('users as u')
      .innerJoin('units as n', 'n.id', 'u.unit_id')
      .select((eb) => [
        'u.id',
        'u.name',
        'u.created_at',
        'n.name as unit_name',
        eb.selectFrom('self_checks as c').select('c.created_at').whereRef('c.user_id', '=', 'u.id').orderBy('c.created_at', 'desc').limit(1).as('last_check'),
        eb.exists(eb.selectFrom('social_accounts as a').select('a.id').whereRef('a.user_id', '=', 'u.id')).as('has_account'),
      ])
      .where('u.unit_id', 'in', ids)
      .where('u.id', '!=', viewer.id)
      .orderBy('u.name')
      .execute();
    return { units, unit, ids, employees };
  }

  async function logViews(viewer: SessionUser, subjects: string[], action: string, detail: Record<string, unknown>) {
    const others = [...new Set(subjects)].filter((s) => s !== viewer.id);
    if (!others.length) return;
    const at = new Date().toISOString();
    for (let i = 0; i < others.length; i += 200) {
      await db
        .insertInto('audit_log')
        .values(
          others
            .slice(i, i + 200)
            .map((s) => ({ at, actor_id: viewer.id, actor_name: viewer.name, action, subject_user_id: s, detail_json: JSON.stringify(detail) })),
        )
        .execute();
    }
  }

  /** Whether each employee's self-check is overdue (employees with no registered account: never, issue 8). */
  function overdueOf(employees: Array<{ id: string; created_at: string; last_check: unknown; has_account: unknown }>, intervalDays: number) {
    return new Map(
      employees.map((e) => [
        e.id,
        Number(e.has_account) === 1 && S.selfCheckStatus((e.last_check as string | null) ?? null, e.created_at, intervalDays).overdue,
      ]),
    );
  }

  route(
    app,
    {
      method: 'GET',
      url: '/units/:unitId/dashboard',
      summary: 'Dashboard of a unit and its sub-units (403 outside the supervisor’s remit)',
      tag: 'supervisor',
      access: supervisors,
      params: unitParams,
      query: dashboardQuery,
    },
    async ({ user, params, query }) => {
      const { units, unit, ids, employees } = await scope(user, params.unitId);
      const empIds = employees.map((e) => e.id);
      const names = new Map(employees.map((e) => [e.id, e.name]));
      const inRange = (iso: string) => {
        const m = monthOf(iso);
        return (!query.from || m >= query.from.slice(0, 7)) && (!query.to || m <= query.to.slice(0, 7));
      };
      // one round of parallel queries; the accounts also tell who must self-check
      const [accounts, drafts, audits, pol] = await Promise.all([
        empIds.length ? db.selectFrom('social_accounts').select(['user_id', 'findings_json', 'updated_at']).where('user_id', 'in', empIds).execute() : [],
        empIds.length
          ? db
              .selectFrom('drafts')
              .select(['id', 'user_id', 'text', 'findings_json', 'created_at'])
              .where('user_id', 'in', empIds)
              .where('shared', '=', 1)
              .orderBy('created_at', 'desc')
              .limit(2000)
              .execute()
          : [],
        empIds.length
          ? db.selectFrom('audit_reports').select(['user_id', 'summary_json']).where('user_id', 'in', empIds).where('shared', '=', 1).limit(2000).execute()
          : [],
        app.getPolicy(),
      ]);
      const overdue = overdueOf(employees, pol.policy.selfCheckIntervalDays);
      const byCategory: Record<string, number> = {};
      const overTime = new Map<string, number>();
      const add = (month: string, category: string, n = 1) => {
        if (query.from && month < query.from.slice(0, 7)) return;
        if (query.to && month > query.to.slice(0, 7)) return;
        byCategory[category] = (byCategory[category] ?? 0) + n;
        const k = `${month}|${category}`;
        overTime.set(k, (overTime.get(k) ?? 0) + n);
      };
      for (const a of accounts) for (const f of S.findingsOf(a.findings_json)) add(monthOf(a.updated_at), f.category);
      const sharedFindings: Array<{
        draftId: string;
        userId: string;
        userName: string;
        category: string;
        severity: string;
        excerpt: string;
        createdAt: string;
      }> = [];
      for (const d of drafts) {
        for (const f of S.findingsOf(d.findings_json) as Finding[]) {
          add(monthOf(d.created_at), f.category);
          if (inRange(d.created_at) && sharedFindings.length < 500) {
            const [s, e] = f.range;
            const from = Math.max(0, s - 40);
            const to = Math.min(d.text.length, e + 40);
            sharedFindings.push({
              draftId: d.id,
              userId: d.user_id,
              userName: names.get(d.user_id) ?? '',
              category: f.category,
              severity: f.severity,
              excerpt: `${from > 0 ? '…' : ''}${d.text.slice(from, to)}${to < d.text.length ? '…' : ''}`,
              createdAt: d.created_at,
            });
          }
        }
      }
      for (const a of audits) {
        const sum = S.jsonOf<{ byMonth?: Record<string, Record<string, number>> }>(a.summary_json, {});
        for (const [month, cats] of Object.entries(sum.byMonth ?? {}))
          for (const [c, n] of Object.entries(cats)) if (Number.isFinite(n)) add(month, c, Number(n));
      }
      await logViews(
        user,
        sharedFindings.map((f) => f.userId),
        'view_shared_findings',
        { unitId: unit.id, unitName: unit.name },
      );
      const findingsOverTime = [...overTime.entries()]
        .map(([k, count]) => {
          const [month, category] = k.split('|');
          return { month, category, count };
        })
        .sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category));
      return {
        unit: S.unit(unit),
        subunits: units.filter((u) => ids.includes(u.id) && u.id !== unit.id).map(S.unit),
        employees: employees.length,
        accountsRegistered: accounts.length,
        selfChecksOverdue: [...overdue.values()].filter(Boolean).length,
        findingsByCategory: byCategory,
        findingsOverTime,
        sharedFindings,
      };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/units/:unitId/employees',
      summary: 'Employees of a unit and its sub-units (aggregates)',
      tag: 'supervisor',
      access: supervisors,
      params: unitParams,
    },
    async ({ user, params }) => {
      const { unit, employees } = await scope(user, params.unitId);
      const empIds = employees.map((e) => e.id);
      const [accounts, drafts, pol] = await Promise.all([
        empIds.length
          ? db
              .selectFrom('social_accounts')
              .select(['user_id', (eb) => eb.fn.countAll().as('n')])
              .where('user_id', 'in', empIds)
              .groupBy('user_id')
              .execute()
          : [],
        empIds.length ? db.selectFrom('drafts').select(['user_id', 'findings_json']).where('user_id', 'in', empIds).where('shared', '=', 1).execute() : [],
        app.getPolicy(),
      ]);
      const overdue = overdueOf(employees, pol.policy.selfCheckIntervalDays);
      const accBy = new Map(accounts.map((a) => [a.user_id, Number(a.n)]));
      const sharedBy = new Map<string, number>();
      for (const d of drafts) sharedBy.set(d.user_id, (sharedBy.get(d.user_id) ?? 0) + S.findingsOf(d.findings_json).length);
      await logViews(user, empIds, 'view_employee_list', { unitId: unit.id, unitName: unit.name });
      return employees.map((e) => ({
        id: e.id,
        name: e.name,
        unitName: e.unit_name,
        accounts: accBy.get(e.id) ?? 0,
        selfCheckOverdue: overdue.get(e.id) ?? false,
        sharedFindings: sharedBy.get(e.id) ?? 0,
      }));
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/employees/:userId',
      summary: 'One employee’s shared data; each view by someone else is written to the audit log',
      tag: 'supervisor',
      access: 'user',
      params: userParams,
    },
    async ({ user, params }) => {
      const target = await loadUser(db, params.userId);
      const self = user.id === params.userId;
      if (!self) {
        // do not reveal whether the id exists to someone who may not look
        if (!target || !(await canSeeUnit(db, user, target.unitId)))
          throw forbidden('Data pegawai ini di luar wewenang Anda.', 'This employee is outside your remit.');
      }
      if (!target) throw notFound();
      const [accounts, checks, drafts, audits, status] = await Promise.all([
        db.selectFrom('social_accounts').selectAll().where('user_id', '=', target.id).orderBy('created_at').execute(),
        db.selectFrom('self_checks').selectAll().where('user_id', '=', target.id).orderBy('created_at', 'desc').limit(100).execute(),
        db.selectFrom('drafts').selectAll().where('user_id', '=', target.id).where('shared', '=', 1).orderBy('created_at', 'desc').limit(200).execute(),
        db
          .selectFrom('audit_reports')
          .select(['id', 'summary_json', 'created_at'])
          .where('user_id', '=', target.id)
          .where('shared', '=', 1)
          .orderBy('created_at', 'desc')
          .limit(100)
          .execute(),
        selfCheckStatusOf(app, target.id),
      ]);
      if (!self) await app.audit({ actor: user, action: 'view_employee', subjectUserId: target.id, detail: { unitId: target.unitId } });
      return {
        user: target,
        selfCheck: status,
        accounts: accounts.map(S.account),
        selfChecks: checks.map(S.selfCheck),
        sharedDrafts: drafts.map(S.draft),
        sharedAudits: audits.map((a) => ({ id: a.id, createdAt: a.created_at, ...S.jsonOf<Record<string, unknown>>(a.summary_json, {}) })),
      };
    },
  );
}
