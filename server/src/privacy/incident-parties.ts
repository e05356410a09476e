import type { IncidentDetailProperties } from '@gridmap/shared';
import type { Context } from 'hono';
import { seesPersonal } from '../auth/scope.ts';
import { recordAudit } from '../db/audit-sql.ts';
import { incidentParties } from '../db/incident-writes-sql.ts';
import type { IncidentRow } from '../db/incidents-sql.ts';
import type { Db } from '../db/open-db.ts';
import { clientAddress } from '../auth/session-context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { maskName, maskPhone } from './mask-contact.ts';

/**
 * The parties of an incident as this request may see them: in full for a role that needs them
 * inside its area (and the view goes to the audit log), masked ('张**', '138****1234') for
 * everyone else.
 */
export function incidentPartiesFor(c: Context<AppEnv>, db: Db, incident: IncidentRow, now: Date): IncidentDetailProperties['parties'] {
  const parties = incidentParties(db, incident.id);
  if (parties.length > 0 && seesPersonal(c, db, incident.gridId)) {
    const { account } = c.get('session')!;
    recordAudit(db, { accountId: account.id, username: account.username, action: 'view_personal', target: `incident ${incident.id}`, ip: clientAddress(c) }, now);
    return parties;
  }
  return parties.map((p) => ({ ...p, name: maskName(p.name), ...(p.phone && { phone: maskPhone(p.phone) }) }));
}
