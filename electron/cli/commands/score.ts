import type { CliCommand } from '../command';
import { optFlag } from '../command';
import { classLabel } from '../../../shared/ruleset/walk';
import { formatScore } from '../../../shared/format/number';
import { scoreStoredAssessment } from '../../services/scoring/score-assessment';
import { withStore } from '../open-store';

export const scoreCommand: CliCommand = {
  name: 'score',
  usage: 'score <dir> [--json]',
  summary: '按考评方案计分、定等次、分类排名（未评审完的对象为暂计，不定等次、不排名）',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot();
      const label = (id: string) => classLabel(ruleset, id);
      const scores = scoreStoredAssessment(store, undefined, []); // totals only: nothing here shows an explanation
      const targets = new Map(store.listTargets().map((t) => [t.id, t]));
      const incomplete = scores.filter((s) => !s.complete).length;
      if (incomplete)
        ctx.io.stderr(
          `注意：${incomplete} 个考评对象尚未评审完毕，其得分为暂计（不定等次、不排名）；用 kaoping review done 标记评审完毕\n`,
        );
      if (optFlag(ctx, 'json')) {
        const out = scores.map((s) => {
          const t = targets.get(s.targetId)!;
          return {
            id: s.targetId,
            name: s.name,
            kind: t.kind === 'website' ? 'website' : 'newmedia',
            unit: t.unit,
            ...(t.platform ? { platform: t.platform } : {}),
            class: label(s.classId),
            classId: s.classId,
            veto: s.veto,
            vetoReasons: s.vetoReasons,
            // Ids and parts, so a consumer never merges 运维保障 (basic) with 运维保障 (bonus) by name.
            sections: s.sections.map((x) => ({ id: x.id, part: x.part, name: x.name, score: x.score, max: x.max })),
            basic: s.basic,
            bonus: s.bonus,
            total: s.total,
            grade: s.grade,
            rank: s.rank,
            complete: s.complete,
            progress: s.progress,
          };
        });
        ctx.io.stdout(JSON.stringify({ targets: out, incomplete }, null, 2) + '\n');
        return;
      }
      for (const s of scores) {
        const total = s.total === null ? '—' : formatScore(s.total);
        const state = s.complete
          ? `第${s.rank ?? '-'}名\t${s.name}\t${total}\t${s.grade}`
          : `未排名\t${s.name}\t暂计 ${total}（${s.progress.reviewed}/${s.progress.total}）`;
        ctx.io.stdout(`${label(s.classId)}\t${state}${s.veto ? `（单项否决：${s.vetoReasons.join('；')}）` : ''}\n`);
      }
    });
  },
};
