import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('demo database', () => {
  it('is the same file byte for byte every time it is built', () => {
    const files = ['a.sqlite', 'b.sqlite'].map((f) => join(tmp.dir, f));
    for (const f of files) openDatabase(f).close();
    const [a, b] = files.map((f) => readFileSync(f));
    expect(a!.length).toBeGreaterThan(100_000);
    expect(a!.equals(b!)).toBe(true);
  });

  it('a second start reuses the database instead of seeding it again', () => {
    const file = join(tmp.dir, 'c.sqlite');
    const first = openDatabase(file);
    first.prepare("UPDATE hamlets SET name = 'Bản Đã Sửa' WHERE id = 1").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare('SELECT name FROM hamlets WHERE id = 1').get()).toEqual({ name: 'Bản Đã Sửa' });
    second.close();
  });
});
