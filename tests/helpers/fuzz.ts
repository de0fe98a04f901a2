/**
 * Seeded parameter fuzzing for the RPC contract: values are drawn by walking a method's zod
 * schema (so many calls get past validation and reach the handler), then broken on purpose:
 * a key dropped or added, a leaf replaced by garbage, huge strings and arrays, ids that do not
 * exist, prototype keys. The same seed gives the same calls.
 */
import type { z } from 'zod';
import { Rng } from '../../src-main/core/rng';

/** Values the schema walk picks from, so that plausible calls name things that exist. */
export interface Pools {
  /** Ids of rows that exist (and a few that do not). */
  ids: number[];
  /** Strings the domain uses: codes, dates, week codes, run ids, backup file names ... */
  strings: string[];
}

/** 'ipc': anything structured clone carries (Electron); 'json': what survives JSON (web mode). */
export type Transport = 'ipc' | 'json';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  defaultValue?: unknown;
  checks?: Array<{ _zod: { def: { check: string; pattern?: RegExp } } }>;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export const MB = 1024 * 1024;
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** An object with an own property of that name, as JSON.parse makes it (a literal `__proto__:` would set the prototype). */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

function deepNest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

const ODD_STRINGS = [
  '', ' ', '\t\n', '0', '-1', '1e999', 'NaN', 'null', 'undefined', 'true', '__proto__', 'constructor', '%E0%A4%A', '%00',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\Windows\\system32', 'a\u0000b', '\uD800', '\uFFFF',
  "'", '"', "'; DROP TABLE hamlets; --", '=HYPERLINK("http://x")', '@SUM(A1)', '<script>alert(1)</script>', 'Thôn Bản Khà 😀',
  '\u202Eevil', 'x'.repeat(10_000), '9999-99-99', '2022-02-30', '2022-W99', '0000-00-00', '31/12/2022',
];
const ODD_NUMBERS = [0, -0, -1, 1.5, -2.5, 0.1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, Number.MIN_VALUE, 999_999, 1e20];

/** A value of any kind, mostly not what the slot wants. */
export function garbage(rng: Rng, transport: Transport, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const kind = rng.int(depth > 2 ? 6 : 12);
  switch (kind) {
    case 0: return null;
    case 1: return pick([true, false]);
    case 2: return pick(ODD_NUMBERS);
    case 3: return pick(ODD_STRINGS);
    case 4: return transport === 'ipc' ? pick([undefined, NaN, Infinity, -Infinity]) : pick([null, 0]);
    case 5: return rng.between(-5, 60);
    case 6: return Array.from({ length: rng.int(4) }, () => garbage(rng, transport, depth + 1));
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--) o[pick(['a', 'list', 'key', 'planId', 'id', 'values', 'x'])] = garbage(rng, transport, depth + 1);
      return o;
    }
    case 8: return withOwnKey({}, pick(PROTO_KEYS), { polluted: true, toString: 'x', valueOf: 1 });
    case 9: return deepNest(rng.between(50, 1000), pick([null, 1, 'x']), rng.int(2) === 0);
    case 10:
      if (transport === 'ipc') return pick<unknown>([new Date(Number.NaN), new Date(), new Map([['a', 1]]), new Set([1]), 10n, new Uint8Array(4), /x/]);
      return pick<unknown>([{ length: 1e9 }, { '0': 'a', length: 1 }, [[[]]]]);
    default: return Array.from({ length: rng.int(3) + 1 }, () => pick(ODD_NUMBERS));
  }
}

/** A value the schema would plausibly accept, drawn from the pools (it may still be refused by a refinement). */
export function plausible(schema: z.ZodType, rng: Rng, pools: Pools, transport: Transport, depth = 0): unknown {
  const def = defOf(schema);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  if (depth > 8) return garbage(rng, transport, 3);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const optional = ['optional', 'default'].includes(defOf(field).type);
        if (optional && rng.int(3) === 0) continue;
        out[key] = plausible(field, rng, pools, transport, depth + 1);
      }
      return out;
    }
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      if (def.type === 'nullable' && rng.int(5) === 0) return null;
      return plausible(def.innerType!, rng, pools, transport, depth + 1);
    case 'pipe': return plausible(def.in!, rng, pools, transport, depth + 1);
    case 'lazy': return plausible(def.getter!(), rng, pools, transport, depth + 1);
    case 'literal': return pick(def.values ?? [null]);
    case 'enum': return pick(Object.values(def.entries ?? {}));
    case 'union': return plausible(pick(def.options ?? []), rng, pools, transport, depth + 1);
    case 'intersection': {
      const a = plausible(def.left!, rng, pools, transport, depth + 1);
      const b = plausible(def.right!, rng, pools, transport, depth + 1);
      return typeof a === 'object' && a && typeof b === 'object' && b ? { ...a, ...b } : a;
    }
    case 'array': return Array.from({ length: rng.int(4) + (rng.int(2) ? 1 : 0) }, () => plausible(def.element!, rng, pools, transport, depth + 1));
    case 'tuple': return (def.items ?? []).map((item) => plausible(item, rng, pools, transport, depth + 1));
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--) out[pick([...pools.strings, 'name', 'population', 'code', 'remainingEid', 'commune'])] = plausible(def.valueType!, rng, pools, transport, depth + 1);
      return out;
    }
    case 'string': {
      if (rng.int(4) === 0) return pick(ODD_STRINGS);
      // A string with a format (a date, a week, a backup's name) gets a pool string of that format.
      const patterns = (def.checks ?? []).map((c) => c._zod.def.pattern).filter((p): p is RegExp => p instanceof RegExp);
      const fitting = pools.strings.filter((text) => patterns.every((p) => p.test(text)));
      return pick(fitting.length ? fitting : pools.strings);
    }
    case 'number': case 'int': return rng.int(4) === 0 ? pick([0, 1, 2, 3, 10, 100, 0.5]) : pick(pools.ids);
    case 'bigint': return transport === 'ipc' ? 1n : 1;
    case 'boolean': return rng.int(2) === 0;
    case 'date': return transport === 'ipc' ? new Date('2022-11-28') : '2022-11-28';
    case 'null': case 'undefined': case 'void': return null;
    default: return garbage(rng, transport, depth + 1);
  }
}

