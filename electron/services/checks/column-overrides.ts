import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import type { ColumnKind } from './freshness';

/** The reviewer's corrections of guessed column kinds live beside the assessment. */
export const COLUMNS_FILE = 'columns.txt';

const KINDS: Record<string, ColumnKind | 'ignore'> = {
  动态要闻: 'news',
  通知公告: 'notice',
  政策文件: 'policy',
  政策解读: 'reading',
  忽略: 'ignore',
};

/**
 * Reads `<assessment>/columns.txt`: one correction per line, `栏目网址 => 类别`
 * where 类别 is 动态要闻, 通知公告, 政策文件, 政策解读 or 忽略 (leave the column out
 * of every freshness finding); `#` starts a comment. A bad line stops the check
 * with the file and line named.
 */
export function readColumnOverrides(assessmentDir: string): Record<string, ColumnKind | 'ignore'> {
  const file = path.join(assessmentDir, COLUMNS_FILE);
  if (!existsSync(file)) return {};
  const out: Record<string, ColumnKind | 'ignore'> = {};
  readFileSync(file, 'utf8')
    .split(/\r?\n/u)
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/u, '').trim();
      if (!line) return;
      const m = /^(\S+)\s*=>\s*(\S+)$/u.exec(line);
      const kind = m && KINDS[m[2]!];
      let url: URL | undefined;
      try {
        url = m ? new URL(m[1]!) : undefined;
      } catch {
        url = undefined;
      }
      if (!m || !kind || !url)
        throw new KaopingError(
          'columns-invalid',
          `${COLUMNS_FILE} 第 ${i + 1} 行写法有误：“${raw.trim()}”。应为“栏目网址 => 类别”，类别为 ${Object.keys(KINDS).join('、')}`,
        );
      out[url.toString()] = kind;
    });
  return out;
}
