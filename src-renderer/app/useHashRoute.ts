import { useEffect, useState } from 'react';

/** The screen lives in the URL hash (#/hamlets), so reload and back keep the user's place. */
export function useHashRoute(fallback: string): [string, (route: string) => void] {
  const read = (): string => window.location.hash.replace(/^#\/?/, '') || fallback;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = (): void => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  });
  return [route, (r: string) => { window.location.hash = `#/${r}`; }];
}
