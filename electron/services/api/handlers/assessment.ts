import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { classLabel } from '../../../../shared/ruleset/walk';
import type { ExportPreviewView, ImportPreview, PreviewTable } from '../../../../shared/api/views';
import { matchingTargets, overviewRows, overviewSummary } from '../../review/overview-page';
import { EXPORT_TITLES } from '../../../../shared/export-formats';
import { describeIssue, importTargets, previewTargets } from '../../import/targets/import-targets';
import { verifyAssessment } from '../../store/open';
import { exportAssessment, FORMAT_EXTENSION, previewExport, type ExportPreview } from '../../export/index';
import type { AnnexSpec } from '../../export/table-spec';
import { exportDataFromStore } from '../../export/from-store';
import { incompleteCount } from '../../export/compute/results';
import { applySetting, describeSettings, SETTING_KEYS } from '../../../../shared/settings/assessment-settings';
import type { SettingRowView } from '../../../../shared/api/views';

function settingRows(store: AssessmentStore): SettingRowView[] {
  const rows = describeSettings(store.info(), store.rulesetSnapshot());
  return rows.map((r) => ({ ...r, hint: SETTING_KEYS.find((k) => k.key === r.key)?.hint ?? '' }));
}
import type { AssessmentStore } from '../../store/types';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner, withUpload, type Upload } from './common';

/** Annex specs as plain preview tables, one per block. */
function previewTables(annexes: AnnexSpec[]): PreviewTable[] {
  return annexes.flatMap((a) =>
    a.blocks.map((b) => ({
      title: `${a.label} ${a.title}`,
      ...(b.caption ? { caption: b.caption } : {}),
      headers: b.columns.map((c) => c.header),
      rows: b.rows,
    })),
  );
}

/** The exporter's preview in the shape the UI shows. */
function toPreviewView(preview: ExportPreview, incomplete: number): ExportPreviewView {
  switch (preview.kind) {
    case 'workbook':
      return { kind: 'tables', tables: previewTables(preview.sheets), incomplete };
    case 'document': {
      const d = preview.document;
      const lines = [
        d.issuerMark,
        d.docNumber,
        ...d.title.split('\n'),
        d.addressee ?? '',
        ...d.body.map((b) => ('lead' in b && b.lead ? `${b.lead}${b.text}` : b.text)),
        ...d.attachments.map((a, i) => `附件${i + 1}：${a}`),
        d.signature,
        d.date,
        d.note ?? '',
      ];
      return {
        kind: 'document',
        title: d.title.replace(/\n/gu, ''),
        lines: lines.filter(Boolean),
        tables: previewTables(d.annexes),
        incomplete,
      };
    }
    case 'evidence':
      return {
        kind: 'files',
        files: preview.files.map(({ target, indicator, path: p, url, sha256, matches }) => ({
          target,
          indicator,
          path: p,
          url,
          sha256,
          matches,
        })),
        incomplete,
      };
  }
}

/** One open assessment: its overview, target import with preview, verification and exports. */
export function assessmentScreenHandlers(deps: HandlerDeps) {
  const opts = { nativeBinding: deps.nativeBinding, now: deps.now };
  const withStore = storeRunner(deps);

  const preview = (store: AssessmentStore, upload: Upload & { classMap?: Record<string, string> }) =>
    withUpload(upload, async (file): Promise<ImportPreview> => {
      const ruleset = store.rulesetSnapshot();
      const parsed = await previewTargets(ruleset, file, store.listTargets(), upload.classMap);
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
        sections: parsed.sections.map((s) => ({ title: s.title, classId: s.classId, how: s.how, count: s.read })),
        classes: ruleset.classes.map((c) => ({ id: c.id, label: c.label, name: c.name, kind: c.kind })),
      };
    });

  return handlersFor({
    'assessment/overview': (input) =>
      withStore(input.id, (store, open) => {
        // One page crosses: the query runs over the database and the score cache, then only the page's rows are read.
        const ruleset = open.scores.rulesetInUse();
        const info = store.info();
        const ids = matchingTargets(store, open.scores, ruleset, input.query ?? {});
        // Past the end (the list shrank since the page was shown): the last page.
        const limit = input.limit ?? 100;
        const offset = Math.min(input.offset ?? 0, Math.max(0, Math.floor((ids.length - 1) / limit) * limit));
        const page = ids.slice(offset, offset + limit);
        const { summary, incomplete, nextToReview } = overviewSummary(store, open.scores, ruleset);
        return {
          id: input.id,
          name: info.name,
          year: info.year,
          rulesetName: ruleset.name,
          gradeBands: info.gradeBands,
          gradesConfigurable: ruleset.grades.configurable,
          targets: overviewRows(store, open.scores, ruleset, page),
          incomplete,
          matched: ids.length,
          offset,
          count: summary.reduce((n, c) => n + c.targets, 0),
          summary,
          nextToReview,
        };
      }),
    'assessment/targetIds': (input) =>
      withStore(input.id, (store, open) => matchingTargets(store, open.scores, open.scores.rulesetInUse(), input.query)),
    'assessment/verify': (input) => Promise.resolve(verifyAssessment(path.join(deps.workspaceDir, path.basename(input.id)), opts)),
    'targets/previewImport': (input) => withStore(input.id, (store) => preview(store, input)),
    'targets/import': (input) =>
      withStore(input.id, async (store) => {
        const checked = await preview(store, input);
        if (!checked.ok) return checked;
        const { warnings } = await withUpload(input, (file) => importTargets(store, file, input.classMap));
        return { ...checked, warnings };
      }),
    'exports/preview': (input) =>
      withStore(input.id, (store) => {
        const data = exportDataFromStore(store);
        return toPreviewView(previewExport(data, input.format), incompleteCount(data));
      }),
    'assessment/settings': (input) => withStore(input.id, (store) => settingRows(store)),
    'assessment/updateSettings': (input) =>
      withStore(input.id, (store) => {
        const ruleset = store.rulesetSnapshot();
        // All or nothing: every value is checked before anything is written.
        let info = store.info();
        for (const [key, value] of Object.entries(input.values)) info = { ...info, ...applySetting(info, ruleset, key, value) };
        store.updateInfo({
          name: info.name,
          region: info.region,
          issuer: info.issuer,
          gradeBands: info.gradeBands,
          settings: info.settings,
        });
        return settingRows(store);
      }),
    'exports/create': (input) =>
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
  });
}
