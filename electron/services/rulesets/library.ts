import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import { listRulesets, parseRuleset } from './load';

/**
 * A workspace's ruleset library: `<workspace>/rulesets/<id>/v<N>.json`, one file per
 * saved version (never overwritten), and `log.jsonl` saying who saved which version
 * when and why. Assessments keep their own snapshot, so a new version changes no
 * past result; adopting one is an explicit act recorded in the assessment.
 */
export const LIBRARY_FOLDER = 'rulesets';

export interface LibraryVersion {
  version: number;
  savedAt: string;
  note: string;
}

export interface LibraryEntry {
  id: string;
  name: string;
  source: string;
  basedOn?: string;
  /** The newest version. */
  version: number;
  versions: LibraryVersion[];
  /** Open questions of the newest version. */
  pending: number;
}

export function libraryDir(workspaceDir: string): string {
  return path.join(workspaceDir, LIBRARY_FOLDER);
}

const ID = /^[a-z0-9-]+$/u;

function entryDir(workspaceDir: string, id: string): string {
  if (!ID.test(id)) throw new KaopingError('bad-ruleset-id', `考评方案编号“${id}”无效：只能用小写字母、数字和连字符`);
  return path.join(libraryDir(workspaceDir), id);
}

function versionsOf(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^v(\d+)\.json$/u.exec(f)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function readLog(dir: string): LibraryVersion[] {
  const file = path.join(dir, 'log.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LibraryVersion);
}

/** The built-in ids (resources/rulesets), which library ids may not take. */
export function builtInIds(): Set<string> {
  return new Set(listRulesets().map((r) => r.id));
}

/** Every ruleset of the library, newest version each. */
export function listLibrary(workspaceDir: string): LibraryEntry[] {
  const root = libraryDir(workspaceDir);
  if (!existsSync(root)) return [];
  const out: LibraryEntry[] = [];
  for (const id of readdirSync(root).sort()) {
    const dir = path.join(root, id);
    const versions = versionsOf(dir);
    if (!ID.test(id) || versions.length === 0) continue;
    const latest = loadFromLibrary(workspaceDir, id);
    const log = readLog(dir);
    out.push({
      id,
      name: latest.name,
      source: latest.source,
      basedOn: latest.basedOn,
      version: versions.at(-1)!,
      versions: versions.map((v) => log.find((l) => l.version === v) ?? { version: v, savedAt: '', note: '' }),
      pending: latest.pending?.length ?? 0,
    });
  }
  return out;
}

/** One library ruleset, the newest version unless `version` is given. */
export function loadFromLibrary(workspaceDir: string, id: string, version?: number): Ruleset {
  const dir = entryDir(workspaceDir, id);
  const versions = versionsOf(dir);
  if (versions.length === 0) throw new KaopingError('unknown-ruleset', `考评方案库中没有“${id}”`);
  const v = version ?? versions.at(-1)!;
  if (!versions.includes(v))
    throw new KaopingError(
      'unknown-ruleset-version',
      `考评方案“${id}”没有第 ${v} 版。已有：${versions.map((n) => `第 ${n} 版`).join('、')}`,
    );
  const file = path.join(dir, `v${v}.json`);
  return parseRuleset(readFileSync(file, 'utf8'), file);
}

/**
 * Saves a ruleset as the next version of its id (the first when new). The file is
 * validated exactly as a built-in is; open questions (`pending`) are allowed here
 * and refused only when an assessment is created from it.
 */
export function saveToLibrary(
  workspaceDir: string,
  ruleset: Ruleset,
  note: string,
  extra?: { importReport?: unknown },
): { ruleset: Ruleset; version: number } {
  if (builtInIds().has(ruleset.id))
    throw new KaopingError('ruleset-id-taken', `“${ruleset.id}”是内置考评方案的编号，请另取一个编号（例如 ${ruleset.id}-local）`);
  const dir = entryDir(workspaceDir, ruleset.id);
  const version = (versionsOf(dir).at(-1) ?? 0) + 1;
  const saved: Ruleset = { ...ruleset, libraryVersion: version };
  const text = JSON.stringify(saved, null, 2) + '\n';
  parseRuleset(text, `${ruleset.id} 第 ${version} 版`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `v${version}.json`);
  // Written beside and renamed: a crash never leaves half a version.
  if (existsSync(file))
    throw new KaopingError(
      'ruleset-version-exists',
      `考评方案“${ruleset.id}”第 ${version} 版已存在（另一处同时保存？），请重新打开后再保存`,
    );
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  if (extra?.importReport !== undefined)
    writeFileSync(path.join(dir, `v${version}.import.json`), JSON.stringify(extra.importReport, null, 2) + '\n');
  appendFileSync(
    path.join(dir, 'log.jsonl'),
    JSON.stringify({ version, savedAt: new Date().toISOString(), note } satisfies LibraryVersion) + '\n',
  );
  return { ruleset: saved, version };
}

/** The import report saved with a version, or null. */
export function importReportOf(workspaceDir: string, id: string, version: number): unknown {
  const file = path.join(entryDir(workspaceDir, id), `v${version}.import.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** "zhanjiang-2021" or "my-scheme@3": the id and the version asked for. */
export function splitRef(ref: string): { id: string; version?: number } {
  const m = /^(.+)@(\d+)$/u.exec(ref.trim());
  return m ? { id: m[1]!, version: Number(m[2]) } : { id: ref.trim() };
}

/**
 * Finds a ruleset by reference: a JSON file path (relative to `cwd`), a library id
 * of the workspace (optionally "@版本"), or a built-in id. The error lists both.
 */
export function resolveRuleset(ref: string, where: { workspaceDir?: string; cwd?: string } = {}): Ruleset {
  const asFile = path.resolve(where.cwd ?? process.cwd(), ref);
  if (/\.json$/iu.test(ref)) {
    if (!existsSync(asFile)) throw new KaopingError('no-such-file', `找不到考评方案文件：${asFile}`);
    return parseRuleset(readFileSync(asFile, 'utf8'), path.basename(asFile));
  }
  const { id, version } = splitRef(ref);
  if (where.workspaceDir && ID.test(id) && versionsOf(path.join(libraryDir(where.workspaceDir), id)).length)
    return loadFromLibrary(where.workspaceDir, id, version);
  const builtIn = listRulesets().find((r) => r.id === id);
  if (builtIn && version === undefined) return builtIn;
  const library = where.workspaceDir ? listLibrary(where.workspaceDir).map((e) => e.id) : [];
  throw new KaopingError(
    'unknown-ruleset',
    `没有考评方案“${ref}”。内置：${[...builtInIds()].join('、')}${where.workspaceDir ? `；方案库（${libraryDir(where.workspaceDir)}）：${library.join('、') || '（空）'}` : ''}`,
  );
}

/** Refuses a ruleset that still has open questions: scoring with it would be a guess. */
export function assertUsable(ruleset: Ruleset): void {
  const open = ruleset.pending ?? [];
  if (open.length) {
    throw new KaopingError(
      'ruleset-pending',
      `考评方案“${ruleset.name}”还有 ${open.length} 项导入时待决定的事项，请先在考评方案库中逐项处理`,
      open.map((d) => `${d.indicatorId ?? '方案'}${d.rule ? ` 第${d.rule}条` : ''}：${d.reason}（原文：${d.text.slice(0, 60)}）`),
    );
  }
}

/** A copy under a new id, "based on" its source, as the first version of the new id. */
export function copyRuleset(workspaceDir: string, source: Ruleset, id: string, name?: string): { ruleset: Ruleset; version: number } {
  const basedOn = `${source.id}${source.libraryVersion ? `@${source.libraryVersion}` : ''}（${source.version}）`;
  const { libraryVersion: _v, ...rest } = source;
  return saveToLibrary(workspaceDir, { ...rest, id, name: name ?? `${source.name}（副本）`, basedOn }, `复制自 ${basedOn}`);
}
