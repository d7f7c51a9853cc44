import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '../../../../shared/ruleset/types';
import { classLabel } from '../../../../shared/ruleset/walk';
import type { AssessmentOverview, ExportPreviewView, ImportPreview, PreviewTable } from '../../../../shared/api/views';
import { EXPORT_TITLES, type ExportFormat } from '../../../../shared/export-formats';
import { scoreStoredAssessment } from '../../scoring/score-assessment';
import { describeIssue, importTargets, previewTargets } from '../../import/targets/import-targets';
import { verifyAssessment } from '../../store/open';
import { exportAssessment, FORMAT_EXTENSION, previewExport, type ExportPreview } from '../../export/index';
import type { AnnexSpec } from '../../export/table-spec';
import { exportDataFromStore } from '../../export/from-store';
import type { AssessmentStore } from '../../store/types';
import type { HandlerDeps } from '../handlers';
import { storeRunner, withUpload, type Upload } from './common';
import { buildChecklist } from '../../review/checklist';
import { checklistLeaves } from '../../../../shared/api/review';
import type { Target } from '../../../../shared/domain/types';
import type { TargetScore } from '../../../../shared/scoring/types';

/**
 * The applicable indicators of each target, computed once per kind, class and
 * attributes: they decide applicability, findings do not.
 */
function applicableLeaves(ruleset: Ruleset) {
  const cache = new Map<string, Set<string>>();
  return (target: Target, score: TargetScore): Set<string> => {
    const key = `${target.kind}|${target.classId}|${JSON.stringify(Object.entries(target.attributes).sort())}`;
    let ids = cache.get(key);
    if (!ids) {
      ids = new Set(checklistLeaves(buildChecklist({ ruleset, target, score, findings: [], reviewed: new Set() })).map((l) => l.id));
      cache.set(key, ids);
    }
    return ids;
  };
}

/** Annex specs as plain preview tables, one per block. */
function previewTables(annexes: AnnexSpec[]): PreviewTable[] {
  return annexes.flatMap((a) =>
    a.blocks.map((b) => ({ title: `${a.label} ${a.title}`, ...(b.caption ? { caption: b.caption } : {}), headers: b.columns.map((c) => c.header), rows: b.rows })),
  );
}

/** The exporter's preview in the shape the UI shows. */
function toPreviewView(preview: ExportPreview): ExportPreviewView {
  switch (preview.kind) {
    case 'workbook':
      return { kind: 'tables', tables: previewTables(preview.sheets) };
    case 'document': {
      const d = preview.document;
      const lines = [d.issuerMark, d.docNumber, d.title, d.addressee ?? '', ...d.body.map((b) => ('lead' in b && b.lead ? `${b.lead}${b.text}` : b.text)), ...d.attachments.map((a, i) => `附件${i + 1}：${a}`), d.signature, d.date, d.note ?? ''];
      return { kind: 'document', title: d.title, lines: lines.filter(Boolean), tables: previewTables(d.annexes) };
    }
    case 'evidence':
      return { kind: 'files', files: preview.files.map(({ target, indicator, path: p, url, sha256, matches }) => ({ target, indicator, path: p, url, sha256, matches })) };
  }
}

