/**
 * Solomon VRPTW text format -> RoutingProblem. Pure: the caller reads the file.
 *
 *   C101
 *   VEHICLE
 *   NUMBER     CAPACITY
 *     25         200
 *   CUSTOMER
 *   CUST NO.  XCOORD.  YCOORD.  DEMAND  READY TIME  DUE DATE  SERVICE TIME
 *       0      40        50        0        0        1236         0
 *       1      45        68       10      912         967        90
 *
 * Travel time and distance are the unrounded Euclidean distance.
 */
import { z } from 'zod';
import type { RoutingProblem } from './types';

const customerSchema = z
  .object({
    id: z.number().int().min(0),
    x: z.number(),
    y: z.number(),
    demand: z.number().min(0),
    ready: z.number().min(0),
    due: z.number().min(0),
    service: z.number().min(0),
  })
  .refine((c) => c.due >= c.ready, { message: 'due date is before ready time', path: ['due'] });

const fleetSchema = z.object({
  vehicles: z.number().int().min(1),
  capacity: z.number().min(0),
});

export type SolomonCustomer = z.infer<typeof customerSchema>;

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** customers[0] is the depot. */
  customers: SolomonCustomer[];
}

export class SolomonParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'SolomonParseError';
  }
}

function numbers(text: string): number[] {
  return text
    .trim()
    .split(/\s+/)
    .map((token) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(token) ? Number(token) : NaN));
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
}

export function parseSolomon(text: string, file = 'input'): SolomonInstance {
  const lines = text.split(/\r?\n/);
  let index = 0;
  const nextContent = (): [string, number] | null => {
    while (index < lines.length) {
      const line = (lines[index++] as string).trim();
      if (line !== '') return [line, index];
    }
    return null;
  };
  const first = nextContent();
  if (first === null) throw new SolomonParseError(file, 1, 'empty file');
  const name = first[0];

  let fleet: z.infer<typeof fleetSchema> | null = null;
  let fleetLine = first[1];
  for (let row = nextContent(); row !== null; row = nextContent()) {
    fleetLine = row[1];
    if (/^customer/i.test(row[0])) break;
    const values = numbers(row[0]);
    if (values.every((v) => !Number.isNaN(v))) {
      if (values.length !== 2) {
        throw new SolomonParseError(file, row[1], `expected "vehicle number, capacity", got ${values.length} values`);
      }
      const parsed = fleetSchema.safeParse({ vehicles: values[0], capacity: values[1] });
      if (!parsed.success) throw new SolomonParseError(file, row[1], describe(parsed.error));
      fleet = parsed.data;
    }
  }
  if (fleet === null) throw new SolomonParseError(file, fleetLine, 'no "VEHICLE NUMBER CAPACITY" values before CUSTOMER');

  const customers: SolomonCustomer[] = [];
  for (let row = nextContent(); row !== null; row = nextContent()) {
    const [line, lineNo] = row;
    if (/^cust/i.test(line)) continue;
    const values = numbers(line);
    if (values.length !== 7 || values.some((v) => Number.isNaN(v))) {
      throw new SolomonParseError(file, lineNo, `expected 7 numbers (id x y demand ready due service), got "${line}"`);
    }
    const [id, x, y, demand, ready, due, service] = values;
    const parsed = customerSchema.safeParse({ id, x, y, demand, ready, due, service });
    if (!parsed.success) throw new SolomonParseError(file, lineNo, describe(parsed.error));
    if (parsed.data.id !== customers.length) {
      throw new SolomonParseError(file, lineNo, `customer number ${parsed.data.id}, expected ${customers.length}`);
    }
    customers.push(parsed.data);
  }
  if (customers.length < 1) throw new SolomonParseError(file, lines.length, 'no customer rows (the depot is row 0)');
  return { name, vehicles: fleet.vehicles, capacity: fleet.capacity, customers };
}

/** Euclidean, unrounded, as a flat row-major matrix. */
export function euclideanMatrix(points: readonly { x: number; y: number }[]): Float64Array {
  const n = points.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = points[i] as { x: number; y: number };
    for (let j = 0; j < n; j++) {
      const b = points[j] as { x: number; y: number };
      matrix[i * n + j] = Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
    }
  }
  return matrix;
}

export function solomonProblem(instance: SolomonInstance): RoutingProblem {
  return {
    nodes: instance.customers.map((c) => ({ ready: c.ready, due: c.due, service: c.service, demand: c.demand })),
    travelTime: euclideanMatrix(instance.customers),
    capacity: instance.capacity,
    maxVehicles: instance.vehicles,
  };
}
