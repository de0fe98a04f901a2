import { useTranslation } from 'react-i18next';
import { Modal } from '../data/Modal';

/** A result above what the hamlet has left: raise the register, record it as it is, or go back. */
export function AboveBacklogDialog({ hamlet, excess, onRaise, onAccept, onCancel }: {
  hamlet: string;
  /** "CCCD 3 more, e-ID 2 more" */
  excess: string;
  onRaise: () => void;
  onAccept: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={t('results.above.title')} onClose={onCancel} testId="above-backlog">
      <p>{t('results.above.text', { hamlet, excess })}</p>
      <div className="toolbar">
        <button data-testid="above-raise" onClick={onRaise}>{t('results.above.raise')}</button>
        <button className="secondary" data-testid="above-accept" onClick={onAccept}>{t('results.above.accept')}</button>
        <button className="secondary" onClick={onCancel}>{t('results.above.cancel')}</button>
      </div>
    </Modal>
  );
}
