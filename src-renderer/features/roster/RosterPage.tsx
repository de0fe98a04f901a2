import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterOptions, RosterScope } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { useRpc } from '../../lib/useRpc';
import { RosterControls, type ScopeKind } from './RosterControls';
import { isLandscape, RosterPreview, type Orientation } from './RosterPreview';
import { RosterSettingsForm } from './RosterSettingsForm';
import { useRosterExport } from './useRosterExport';
import { useRosterPreview } from './useRosterPreview';
import { useRosterPrint } from './useRosterPrint';
import './roster.css';

/** "Lịch trực": pick a plan, a week and a commune or team; preview, save as PDF or Excel, print. */
export function RosterPage() {
  const { t } = useTranslation();
  const plans = useRpc('plans.list');
  const [planId, setPlanId] = useState<number | null>(null);
  // The district's own plans: a scenario's what-if is not the teams' duty (the server refuses its rosters too).
  const list = (plans.data ?? []).filter((p) => p.scenarioId === null);
  const chosen = planId ?? (list.find((p) => p.status === 'published') ?? list[0])?.id ?? null;

  return (
    <div className="roster-page">
      <h1>{t('roster.title')}</h1>
      <p className="muted">{t('roster.intro')}</p>
      {plans.error && <ErrorNote error={plans.error} />}
      {plans.data && list.length === 0 && <p data-testid="roster-no-plans">{t('roster.noPlans')}</p>}
      {chosen !== null && (
        <RosterWorkbench
          key={chosen}
          planId={chosen}
          planPicker={(
            <label>
              {t('roster.plan')}
              <select value={chosen} onChange={(e) => setPlanId(Number(e.target.value))} data-testid="roster-plan">
                {list.map((p) => (
                  <option key={p.id} value={p.id}>{t('roster.planOption', { name: p.name, status: t(`plan.status.${p.status}`) })}</option>
                ))}
              </select>
            </label>
          )}
        />
      )}
    </div>
  );
}

function defaultScope(options: RosterOptions, week: string, kind: ScopeKind, communeId: number | null, teamId: number | null): RosterScope | null {
  if (kind === 'allCommunes' || kind === 'allTeams') return { kind };
  if (kind === 'commune') {
    const id = communeId ?? (options.communes.find((c) => (c.visitsByWeek[week] ?? 0) > 0) ?? options.communes[0])?.id;
    return id === undefined ? null : { kind, communeId: id };
  }
  const id = teamId ?? (options.teams.find((tm) => (tm.shiftsByWeek[week] ?? 0) > 0) ?? options.teams[0])?.id;
  return id === undefined ? null : { kind, teamId: id };
}

/** One plan's rosters: the choices, a preview, saving as PDF or Excel, printing, and the roster settings. */
function RosterWorkbench({ planId, planPicker }: { planId: number; planPicker: ReactNode }) {
  const { t } = useTranslation();
  const options = useRpc('roster.options', { planId });
  // Communes whose visits changed against the plan this one replaced: their rosters need re-printing.
  const changes = useRpc('plans.changes', { planId });
  const changed = new Set(changes.data?.report?.changedCommunes ?? []);
  const [week, setWeek] = useState('');
  const [kind, setKind] = useState<ScopeKind>('commune');
  const [communeId, setCommuneId] = useState<number | null>(null);
  const [teamId, setTeamId] = useState<number | null>(null);
  const [orientation, setOrientation] = useState<Orientation>('auto');
  const [issuedOn, setIssuedOn] = useState('');
  // A signing date typed wrong holds saving and printing back (else the last real one would be used unseen).
  const [issuedValid, setIssuedValid] = useState(true);
  const [version, setVersion] = useState(0);
  const [showSettings, setShowSettings] = useState(false);

  const data = options.data;
  const weekCode = week || data?.weeks[0]?.code || '';
  const scope = data && weekCode ? defaultScope(data, weekCode, kind, communeId, teamId) : null;
  const query = scope ? { planId, week: weekCode, scope, ...(issuedOn ? { issuedOn } : {}) } : null;
  const preview = useRosterPreview(query, version);
  const { busy, notice, exportError, exportAs } = useRosterExport(query, orientation);
  const print = useRosterPrint(isLandscape(preview.bundle?.documents[0], orientation), preview.bundle !== null);

  if (options.error) return <ErrorNote error={options.error} />;
  if (!data) return <p className="muted">{t('roster.loading')}</p>;

  const commune = scope?.kind === 'commune' ? data.communes.find((c) => c.id === scope.communeId) : undefined;
  const shown = preview.bundle;
  const changedNames = data.communes.filter((c) => changed.has(c.id)).map((c) => c.name);

  return (
    <>
      {changedNames.length > 0 && changes.data?.against && (
        <p className="notice warn" data-testid="roster-changed">
          {t('roster.changedNote', { plan: changes.data.against.name, communes: changedNames.join(', ') })}
        </p>
      )}
      <section className="card roster-controls">
        <RosterControls
          planPicker={planPicker} options={data} weekCode={weekCode} onWeek={setWeek} kind={kind} onKind={setKind}
          scope={scope} onCommune={setCommuneId} onTeam={setTeamId} changed={changed}
          orientation={orientation} onOrientation={setOrientation} issuedOn={issuedOn} onIssuedOn={setIssuedOn} onIssuedValidity={setIssuedValid}
        />
        {data.weeks.length === 0 && <p data-testid="roster-no-weeks">{t('roster.noWeeks')}</p>}
        <div className="actions">
          <button onClick={() => void exportAs('pdf')} disabled={!query || busy || !issuedValid} data-testid="roster-save-pdf">{t('roster.savePdf')}</button>
          <button onClick={() => void exportAs('xlsx')} disabled={!query || busy || !issuedValid} data-testid="roster-save-xlsx">{t('roster.saveXlsx')}</button>
          <button className="secondary" onClick={print} disabled={!shown || !issuedValid} data-testid="roster-print">{t('roster.print')}</button>
          <button className="secondary" onClick={() => setShowSettings((v) => !v)} data-testid="roster-settings-open">{t('roster.settings.open')}</button>
          {busy && <span className="muted">{t('roster.working')}</span>}
          {notice && <span role="status" data-testid="roster-notice">{notice}</span>}
          {shown && shown.documents.length > 1 && <span className="muted">{t('roster.documents', { count: shown.documents.length })}</span>}
        </div>
        {exportError && <ErrorNote error={exportError} />}
      </section>
      {showSettings && (
        <RosterSettingsForm
          communeCode={commune?.code ?? null}
          communeName={commune?.name ?? ''}
          onSaved={() => setVersion((v) => v + 1)}
          onClose={() => setShowSettings(false)}
        />
      )}
      {preview.error && <ErrorNote error={preview.error} />}
      {shown && <RosterPreview bundle={shown} orientation={orientation} />}
    </>
  );
}
