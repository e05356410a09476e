import { useCallback, useState } from 'react';

/** localStorage key of the name the person on duty records actions under. */
export const OPERATOR_STORAGE_KEY = 'gridmap.operator';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(OPERATOR_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Who is on duty at this screen: recorded as the actor of every report and step until accounts
 * (issue 9) say who is signed in. Kept in localStorage, so a shift sets it once.
 */
export function useOperatorName(fallback: string): { name: string; typed: string; setName: (name: string) => void } {
  const [name, setName] = useState(() => readStored() ?? '');
  const set = useCallback((next: string) => {
    setName(next);
    try {
      window.localStorage.setItem(OPERATOR_STORAGE_KEY, next);
    } catch {
      // kept for this page only
    }
  }, []);
  return { name: name.trim() === '' ? fallback : name.trim(), typed: name, setName: set };
}