/** One open assessment: its overview, target import with preview, verification and exports. */
export function assessmentScreenHandlers(deps: HandlerDeps) {
  const opts = { nativeBinding: deps.nativeBinding, now: deps.now };
  const withStore = storeRunner(deps);

  const preview = (store: AssessmentStore, upload: Upload) =>
    withUpload(upload, async (file): Promise<ImportPreview> => {
      const ruleset = store.rulesetSnapshot() as Ruleset;
      const parsed = await previewTargets(ruleset, file, store.listTargets());
      const counts = new Map<string, number>();
      for (const t of parsed.targets) {
        const label = classLabel(ruleset, t.classId);
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      return {
        ok: parsed.errors.length === 0,
        byClass: [...counts].map(([label, count]) => ({ label, count })),
        errors: parsed.errors.map((e) => describeIssue(file, e)),
        warnings: parsed.warnings.map((w) => describeIssue(file, w)),
      };
    });

  return {
    'assessment/overview': (input: { id: string }) =>
      withStore(input.id, (store): AssessmentOverview => {
        const ruleset = store.rulesetSnapshot() as Ruleset;
        const info = store.info();
        const scores = new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s]));
        const findingCounts = new Map<number, number>();
        const suggestedCounts = new Map<number, number>();
        for (const f of store.listFindings()) {
          const counts = f.status === 'confirmed' ? findingCounts : f.status === 'suggested' ? suggestedCounts : undefined;
          counts?.set(f.targetId, (counts.get(f.targetId) ?? 0) + 1);
        }
        const reviewed = new Map<number, Set<string>>();
        for (const r of store.listReviewedIndicators()) reviewed.set(r.targetId, (reviewed.get(r.targetId) ?? new Set()).add(r.indicatorId));
        const leavesOf = applicableLeaves(ruleset);
        return {
          id: input.id,
          name: info.name,
          year: info.year,
          rulesetName: ruleset.name,
          gradeBands: info.gradeBands,
          gradesConfigurable: ruleset.grades.configurable,
          targets: store.listTargets().map((t) => {
            const s = scores.get(t.id)!;
            return {
              id: t.id,
              kind: t.kind,
              classLabel: classLabel(ruleset, t.classId),
              unit: t.unit,
              name: t.name,
              url: t.url,
              platform: t.platform,
              identifier: t.identifier,
              findings: findingCounts.get(t.id) ?? 0,
              total: s.total,
              grade: s.grade,
              rank: s.rank,
              veto: s.veto,
              vetoReasons: s.vetoReasons,
              suggested: suggestedCounts.get(t.id) ?? 0,
              progress: progressAgainst(leavesOf(t, s), reviewed.get(t.id)),
            };
          }),
        };
      }),
    'assessment/verify': (input: { id: string }) => Promise.resolve(verifyAssessment(path.join(deps.workspaceDir, path.basename(input.id)), opts)),
    'targets/previewImport': (input: Upload) => withStore(input.id, (store) => preview(store, input)),
    'targets/import': (input: Upload) =>
      withStore(input.id, async (store): Promise<ImportPreview> => {
        const checked = await preview(store, input);
        if (!checked.ok) return checked;
        const { warnings } = await withUpload(input, (file) => importTargets(store, file));
        return { ...checked, warnings };
      }),
    'exports/preview': (input: { id: string; format: ExportFormat }) => withStore(input.id, (store) => toPreviewView(previewExport(exportDataFromStore(store), input.format))),
    'exports/create': (input: { id: string; format: ExportFormat }) =>
      withStore(input.id, async (store) => {
        // A name the reviewer can read in a folder or a mail: "2025年度考评-附件表格（潮州格式）-20261202-004347.xlsx" (Beijing time).
        const at = new Date((deps.now?.() ?? new Date()).getTime() + 8 * 3600_000).toISOString();
        const stamp = `${at.slice(0, 10).replace(/-/gu, '')}-${at.slice(11, 19).replace(/:/gu, '')}`;
        const title = `${store.info().name}-${EXPORT_TITLES[input.format]}`.replace(/[\\/:*?"<>|\s]+/gu, '_');
        const relative = path.join(input.id, 'exports', `${title}-${stamp}${FORMAT_EXTENSION[input.format]}`);
        const out = path.join(deps.workspaceDir, relative);
        mkdirSync(path.dirname(out), { recursive: true });
        const bytes = await exportAssessment(exportDataFromStore(store), input.format, out, {});
        return { file: relative.split(path.sep).join('/'), bytes };
      }),
  };
}

function progressAgainst(leaves: Set<string>, reviewed: Set<string> | undefined): { reviewed: number; total: number } {
  let n = 0;
  for (const id of reviewed ?? []) if (leaves.has(id)) n++;
  return { reviewed: n, total: leaves.size };
}
