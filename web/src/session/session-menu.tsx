import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signOut } from '../api/session-api.ts';
import { forgetSession } from './forget-session.ts';
import { useI18n } from '../i18n/locale-context.tsx';
import { useSession } from './use-session.ts';
import { can } from '@gridmap/shared';
import { openAudit } from '../pages/audit/use-audit-open.ts';

/** The top bar's account corner: who is signed in, and 退出 (signed out, the sign-in page has the whole screen). */
export function SessionMenu() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { session } = useSession();

  const leave = useMutation({
    mutationFn: signOut,
    // Nothing fetched as this account may stay behind for the next one at this screen.
    onSettled: () => forgetSession(queryClient),
  });

  if (session) {
    return (
      <div className="session-menu" data-testid="session-menu">
        <span className="session-name" title={t(`role.${session.account.role}`)}>
          {session.account.displayName}
          <span className="session-role">{t(`role.${session.account.role}`)}</span>
        </span>
        {can(session.account.role, 'audit') && (
          <button type="button" className="ghost-button" onClick={openAudit} data-testid="open-audit">
            {t('audit.open')}
          </button>
        )}
        <button type="button" className="ghost-button" onClick={() => leave.mutate()} data-testid="sign-out">
          {t('session.signOut')}
        </button>
      </div>
    );
  }
  return null;
}
