import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import { cleanCell, matchKey } from '../../../shared/text/normalize';
import type { Ruleset } from '../../../shared/ruleset/types';
import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import { readGrids, type Grid } from '../import/read-grid';
import { selfEvalRows, type SelfEvalRow } from './rows';
import { parseScore } from './parse-score';

export interface FileResult {
  file: string;
  ok: boolean;
  target?: string;
  scores: number;
  errors: string[];
}

const col = (i: number) => String.fromCharCode(65 + i);

interface Header {
  row: number;
  level1: number;
  level2: number;
  score: number;
  note: number;
  material: number;
}

/** The header sits in the form's first rows (the template puts it on row 6). */
const HEADER_SEARCH_ROWS = 50;

/** The header row: the one naming 二级指标 and 自评得分, wherever the columns were moved. */
function findHeader(grid: Grid): Header | undefined {
  for (const [i, raw] of grid.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const cells = raw.map((c) => matchKey(c ?? ''));
    const at = (...names: string[]) => cells.findIndex((c) => names.some((n) => c.includes(matchKey(n))));
    const level2 = at('二级指标');
    const score = at('自评得分', '自评分');
    if (level2 >= 0 && score >= 0)
      return { row: i, level1: at('一级指标'), level2, score, note: at('自评说明', '说明'), material: at('佐证材料', '佐证') };
  }
  return undefined;
}

/** The target a workbook is about: the 单位/网站 cells of its header block, else its file name. */
function findTarget(targets: Target[], grid: Grid, header: Header, file: string): Target | undefined {
  // A target with a blank unit would match every text (every string includes ''): it can only be named by URL.
  const websites = targets.filter((t) => t.kind === 'website');
  const named = websites.filter((t) => matchKey(t.unit) !== '');
  const above = grid.rows
    .slice(0, header.row)
    .flat()
    .map((c) => cleanCell(c ?? ''))
    .filter(Boolean);
  for (const text of above) {
    const key = matchKey(text);
    const byUrl = websites.find((t) => t.url && key.includes(matchKey(t.url.replace(/^https?:\/\//u, '').replace(/\/$/u, ''))));
    if (byUrl) return byUrl;
    const byName = named.find((t) => key === matchKey(t.unit) || key === matchKey(t.name));
    if (byName) return byName;
  }
  const base = matchKey(path.basename(file, path.extname(file)));
  const inName = named.filter((t) => base.includes(matchKey(t.unit)));
  return inName.sort((a, b) => b.unit.length - a.unit.length)[0];
}

/** Reads one filled workbook; every problem names file, sheet, row and column. */
async function readFile(ruleset: Ruleset, targets: Target[], file: string) {
  const name = path.basename(file);
  const errors: string[] = [];
  const rows = selfEvalRows(ruleset);
  const byKey = new Map<string, SelfEvalRow>();
  const byLevel2 = new Map<string, SelfEvalRow[]>();
  for (const r of rows) {
    byKey.set(`${matchKey(r.level1)}|${matchKey(r.level2)}`, r);
    byLevel2.set(matchKey(r.level2), [...(byLevel2.get(matchKey(r.level2)) ?? []), r]);
  }
  const grids = await readGrids(file);
  const found = grids.map((g) => ({ grid: g, header: findHeader(g) })).find((g) => g.header);
  if (!found)
    return {
      errors: [`${name}：前 ${HEADER_SEARCH_ROWS} 行中找不到表头（需要“二级指标”和“自评得分”两列）`],
      scores: [],
      target: undefined,
    };
  const { grid, header } = found as { grid: Grid; header: Header };
  const target = findTarget(targets, grid, header, file);
  if (!target) errors.push(`${name}：无法确定是哪个单位的自评表（表头“单位”“网站”或文件名都未对应到考评对象）`);
  const scores: { indicatorId: string; score: number | null; explanation: string; material: string }[] = [];
  let level1 = '';
  for (let i = header.row + 1; i < grid.rows.length; i++) {
    const cells = grid.rows[i]!.map((c) => cleanCell(c ?? ''));
    const where = `${name} 工作表“${grid.sheet}” 第${i + 1}行`;
    if (header.level1 >= 0 && cells[header.level1]) level1 = cells[header.level1]!;
    const level2 = cells[header.level2] ?? '';
    if (!level2 || /^(合计|总计|总分|小计)/u.test(level2) || /^(合计|总计|总分|小计)/u.test(cells[header.level1] ?? '')) continue;
    const row =
      byKey.get(`${matchKey(level1)}|${matchKey(level2)}`) ??
      (byLevel2.get(matchKey(level2))?.length === 1 ? byLevel2.get(matchKey(level2))![0] : undefined);
    if (!row) {
      errors.push(`${where} ${col(header.level2)}列：考评方案中没有指标“${level1 ? `${level1}/` : ''}${level2}”`);
      continue;
    }
    const raw = cells[header.score] ?? '';
    const score = parseScore(raw);
    if (score === undefined) errors.push(`${where} ${col(header.score)}列：自评得分“${raw}”不是数字`);
    else if (score !== null && (score < 0 || score > row.max))
      errors.push(`${where} ${col(header.score)}列：自评得分 ${score} 超出 0 至 ${row.max}`);
    else
      scores.push({
        indicatorId: row.place.indicator.id,
        score,
        explanation: header.note >= 0 ? (cells[header.note] ?? '') : '',
        material: header.material >= 0 ? (cells[header.material] ?? '') : '',
      });
  }
  if (scores.length === 0 && errors.length === 0) errors.push(`${name}：没有读到任何指标行`);
  return { errors, scores, target };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    throw new KaopingError('no-file', `找不到文件或文件夹：${p}`);
  }
}

/** Every .xlsx file named, folders expanded (each file is then read with readGrids' checks: a link to a device is refused). */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((p) =>
    isDirectory(p)
      ? readdirSync(p)
          .filter((f) => /\.xlsx$/iu.test(f) && !f.startsWith('~$'))
          .sort()
          .map((f) => path.join(p, f))
      : [p],
  );
}

/**
 * Imports filled self-evaluation workbooks. A file with any error is rejected
 * whole and the others go on; each accepted file is written in one transaction.
 */
export async function importSelfEvaluations(store: AssessmentStore, inputs: string[]): Promise<FileResult[]> {
  const ruleset = store.rulesetSnapshot();
  const targets = store.listTargets();
  const results: FileResult[] = [];
  for (const file of expandInputs(inputs)) {
    let read;
    try {
      read = await readFile(ruleset, targets, file);
    } catch (error) {
      results.push({
        file,
        ok: false,
        scores: 0,
        errors: [error instanceof KaopingError ? error.message : `${path.basename(file)}：${(error as Error).message}`],
      });
      continue;
    }
    if (read.errors.length || !read.target) {
      results.push({ file, ok: false, scores: 0, errors: read.errors });
      continue;
    }
    store.putSelfEvalScores(read.target.id, read.scores, file);
    results.push({ file, ok: true, target: read.target.unit, scores: read.scores.filter((s) => s.score !== null).length, errors: [] });
  }
  return results;
}
