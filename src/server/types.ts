/** Types shared by the server modules. */
import type { Role } from '../db/types.js';

/** The logged-in user as the API shows it (`User` of docs/api.md). */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  locale: 'id' | 'en';
  /** The user's organisation (issue 12): every query of their requests is scoped to it. */
  orgId: string;
  orgName: string;
  /** May create organisations (GET/POST /api/v1/organizations). */
  superAdmin: boolean;
}
