import type { RosterBundle, RosterDocument, SignatureBlock } from '../../../src-main/api/contract';
import { CommuneTable, CrewLegend, TeamTable } from './RosterTables';

export type Orientation = 'auto' | 'portrait' | 'landscape';

/** The same choice as the PDF renderer: commune rosters landscape, team schedules portrait. */
export const isLandscape = (doc: RosterDocument | undefined, wanted: Orientation): boolean =>
  wanted === 'auto' ? doc?.kind !== 'team' : wanted === 'landscape';

function Signature({ block }: { block: SignatureBlock }) {
  return (
    <div className="roster-sign">
      <strong>{block.title}</strong>
      <strong className="roster-sign-name">{block.name || '\u00a0'}</strong>
    </div>
  );
}

/**
 * One document drawn as the printed page looks (decree 30/2020 layout), in the document's
 * own words: the paper is Vietnamese whatever the screen language.
 */
function Sheet({ doc, landscape }: { doc: RosterDocument; landscape: boolean }) {
  const h = doc.header;
  return (
    <article className={`roster-sheet ${landscape ? 'landscape' : 'portrait'}`} lang="vi" data-testid="roster-sheet">
      <header className="roster-head">
        <div>{h.superiorUnit}</div>
        <div className="bold">{h.nationalTitle}</div>
        <div className="bold"><span className="unit-rule">{h.issuingUnit}</span></div>
        <div className="bold motto"><span>{h.motto}</span></div>
        <div className="number">{h.documentNumber}</div>
        <div className="place-date">{h.placeDate}</div>
      </header>
      <div className="roster-title">
        {doc.title.map((line) => <div key={line} className="bold">{line}</div>)}
        <div className="subtitle">{doc.subtitle}</div>
      </div>
      {doc.kind === 'team' && doc.members.length > 0 && (
        <div className="roster-members">
          <strong>Thành phần tổ công tác:</strong>
          {doc.members.map((m) => <div key={m}>- {m}</div>)}
        </div>
      )}
      {doc.emptyNote ? (
        <p className="roster-empty" data-testid="roster-empty">{doc.emptyNote}</p>
      ) : doc.kind === 'commune' ? (
        <>
          <CommuneTable doc={doc} landscape={landscape} />
          {landscape && doc.rows.length > 0 && <CrewLegend doc={doc} />}
        </>
      ) : (
        <TeamTable doc={doc} />
      )}
      <footer className={`roster-closing ${doc.signatures.left ? 'three' : 'two'}`}>
        <div className="roster-recipients">
          {doc.recipients.length > 0 && (
            <>
              <strong><em>{doc.recipientsLabel}</em></strong>
              {doc.recipients.map((r) => <div key={r}>- {r}</div>)}
            </>
          )}
        </div>
        {doc.signatures.left && <Signature block={doc.signatures.left} />}
        <Signature block={doc.signatures.right} />
      </footer>
    </article>
  );
}

export function RosterPreview({ bundle, orientation }: { bundle: RosterBundle; orientation: Orientation }) {
  return (
    <div className="roster-preview" data-testid="roster-preview">
      {bundle.documents.map((doc) => (
        <Sheet key={doc.fileStem} doc={doc} landscape={isLandscape(doc, orientation)} />
      ))}
    </div>
  );
}
