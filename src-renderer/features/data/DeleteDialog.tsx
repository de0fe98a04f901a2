import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListName, type ProblemDto, type RegisterRow } from '../../../src-main/api/contract';
import { DataError } from './DataError';
import { countedWords } from './format';
import { call } from '../../lib/rpc';
import { Modal } from './Modal';

interface Dependents {
  label: string;
  blockers: ProblemDto[];
  affects: ProblemDto[];
}

/** Asks before deleting, saying what depends on the row; refuses while something still needs it. */
export function DeleteDialog({ list, row, onDone, onClose }: { list: ListName; row: RegisterRow; onDone: (label: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [deps, setDeps] = useState<Dependents | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    call('register.dependents', { list, key: row.key }).then(setDeps, setError);
  }, [list, row.key]);
  const remove = async (): Promise<void> => {
    try {
      await call('register.delete', { list, key: row.key, confirm: true });
      onDone(deps?.label ?? '');
    } catch (err) {
      setError(err as Error);
    }
  };
  const say = (p: ProblemDto): string => t(`register.deps.${p.key}`, { ...p.params, ...countedWords(t, p.params, i18n.language) });
  return (
    <Modal title={deps ? t('register.delete.title', { label: deps.label }) : '…'} onClose={onClose} testId="delete-dialog">
      {error && <DataError error={error} />}
      {deps && deps.blockers.length > 0 && (
        <>
          <p>{t('register.delete.blocked', { label: deps.label })}</p>
          <ul className="deps">{deps.blockers.map((p, i) => <li key={`${p.key}-${i}`}>{say(p)}</li>)}</ul>
        </>
      )}
      {deps && deps.blockers.length === 0 && deps.affects.length > 0 && (
        <>
          <p>{t('register.delete.affects', { label: deps.label })}</p>
          <ul className="deps">{deps.affects.map((p, i) => <li key={`${p.key}-${i}`}>{say(p)}</li>)}</ul>
        </>
      )}
      {deps && deps.blockers.length === 0 && <p className="muted">{t('register.delete.plain')}</p>}
      <div className="toolbar">
        {deps && deps.blockers.length === 0 && <button className="danger" onClick={() => void remove()}>{t('register.delete.confirm')}</button>}
        <button className="secondary" onClick={onClose}>{t('register.delete.close')}</button>
      </div>
    </Modal>
  );
}
