import path from 'node:path';
import type { CliCommand } from '../command';
import { optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { parseGradeLines } from '../../../shared/settings/grade-lines';
import { assertUsable, resolveRuleset } from '../../services/rulesets/library';

export const newCommand: CliCommand = {
  name: 'new',
  usage:
    'new <dir> --ruleset <编号[@版本]|方案.json> [--name <text>] [--year <YYYY>] [--region 地区] [--issuer 发文机关] [--grades "优秀:90,良好:80,合格:60" 或 "网站=…;新媒体=…;第一类=…"]',
  summary: '新建考评文件夹',
  options: {
    ruleset: { type: 'string' },
    name: { type: 'string' },
    year: { type: 'string' },
    grades: { type: 'string' },
    region: { type: 'string' },
    issuer: { type: 'string' },
  },
  async run(ctx) {
    const dir = ctx.args[0];
    const rulesetId = optString(ctx, 'ruleset');
    if (!dir || !rulesetId) throw new KaopingError('usage', '请指定考评文件夹和 --ruleset');
    // Library ids are looked up in the workspace that will hold the assessment (its parent folder).
    const ruleset = resolveRuleset(rulesetId, { workspaceDir: path.dirname(path.resolve(ctx.io.cwd, dir)), cwd: ctx.io.cwd });
    assertUsable(ruleset);
    const year = Number(optString(ctx, 'year') ?? new Date().getFullYear());
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new KaopingError('bad-year', `年度无效：${optString(ctx, 'year')}`);
    const grades = optString(ctx, 'grades');
    const { createAssessment } = await import('../../services/store/open');
    const lines = grades ? parseGradeLines(grades, ruleset) : {};
    const store = createAssessment(path.resolve(ctx.io.cwd, dir), {
      name: optString(ctx, 'name') ?? `${year}年度${ruleset.name}`,
      year,
      rulesetId: ruleset.id,
      rulesetSnapshot: ruleset,
      gradeBands: lines.all ?? ruleset.grades.bands,
      settings:
        lines.byKind || lines.byClass
          ? { grades: { ...(lines.byKind ? { byKind: lines.byKind } : {}), ...(lines.byClass ? { byClass: lines.byClass } : {}) } }
          : {},
      region: optString(ctx, 'region'),
      issuer: optString(ctx, 'issuer'),
    });
    store.close();
    ctx.io.stdout(`已创建考评：${path.resolve(ctx.io.cwd, dir)}\n`);
  },
};
