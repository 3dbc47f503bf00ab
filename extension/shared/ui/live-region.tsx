/**
 * Announcements for screen readers ("Check finished", "Saved"): one polite live region per page,
 * also shown as a status line. The region exists from the first render, because screen readers
 * ignore a live region that appears together with its text.
 */
import { useCallback, useState } from 'preact/hooks';

export function useAnnouncer(): { readonly message: string; readonly announce: (text: string) => void } {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => setMessage(text), []);
  return { message, announce };
}

export function LiveRegion(props: { readonly message: string; readonly class?: string }) {
  return (
    <p role="status" aria-live="polite" class={props.class ?? 'status-line'}>
      {props.message}
    </p>
  );
}
