import path from 'node:path';
import type { CliCommand } from '../command';
import { optFlag, optList, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { classLabel, resolveClass } from '../../../shared/ruleset/walk';
import { normalizeSiteUrl } from '../../../shared/text/url';
import { withStore } from '../open-store';

export const targetsAddCommand: CliCommand = {
  name: 'targets add',
  usage: 'targets add <dir> --name <名称> --url <网址> [--class <类别>] [--unit <主办单位>]',
  summary: '添加一个考评对象（网站）',
  options: {
    name: { type: 'string' },
    url: { type: 'string' },
    class: { type: 'string' },
    unit: { type: 'string' },
    attr: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const name = optString(ctx, 'name');
    const rawUrl = optString(ctx, 'url');
    if (!ctx.args[0] || !name || !rawUrl) throw new KaopingError('usage', '请指定考评文件夹、--name 和 --url');
    const normal = normalizeSiteUrl(rawUrl);
    if (!normal) throw new KaopingError('bad-url', `网址无效：${rawUrl}`);
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot();
      const classRef = optString(ctx, 'class');
      const cls = classRef ? resolveClass(ruleset, classRef, 'website') : ruleset.classes.find((c) => c.kind === 'website')!;
      const attributes: Record<string, boolean> = {};
      for (const a of (ctx.options.attr as string[] | undefined) ?? []) {
        const m = /^(\w+)=(true|false)$/u.exec(a);
        if (!m) throw new KaopingError('bad-attr', `属性格式应为 名称=true|false：${a}`);
        attributes[m[1]!] = m[2] === 'true';
      }
      const target = store.addTarget({
        kind: 'website',
        unit: optString(ctx, 'unit') ?? name,
        name,
        url: normal.url,
        classId: cls.id,
        attributes,
        identifier: null,
        platform: null,
      });
      if (normal.addedScheme) ctx.io.stderr(`提示：网址未写协议，已按 ${normal.url} 处理\n`);
      ctx.io.stdout(`${target.id}\n`);
    });
  },
};

export const targetsListCommand: CliCommand = {
  name: 'targets list',
  usage: 'targets list <dir> [--json]',
  summary: '列出考评对象（网站与政务新媒体）',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot();
      const label = (id: string) => classLabel(ruleset, id);
      const targets = store.listTargets();
      if (optFlag(ctx, 'json')) {
        ctx.io.stdout(JSON.stringify({ targets: targets.map((t) => ({ ...t, class: label(t.classId) })) }, null, 2) + '\n');
        return;
      }
      for (const t of targets) {
        ctx.io.stdout(
          `${t.id}\t${label(t.classId)}\t${t.unit}\t${t.kind === 'website' ? (t.url ?? '') : `${t.name}（${t.platform ?? ''}）`}\n`,
        );
      }
    });
  },
};

export const targetsImportCommand: CliCommand = {
  name: 'targets import',
  usage: 'targets import <dir> <file.xlsx|.csv> [--class-map "标题=类别"]…',
  summary: '导入考评对象名单（附件1格式：网站与政务新媒体），全部成功才写入；与方案类别名称不一致的标题用 --class-map 指定类别',
  options: { 'class-map': { type: 'string', multiple: true } },
  async run(ctx) {
    const file = ctx.args[1];
    if (!ctx.args[0] || !file) throw new KaopingError('usage', '请指定考评文件夹和名单文件');
    const classMap: Record<string, string> = {};
    for (const entry of optList(ctx, 'class-map')) {
      const at = Math.max(entry.lastIndexOf('='), entry.lastIndexOf('＝'));
      if (at <= 0) throw new KaopingError('bad-class-map', `--class-map 格式应为“标题=类别”，收到“${entry}”`);
      classMap[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
    }
    await withStore(ctx, async (store) => {
      const { importTargets } = await import('../../services/import/targets/import-targets');
      const { added, warnings } = await importTargets(store, path.resolve(ctx.io.cwd, file), classMap);
      for (const w of warnings) ctx.io.stderr(`提示：${w}\n`);
      const websites = added.filter((t) => t.kind === 'website').length;
      ctx.io.stdout(`已导入 ${added.length} 个考评对象：网站 ${websites} 个，政务新媒体 ${added.length - websites} 个\n`);
    });
  },
};