type Path = Array<string | number>;

/** The paths of every slot of a value (objects and arrays, not their contents beyond depth 4). */
function slots(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 4 || value === null || typeof value !== 'object') return out;
  for (const key of Object.keys(value)) {
    out.push([...path, key]);
    slots((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}

function setAt(root: unknown, path: Path, make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(root);
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k as string], root) as Record<string, unknown>;
  const key = path[path.length - 1] as string;
  parent[key] = make(parent[key]);
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k as string], root) as Record<string, unknown>;
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else delete parent[path[path.length - 1] as string];
  return root;
}

/** Kinds of cases: the first ones are each made once per method, the rest drawn at random. */
export const FIXED_CASES = ['hugeString', 'hugeArray', 'protoKey', 'constructorKey', 'missingIds', 'noParams', 'deepNesting'] as const;
const RANDOM_CASES = ['plausible', 'plausible', 'dropKey', 'extraKey', 'garbageLeaf', 'garbageLeaf', 'garbageWhole', 'oddIds', 'protoLeaf'] as const;
export type CaseKind = (typeof FIXED_CASES)[number] | (typeof RANDOM_CASES)[number];

/** The i-th parameter set of a method's fuzz run. */
export function fuzzCase(schema: z.ZodType, i: number, rng: Rng, pools: Pools, transport: Transport): { kind: CaseKind; params: unknown } {
  const kind: CaseKind = FIXED_CASES[i] ?? RANDOM_CASES[rng.int(RANDOM_CASES.length)]!;
  const base = plausible(schema, rng, pools, transport);
  const paths = slots(base);
  const somePath = (): Path => (paths.length ? paths[rng.int(paths.length)]! : []);
  const stringPaths = paths.filter((p) => typeof p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k as string], base) === 'string');
  const replaceLeaf = (make: (old: unknown) => unknown, candidates = paths): unknown =>
    (candidates.length ? setAt(base, candidates[rng.int(candidates.length)]!, make) : make(base));
  switch (kind) {
    case 'plausible': return { kind, params: base };
    case 'hugeString': return { kind, params: replaceLeaf(() => 'é'.repeat(MB / 2), stringPaths) };
    case 'hugeArray': return { kind, params: replaceLeaf(() => Array.from({ length: 100_000 }, (_, k) => (k % 2 ? k : 'x'))) };
    case 'protoKey': {
      const target = typeof base === 'object' && base !== null && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
      return { kind, params: withOwnKey(target, '__proto__', { polluted: true, isAdmin: true, list: 'hamlets' }) };
    }
    case 'constructorKey': {
      const target = typeof base === 'object' && base !== null && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
      return { kind, params: withOwnKey(target, 'constructor', { prototype: { polluted: true } }) };
    }
    case 'protoLeaf': return { kind, params: replaceLeaf(() => withOwnKey({}, '__proto__', { polluted: true })) };
    case 'missingIds': return { kind, params: replaceIds(base, () => 987_654) };
    case 'oddIds': return { kind, params: replaceIds(base, () => [0, -1, -0, 1.5, 2 ** 53, 1e308, 987_654][rng.int(7)]!) };
    case 'noParams': return { kind, params: [undefined, null, {}, [], 'x', 0][rng.int(transport === 'ipc' ? 6 : 5) + (transport === 'ipc' ? 0 : 1)] };
    // JSON.stringify recurses: the client could not send deeper (raw deeper bodies are a test of their own).
    case 'deepNesting': return { kind, params: replaceLeaf(() => deepNest(transport === 'ipc' ? 5_000 : 1_000, 1, rng.int(2) === 0)) };
    case 'dropKey': return { kind, params: paths.length ? deleteAt(base, somePath()) : base };
    case 'extraKey': {
      if (typeof base !== 'object' || base === null) return { kind, params: base };
      return { kind, params: setAt(base, [...somePath().slice(0, -1), `extra${rng.int(9)}`], () => garbage(rng, transport)) };
    }
    case 'garbageLeaf': return { kind, params: replaceLeaf(() => garbage(rng, transport)) };
    case 'garbageWhole': return { kind, params: garbage(rng, transport) };
  }
}

/** Every number in a value (ids, mostly) replaced. */
function replaceIds(value: unknown, make: () => number): unknown {
  if (typeof value === 'number') return make();
  if (Array.isArray(value)) return value.map((v) => replaceIds(v, make));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIds(v, make)]));
  }
  return value;
}
