import { useCallback, useEffect } from 'react';

/**
 * Printing the rosters, by the Print button or by Ctrl+P: only the documents (body.print-roster,
 * roster.css), on A4 in the documents' orientation with the decree's margins. Ctrl+P is caught by
 * "beforeprint"; everything is undone on "afterprint". Returns what the Print button calls.
 */
export function useRosterPrint(landscape: boolean, enabled: boolean): () => void {
  const prepare = useCallback((): void => {
    if (document.body.classList.contains('print-roster')) return;
    const page = document.createElement('style');
    page.textContent = `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 20mm 15mm 20mm 30mm; }`;
    document.head.appendChild(page);
    document.body.classList.add('print-roster');
    const done = (): void => {
      page.remove();
      document.body.classList.remove('print-roster');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
  }, [landscape]);

  useEffect(() => {
    if (!enabled) return;
    window.addEventListener('beforeprint', prepare);
    return () => window.removeEventListener('beforeprint', prepare);
  }, [enabled, prepare]);

  return (): void => {
    prepare();
    window.print();
  };
}
