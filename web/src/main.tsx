import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ApiRequestError } from './api/fetch-json.ts';
import { forgetSession } from './session/forget-session.ts';
import { SessionGate } from './session/session-gate.tsx';
import { LocaleProvider } from './i18n/locale-context.tsx';
import './styles.css';

/** A 401 anywhere means the session ended (expired, signed out elsewhere): back to the sign-in page. */
const onApiError = (error: unknown) => {
  if (error instanceof ApiRequestError && error.status === 401) forgetSession(queryClient);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // The API is local: a second failure is a real one, shown rather than retried; a 401 is not retried at all.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiRequestError && error.status === 401),
      refetchOnWindowFocus: false, // a wall screen gains and loses focus all day
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <SessionGate>
          <App />
        </SessionGate>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
