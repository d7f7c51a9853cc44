import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AssessmentInfo } from '../../../shared/domain/types';
import { applySetting } from '../../../shared/settings/assessment-settings';
import { KaopingError } from '../../../shared/errors';
import type { AssessmentSummary } from '../../../shared/api/views';
import { createAssessment, isAssessmentDir, openAssessment } from '../store/open';
import type { AssessmentStore, OpenOptions } from '../store/types';
import { assertUsable, resolveRuleset } from '../rulesets/library';

/**
 * A workspace is a folder of assessment folders: the unit a reviewer backs up is
 * one assessment folder, and the first screen lists the workspace.
 */

function summarise(id: string, store: AssessmentStore): AssessmentSummary {
  const info = store.info();
  const counts = store.counts();
  const rulesetName = store.rulesetSnapshot().name || info.rulesetId;
  return {
    id,
    name: info.name,
    year: info.year,
    rulesetId: info.rulesetId,
    rulesetName,
    websites: counts.websites,
    accounts: counts.accounts,
    createdAt: info.createdAt,
  };
}

/** Every assessment folder directly inside the workspace, newest first. */
export function listWorkspace(workspaceDir: string, opts: OpenOptions = {}): AssessmentSummary[] {
  if (!existsSync(workspaceDir)) return [];
  const out: AssessmentSummary[] = [];
  for (const entry of readdirSync(workspaceDir, { withFileTypes: true })) {
    const dir = path.join(workspaceDir, entry.name);
    if (!entry.isDirectory() || !isAssessmentDir(dir)) continue;
    const store = openAssessment(dir, opts);
    try {
      out.push(summarise(entry.name, store));
    } finally {
      store.close();
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A folder name from the assessment's name: readable, safe on Windows, unique in the workspace. */
export function folderNameFor(workspaceDir: string, name: string, year: number): string {
  const base =
    `${year}-${name}`
      .replace(/[\\/:*?"<>|\s]+/gu, '-')
      .replace(/^[-.]+|[-.]+$/gu, '')
      .slice(0, 80) || `${year}-考评`;
  let candidate = base;
  for (let i = 2; existsSync(path.join(workspaceDir, candidate)); i++) candidate = `${base}-${i}`;
  return candidate;
}

/** Creates an assessment folder in the workspace with a snapshot of the ruleset. */
export function createInWorkspace(
  workspaceDir: string,
  input: {
    name: string;
    year: number;
    rulesetId: string;
    region?: string;
    issuer?: string;
    grades?: string;
    period?: string;
    monitoringDate?: string;
  },
  opts: OpenOptions = {},
): AssessmentSummary {
  // A library id of this workspace ("id" or "id@版本") or a built-in; open questions refuse.
  const ruleset = resolveRuleset(input.rulesetId, { workspaceDir });
  assertUsable(ruleset);
  // Grade lines, period and monitoring date go through the same checks as `kaoping settings`, before any folder exists.
  let info: AssessmentInfo = {
    name: input.name,
    year: input.year,
    region: input.region ?? '',
    issuer: input.issuer ?? '',
    rulesetId: ruleset.id,
    gradeBands: ruleset.grades.bands,
    reviewWindowDays: 3,
    createdAt: '',
    settings: {},
    monitoringDate: null,
  };
  for (const [key, value] of [
    ['grades', input.grades],
    ['period', input.period],
    ['monitoring-date', input.monitoringDate],
  ] as const) {
    if (value) info = { ...info, ...applySetting(info, ruleset, key, value) };
  }
  mkdirSync(workspaceDir, { recursive: true });
  const id = folderNameFor(workspaceDir, input.name, input.year);
  const store = createAssessment(
    path.join(workspaceDir, id),
    {
      name: input.name,
      year: input.year,
      rulesetId: ruleset.id,
      rulesetSnapshot: ruleset,
      gradeBands: info.gradeBands,
      region: info.region,
      issuer: info.issuer,
      settings: info.settings,
    },
    opts,
  );
  try {
    return summarise(id, store);
  } finally {
    store.close();
  }
}

/** Opens an assessment of the workspace by its folder name (never a path from outside). */
export function openInWorkspace(workspaceDir: string, id: string, opts: OpenOptions = {}): AssessmentStore {
  const dir = path.resolve(workspaceDir, id);
  if (path.dirname(dir) !== path.resolve(workspaceDir) || !isAssessmentDir(dir)) {
    throw new KaopingError('unknown-assessment', `工作区中没有考评“${id}”`);
  }
  return openAssessment(dir, opts);
}
