import { useTranslation } from 'react-i18next';
import type { AnyListSpec, FieldValue, ImportPreview } from '../../../src-main/api/contract';
import { displayValue, langOf, problemText } from './format';
import type { ImportAsks } from './useImportFile';

/** The columns a planner checks first in new rows: the backlog, then what the planner needs to reach people. */
const PREVIEW_FIRST = ['commune', 'remainingEid', 'remainingCccd', 'homeboundEid', 'homeboundCccd', 'population', 'countedOn', 'team', 'base', 'kind',
  'from', 'to', 'distanceKm', 'minutes', 'seats', 'services', 'date'];

const rank = (field: string): number => {
  const i = PREVIEW_FIRST.indexOf(field);
  return i < 0 ? PREVIEW_FIRST.length : i;
};

/** A field's column header and a value of it in words, in the list's own terms. */
function useFieldText(spec: AnyListSpec) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const header = (field: string): string => spec.fields.find((f) => f.key === field)?.header[lang] ?? field;
  const show = (field: string, v: FieldValue | null): string => {
    const f = spec.fields.find((x) => x.key === field);
    return f && v !== null ? displayValue(f, v, lang, t) : '';
  };
  return { header, show };
}

/** What a checked file would do: its counts, the yes it needs, and the rows it rejects, adds and updates. */
export function ImportPreviewPanel({ preview: p, spec, asks }: { preview: ImportPreview; spec: AnyListSpec; asks: ImportAsks }) {
  const { t } = useTranslation();
  const { header, show } = useFieldText(spec);
  const defaulted = p.defaultedFields.map((d) => `${header(d.field)} = ${show(d.field, d.value)}`).join('; ');
  return (
    <div className="import-preview" data-testid="import-preview">
      <p data-testid="import-summary"><strong>{t('register.import.summary', { file: p.fileName, ...p.counts })}</strong></p>
      <p className="muted">
        {p.sheet && <>{t('register.import.sheet', { sheet: p.sheet })} · </>}
        {t('register.import.columns', { columns: p.columns.map((c) => c.header).join(', ') })}
      </p>
      {asks.needsIgnoredYes && (
        <div className="import-ask" role="group" data-testid="import-ignored">
          <p>{t('register.import.ignoredWarning', { columns: p.ignoredColumns.join(', ') })}</p>
          {defaulted && <p>{t('register.import.defaulted', { fields: defaulted })}</p>}
          <label>
            <input type="checkbox" checked={asks.ackIgnored} onChange={(e) => asks.setAckIgnored(e.target.checked)} data-testid="import-ack-ignored" />
            {' '}{t('register.import.ackIgnored', { count: p.ignoredColumns.length })}
          </label>
        </div>
      )}
      {!asks.needsIgnoredYes && defaulted && p.counts.adds > 0 && <p className="muted">{t('register.import.defaulted', { fields: defaulted })}</p>}
      {asks.needsMovesYes && <MovesAsk preview={p} checked={asks.ackMoves} onChange={asks.setAckMoves} />}
      {p.canConfirm && !asks.acknowledged && <p className="muted">{t('register.import.needsYes')}</p>}
      {p.counts.rejects > 0 && <div className="error" role="alert">{t('register.import.blocked')}</div>}
      {p.counts.rejects === 0 && p.counts.adds + p.counts.updates === 0 && <p>{t('register.import.nothing')}</p>}
      {p.rejects.length > 0 && <RejectsSection preview={p} />}
      {p.adds.length > 0 && <AddsSection preview={p} spec={spec} />}
      {p.updates.length > 0 && <UpdatesSection preview={p} spec={spec} />}
    </div>
  );
}

/** The records the file moves elsewhere (e.g. a hamlet to another commune), written only on an explicit yes. */
function MovesAsk({ preview: p, checked, onChange }: { preview: ImportPreview; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="import-ask" role="group" data-testid="import-moves">
      <p>{t('register.import.movesWarning', { count: p.moves.count })}</p>
      <table className="data compact">
        <thead><tr><th>{t('register.import.row')}</th><th>{t('register.import.moveFrom')}</th><th>{t('register.import.moveTo')}</th></tr></thead>
        <tbody>
          {p.moves.rows.map((m) => <tr key={m.row}><td className="num">{m.row}</td><td>{m.before}</td><td>{m.after}</td></tr>)}
        </tbody>
      </table>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="import-ack-moves" />
        {' '}{t('register.import.ackMoves', { count: p.moves.count })}
      </label>
    </div>
  );
}

/** The rows the file cannot bring in, with their row, column and reason. */
function RejectsSection({ preview: p }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <section>
      <h3>{t('register.import.rejects')} ({p.counts.rejects})</h3>
      <table className="data compact" data-testid="import-rejects">
        <thead><tr><th>{t('register.import.row')}</th><th>{t('register.import.column')}</th><th>{t('register.import.reason')}</th></tr></thead>
        <tbody>
          {p.rejects.map((r, i) => (
            <tr key={i}><td className="num">{r.row}</td><td>{r.column ?? ''}</td><td>{problemText(t, r)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The new records (the first ones), with the columns a planner checks first. */
function AddsSection({ preview: p, spec }: { preview: ImportPreview; spec: AnyListSpec }) {
  const { t } = useTranslation();
  const { header, show } = useFieldText(spec);
  const shownColumns = p.columns
    .filter((c) => !['code', 'name'].includes(c.field))
    .sort((a, b) => rank(a.field) - rank(b.field))
    .slice(0, 7);
  return (
    <section>
      <h3>{t('register.import.adds')} ({p.counts.adds}) {p.counts.adds > p.adds.length && t('register.import.shownFirst', { shown: p.adds.length, total: p.counts.adds })}</h3>
      <table className="data compact" data-testid="import-adds">
        <thead>
          <tr><th>{t('register.import.row')}</th><th>{t('register.import.record')}</th>{shownColumns.map((c) => <th key={c.field}>{header(c.field)}</th>)}</tr>
        </thead>
        <tbody>
          {p.adds.map((a) => (
            <tr key={a.row}>
              <td className="num">{a.row}</td><td>{a.label}</td>
              {shownColumns.map((c) => <td key={c.field}>{show(c.field, a.record[c.field] ?? null)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The records the file changes (the first ones), each change as before → after. */
function UpdatesSection({ preview: p, spec }: { preview: ImportPreview; spec: AnyListSpec }) {
  const { t } = useTranslation();
  const { header, show } = useFieldText(spec);
  return (
    <section>
      <h3>{t('register.import.updates')} ({p.counts.updates}) {p.counts.updates > p.updates.length && t('register.import.shownFirst', { shown: p.updates.length, total: p.counts.updates })}</h3>
      <table className="data compact" data-testid="import-updates">
        <thead><tr><th>{t('register.import.row')}</th><th>{t('register.import.record')}</th><th>{t('register.import.change')}</th></tr></thead>
        <tbody>
          {p.updates.map((u) => (
            <tr key={u.row}>
              <td className="num">{u.row}</td><td>{u.label}</td>
              <td>{u.changes.map((c) => `${header(c.field)}: ${show(c.field, c.before)} → ${show(c.field, c.after)}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
