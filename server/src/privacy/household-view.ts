import type { Context } from 'hono';
import { can } from '@gridmap/shared';
import { clientAddress } from '../auth/session-context.ts';
import { scopeAreaId } from '../auth/scope.ts';
import { recordAudit } from '../db/audit-sql.ts';
import type { HouseholdRow } from '../db/households-sql.ts';
import type { Db } from '../db/open-db.ts';
import type { AppEnv } from '../http/app-env.ts';
import { publicHousehold, type PublicHousehold } from './public-household.ts';

/** The most household ids one audit line lists; a longer page is logged as its first ids and a count. */
const AUDIT_IDS_LISTED = 50;

/**
 * How this request sees households: in full (head's name, phone, every tag, key groups included)
 * for a role that needs them — the request's households already lie inside its area — else
 * masked (publicHousehold). A full view goes to the audit log, one line per request.
 */
export function householdViewer(c: Context<AppEnv>, db: Db, now: Date) {
  const session = c.get('session');
  const full = session != null && can(session.account.role, 'see_personal');
  return {
    view(h: HouseholdRow): PublicHousehold {
      return full ? { id: h.id, gridId: h.gridId, address: h.address, size: h.size, tags: h.tags, headName: h.headName, phone: h.phone } : publicHousehold(h);
    },
    /** Records that `rows` were seen in full, when they were. */
    audit(rows: readonly HouseholdRow[]): void {
      if (!full || rows.length === 0) return;
      const ids = rows.slice(0, AUDIT_IDS_LISTED).map((h) => h.id).join(',');
      const more = rows.length > AUDIT_IDS_LISTED ? ` +${rows.length - AUDIT_IDS_LISTED}` : '';
      const { account } = session!;
      recordAudit(
        db,
        { accountId: account.id, username: account.username, action: 'view_personal', target: `households ${ids}${more}`, detail: `scope ${scopeAreaId(c) ?? 'all'}`, ip: clientAddress(c) },
        now,
      );
    },
  };
}
