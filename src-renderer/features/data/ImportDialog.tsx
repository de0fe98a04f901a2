import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES, type AnyListSpec, type FieldValue, type ImportPreview, type ListName } from '../../../src-main/api/contract';
import { FilePick } from '../../app/FilePick';
import { DataError } from './DataError';
import { call } from '../../lib/rpc';
import { fileToBase64 } from './files';
import { displayValue, langOf, problemText } from './format';
import { Modal } from './Modal';

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
/** The columns a planner checks first in new rows: the backlog, then what the planner needs to reach people. */
const PREVIEW_FIRST = ['commune', 'remainingEid', 'remainingCccd', 'homeboundEid', 'homeboundCccd', 'population', 'countedOn', 'team', 'base', 'kind',
  'from', 'to', 'distanceKm', 'minutes', 'seats', 'services', 'date'];

/**
 * Import in two steps: the file is read and checked against the data (nothing written), the
 * user sees what would be added, updated and rejected, and only a clean file can be written.
 */
export function ImportDialog({ list, spec, title, onDone, onClose }: {
  list: ListName;
  spec: AnyListSpec;
  title: string;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  // The explicit yes to columns the app ignores and to records the file moves elsewhere, given in the preview.
  const [ackIgnored, setAckIgnored] = useState(false);
  const [ackMoves, setAckMoves] = useState(false);

  const pick = async (picked: File | undefined): Promise<void> => {
    setPreview(null);
    setError(null);
    setTooLarge(false);
    setAckIgnored(false);
    setAckMoves(false);
    if (!picked) return;
    setFile({ name: picked.name, base64: '' });
    if (picked.size > MAX_UPLOAD_BYTES) return setTooLarge(true);
    setBusy('reading');
    try {
      const base64 = await fileToBase64(picked);
      setFile({ name: picked.name, base64 });
      setPreview(await call('import.preview', { list, fileName: picked.name, base64 }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async (): Promise<void> => {
    if (!file || !preview) return;
    setBusy('writing');
    try {
      const r = await call('import.confirm', {
        list, fileName: file.name, base64: file.base64, expected: { adds: preview.counts.adds, updates: preview.counts.updates },
        acknowledged: { ignoredColumns: ackIgnored ? preview.ignoredColumns : [], moves: ackMoves ? preview.moves.count : 0 },
      });
      onDone(t('register.import.done', { file: file.name, ...r }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const header = (field: string): string => spec.fields.find((f) => f.key === field)?.header[lang] ?? field;
  const show = (field: string, v: FieldValue | null): string => {
    const f = spec.fields.find((x) => x.key === field);
    return f && v !== null ? displayValue(f, v, lang, t) : '';
  };
  const rank = (field: string): number => {
    const i = PREVIEW_FIRST.indexOf(field);
    return i < 0 ? PREVIEW_FIRST.length : i;
  };
  const shownColumns = (preview?.columns ?? [])
    .filter((c) => !['code', 'name'].includes(c.field))
    .sort((a, b) => rank(a.field) - rank(b.field))
    .slice(0, 7);
  const p = preview;
  const needsIgnoredYes = (p?.ignoredColumns.length ?? 0) > 0;
  const needsMovesYes = (p?.moves.count ?? 0) > 0;
  const acknowledged = (!needsIgnoredYes || ackIgnored) && (!needsMovesYes || ackMoves);
  const defaulted = (p?.defaultedFields ?? []).map((d) => `${header(d.field)} = ${show(d.field, d.value)}`).join('; ');

  return (
    <Modal title={t('register.import.title', { list: title })} onClose={onClose} wide testId="import-dialog">
      <p className="muted">{t('register.import.choose', { maxMb: MAX_MB })}</p>
      <FilePick accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        fileName={file?.name} onPick={(picked) => void pick(picked)} label={t('register.import.title', { list: title })} testId="import-file" />
      {busy && <p role="status" className="busy"><progress /> {t(`register.import.${busy}`)}</p>}
      {tooLarge && <div className="error" role="alert">{t('register.err.tooLarge', { maxMb: MAX_MB })}</div>}
      {error && <DataError error={error} />}
      {p?.fileProblem && <div className="error" role="alert" data-testid="import-file-problem">{problemText(t, p.fileProblem)}</div>}
      {p && !p.fileProblem && (
        <div className="import-preview" data-testid="import-preview">
          <p data-testid="import-summary"><strong>{t('register.import.summary', { file: p.fileName, ...p.counts })}</strong></p>
          <p className="muted">
            {p.sheet && <>{t('register.import.sheet', { sheet: p.sheet })} · </>}
            {t('register.import.columns', { columns: p.columns.map((c) => c.header).join(', ') })}
          </p>
          {needsIgnoredYes && (
            <div className="import-ask" role="group" data-testid="import-ignored">
              <p>{t('register.import.ignoredWarning', { columns: p.ignoredColumns.join(', ') })}</p>
              {defaulted && <p>{t('register.import.defaulted', { fields: defaulted })}</p>}
              <label>
                <input type="checkbox" checked={ackIgnored} onChange={(e) => setAckIgnored(e.target.checked)} data-testid="import-ack-ignored" />
                {' '}{t('register.import.ackIgnored', { count: p.ignoredColumns.length })}
              </label>
            </div>
          )}
          {!needsIgnoredYes && defaulted && p.counts.adds > 0 && <p className="muted">{t('register.import.defaulted', { fields: defaulted })}</p>}
          {needsMovesYes && (
            <div className="import-ask" role="group" data-testid="import-moves">
              <p>{t('register.import.movesWarning', { count: p.moves.count })}</p>
              <table className="data compact">
                <thead><tr><th>{t('register.import.row')}</th><th>{t('register.import.moveFrom')}</th><th>{t('register.import.moveTo')}</th></tr></thead>
                <tbody>
                  {p.moves.rows.map((m) => <tr key={m.row}><td className="num">{m.row}</td><td>{m.before}</td><td>{m.after}</td></tr>)}
                </tbody>
              </table>
              <label>
                <input type="checkbox" checked={ackMoves} onChange={(e) => setAckMoves(e.target.checked)} data-testid="import-ack-moves" />
                {' '}{t('register.import.ackMoves', { count: p.moves.count })}
              </label>
            </div>
          )}
          {p.canConfirm && !acknowledged && <p className="muted">{t('register.import.needsYes')}</p>}
          {p.counts.rejects > 0 && <div className="error" role="alert">{t('register.import.blocked')}</div>}
          {p.counts.rejects === 0 && p.counts.adds + p.counts.updates === 0 && <p>{t('register.import.nothing')}</p>}
          {p.rejects.length > 0 && (
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
          )}
          {p.adds.length > 0 && (
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
          )}
          {p.updates.length > 0 && (
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
          )}
        </div>
      )}
      <div className="toolbar modal-buttons">
        <button disabled={!p?.canConfirm || !acknowledged || busy !== null} onClick={() => void confirm()} data-testid="import-confirm">
          {t('register.import.confirm', { count: (p?.counts.adds ?? 0) + (p?.counts.updates ?? 0) })}
        </button>
        <button className="secondary" onClick={onClose}>{t('register.import.cancel')}</button>
      </div>
    </Modal>
  );
}
