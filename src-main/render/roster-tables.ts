import type { Content, TableCell } from 'pdfmake/interfaces';
import type { CommuneRoster, CommuneRow, TeamSchedule } from '../core/roster';
import { countText } from '../core/roster';
import { BARE, GRID, num, th, totalsCells } from './roster-pdf-parts';

/**
 * The data tables of the PDF rosters. A column is a header and a way to draw a cell;
 * landscape pages get one column per field, portrait pages merge related fields so
 * that the hamlet column stays wide enough to read.
 *
 * Page breaks: each row (a commune visit) or block of rows (a team's shift) is its own
 * small grid, placed as one unbreakable row of an outer borderless table whose header
 * row (the column headings, same widths) repeats on every page. The last row, the totals
 * and the signatures form the final block, so the signatures never stand alone on a page.
 */
interface Column<R> {
  header: string;
  /** Columns sharing a group get one header cell above their own. */
  group?: string;
  width: number | '*';
  cell: (row: R, index: number) => TableCell;
}

const GROUPS = { quota: 'Chỉ tiêu tại điểm (người)', home: 'Thu nhận tại nhà (người)' };
/** For narrow count columns: a one-line header (the totals line says they are people). */
const SHORT_GROUPS = { quota: 'Tại điểm', home: 'Tại nhà' };
const QUOTA_GROUPS = new Set([GROUPS.quota, SHORT_GROUPS.quota]);

function countColumns<R extends { quota: { cccd: number; eid: number }; homeVisits: { cccd: number; eid: number } }>(
  width: number, groups = GROUPS,
): Column<R>[] {
  return [
    { header: 'CCCD', group: groups.quota, width, cell: (r) => num(r.quota.cccd) },
    { header: 'ĐDĐT', group: groups.quota, width, cell: (r) => num(r.quota.eid) },
    { header: 'CCCD', group: groups.home, width, cell: (r) => num(r.homeVisits.cccd) },
    { header: 'ĐDĐT', group: groups.home, width, cell: (r) => num(r.homeVisits.eid) },
  ];
}

/** Two header rows: grouped columns share a top cell, the others span both rows. */
function headerRows<R>(columns: Column<R>[]): TableCell[][] {
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  columns.forEach((c, i) => {
    if (!c.group) {
      top.push(th(c.header, { rowSpan: 2, margin: [0, 6, 0, 0] }));
      bottom.push({});
    } else if (columns[i - 1]?.group !== c.group) {
      const span = columns.slice(i).findIndex((d) => d.group !== c.group);
      top.push(th(c.group, { colSpan: span === -1 ? columns.length - i : span }));
      bottom.push(th(c.header, { fontSize: 8 }));
    } else {
      top.push({});
      bottom.push(th(c.header, { fontSize: 8 }));
    }
  });
  return [top, bottom];
}

const lines = (items: string[], extra: Record<string, unknown> = {}): Content[] =>
  items.map((text): Content => ({ text, ...extra }));

const hamletCell = (r: CommuneRow): TableCell => ({
  stack: [{ text: [{ text: r.hamletName, bold: true }, r.venue ? ` — ${r.venue}` : ''] }, { text: `Có mặt: ${r.atHamlet}`, italics: true }],
});

function communeColumns(portrait: boolean): Column<CommuneRow>[] {
  const tt: Column<CommuneRow> = { header: 'TT', width: portrait ? 14 : 16, cell: (_r, i) => ({ text: String(i + 1), alignment: 'center' }) };
  if (portrait) {
    return [
      tt,
      {
        header: 'Ngày, ca trực', width: 56,
        cell: (r) => ({ stack: [{ text: r.weekday, bold: true }, r.dateText.slice(0, 5), r.shiftLabel, r.shiftHours.replace(/ /g, '')], alignment: 'center' }),
      },
      { header: 'Thôn/bản, địa điểm', width: '*', cell: hamletCell },
      {
        header: 'Tổ công tác, cán bộ, phương tiện', width: 104,
        cell: (r) => ({ stack: [{ text: r.teamName, bold: true }, ...lines(r.officers), ...lines(r.vehicles, { italics: true })] }),
      },
      ...countColumns<CommuneRow>(28),
      { header: 'Kết quả', width: 34, cell: () => '' },
    ];
  }
  // Landscape: a line a row where the names allow, so that a commune's week (about ten
  // visits) fits one page with its header and signatures; the officers are listed once, by
  // the signatures (crewLegend).
  return [
    tt,
    { header: 'Ngày', width: 70, cell: (r) => `${r.weekday} ${r.dateText.slice(0, 5)}` },
    { header: 'Ca, giờ có mặt', width: 86, cell: (r) => ({ text: `${r.shiftLabel} ${r.atHamlet.replace(/ /g, '')}`, fontSize: 8.5 }) },
    {
      header: 'Thôn/bản — nơi tiếp dân', width: '*',
      cell: (r) => {
        const venue = r.venueShort ?? r.venue;
        return { text: [{ text: r.hamletName, bold: true }, venue ? { text: ` — ${venue}`, italics: true, fontSize: 7.5 } : ''] };
      },
    },
    { header: 'Tổ công tác', width: 77, cell: (r) => ({ text: r.teamShort ?? r.teamName, bold: true }) },
    { header: 'Phương tiện', width: 92, cell: (r) => ({ text: (r.vehicleCodes ?? r.vehicles).join(', '), fontSize: 7.5 }) },
    ...countColumns<CommuneRow>(24, SHORT_GROUPS),
    { header: 'Kết quả', width: 36, cell: () => '' },
  ];
}

