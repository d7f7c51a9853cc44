import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../../shared/errors';
import type { Finding } from '../../../../shared/domain/types';
import type { AssessmentStore } from '../../store/types';
import { sha256 } from '../../store/evidence-files';
import { readGrids } from '../read-grid';
import { describeIssue } from '../targets/import-targets';
import { parseFindingsSheet, TargetIndex, type ParsedFindings } from './parse-findings';

/** The history action of a whole-file import; its subject is the file's SHA-256. */
const IMPORT_ACTION = 'findings.import';

/** Reads a findings spreadsheet without writing anything: what the UI previews. */
export async function previewFindings(store: AssessmentStore, file: string): Promise<ParsedFindings> {
  const ruleset = store.rulesetSnapshot();
  const index = new TargetIndex(store.listTargets());
  const parsed: ParsedFindings = { findings: [], errors: [] };
  for (const grid of await readGrids(file)) parseFindingsSheet(ruleset, index, grid.sheet, grid.rows, parsed);
  if (parsed.findings.length === 0 && parsed.errors.length === 0) {
    parsed.errors.push({
      sheet: '',
      row: 0,
      message: '没有找到问题记录：请检查表头（考评对象、指标 或 一级指标/二级指标、评分细则、次数、说明）',
    });
  }
  return parsed;
}

/**
 * Imports a findings spreadsheet all-or-nothing as confirmed findings, in one
 * transaction, each recorded in the history with the file and row it came
 * from. The same file (by content) is refused a second time, so a repeated
 * click or command cannot double every deduction.
 */
export async function importFindings(store: AssessmentStore, file: string): Promise<Finding[]> {
  const name = path.basename(file);
  // Parsed first: the reader checks the file's kind and size limits before anything reads it whole.
  const parsed = await previewFindings(store, file);
  if (parsed.errors.length) {
    throw new KaopingError(
      'import-rejected',
      `导入失败，未写入任何数据：${name} 有 ${parsed.errors.length} 处错误`,
      parsed.errors.map((e) => describeIssue(file, e)),
    );
  }
  const digest = sha256(readFileSync(file));
  const earlier = store.lastRecorded(IMPORT_ACTION, `file:${digest}`);
  if (earlier) throw new KaopingError('already-imported', `${name} 已于 ${earlier.slice(0, 10)} 导入过（内容相同），未重复导入`);
  return store.transaction(() => {
    const added = parsed.findings.map(({ sheet, row, ...f }) => store.addFinding(f, `批量导入：${name} 工作表“${sheet}”第${row}行`));
    store.recordEvent(IMPORT_ACTION, `file:${digest}`, { file: name, findings: added.length });
    return added;
  });
}
