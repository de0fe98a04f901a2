import { describe, expect, it } from 'vitest';
import { rowWindow, WINDOW_ROW_HEIGHT, WINDOW_THRESHOLD } from '../../src-renderer/features/plan/useRowWindow';

describe('calendar row windowing', () => {
  it('renders a district calendar whole', () => {
    expect(rowWindow(20, 0, 800)).toEqual({ windowed: false, start: 0, end: 20, padTop: 0, padBottom: 0 });
  });

  it('renders only the rows on screen of a province calendar, spacers keeping the scroll height', () => {
    const rows = 500;
    for (const scrollTop of [0, 10_000, 50_000, rows * WINDOW_ROW_HEIGHT]) {
      const w = rowWindow(rows, scrollTop, 900);
      expect(w.windowed).toBe(true);
      expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(900 / WINDOW_ROW_HEIGHT) + 9);
      expect(w.padTop + (w.end - w.start) * WINDOW_ROW_HEIGHT + w.padBottom).toBe(rows * WINDOW_ROW_HEIGHT);
      const firstVisible = Math.min(rows - 1, Math.floor(scrollTop / WINDOW_ROW_HEIGHT));
      if (scrollTop < rows * WINDOW_ROW_HEIGHT) {
        expect(w.start).toBeLessThanOrEqual(firstVisible);
        expect(w.end).toBeGreaterThan(firstVisible);
      }
    }
    expect(rowWindow(WINDOW_THRESHOLD + 1, 0, 900).windowed).toBe(true);
  });
});
