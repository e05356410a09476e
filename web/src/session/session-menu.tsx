import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/fetch-json.ts';
import { sessionKeys, signIn, signOut } from '../api/session-api.ts';
import { useI18n } from '../i18n/locale-context.tsx';
import { useSession } from './use-session.ts';
import { can } from '@gridmap/shared';
import { openAudit } from '../pages/audit/use-audit-open.ts';

/** The top bar's account corner: who is signed in and 退出, or 登录 with a small form. */
export function SessionMenu() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Everything cached was fetched as someone else (or no one): fetch it again.
  const refresh = () => void queryClient.invalidateQueries();

  const enter = useMutation({
    mutationFn: () => signIn(username.trim(), password),
    onSuccess: (next) => {
      queryClient.setQueryData(sessionKeys.all, next);
      setOpen(false);
      setPassword('');
      setError(null);
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiRequestError && e.status === 429) setError(t('session.slowed', { seconds: e.retryAfterS ?? 1 }));
      else if (e instanceof ApiRequestError && e.status === 401) setError(t('session.failed'));
      else setError(t('action.failed', { message: e instanceof Error ? e.message : String(e) }));
    },
  });
  const leave = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.setQueryData(sessionKeys.all, null);
      refresh();
    },
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
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() && password) enter.mutate();
  };
  return (
    <div className="session-menu">
      <button type="button" className="ghost-button" onClick={() => setOpen((o) => !o)} data-testid="sign-in-open">
        {t('session.signIn')}
      </button>
      {open && (
        <form className="sign-in-form" onSubmit={onSubmit} data-testid="sign-in-form">
          <label className="form-row">
            <span>{t('session.username')}</span>
            <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="sign-in-username" />
          </label>
          <label className="form-row">
            <span>{t('session.password')}</span>
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="sign-in-password" />
          </label>
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="form-actions">
            <button type="submit" className="primary-button" disabled={enter.isPending} data-testid="sign-in-submit">
              {t('session.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
