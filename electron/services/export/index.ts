/**
 * Export entry point: one call per format, returning bytes (for previews) or writing
 * the file. Formats: Excel annexes and lists, Word circular drafts, evidence zip.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import type { ExportAssessmentData } from './model';
import { renderAnnexWorkbook } from './xlsx/annex-sheet';
import { renderOfficialDocx, type OfficialDocSpec } from './docx/document';
import type { AnnexSpec } from './table-spec';
import { chaozhouAnnexes } from './formats/annex-chaozhou';
import { zhanjiangAnnexes } from './formats/annex-zhanjiang';
import { targetsAnnexes } from './formats/targets';
import { detailSheets } from './formats/detail';
import { chaozhouCircular } from './formats/circular-chaozhou';
import { zhanjiangCircular } from './formats/circular-zhanjiang';
import { collectEvidence, renderEvidencePack, type EvidencePackOptions } from './formats/evidence-pack';
import type { CircularOptions } from './formats/circular-common';
import { stampChainHead } from './ooxml/chain-head-property';

export { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export-formats';

/** File extension each format writes. */
export const FORMAT_EXTENSION: Record<ExportFormat, string> = {
  'annex-chaozhou': '.xlsx',
  'annex-zhanjiang': '.xlsx',
  targets: '.xlsx',
  detail: '.xlsx',
  'circular-chaozhou': '.docx',
  'circular-zhanjiang': '.docx',
  'evidence-pack': '.zip',
};

export type ExportOptions = CircularOptions & EvidencePackOptions;
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export-formats';

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * What an export will contain, before any file is written: the document spec of a
 * circular, the sheets of a workbook, or the file list of an evidence pack. The UI
 * shows this as the preview; `renderExport` renders exactly this.
 */
export type ExportPreview =
  | { kind: 'document'; format: ExportFormat; document: OfficialDocSpec }
  | { kind: 'workbook'; format: ExportFormat; sheets: AnnexSpec[] }
  | {
      kind: 'evidence';
      format: ExportFormat;
      files: { target: string; indicator: string; path: string; url: string; capturedAt: string; sha256: string; matches: boolean }[];
    };

/** Builds the preview of one format. */
export function previewExport(data: ExportAssessmentData, format: ExportFormat, options: ExportOptions = {}): ExportPreview {
  switch (format) {
    case 'annex-chaozhou':
      return { kind: 'workbook', format, sheets: chaozhouAnnexes(data) };
    case 'annex-zhanjiang':
      return { kind: 'workbook', format, sheets: zhanjiangAnnexes(data, { overrides: options.problemOverrides ?? {} }) };
    case 'targets':
      return { kind: 'workbook', format, sheets: targetsAnnexes(data) };
    case 'detail':
      return { kind: 'workbook', format, sheets: detailSheets(data) };
    case 'circular-chaozhou':
      return { kind: 'document', format, document: chaozhouCircular(data, options) };
    case 'circular-zhanjiang':
      return { kind: 'document', format, document: zhanjiangCircular(data, options) };
    case 'evidence-pack': {
      const { entries } = collectEvidence(data, options);
      const files = entries.map((e) => ({
        target: e.target.name,
        indicator: e.finding.indicatorName,
        path: e.zipPath,
        url: e.evidence.url,
        capturedAt: e.evidence.capturedAt,
        sha256: e.sha256,
        matches: e.matches,
      }));
      return { kind: 'evidence', format, files };
    }
  }
}

/** Renders one format to bytes. */
export async function renderExport(data: ExportAssessmentData, format: ExportFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  if (format === 'evidence-pack') return renderEvidencePack(data, options);
  const preview = previewExport(data, format, options);
  let bytes: Uint8Array;
  if (preview.kind === 'document') bytes = await renderOfficialDocx(preview.document);
  else if (preview.kind === 'workbook') bytes = await renderAnnexWorkbook(preview.sheets);
  else throw new KaopingError('export-format', `未知的导出格式：${format}`);
  return data.chainHead ? stampChainHead(bytes, data.chainHead) : bytes;
}

/**
 * Renders `format` and writes it to `outPath` (through a temporary file, so a failed
 * export never leaves half a document where the previous one was). Returns the byte size.
 */
export async function exportAssessment(
  data: ExportAssessmentData,
  format: ExportFormat,
  outPath: string,
  options: ExportOptions = {},
): Promise<number> {
  if (!isExportFormat(format)) throw new KaopingError('export-format', `不支持的导出格式：${String(format)}`);
  const bytes = await renderExport(data, format, options);
  mkdirSync(path.dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, outPath);
  return bytes.byteLength;
}

export type { ExportAssessmentData } from './model';
