import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaInfo, Result } from '../../../src-main/api/contract';
import { DateInput } from '../../app/DateInput';
import { ErrorNote } from '../../app/ErrorNote';
import { FilePick } from '../../app/FilePick';
import { downloadBase64 } from '../../lib/download';
import { countText, formatDate } from '../../lib/format';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { announceDataReplaced } from '../backup/events';
import { fileToBase64 } from '../data/files';
import { problemText } from '../data/format';
import { CommunePicker } from './CommunePicker';
import './areas.css';

type CreateResult = Result<'areas.create'>;

/**
 * "Khu vực": the planning areas of this computer, each its own database: open one, copy one for
 * a new campaign, or make a new one from the area workbook (all or nothing, every bad row named).
 */
export function AreasPage() {
  const { t, i18n } = useTranslation();
  const areas = useRpc('areas.list');
  const [error, setError] = useState<Error | null>(null);

  const act = async (action: () => Promise<AreaInfo>, message: (a: AreaInfo) => string): Promise<void> => {
    setError(null);
    try {
      const area = await action();
      announceDataReplaced(message(area));
    } catch (err) {
      setError(err as Error);
    }
  };
  const copy = (area: AreaInfo): void => {
    const name = window.prompt(t('areas.copyName'), `${area.label} (${t('areas.copySuffix')})`);
    if (name) void act(() => call('areas.copy', { id: area.id, name }), (a) => t('areas.opened', { name: a.label }));
  };

  return (
    <div className="areas-page">
      <section className="card">
        <h2>{t('areas.title')}</h2>
        <p className="muted">{t('areas.intro')}</p>
        {error && <ErrorNote error={error} />}
        {areas.error && <ErrorNote error={areas.error} />}
        <table className="data compact" data-testid="areas-list">
          <thead>
            <tr><th>{t('areas.name')}</th><th>{t('areas.size')}</th><th>{t('areas.campaign')}</th><th /></tr>
          </thead>
          <tbody>
            {(areas.data ?? []).map((a) => (
              <tr key={a.id} data-area={a.id} className={a.current ? 'current' : undefined}>
                <td>
                  <strong>{a.label}</strong> {a.demo && <span className="badge">{t('areas.demo')}</span>}
                  {a.current && <span className="badge ok">{t('areas.current')}</span>}
                  {a.problem && <div className="error">{a.problem}</div>}
                </td>
                <td>{t('areas.counts', {
                  communes: countText(t, 'areas.communeCount', a.communes, i18n.language),
                  hamlets: countText(t, 'areas.hamletCount', a.hamlets, i18n.language),
                })}</td>
                <td>{a.campaign ? `${formatDate(a.campaign.startDate)} – ${formatDate(a.campaign.deadline)}` : ''}</td>
                <td className="actions">
                  {!a.current && !a.problem && (
                    <button onClick={() => void act(() => call('areas.open', { id: a.id }), (o) => t('areas.opened', { name: o.label }))}>{t('areas.open')}</button>
                  )}
                  {!a.problem && <button className="secondary" onClick={() => copy(a)}>{t('areas.copy')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <NewAreaForm />
    </div>
  );
}

function NewAreaForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [parent, setParent] = useState('Công an tỉnh ');
  const [startDate, setStartDate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CreateResult | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const template = async (): Promise<void> => {
    try {
      downloadBase64(await call('areas.template', {}));
    } catch (err) {
      setError(err as Error);
    }
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const created = await call('areas.create', { name, parent, startDate, deadline, fileName: file.name, base64: await fileToBase64(file) });
      setResult(created);
      if (created.created) announceDataReplaced(t('areas.created', { name: created.created.label }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const failed = result && !result.created;

  return (
    <section className="card" aria-label={t('areas.new')}>
      <h2>{t('areas.new')}</h2>
      <ol className="steps">
        <li>{t('areas.step1')} <button type="button" className="link" onClick={() => void template()} data-testid="area-template">{t('areas.template')}</button>
          <p className="muted">{t('areas.pick')}</p>
          <CommunePicker onError={setError} />
        </li>
        <li>{t('areas.step2')}</li>
        <li>{t('areas.step3')}</li>
      </ol>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <label>{t('areas.name')}<input value={name} onChange={(e) => setName(e.target.value)} required minLength={2} maxLength={120} data-testid="area-name" /></label>
        <label>{t('areas.parent')}<input value={parent} onChange={(e) => setParent(e.target.value)} required minLength={2} maxLength={120} data-testid="area-parent" /></label>
        <label>{t('areas.start')}<DateInput value={startDate} onChange={setStartDate} testId="area-start" /></label>
        <label>{t('areas.deadline')}<DateInput value={deadline} onChange={setDeadline} testId="area-deadline" /></label>
        <div className="file-field">
          <span aria-hidden="true">{t('areas.workbook')}</span>
          <FilePick accept=".xlsx" fileName={file?.name} onPick={(picked) => setFile(picked ?? null)} label={t('areas.workbook')} testId="area-workbook" />
        </div>
        <button type="submit" disabled={busy || !file || !name || !startDate || !deadline}>{busy ? t('areas.creating') : t('areas.create')}</button>
      </form>
      {error && <ErrorNote error={error} />}
      {failed && <CreateProblems result={result} />}
    </section>
  );
}

/** What stopped the new area: per sheet, its problem or its rows, as the import screen names them. */
function CreateProblems({ result }: { result: CreateResult }) {
  const { t } = useTranslation();
  return (
    <div className="error-block" role="alert" data-testid="area-problems">
      <p className="error">{t('areas.nothingWritten')}</p>
      {result.fileProblem && <p>{problemText(t, result.fileProblem)}</p>}
      <table className="data compact">
        <thead><tr><th>{t('areas.sheet')}</th><th>{t('register.import.row')}</th><th>{t('register.import.column')}</th><th>{t('register.import.reason')}</th></tr></thead>
        <tbody>
          {result.sheets.flatMap((s) => [
            ...(s.problem ? [<tr key={`${s.list}-p`}><td>{s.sheet ?? t(`nav.${s.list}`)}</td><td /><td /><td>{problemText(t, s.problem)}</td></tr>] : []),
            ...s.rejects.slice(0, 200).map((r, i) => (
              <tr key={`${s.list}-${i}`}><td>{s.sheet}</td><td className="num">{r.row}</td><td>{r.column ?? ''}</td><td>{problemText(t, r)}</td></tr>
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
