import { useCallback, useEffect, useState } from 'react';
import { parseViewState, viewStateSearch, type ViewState } from './view-state.ts';

/**
 * The view held in the URL: read on load and on Back/Forward, written on every change. A new
 * place is a new history entry (Back goes up again); a filter change replaces the entry.
 */
export function useViewState(): [ViewState, (next: ViewState) => void] {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const onPop = () => setView(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((next: ViewState) => {
    setView((current) => {
      const search = viewStateSearch(next, window.location.search);
      if (search !== window.location.search) {
        const url = `${window.location.pathname}${search}${window.location.hash}`;
        if (next.area !== current.area) window.history.pushState(null, '', url);
        else window.history.replaceState(window.history.state, '', url);
      }
      return next;
    });
  }, []);
  return [view, update];
}
