import path from 'node:path';
import type { CliCommand } from '../command';
import { optString } from '../command';

/** `kaoping demo`: the whole assessment job on the bundled sample, offline, in one command. */
export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--out DIR]',
  summary: '用内置示例完整走一遍考评：示例网站、自动检查、确认问题、截图取证、自评表、计分、导出附件与通报（无需联网）',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = path.resolve(ctx.io.cwd, optString(ctx, 'out') ?? 'demo-output');
    const started = Date.now();
    const { runDemo } = await import('../../services/demo/run-demo');
    const result = await runDemo({ out, say: (line) => ctx.io.stderr(`${line}\n`) });
    const lines = ['', '考评结果（湛江 2021 方案，类内排名）：'];
    for (const t of result.targets) {
      const score = t.veto ? '单项否决' : t.total === null ? '只考核否决项' : t.total.toFixed(2);
      lines.push(`  ${t.label}：${score}，${t.grade}${t.rank ? `，类内第 ${t.rank} 名` : ''}`);
    }
    lines.push('', '已写入：', `  考评文件夹  ${result.assessmentDir}`);
    for (const f of result.files) lines.push(`  ${f.label}  ${f.path}`);
    lines.push(
      '',
      `用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。在界面中查看：npx kaoping serve --workspace ${out}（或桌面应用 npm start）`,
    );
    ctx.io.stdout(lines.join('\n') + '\n');
  },
};
