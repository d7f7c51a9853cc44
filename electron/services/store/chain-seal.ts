/**
 * The history chain's head, signed with a key that lives outside the
 * assessment folder (the reviewer's profile: ~/.config/kaoping/signing-key,
 * %APPDATA%\kaoping on Windows; KAOPING_CONFIG_DIR overrides it, for tests).
 * Whoever edits assessment.sqlite by hand can recompute every hash of the
 * chain, but not the HMAC of its head without this key. The profile also keeps
 * the last head this machine wrote for each assessment, so cutting the last
 * entries off the history is seen even though what remains is a valid chain.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface SignedHead extends ChainHead {
  /** First 16 hex digits of the key's SHA-256: which key signed, without revealing it. */
  keyId: string;
  /** HMAC-SHA256 of the head under that key. */
  signature: string;
}

/** The reviewer's profile folder for Kaoping. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['KAOPING_CONFIG_DIR']) return path.resolve(env['KAOPING_CONFIG_DIR']);
  if (process.platform === 'win32') return path.join(env['APPDATA'] ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'kaoping');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config'), 'kaoping');
}

let cached: { dir: string; key: Buffer } | undefined;

/** The signing key, created (32 random bytes, readable by the owner only) on first use. */
export function signingKey(): Buffer {
  const dir = configDir();
  if (cached?.dir === dir) return cached.key;
  const file = path.join(dir, 'signing-key');
  const read = (): Buffer | undefined => {
    try {
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
      return key.length >= 32 ? key : undefined;
    } catch {
      return undefined;
    }
  };
  let key = read();
  if (!key) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fresh = randomBytes(32);
    try {
      writeFileSync(file, `${fresh.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      key = fresh;
    } catch {
      // Another process made it first (or a broken key file is in the way: signing then fails, and verify says the head is unsigned).
      key = read();
      if (!key) throw new KaopingError('signing-key', `签名密钥文件无效：${file}（请删除后重试）`);
    }
    chmodSync(file, 0o600);
  }
  cached = { dir, key };
  return key;
}

export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

const mac = (key: Buffer, head: ChainHead) => createHmac('sha256', key).update(`kaoping-chain-head|${head.seq}|${head.hash}`).digest('hex');

/** Signs a head with this machine's key. */
export function signHead(head: ChainHead): SignedHead {
  const key = signingKey();
  return { ...head, keyId: keyIdOf(key), signature: mac(key, head) };
}

/** 'valid' or 'invalid' under this machine's key; 'other-key' when another key signed it (cannot be checked here). */
export function checkSignature(head: SignedHead): 'valid' | 'invalid' | 'other-key' {
  const key = signingKey();
  if (head.keyId !== keyIdOf(key)) return 'other-key';
  const want = Buffer.from(mac(key, head), 'hex');
  const got = Buffer.from(head.signature, 'hex');
  return want.length === got.length && timingSafeEqual(want, got) ? 'valid' : 'invalid';
}

/** "seq:hash:keyId:signature", the form recorded in exports. */
export const formatSignedHead = (h: SignedHead): string => `${h.seq}:${h.hash}:${h.keyId}:${h.signature}`;

export function parseSignedHead(text: string): SignedHead | undefined {
  const m = /^(\d+):([0-9a-f]{64}):([0-9a-f]{16}):([0-9a-f]{64})$/u.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2]!, keyId: m[3]!, signature: m[4]! } : undefined;
}

/** The profile's record of the last head written for one assessment (named by its first entry's hash). */
const anchorFile = (genesis: string) => path.join(configDir(), 'heads', `${genesis.slice(0, 32)}.json`);

export function readAnchor(genesis: string): ChainHead | undefined {
  try {
    const raw = JSON.parse(readFileSync(anchorFile(genesis), 'utf8')) as ChainHead;
    return typeof raw.seq === 'number' && typeof raw.hash === 'string' ? { seq: raw.seq, hash: raw.hash } : undefined;
  } catch {
    return undefined;
  }
}

/** Records the head (after its transaction committed). A profile that cannot be written only loses this second anchor. */
export function writeAnchor(genesis: string, head: ChainHead): void {
  try {
    const file = anchorFile(genesis);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ seq: head.seq, hash: head.hash, at: new Date().toISOString() }));
    renameSync(tmp, file);
  } catch {
    // Read-only profile: verify then says this machine holds no record.
  }
}
