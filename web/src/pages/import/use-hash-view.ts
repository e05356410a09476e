import { useCallback, useEffect, useState } from 'react';

/** The views of the app; the hash names the non-map ones, so that a link or reload keeps the view. */
export type AppView = 'map' | 'data';
const DATA_HASH = '#data';

const viewOf = (hash: string): AppView => (hash === DATA_HASH ? 'data' : 'map');

/** The current view from `location.hash`, and a setter that writes it there. */
export function useHashView(): [AppView, (view: AppView) => void] {
  const [view, setViewState] = useState<AppView>(() => viewOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setViewState(viewOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const setView = useCallback((next: AppView) => {
    const url = new URL(window.location.href);
    url.hash = next === 'data' ? DATA_HASH : '';
    window.history.pushState(null, '', url);
    setViewState(next);
  }, []);
  return [view, setView];
}
