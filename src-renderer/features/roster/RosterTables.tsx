import { Fragment } from 'react';
import type { CommuneRoster, CommuneRow, TeamSchedule } from '../../../src-main/api/contract';

/** Counts the Vietnamese way (1.234); an empty cell for zero, as on the printed form. */
const count = (n: number): string => (n === 0 ? '' : n.toLocaleString('vi-VN'));
const total = (n: number): string => n.toLocaleString('vi-VN');

/** Column widths as on the PDF (0: the column that takes the rest). */
function Widths({ percent }: { percent: number[] }) {
  return (
    <colgroup>
      {percent.map((p, i) => <col key={i} style={p ? { width: `${p}%` } : undefined} />)}
    </colgroup>
  );
}

function CountHeaders({ short = false }: { short?: boolean }) {
  return (
    <>
      <th colSpan={2}>{short ? 'Tại điểm' : 'Chỉ tiêu tại điểm (người)'}</th>
      <th colSpan={2}>{short ? 'Tại nhà' : 'Thu nhận tại nhà (người)'}</th>
    </>
  );
}

function CountSubHeaders() {
  return (
    <tr className="sub">
      <th>CCCD</th><th>ĐDĐT</th><th>CCCD</th><th>ĐDĐT</th>
    </tr>
  );
}

function Counts({ r }: { r: Pick<CommuneRow, 'quota' | 'homeVisits'> }) {
  return (
    <>
      <td className="num">{count(r.quota.cccd)}</td>
      <td className="num">{count(r.quota.eid)}</td>
      <td className="num">{count(r.homeVisits.cccd)}</td>
      <td className="num">{count(r.homeVisits.eid)}</td>
    </>
  );
}

/**
 * A commune's week as the PDF draws it: landscape, a line a visit (the officers are listed
 * once, by the signatures: CrewLegend); portrait, related fields merged into fewer, wider
 * columns (day and shift; team, officers and vehicles) so that nothing is squeezed.
 */
export function CommuneTable({ doc, landscape }: { doc: CommuneRoster; landscape: boolean }) {
  return (
    <table className={`roster-table${landscape ? ' one-line' : ''}`} data-testid="roster-table">
      {/* The PDF's widths (points of the A4 text width) as shares of the sheet. */}
      <Widths percent={landscape ? [2.5, 11, 14, 0, 11, 14, 4, 4, 4, 4, 5] : [3, 12, 0, 22.2, 6, 6, 6, 6, 7.3]} />
      <thead>
        <tr>
          <th rowSpan={2}>TT</th>
          {landscape ? (
            <>
              <th rowSpan={2}>Ngày</th>
              <th rowSpan={2}>Ca, giờ có mặt</th>
              <th rowSpan={2}>Thôn/bản — nơi tiếp dân</th>
              <th rowSpan={2}>Tổ công tác</th>
              <th rowSpan={2}>Phương tiện</th>
            </>
          ) : (
            <>
              <th rowSpan={2}>Ngày, ca trực</th>
              <th rowSpan={2}>Thôn/bản, địa điểm</th>
              <th rowSpan={2}>Tổ công tác, cán bộ, phương tiện</th>
            </>
          )}
          <CountHeaders short={landscape} />
          <th rowSpan={2}>Kết quả</th>
        </tr>
        <CountSubHeaders />
      </thead>
      <tbody>
        {doc.rows.map((r, i) => (
          <tr key={i} className={i > 0 && doc.rows[i - 1]!.date !== r.date ? 'day-start' : undefined}>
            <td className="center">{i + 1}</td>
            {landscape ? <OneLineCells r={r} /> : <FullCells r={r} />}
            <Counts r={r} />
            <td />
          </tr>
        ))}
        <CommuneTotals doc={doc} span={landscape ? 6 : 4} />
      </tbody>
    </table>
  );
}

function OneLineCells({ r }: { r: CommuneRow }) {
  const venue = r.venueShort ?? r.venue;
  return (
    <>
      <td className="nowrap">{r.weekday} {r.dateText.slice(0, 5)}</td>
      <td className="nowrap">{r.shiftLabel} {r.atHamlet.replace(/ /g, '')}</td>
      <td><strong>{r.hamletName}</strong>{venue && <em className="small"> — {venue}</em>}</td>
      <td><strong>{r.teamShort ?? r.teamName}</strong></td>
      <td className="small">{(r.vehicleCodes ?? r.vehicles).join(', ')}</td>
    </>
  );
}

