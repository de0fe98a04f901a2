import { resolve, sep } from 'node:path';
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import * as pdfmakeModule from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Brief, BriefSeries } from '../core/scenario/brief';
import { fontsDir, SERIF, serifFontFiles } from './fonts';
import { contentWidth, GRID, officialHeader, PAGE } from './roster-pdf-parts';

const pdfmake = ((pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule);

const COLOURS = ['#1f4e79', '#c0392b', '#2e7d32', '#8e44ad'];

/**
 * The burn-down as an SVG pdfmake draws: people left per day, a line per plan, the deadline
 * as a dashed vertical line, dates and people on the axes.
 */
export function burndownSvg(series: readonly BriefSeries[], deadline: string, width: number, height: number): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;
  const dates = all.map((p) => p.date).sort();
  const first = parseISO(dates[0]!);
  const lastDay = Math.max(1, differenceInCalendarDays(parseISO(dates[dates.length - 1]! > deadline ? dates[dates.length - 1]! : deadline), first));
  const top = Math.max(1, ...all.map((p) => p.remaining));
  const pad = { left: 52, right: 8, top: 8, bottom: 26 };
  const x = (date: string): number => pad.left + ((width - pad.left - pad.right) * differenceInCalendarDays(parseISO(date), first)) / lastDay;
  const y = (v: number): number => pad.top + (height - pad.top - pad.bottom) * (1 - v / top);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    parts.push(`<line x1="${pad.left}" y1="${y(v)}" x2="${width - pad.right}" y2="${y(v)}" stroke="#dddddd" stroke-width="0.5"/>`);
    parts.push(`<text x="${pad.left - 4}" y="${y(v) + 3}" font-size="7" text-anchor="end">${Math.round(v).toLocaleString('de-DE')}</text>`);
  }
  const ticks = 6;
  for (let k = 0; k <= ticks; k++) {
    const date = format(new Date(first.getTime() + (lastDay * k * 86_400_000) / ticks), 'yyyy-MM-dd');
    parts.push(`<text x="${x(date)}" y="${height - pad.bottom + 12}" font-size="7" text-anchor="middle">${format(parseISO(date), 'dd/MM')}</text>`);
  }
  parts.push(`<line x1="${x(deadline)}" y1="${pad.top}" x2="${x(deadline)}" y2="${height - pad.bottom}" stroke="#000000" stroke-width="0.8" stroke-dasharray="3,2"/>`);
  parts.push(`<text x="${x(deadline) - 2}" y="${pad.top + 8}" font-size="7" text-anchor="end">Hạn ${format(parseISO(deadline), 'dd/MM/yyyy')}</text>`);
  series.forEach((s, i) => {
    const path = s.points.map((p) => `${x(p.date).toFixed(1)},${y(p.remaining).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="1.4"/>`);
  });
  parts.push(`<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#000000" stroke-width="0.6"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

function legend(series: readonly BriefSeries[]): Content {
  return {
    columns: series.map((s, i) => ({ text: [{ text: '— ', color: COLOURS[i % COLOURS.length], bold: true }, { text: s.name }], fontSize: 9, width: 'auto', margin: [0, 0, 14, 0] })),
    margin: [0, 2, 0, 0],
  };
}

export function briefDocDefinition(brief: Brief): TDocumentDefinitions {
  const width = contentWidth('portrait');
  const header = { ...brief.header, documentNumber: '', nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' };
  const columns = brief.table.columns.length;
  const content: Content[] = [
    officialHeader(header, width, true),
    { text: brief.title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: brief.subtitle, bold: true, fontSize: 12, alignment: 'center', margin: [0, 2, 0, 8] },
    { text: 'Câu hỏi', bold: true, fontSize: 12 },
    { stack: brief.question.map((q): Content => ({ text: q })), fontSize: 10.5, margin: [0, 2, 0, 4] },
    { text: 'Trả lời', bold: true, fontSize: 12 },
    { stack: brief.answer.map((a): Content => ({ text: a })), fontSize: 10.5, margin: [0, 2, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: [width * 0.4, ...Array.from({ length: columns - 1 }, () => '*')],
        body: [
          brief.table.columns.map((c) => ({ text: c, bold: true, alignment: 'center' as const })),
          ...brief.table.rows.map((r) => r.map((cell, i) => ({ text: cell, alignment: i === 0 ? ('left' as const) : ('right' as const) }))),
        ],
      },
      layout: GRID,
      fontSize: 9.5,
    },
    {
      stack: [
        { text: 'Số người còn phải làm theo ngày', bold: true, fontSize: 11, margin: [0, 8, 0, 2] },
        { svg: burndownSvg(brief.burndown.series, brief.burndown.deadline, width, 165), width },
        legend(brief.burndown.series),
      ],
      unbreakable: true,
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE.margins,
    content,
    defaultStyle: { font: SERIF, fontSize: 12, lineHeight: 1.1 },
    info: { title: `${brief.title}: ${brief.subtitle}`, author: 'Lưu Động', creator: 'Lưu Động' },
  };
}

/** Renders the brief; only the font files may be read, no URL. */
export async function briefToPdf(brief: Brief): Promise<Buffer> {
  const dir = fontsDir();
  pdfmake.setFonts({ [SERIF]: serifFontFiles(dir) });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(dir + sep));
  return pdfmake.createPdf(briefDocDefinition(brief)).getBuffer();
}

