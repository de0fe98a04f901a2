import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterCommuneSettings, RosterGeneralSettings } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';

type GeneralText = Exclude<keyof RosterGeneralSettings, 'recipients'>;
type CommuneText = Exclude<keyof RosterCommuneSettings, 'communeCode'>;
const GENERAL_FIELDS: GeneralText[] = ['districtUnit', 'provinceUnit', 'districtPlace', 'districtSymbol', 'preparerTitle'];
const COMMUNE_FIELDS: CommuneText[] = ['unitName', 'place', 'documentNumber', 'documentSymbol', 'chiefTitle', 'chiefName', 'preparerName'];
/** The same limits as the settings schema, so the form cannot send what the server refuses. */
const MAX_LENGTH: Partial<Record<GeneralText | CommuneText, number>> = {
  districtPlace: 60, districtSymbol: 30, preparerTitle: 80, place: 60, documentNumber: 20, documentSymbol: 30,
  chiefTitle: 80, chiefName: 80, preparerName: 80,
};

/** Unit names, place, document number and signers, stored under roster.* settings. */
export function RosterSettingsForm({ communeCode, communeName, onSaved, onClose }: {
  communeCode: string | null;
  communeName: string;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loaded = useRpc('roster.settings.get');
  const [general, setGeneral] = useState<RosterGeneralSettings | null>(null);
  const [commune, setCommune] = useState<RosterCommuneSettings | null>(null);
  const [recipients, setRecipients] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setGeneral(loaded.data.general);
    setRecipients(loaded.data.general.recipients.join('\n'));
    setCommune(loaded.data.communes.find((c) => c.communeCode === communeCode) ?? null);
  }, [loaded.data, communeCode]);

  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (!general) return <p className="muted">{t('roster.loading')}</p>;

  const save = async (): Promise<void> => {
    setError(null);
    setSaved(false);
    try {
      const lines = recipients.split('\n').map((l) => l.trim()).filter(Boolean);
      await call('roster.settings.set', { general: { ...general, recipients: lines }, ...(commune ? { communes: [commune] } : {}) });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section className="card" data-testid="roster-settings">
      <h2>{t('roster.settings.title')}</h2>
      <div className="roster-settings">
        <h3>{t('roster.settings.general')}</h3>
        {GENERAL_FIELDS.map((f) => (
          <label key={f}>
            {t(`roster.settings.${f}`)}
            <input value={general[f]} maxLength={MAX_LENGTH[f] ?? 120} onChange={(e) => setGeneral({ ...general, [f]: e.target.value })} />
          </label>
        ))}
        <label>
          {t('roster.settings.recipients')}
          <textarea value={recipients} onChange={(e) => setRecipients(e.target.value)} />
        </label>
        {commune && (
          <>
            <h3>{t('roster.settings.communeTitle', { name: communeName })}</h3>
            {COMMUNE_FIELDS.map((f) => (
              <label key={f}>
                {t(`roster.settings.${f}`)}
                <input
                  value={commune[f]}
                  maxLength={MAX_LENGTH[f] ?? 120}
                  onChange={(e) => setCommune({ ...commune, [f]: e.target.value })}
                  data-testid={`roster-setting-${f}`}
                />
              </label>
            ))}
          </>
        )}
      </div>
      {error && <ErrorNote error={error} />}
      <div className="actions">
        <button onClick={() => void save()} data-testid="roster-settings-save">{t('roster.settings.save')}</button>
        <button className="secondary" onClick={onClose}>{t('roster.settings.close')}</button>
        {saved && <span role="status">{t('roster.settings.saved')}</span>}
      </div>
    </section>
  );
}
