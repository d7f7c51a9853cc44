import type { CliCommand } from '../command';
import { optFlag } from '../command';
import type { Ruleset } from '../../../shared/ruleset/types';
import { classLabel } from '../../../shared/ruleset/walk';
import { scoreStoredAssessment } from '../../services/scoring/score-assessment';
import { withStore } from '../open-store';

export const scoreCommand: CliCommand = {
  name: 'score',
  usage: 'score <dir> [--json]',
  summary: '按考评方案计分、定等次、分类排名',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot() as Ruleset;
      const label = (id: string) => classLabel(ruleset, id);
      const scores = scoreStoredAssessment(store);
      if (optFlag(ctx, 'json')) {
        const targets = scores.map((s) => ({
          id: s.targetId,
          name: s.name,
          class: label(s.classId),
          veto: s.veto,
          vetoReasons: s.vetoReasons,
          sections: s.sections.map((x) => ({ name: x.name, score: x.score, max: x.max })),
          basic: s.basic,
          bonus: s.bonus,
          total: s.total,
          grade: s.grade,
          rank: s.rank,
        }));
        ctx.io.stdout(JSON.stringify({ targets }, null, 2) + '\n');
        return;
      }
      for (const s of scores) {
        ctx.io.stdout(`${label(s.classId)}\t第${s.rank ?? '-'}名\t${s.name}\t${s.total ?? '—'}\t${s.grade}${s.veto ? `（单项否决：${s.vetoReasons.join('；')}）` : ''}\n`);
      }
    });
  },
};
