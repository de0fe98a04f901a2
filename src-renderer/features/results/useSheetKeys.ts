import { useRef, type KeyboardEvent } from 'react';
import type { ResultVisit } from '../../../src-main/api/contract';
import type { InputColumn } from './draft';

/** What a key pressed in a row's input does, given the row's index and the input's column. */
export type SheetKey = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, index: number, col: InputColumn) => void;

/**
 * The results table's keys, as in a sheet: Enter saves the row and goes to the next one, arrow
 * up/down to the same cell of the row above or below. `body` is the table body the cells are found in.
 */
export function useSheetKeys(visits: ResultVisit[], onSave: (visit: ResultVisit) => void) {
  const body = useRef<HTMLTableSectionElement>(null);

  const focusCell = (row: number, col: InputColumn): void => {
    const el = body.current?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-row="${row}"][data-col="${col}"]`);
    if (el && !el.disabled) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    } else if (el) {
      body.current?.querySelector<HTMLSelectElement>(`[data-row="${row}"][data-col="notDone"]`)?.focus();
    }
  };

  const onKey: SheetKey = (e, index, col) => {
    const visit = visits[index]!;
    if (e.key === 'Enter') {
      e.preventDefault();
      onSave(visit);
      if (index + 1 < visits.length) focusCell(index + 1, 'enrolledCccd');
      return;
    }
    // In the reason list the arrows choose a reason, as in any list.
    if (col === 'notDone') return;
    if (e.key === 'ArrowDown' && index + 1 < visits.length) {
      e.preventDefault();
      focusCell(index + 1, col);
    } else if (e.key === 'ArrowUp' && index > 0) {
      e.preventDefault();
      focusCell(index - 1, col);
    }
  };

  return { body, onKey };
}
