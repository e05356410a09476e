import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/fetch-json.ts';
import { sessionKeys, signIn } from '../api/session-api.ts';
import { useI18n } from '../i18n/locale-context.tsx';
import { healthQueryOptions } from '../panels/top-bar/health-query.ts';

/** The demo accounts the server seeds with the demo county (README lists them), offered on a demo database only. */
const DEMO_USERNAMES = ['admin', 'county', 'town', 'grid', 'planner', 'official'] as const;

/**
 * The whole screen while no one is signed in: every /api route but sign-in and health answers
 * 401, so there is nothing else to show. After signing in every cached query is dropped (it was
 * fetched as no one, or as the account that signed out) and the app fetches afresh.
 */
export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const health = useQuery(healthQueryOptions);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  const enter = useMutation({
    mutationFn: () => signIn(username.trim(), password),
    onSuccess: (next) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
      queryClient.setQueryData(sessionKeys.all, next);
    },
    onError: (e) => {
      if (e instanceof ApiRequestError && e.status === 429) setError(t('session.slowed', { seconds: e.retryAfterS ?? 1 }));
      else if (e instanceof ApiRequestError && e.status === 401) setError(t('session.failed'));
      else setError(t('action.failed', { message: e instanceof Error ? e.message : String(e) }));
      setPassword('');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() && password) enter.mutate();
  };

  return (
    <main className="sign-in-page" data-testid="sign-in-page">
      <form className="sign-in-card" onSubmit={onSubmit} data-testid="sign-in-form">
        <header className="sign-in-head">
          <span className="brand-mark" aria-hidden="true" />
          <h1>{t('app.title')}</h1>
          <button type="button" className="lang-switch" data-testid="lang-switch" title={t('lang.switchTitle')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('lang.switchTo')}
          </button>
        </header>
        {health.data?.county.name && <p className="sign-in-county">{health.data.county.name} · {t('session.pageTitle')}</p>}
        <label className="form-row">
          <span>{t('session.username')}</span>
          <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="sign-in-username" />
        </label>
        <label className="form-row">
          <span>{t('session.password')}</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="sign-in-password" />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="submit" className="primary-button sign-in-submit" disabled={enter.isPending || !username.trim() || !password} data-testid="sign-in-submit">
          {t('session.submit')}
        </button>
        {health.data?.demo && (
          <p className="sign-in-demo" data-testid="sign-in-demo">
            {t('session.demoAccounts', { accounts: DEMO_USERNAMES.join(' · '), password: 'gridmap2026' })}
          </p>
        )}
      </form>
    </main>
  );
}