/** Portrait, as the PDF: the day and shift stacked in one cell, the team with its officers and vehicles in another. */
function FullCells({ r }: { r: CommuneRow }) {
  return (
    <>
      <td className="center">
        <strong>{r.weekday}</strong><br />{r.dateText.slice(0, 5)}<br />{r.shiftLabel}<br /><span className="nowrap">{r.shiftHours.replace(/ /g, '')}</span>
      </td>
      <td><strong>{r.hamletName}</strong>{r.venue && ` — ${r.venue}`}<br /><em>Có mặt: {r.atHamlet}</em></td>
      <td>
        <strong>{r.teamName}</strong>
        {r.officers.map((o) => <div key={o}>{o}</div>)}
        {r.vehicles.map((v) => <div key={v}><em>{v}</em></div>)}
      </td>
    </>
  );
}

function CommuneTotals({ doc, span }: { doc: CommuneRoster; span: number }) {
  const t = doc.totals;
  return (
    <tr className="totals">
      <td colSpan={span}>Tổng cộng: {t.visits} lượt tại {t.hamlets} thôn/bản, {t.shifts} ca trực</td>
      <td className="num">{total(t.quota.cccd)}</td>
      <td className="num">{total(t.quota.eid)}</td>
      <td className="num">{total(t.homeVisits.cccd)}</td>
      <td className="num">{total(t.homeVisits.eid)}</td>
      <td />
    </tr>
  );
}

/** The officers of each team of the week, once: above the signatures of a landscape commune roster. */
export function CrewLegend({ doc }: { doc: CommuneRoster }) {
  return (
    <div className="roster-crew" data-testid="roster-crew">
      {(doc.crew ?? []).map(({ team, officers }) => <div key={team}><strong>{team}:</strong> {officers.join(', ') || '—'}</div>)}
    </div>
  );
}

export function TeamTable({ doc }: { doc: TeamSchedule }) {
  const t = doc.totals;
  const km = doc.shifts.reduce((sum, s) => sum + s.distanceKm, 0);
  const none = { quota: { cccd: 0, eid: 0 }, homeVisits: { cccd: 0, eid: 0 } };
  return (
    <table className="roster-table team" data-testid="roster-table">
      <Widths percent={[8, 0, 28, 6, 6, 6, 6]} />
      <thead>
        <tr>
          <th rowSpan={2}>Giờ</th>
          <th rowSpan={2}>Nội dung công việc</th>
          <th rowSpan={2}>Nơi tiếp dân, người liên hệ</th>
          <CountHeaders />
        </tr>
        <CountSubHeaders />
      </thead>
      <tbody>
        {doc.shifts.map((s, i) => (
          <Fragment key={i}>
            <tr className="group">
              <td colSpan={7}>
                <strong>{s.weekday}, ngày {s.dateText} - {s.shiftLabel} ({s.shiftHours})</strong><br />
                <em>Phương tiện: {s.vehicles.join('; ')}. Quãng đường: {Math.round(s.distanceKm)} km.</em>
              </td>
            </tr>
            <tr>
              <td className="center">{s.departTime}</td><td>Xuất phát từ {s.baseName}</td><td /><Counts r={none} />
            </tr>
            {s.stops.map((st, k) => (
              <tr key={k}>
                <td className="center">{st.arriveTime}</td>
                <td><strong>{st.hamletName}</strong>{st.communeName && ` (${st.communeName})`}<br />Làm việc: {st.workHours}</td>
                <td>{st.venue}<br /><em>{st.contact}</em></td>
                <Counts r={st} />
              </tr>
            ))}
            <tr>
              <td className="center">{s.returnTime}</td><td>Về đến {s.baseName}</td><td /><Counts r={none} />
            </tr>
          </Fragment>
        ))}
        <tr className="totals">
          <td colSpan={3}>Tổng cộng: {t.shifts} ca, {t.visits} lượt thôn/bản, {Math.round(km)} km</td>
          <td className="num">{total(t.quota.cccd)}</td>
          <td className="num">{total(t.quota.eid)}</td>
          <td className="num">{total(t.homeVisits.cccd)}</td>
          <td className="num">{total(t.homeVisits.eid)}</td>
        </tr>
      </tbody>
    </table>
  );
}
