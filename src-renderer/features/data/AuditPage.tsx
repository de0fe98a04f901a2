import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_NAMES, LISTS, type AuditEntryDto, type FieldChangeDto, type ListName, type ProblemDto } from '../../../src-main/api/contract';
import { useRpc } from '../../lib/useRpc';
import { DataError } from './DataError';
import { displayValue, langOf } from './format';
import './data.css';

/** What an entry's details may hold; older entries used other shapes, so each is checked before use. */
interface Details {
  summary?: ProblemDto;
  label?: string;
  /** A plan's (and, before, a scenario's) name. */
  name?: string;
  /** A rename: the name before and after. */
  from?: string;
  to?: string;
  changes?: unknown;
  added?: unknown;
  updated?: unknown;
}

/** A list's noun heads its column (the nouns are lower case for use inside sentences). */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const listOf = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

const isList = (s: string): s is ListName => (LIST_NAMES as readonly string[]).includes(s);

/** Who changed what and when; a backlog edit shows its numbers before -> after. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [limit, setLimit] = useState(100);
  const log = useRpc('audit.list', { limit });
  const [open, setOpen] = useState<Set<number>>(new Set());

  const changeText = (entity: string, c: FieldChangeDto): string => {
    const field = isList(entity) ? LISTS[entity].fields.find((f) => f.key === c.field) : undefined;
    const show = (v: FieldChangeDto['before']): string => (v === null ? '∅' : field ? displayValue(field, v, lang, t) || '∅' : String(v));
    const name = field?.header[lang] ?? (entity === 'campaign' ? t(`register.campaign.${c.field === 'startDate' ? 'start' : c.field}`) : c.field);
    return `${name}: ${show(c.before)} → ${show(c.after)}`;
  };
  /** The object of the action: the row's name, the imported file, or the change an undo took back. */
  const what = (e: AuditEntryDto): string => {
    const d = (e.details ?? {}) as Details;
    const words = e.entity === 'results' ? 'results' : 'register';
    if (e.action === 'undo' && d.summary) {
      return t('register.audit.undoWhat', { what: t(`${words}.summary.${d.summary.key}`, { ...d.summary.params, defaultValue: d.summary.key }) });
    }
    if (e.entity === 'results' && d.summary) return t(`results.summary.${d.summary.key}`, { ...d.summary.params, defaultValue: d.summary.key });
    if (d.summary?.key === 'importDone') return t('register.audit.importWhat', { ...d.summary.params });
    if (typeof d.from === 'string' && typeof d.to === 'string') return `${d.from} → ${d.to}`;
    return d.label ?? d.name ?? (e.entityId ?? '');
  };
  const entity = (name: string): string => capitalised(
    isList(name) ? t(`register.noun.${name}`) : name === 'results' ? t('results.nav') : t(`register.audit.entity.${name}`, { defaultValue: name }));
  const lines = (e: AuditEntryDto): string[] => {
    const d = (e.details ?? {}) as Details;
    const added = listOf<string>(d.added);
    return [
      ...listOf<FieldChangeDto>(d.changes).map((c) => changeText(e.entity, c)),
      ...listOf<{ label: string; changes: FieldChangeDto[] }>(d.updated).map((u) => `${u.label}: ${listOf<FieldChangeDto>(u.changes).map((c) => changeText(e.entity, c)).join('; ')}`),
      ...(added.length ? [t('register.audit.addedRows', { names: added.join(', ') })] : []),
    ];
  };

  return (
    <div className="list-page data-page">
      <h1>{t('register.audit.title')}</h1>
      {log.error && <DataError error={log.error} />}
      {log.data && log.data.length === 0 && <p>{t('register.audit.empty')}</p>}
      {log.data && log.data.length > 0 && (
        <div className="table-wrap">
          <table className="data audit" data-testid="audit-log">
            <thead>
              <tr>
                <th>{t('register.audit.when')}</th><th>{t('register.audit.who')}</th><th>{t('register.audit.what')}</th>
                <th>{t('register.audit.list')}</th><th>{t('register.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((e) => {
                const detail = lines(e);
                const shown = open.has(e.id) ? detail : detail.slice(0, 3);
                return (
                  <tr key={e.id}>
                    <td className="nowrap">{format(parseISO(e.at), 'dd/MM/yyyy HH:mm:ss')}</td>
                    <td>{e.userName}</td>
                    <td><strong>{t(`register.audit.action.${e.action}`, { defaultValue: e.action })}</strong> {what(e)}</td>
                    <td>{entity(e.entity)}</td>
                    <td>
                      {shown.map((l, i) => <div key={i} className="change">{l}</div>)}
                      {detail.length > shown.length && (
                        <button className="link" onClick={() => setOpen((s) => new Set(s).add(e.id))}>
                          {t('register.audit.andMore', { count: detail.length - shown.length })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {log.data.length >= limit && <button className="secondary show-more" onClick={() => setLimit((l) => l + 200)}>{t('register.audit.more')}</button>}
        </div>
      )}
    </div>
  );
}
