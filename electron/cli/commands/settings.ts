import type { CliCommand } from '../command';
import { optFlag, optList } from '../command';
import { KaopingError } from '../../../shared/errors';
import { applySetting, describeSettings } from '../../../shared/settings/assessment-settings';
import { withStore } from '../open-store';

/** `kaoping settings <dir> [--set key=value …] [--json]`: the document, period and ranking settings. */
export const settingsCommand: CliCommand = {
  name: 'settings',
  usage: 'settings <dir> [--set 键=值 …] [--json]',
  summary: '查看或修改考评设置：期间、采样时间、整改期限、文号、主送、抄送、署名、日期、公开方式、等次分数线、同分排名、分数写法',
  options: { set: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  async run(ctx) {
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot();
      const sets = optList(ctx, 'set');
      if (sets.length) {
        // All or nothing: every pair is checked before anything is written.
        let info = store.info();
        for (const pair of sets) {
          const eq = pair.indexOf('=');
          if (eq <= 0) throw new KaopingError('bad-setting', `--set 应写成 键=值：${pair}`);
          info = { ...info, ...applySetting(info, ruleset, pair.slice(0, eq).trim(), pair.slice(eq + 1)) };
        }
        store.updateInfo({
          name: info.name,
          region: info.region,
          issuer: info.issuer,
          gradeBands: info.gradeBands,
          settings: info.settings,
        });
      }
      const rows = describeSettings(store.info(), ruleset);
      if (optFlag(ctx, 'json')) {
        ctx.io.stdout(JSON.stringify({ settings: Object.fromEntries(rows.map((r) => [r.key, r.value])) }, null, 2) + '\n');
        return;
      }
      for (const r of rows) ctx.io.stdout(`${r.key}\t${r.label}\t${r.value || '（默认）'}\n`);
    });
  },
};
