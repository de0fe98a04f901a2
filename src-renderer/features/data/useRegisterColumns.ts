import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyListSpec, RegisterRow } from '../../../src-main/api/contract';
import { langOf, sortValue } from './format';

/** A column of a register table: a field of the list (editable), or a read-only figure after them. */
export interface RegisterColumn {
  key: string;
  header: string;
  numeric: boolean;
  editable: boolean;
  value: (row: RegisterRow) => string | number;
}

/** The list's fields as columns, with the read-only figures after `extraAfter` (by default after every field). */
export function useRegisterColumns(spec: AnyListSpec, extra: string[], extraAfter: string | undefined): RegisterColumn[] {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return useMemo<RegisterColumn[]>(() => {
    const fields: RegisterColumn[] = spec.fields.map((f) => ({
      key: f.key, header: f.header[lang], numeric: f.kind === 'int' || f.kind === 'decimal', editable: true,
      value: (r: RegisterRow) => sortValue(f, r.record[f.key], lang, t),
    }));
    const extras: RegisterColumn[] = extra.map((k) => ({ key: `extra.${k}`, header: t(`register.extra.${k}`), numeric: true, editable: false, value: (r: RegisterRow) => r.extra[k] ?? 0 }));
    const at = extraAfter === undefined ? fields.length : fields.findIndex((c) => c.key === extraAfter) + 1 || fields.length;
    return [...fields.slice(0, at), ...extras, ...fields.slice(at)];
  }, [spec, extra, extraAfter, lang, t]);
}
