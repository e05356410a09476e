import type { ReactNode } from 'react';
import { useI18n } from '../i18n/locale-context.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { useSession } from './use-session.ts';

/** The app once someone is signed in; the sign-in page until then (and again when the session ends). */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, pending } = useSession();
  if (pending) return <main className="sign-in-page" aria-busy="true">{t('session.checking')}</main>;
  if (!session) return <SignInPage />;
  return <>{children}</>;
}
