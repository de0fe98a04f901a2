import { z } from 'zod';
import { isoDate } from '../../core/model';
import { fileDownload } from './core';
import { method, none } from './method';
import { listName, MAX_UPLOAD_BYTES, problem, rowIssue } from './register';

/** An area's folder name under the data folder's areas/, or `default` (the first database: the demo unless replaced). */
export const areaId = z.string().regex(/^(default|[a-z0-9][a-z0-9-]{0,59})$/, 'an area id is lower-case letters, digits and dashes');

export const areaInfo = z.object({
  id: areaId,
  label: z.string(),
  demo: z.boolean(),
  current: z.boolean(),
  communes: z.number().int(),
  hamlets: z.number().int(),
  campaign: z.object({ startDate: isoDate, deadline: isoDate }).nullable(),
  /** Set when the file cannot be opened by this version (damaged, newer, not an area database). */
  problem: z.string().nullable(),
});
export type AreaInfo = z.infer<typeof areaInfo>;

export const areaSheetReport = z.object({
  list: listName,
  sheet: z.string().nullable(),
  added: z.number().int(),
  renamed: z.number().int(),
  problem: problem.nullable(),
  rejects: z.array(rowIssue),
});

const areaName = z.string().trim().min(2, 'the area needs a name').max(120);

export const areaMethods = {
  'areas.list': method(none, z.array(areaInfo)),
  /** Closes the open area and opens another; the window reloads every view. */
  'areas.open': method(z.object({ id: areaId }).strict(), areaInfo),
  /** A new area from a filled area workbook, all or nothing; opened when it is created. */
  'areas.create': method(
    z.object({
      name: areaName,
      parent: z.string().trim().min(2, 'the parent unit is needed').max(120),
      startDate: isoDate,
      deadline: isoDate,
      fileName: z.string().trim().min(1).max(255),
      base64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 1024),
    }).strict().refine((a) => a.deadline >= a.startDate, { message: 'the deadline is before the start', path: ['deadline'] }),
    z.object({ created: areaInfo.nullable(), fileProblem: problem.nullable(), sheets: z.array(areaSheetReport) }),
  ),
  /** A copy of an area under a new name (a new campaign of the same place); the copy is opened. */
  'areas.copy': method(z.object({ id: areaId, name: areaName }).strict(), areaInfo),
  /** The blank area workbook; communes picked from the official list come filled in (code and name). */
  'areas.template': method(z.object({ communeCodes: z.array(z.string().regex(/^\d{5}$/, 'an official commune code has 5 digits')).max(400).optional() }).strict(), fileDownload),
  /** Today's 34 provinces and centrally-run cities (Resolution 202/2025/QH15). */
  'units.provinces': method(none, z.array(z.object({ code: z.string(), name: z.string() }))),
  /** A province's communes and wards with their official codes, and the pre-2025 communes each took in. */
  'units.communes': method(
    z.object({ provinceCode: z.string().regex(/^\d{2}$/, 'a province code has 2 digits') }).strict(),
    z.array(z.object({ code: z.string(), name: z.string(), formerly: z.array(z.object({ name: z.string(), district: z.string() })) })),
  ),
} as const;
