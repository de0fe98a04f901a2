import { userInfo } from 'node:os';
import type { Db } from '../open';

export interface AuditEntry {
  id: number;
  at: string;
  userName: string;
  action: string;
  entity: string;
  entityId: string | null;
  details: unknown;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** Records who changed what. Call inside the same transaction as the change. */
export function audit(db: Db, action: string, entity: string, entityId: string | number | null, details: unknown = {}): void {
  db.prepare('INSERT INTO audit_log (at, user_name, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(), osUser(), action, entity, entityId === null ? null : String(entityId), JSON.stringify(details),
  );
}

export function listAudit(db: Db, limit = 200): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as Array<{
    id: number; at: string; user_name: string; action: string; entity: string; entity_id: string | null; details: string;
  }>;
  return rows.map((r) => ({
    id: r.id, at: r.at, userName: r.user_name, action: r.action, entity: r.entity, entityId: r.entity_id,
    details: JSON.parse(r.details) as unknown,
  }));
}
