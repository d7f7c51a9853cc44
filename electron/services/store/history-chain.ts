import { createHash } from 'node:crypto';

export interface ChainFields {
  at: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string;
  after_json: string;
  reason: string;
}

export const GENESIS = '0'.repeat(64);

/** Each entry's hash covers its fields and the previous hash: editing any entry breaks every later link. */
export function chainHash(prevHash: string, f: ChainFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, f.at, f.actor, f.action, f.subject, f.before_json, f.after_json, f.reason]))
    .digest('hex');
}

/** JSON with sorted keys, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