/** Each team of the week once, with its officers: what the one-line rows leave out. */
export function crewLegend(doc: CommuneRoster): Content {
  return {
    stack: (doc.crew ?? []).map(({ team, officers }): Content => ({ text: [{ text: `${team}: `, bold: true }, officers.join(', ') || '—'] })),
    fontSize: 8.5,
    margin: [0, 0, 0, 6],
  };
}

interface Block {
  rows: TableCell[][];
  /** Width of the line above the block: 0 (the line below the previous block serves), more to mark a new day. */
  topLine: number;
}

function grid(widths: Array<number | '*'>, block: Block): TableCell {
  return { table: { widths, body: block.rows }, layout: { ...GRID, hLineWidth: (i: number) => (i === 0 ? block.topLine : 0.6) } };
}

function stackedGrid(widths: Array<number | '*'>, header: TableCell[][], blocks: Block[], totals: TableCell[], closing: Content, fontSize: number): Content {
  const outer: TableCell[][] = blocks.map((b) => [grid(widths, b)]);
  const last = outer.pop();
  outer.push([{ stack: [...((last ?? []) as Content[]), grid(widths, { rows: [totals], topLine: 0 }) as Content, closing] }]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['*'], body: [[grid(widths, { rows: header, topLine: 0.6 })], ...outer] },
    layout: BARE,
    fontSize,
    lineHeight: 1,
  };
}

export function communeTable(doc: CommuneRoster, portrait: boolean, closing: Content): Content {
  const columns = communeColumns(portrait);
  const widths = columns.map((c) => c.width);
  // Every row carries its own date (a cell spanning a day's rows would lose it on the next page);
  // a heavier line marks where a new day starts.
  const blocks = doc.rows.map((r, i): Block => ({
    rows: [columns.map((c) => c.cell(r, i))],
    topLine: i > 0 && doc.rows[i - 1]!.date !== r.date ? 1.4 : 0,
  }));
  const firstCount = columns.findIndex((c) => c.group !== undefined && QUOTA_GROUPS.has(c.group));
  const t = doc.totals;
  const totals: TableCell[] = [
    {
      text: `Tổng cộng: ${t.visits} lượt tại ${t.hamlets} thôn/bản, ${t.shifts} ca trực`,
      colSpan: firstCount, bold: true, alignment: 'right',
    },
    ...Array.from({ length: firstCount - 1 }, (): TableCell => ({})),
    ...totalsCells(t),
    '',
  ];
  return stackedGrid(widths, headerRows(columns), blocks, totals, closing, 9);
}

interface TeamLine {
  time: string;
  what: Content;
  where: Content;
  quota: { cccd: number; eid: number };
  homeVisits: { cccd: number; eid: number };
}

/** A team's week: each shift (heading, departure, hamlets, return) stays on one page. */
export function teamTable(doc: TeamSchedule, portrait: boolean, closing: Content): Content {
  const columns: Column<TeamLine>[] = [
    { header: 'Giờ', width: 38, cell: (l) => ({ text: l.time, alignment: 'center' }) },
    { header: 'Nội dung công việc', width: '*', cell: (l) => l.what as TableCell },
    { header: 'Nơi tiếp dân, người liên hệ', width: portrait ? 118 : 200, cell: (l) => l.where as TableCell },
    ...countColumns<TeamLine>(portrait ? 29 : 34),
  ];
  const zero = { cccd: 0, eid: 0 };
  const blocks = doc.shifts.map((s): Block => {
    const heading: TableCell[] = [
      {
        colSpan: columns.length, fillColor: '#eeeeee',
        stack: [
          { text: `${s.weekday}, ngày ${s.dateText} - ${s.shiftLabel} (${s.shiftHours})`, bold: true },
          { text: `Phương tiện: ${s.vehicles.join('; ')}. Quãng đường: ${countText(Math.round(s.distanceKm))} km.`, italics: true },
        ],
      },
      ...Array.from({ length: columns.length - 1 }, (): TableCell => ({})),
    ];
    const lines: TeamLine[] = [
      { time: s.departTime, what: `Xuất phát từ ${s.baseName}`, where: '', quota: zero, homeVisits: zero },
      ...s.stops.map((st): TeamLine => ({
        time: st.arriveTime,
        what: { stack: [{ text: [{ text: st.hamletName, bold: true }, st.communeName ? ` (${st.communeName})` : ''] }, `Làm việc: ${st.workHours}`] },
        where: { stack: [st.venue, { text: st.contact, italics: true }] },
        quota: st.quota,
        homeVisits: st.homeVisits,
      })),
      { time: s.returnTime, what: `Về đến ${s.baseName}`, where: '', quota: zero, homeVisits: zero },
    ];
    return { rows: [heading, ...lines.map((l) => columns.map((c, i) => c.cell(l, i)))], topLine: 0 };
  });
  const t = doc.totals;
  const km = doc.shifts.reduce((sum, s) => sum + s.distanceKm, 0);
  const totals: TableCell[] = [
    { text: `Tổng cộng: ${t.shifts} ca, ${t.visits} lượt thôn/bản, ${countText(Math.round(km))} km`, colSpan: 3, bold: true, alignment: 'right' },
    {},
    {},
    ...totalsCells(t),
  ];
  return stackedGrid(columns.map((c) => c.width), headerRows(columns), blocks, totals, closing, 10);
}
