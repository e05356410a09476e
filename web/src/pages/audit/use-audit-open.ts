import { useCallback, useEffect, useState } from 'react';

/** The hash that opens the audit page, so that a reload or a link keeps it open. */
export const AUDIT_HASH = '#audit';

/** Opens the audit page (from the session menu). */
export function openAudit(): void {
  window.location.hash = AUDIT_HASH;
}

/** Whether the audit page is open (the hash says so), and a close that returns to the map. */
export function useAuditOpen(): { open: boolean; close: () => void } {
  const [open, setOpen] = useState(() => window.location.hash === AUDIT_HASH);
  useEffect(() => {
    const onHash = () => setOpen(window.location.hash === AUDIT_HASH);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const close = useCallback(() => {
    const url = new URL(window.location.href);
    url.hash = '';
    window.history.pushState(null, '', url);
    setOpen(false);
  }, []);
  return { open, close };
}
