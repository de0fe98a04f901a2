import { useCallback, useState, type UIEvent } from 'react';

/** Above this many rows the calendar renders only what is on screen. */
export const WINDOW_THRESHOLD = 40;
/** Fixed row height (px) in windowed mode; a busy cell scrolls inside itself. */
export const WINDOW_ROW_HEIGHT = 190;
const OVERSCAN = 4;
const VIEWPORT_GUESS = 1200;

export interface RowWindow {
  windowed: boolean;
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/**
 * Row windowing for a long table: which rows to render and how tall the spacers above
 * and below are. Short tables (a district) render whole, with natural row heights.
 */
export function rowWindow(rowCount: number, scrollTop: number, viewport: number): RowWindow {
  if (rowCount <= WINDOW_THRESHOLD) return { windowed: false, start: 0, end: rowCount, padTop: 0, padBottom: 0 };
  const start = Math.min(rowCount, Math.max(0, Math.floor(scrollTop / WINDOW_ROW_HEIGHT) - OVERSCAN));
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewport) / WINDOW_ROW_HEIGHT) + OVERSCAN);
  return { windowed: true, start, end, padTop: start * WINDOW_ROW_HEIGHT, padBottom: (rowCount - end) * WINDOW_ROW_HEIGHT };
}

export function useRowWindow(rowCount: number): RowWindow & { onScroll: (e: UIEvent<HTMLElement>) => void } {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(VIEWPORT_GUESS);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setViewport(e.currentTarget.clientHeight || VIEWPORT_GUESS);
  }, []);
  return { ...rowWindow(rowCount, scrollTop, viewport), onScroll };
}
