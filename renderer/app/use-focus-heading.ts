// After the user picks a page, focus moves to its heading so a screen reader announces where they
// are and Tab continues from the top of the new page. Lazy pages render their heading a moment
// later, so the heading is awaited briefly.
import { useEffect, useRef } from 'react';

export function useFocusHeading(page: string, enabled: boolean): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled) return;
    // Never steal focus the user has already moved on (e.g. Ctrl+K while a lazy page loads).
    const stillOurs = () => {
      const active = document.activeElement;
      return !active || active === document.body || Boolean(active.closest('nav'));
    };
    const focusHeading = (): boolean => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return false;
      if (stillOurs()) {
        heading.tabIndex = -1;
        heading.focus();
      }
      return true;
    };
    if (focusHeading()) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      if (focusHeading() || ++tries > 40) window.clearInterval(timer);
    }, 50);
    return () => window.clearInterval(timer);
  }, [page, enabled]);
}
