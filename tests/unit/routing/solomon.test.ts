import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src-main/core/vrptw/check';
import { solveVrptw } from '../../../src-main/core/vrptw/search';
import { parseSolomon, SolomonParseError, solomonProblem } from '../../../src-main/core/vrptw/solomon';

const instances = fileURLToPath(new URL('../../fixtures/vrptw/solomon/', import.meta.url));
const c101 = `${instances}C101.txt`;

const sample = [
  'TINY',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  2         10',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  '',
  '    0      0          0          0          0        100          0',
  '    1      3          4          5          0         50          2',
].join('\r\n');

describe('Solomon format', () => {
  it('parses the header, the fleet and the customers', () => {
    const parsed = parseSolomon(sample, 'tiny.txt');
    expect(parsed).toEqual({
      name: 'TINY',
      vehicles: 2,
      capacity: 10,
      customers: [
        { id: 0, x: 0, y: 0, demand: 0, ready: 0, due: 100, service: 0 },
        { id: 1, x: 3, y: 4, demand: 5, ready: 0, due: 50, service: 2 },
      ],
    });
    const problem = solomonProblem(parsed);
    expect(problem.maxVehicles).toBe(2);
    expect(problem.travelTime).toEqual(new Float64Array([0, 5, 5, 0]));
  });

  it('names the file and the line of a malformed row', () => {
    const broken = sample.replace('    1      3          4', '    1      3          x');
    expect(() => parseSolomon(broken, 'broken.txt')).toThrow(SolomonParseError);
    expect(() => parseSolomon(broken, 'broken.txt')).toThrow(/^broken\.txt:11: expected 7 numbers/);
    const late = sample.replace('0         50          2', '60         50          2');
    expect(() => parseSolomon(late, 'late.txt')).toThrow(/^late\.txt:11: due: due date is before ready time/);
    const gap = sample.replace('    1      3', '    2      3');
    expect(() => parseSolomon(gap, 'gap.txt')).toThrow(/^gap\.txt:11: customer number 2, expected 1/);
    expect(() => parseSolomon('X\nVEHICLE\nCUSTOMER\n', 'nofleet.txt')).toThrow(/^nofleet\.txt:3: no "VEHICLE/);
  });

  it('solves C101 to within 1% of its optimum (10 vehicles, 828.94)', () => {
    const problem = solomonProblem(parseSolomon(readFileSync(c101, 'utf8'), c101));
    const solution = solveVrptw(problem, { seed: 1, timeLimitMs: 1000 });
    const check = checkSolution(
      problem,
      solution.routes.map((r) => r.visits),
    );
    expect(check.violations).toEqual([]);
    expect(check.vehicles).toBeLessThanOrEqual(10);
    expect(check.distance).toBeLessThanOrEqual(828.94 * 1.01);
  });
});
