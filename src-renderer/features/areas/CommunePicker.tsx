import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../lib/download';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';

/** Any letters without their marks, lower case: "Yên Thắng" is found by "yen thang". */
const plain = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

/**
 * The area's communes picked from the official list of today's units (34 provinces, 3,321
 * communes and wards), searched by today's or a former name; the area workbook is then
 * downloaded with them filled in.
 */
export function CommunePicker({ onError }: { onError: (error: Error) => void }) {
  const { t } = useTranslation();
  const provinces = useRpc('units.provinces');
  const [province, setProvince] = useState('');
  const communes = useRpc('units.communes', province ? { provinceCode: province } : null);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());

  const shown = useMemo(() => {
    const q = plain(query.trim());
    return (communes.data ?? []).filter((c) => !q || plain(c.name).includes(q) || c.formerly.some((f) => plain(`${f.name} ${f.district}`).includes(q)));
  }, [communes.data, query]);
  const toggle = (code: string): void => setPicked((old) => {
    const next = new Set(old);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    return next;
  });
  const download = async (): Promise<void> => {
    try {
      downloadBase64(await call('areas.template', { communeCodes: [...picked] }));
    } catch (err) {
      onError(err as Error);
    }
  };

  return (
    <div className="commune-picker" data-testid="commune-picker">
      <div className="picker-controls">
        <label>{t('areas.province')}
          <select value={province} onChange={(e) => { setProvince(e.target.value); setPicked(new Set()); }} data-testid="unit-province">
            <option value="">{t('areas.chooseProvince')}</option>
            {(provinces.data ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </select>
        </label>
        {province && (
          <label>{t('areas.search')}
            <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('areas.searchHint')} data-testid="unit-search" />
          </label>
        )}
      </div>
      {province && (
        <ul className="unit-list">
          {shown.slice(0, 400).map((c) => (
            <li key={c.code}>
              <label className="check">
                <input type="checkbox" checked={picked.has(c.code)} onChange={() => toggle(c.code)} />
                {c.name} <span className="muted">({c.code})</span>
                {c.formerly.length > 0 && <span className="muted small"> — {t('areas.formerly', { names: c.formerly.map((f) => f.name).join(', ') })}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={() => void download()} data-testid="area-template-picked">
        {picked.size ? t('areas.templateWith', { count: picked.size }) : t('areas.template')}
      </button>
    </div>
  );
}
