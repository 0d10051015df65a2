/** zod schemas of request bodies shared by the routes (bounded inputs everywhere). */
import { z } from 'zod';
import { accountInputFields, INPUT_LIMITS, PLATFORMS, postInputFields } from '../core/index.js';
import { ROLES } from '../db/types.js';

/** Longest post text: the core contract's limit (src/core/contract.ts), shared with the CLI and the web page. */
export const MAX_TEXT = INPUT_LIMITS.text;
export const platform = z.enum(PLATFORMS);
export const role = z.enum(ROLES as [string, ...string[]]) as unknown as z.ZodEnum<{ pegawai: 'pegawai'; atasan: 'atasan'; humas: 'humas'; admin: 'admin' }>;
export const locale = z.enum(['id', 'en']);

/** The core's one input schema; the HTTP body of an account check carries no `kind` marker. */
export const checkPost = z.object(postInputFields).strict();
export const checkAccount = z.object(accountInputFields).strict();

export const checkBody = z.union([checkPost, checkAccount]);

/** Organisation codes: lowercase letters, digits and hyphens (typed at login when a username exists in several). */
export const orgCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'organisation code: 2-40 lowercase letters, digits or hyphens');

export const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200), organization: orgCode.optional() }).strict();

export const settingsBody = z.object({ saveHistory: z.boolean(), locale }).strict();

export const accountBody = z
  .object({
    platform,
    handle: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .transform((h) => h.replace(/^@/, '')),
    displayName: z.string().max(200).optional(),
    bio: z.string().max(2000).optional(),
  })
  .strict();

export const selfCheckBody = z
  .object({
    accountId: z.string().min(1).max(100).nullable().optional(),
    twoFactor: z.boolean(),
    passwordChanged: z.boolean(),
    displayNameOk: z.boolean(),
    postsReviewed: z.boolean(),
    note: z.string().max(2000).optional(),
  })
  .strict();

/** Why a writer dismissed a finding (issue 8). */
export const DISMISS_REASONS = ['quote', 'own-data', 'not-applicable', 'other'] as const;
export const dismissalItem = z
  .object({
    ruleId: z.string().min(1).max(100),
    range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    reasonCode: z.enum(DISMISS_REASONS),
    reason: z.string().max(500).optional(),
  })
  .strict();

export const draftBody = z
  .object({
    text: z.string().min(1).max(MAX_TEXT),
    platform: platform.optional(),
    shareWithSupervisor: z.boolean().optional(),
    /** Findings the writer dismissed, kept with the draft. */
    dismissals: z.array(dismissalItem).max(200).optional(),
  })
  .strict();

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }).strict();

const password = z.string().min(8).max(200);
const username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, underscore or hyphen');

export const newUserBody = z.object({ username, name: z.string().min(1).max(200), role, unitId: z.string().min(1).max(100), password }).strict();
export const updateUserBody = z
  .object({
    username: username.optional(),
    name: z.string().min(1).max(200).optional(),
    role: role.optional(),
    unitId: z.string().min(1).max(100).optional(),
    password: password.optional(),
  })
  .strict();

const unitCode = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore or hyphen');
export const newUnitBody = z.object({ code: unitCode, name: z.string().min(1).max(300), parentId: z.string().min(1).max(100).nullable() }).strict();
export const updateUnitBody = z
  .object({ code: unitCode.optional(), name: z.string().min(1).max(300).optional(), parentId: z.string().min(1).max(100).nullable().optional() })
  .strict();

export const auditLogQuery = z
  .object({
    userId: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();

export const dashboardQuery = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM or YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM or YYYY-MM-DD')
      .optional(),
  })
  .strict();

export const policyBody = z.object({ policy: z.unknown(), summary: z.string().max(500).optional() }).strict();

/** POST /organizations (super-admin): the organisation, its root unit and its first admin. */
export const newOrganizationBody = z
  .object({
    code: orgCode,
    name: z.string().trim().min(2).max(300),
    unit: z.object({ code: unitCode, name: z.string().trim().min(1).max(300) }).strict(),
    admin: z.object({ username, name: z.string().trim().min(1).max(200), password }).strict(),
  })
  .strict();
