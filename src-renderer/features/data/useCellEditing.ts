import { useState } from 'react';
import type { AnyListSpec, FieldValue, ProblemDto, RegisterRow } from '../../../src-main/api/contract';
import { fromText, isProblemDto } from './FieldControl';

/** What a save of one field answers: nothing when saved, else the problems per field. */
export type SaveField = (key: string, field: string, value: FieldValue | null) => Promise<Array<ProblemDto & { field: string | null }> | null>;

/**
 * The cell being edited in a register table and the problems of cells that were not saved,
 * keyed "row key|field". `commit` saves a cell's text (true when saved); a wrong value leaves
 * the cell open, marked, with its reason.
 */
export function useCellEditing(spec: AnyListSpec, onSave: SaveField) {
  const [editing, setEditing] = useState<{ key: string; field: string } | null>(null);
  const [errors, setErrors] = useState<Map<string, ProblemDto>>(new Map());

  const setRowErrors = (key: string, problems: Array<ProblemDto & { field: string | null }>, fallbackField: string): void =>
    setErrors((prev) => {
      const next = new Map([...prev].filter(([k]) => !k.startsWith(`${key}|`)));
      for (const p of problems) if (!next.has(`${key}|${p.field ?? fallbackField}`)) next.set(`${key}|${p.field ?? fallbackField}`, p);
      return next;
    });

  const commit = async (row: RegisterRow, field: string, text: string): Promise<boolean> => {
    const fieldSpec = spec.fields.find((f) => f.key === field)!;
    const value = fromText(fieldSpec, text);
    if (isProblemDto(value)) {
      setRowErrors(row.key, [{ ...value, field }], field);
      return false;
    }
    const problems = await onSave(row.key, field, value);
    if (problems?.length) {
      setRowErrors(row.key, problems, field);
      return false;
    }
    setRowErrors(row.key, [], field);
    setEditing(null);
    return true;
  };

  const cancel = (row: RegisterRow, field: string): void => {
    setEditing(null);
    setRowErrors(row.key, [], field);
  };

  return { editing, setEditing, errors, commit, cancel };
}

export type CellEditing = ReturnType<typeof useCellEditing>;
