import type { CliCommand } from '../command';
import { optFlag } from '../command';
import { listRulesets } from '../../services/rulesets/load';
import { listIndicators } from '../../../shared/ruleset/walk';

/** `kaoping rulesets`: the bundled rulesets. */
export const rulesetsCommand: CliCommand = {
  name: 'rulesets',
  usage: 'rulesets [--json]',
  summary: '列出可用的考评方案',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const rows = listRulesets().map((r) => ({
      id: r.id,
      name: r.name,
      version: r.version,
      classes: r.classes.map((c) => ({ id: c.id, label: c.label, name: c.name, kind: c.kind })),
      indicators: listIndicators(r).length,
      grades: r.grades.bands,
      gradesConfigurable: r.grades.configurable,
    }));
    if (optFlag(ctx, 'json')) {
      ctx.io.stdout(JSON.stringify({ rulesets: rows }, null, 2) + '\n');
      return;
    }
    for (const r of rows) {
      ctx.io.stdout(`${r.id}\t${r.name}（${r.indicators} 项指标；类别：${r.classes.map((c) => c.label).join('、')}）\n`);
    }
  },
};
