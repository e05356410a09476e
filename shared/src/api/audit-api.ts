import { z } from 'zod';

/**
 * Actions the audit log records so far (issue 9); the log may hold others as writes are audited,
 * and the API and the page show those as they are.
 */
export const AUDIT_ACTIONS = ['sign_in', 'sign_in_failed', 'sign_out', 'view_personal', 'write'] as const;

/** One line of `GET /api/audit`: who did what, when, from where. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  /** Null for a failed sign-in under a name no account has. */
  accountId: z.number().nullable(),
  username: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.string(),
  ip: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/audit`: newest first; the next page is `before=<id of the last line>`. */
export const auditPageSchema = z.array(auditEntrySchema);

/** `GET /api/audit/actions`: the actions the log holds, for the page's filter. */
export const auditActionsSchema = z.array(z.string());
