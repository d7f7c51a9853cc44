/**
 * The evidence pack: a zip with one folder per target and indicator holding the
 * evidence files, plus index.xlsx and index.html listing every file with its URL,
 * capture time and SHA-256 (recomputed from the bytes and compared with the record).
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { KaopingError } from '../../../../shared/errors';
import { formatChinaDateTime } from '../../../../shared/format/date';
import type { ExportAssessmentData, ExportEvidence, ExportFinding, ExportTarget } from '../model';
import type { AnnexSpec } from '../table-spec';
import { renderAnnexWorkbook } from '../xlsx/annex-sheet';
import { realPathInside } from '../../workspace/real-path';
import { stampChainHead } from '../ooxml/chain-head-property';

export interface EvidencePackOptions {
  /** Only these targets (default: every target with evidence). */
  targetIds?: readonly string[];
}

export interface EvidenceEntry {
  target: ExportTarget;
  finding: ExportFinding;
  evidence: ExportEvidence;
  /** Path inside the zip. */
  zipPath: string;
  /** SHA-256 of the bytes packed. */
  sha256: string;
  matches: boolean;
}

/** A folder or file name safe on Windows, macOS and Linux (no reserved characters, no trailing dot). */
export function safeName(name: string, fallback = '未命名'): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/[. ]+$/u, '')
    .trim()
    .slice(0, 80);
  return cleaned || fallback;
}

const COMPRESSED = /\.(png|jpe?g|gif|webp|zip|gz|mp4|pdf)$/iu;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function indexHtml(title: string, entries: readonly EvidenceEntry[], chainHead?: string): string {
  const rows = entries
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(e.target.name)}</td><td>${escapeHtml(e.finding.indicatorName)}</td>` +
        `<td><a href="${escapeHtml(e.zipPath.split('/').map(encodeURIComponent).join('/'))}">${escapeHtml(e.zipPath)}</a></td>` +
        `<td><a href="${escapeHtml(e.evidence.url)}" rel="noreferrer">${escapeHtml(e.evidence.url)}</a></td>` +
        `<td>${escapeHtml(formatChinaDateTime(e.evidence.capturedAt))}</td><td><code>${e.sha256}</code></td><td>${e.matches ? '一致' : '不一致'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"仿宋","FangSong","Noto Serif CJK SC",serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #333;padding:4px 8px;font-size:14px}th{background:#f2f2f2}code{font-size:12px}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>共 ${entries.length} 个证据文件。SHA-256 为打包时对文件内容重新计算的值，“校验”列与取证时登记的值比对。</p>
${chainHead ? `<p>考评历史记录链头（kaoping verify --export 用以核对导出后是否有改动）：<code>${escapeHtml(chainHead)}</code></p>\n` : ''}<table><thead><tr><th>序号</th><th>考评对象</th><th>指标</th><th>文件</th><th>网址</th><th>取证时间</th><th>SHA-256</th><th>校验</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

/** Collects evidence entries and their bytes; throws naming a missing file. */
export function collectEvidence(
  data: ExportAssessmentData,
  options: EvidencePackOptions = {},
): { entries: EvidenceEntry[]; files: Map<string, Uint8Array> } {
  const root = data.evidenceRoot;
  if (!root) throw new KaopingError('evidence-root', '该考评没有证据目录，无法导出证据包');
  const wanted = options.targetIds ? new Set(options.targetIds) : undefined;
  const targets = new Map(data.targets.map((t) => [t.id, t]));
  const entries: EvidenceEntry[] = [];
  const files = new Map<string, Uint8Array>();
  const folders = new Map<string, string>();
  const folderOwner = new Map<string, string>();
  /** One folder per target: accounts sharing a name (徐闻公安 on 快手 and 南方号) get the platform, then the id. */
  const folderOf = (target: ExportTarget): string => {
    const known = folders.get(target.id);
    if (known) return known;
    let name = safeName(target.platform ? `${target.name}（${target.platform}）` : target.name);
    if (folderOwner.has(name)) name = safeName(`${name}-${target.id}`);
    folders.set(target.id, name);
    folderOwner.set(name, target.id);
    return name;
  };
  const seenHash = new Map<string, string>();
  for (const finding of data.findings) {
    if (finding.status === 'dismissed' || (wanted && !wanted.has(finding.targetId))) continue;
    const target = targets.get(finding.targetId);
    if (!target) continue;
    for (const evidence of finding.evidence) {
      const source = path.resolve(root, evidence.path);
      if (!source.startsWith(path.resolve(root) + path.sep))
        throw new KaopingError('evidence-path', `证据路径越出证据目录：${evidence.path}`);
      if (!existsSync(source))
        throw new KaopingError('evidence-missing', `证据文件不存在：${source}（考评对象：${target.name}，指标：${finding.indicatorName}）`);
      // The real path must stay inside too: a link in evidence/ to a file elsewhere on the disk is never packed.
      const real = realPathInside(root, source);
      if (!real)
        throw new KaopingError(
          'evidence-path',
          `证据文件 ${evidence.path} 是指向证据目录之外的链接，已拒绝打包（考评对象：${target.name}）`,
        );
      const bytes = new Uint8Array(readFileSync(real));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const folder = `${folderOf(target)}/${safeName(finding.indicatorName)}`;
      const base = safeName(path.basename(evidence.path));
      let zipPath = `${folder}/${base}`;
      // The same file cited twice under one indicator is packed once; different files with one name are numbered.
      if (seenHash.get(zipPath) === sha256) continue;
      for (let n = 2; files.has(zipPath); n++) zipPath = `${folder}/${base.replace(/(\.[^.]*)?$/u, `-${n}$1`)}`;
      seenHash.set(zipPath, sha256);
      files.set(zipPath, bytes);
      entries.push({ target, finding, evidence, zipPath, sha256, matches: sha256 === evidence.sha256.toLowerCase() });
    }
  }
  return { entries, files };
}

/** Builds the zip bytes. */
export async function renderEvidencePack(data: ExportAssessmentData, options: EvidencePackOptions = {}): Promise<Uint8Array> {
  const { entries, files } = collectEvidence(data, options);
  if (entries.length === 0) throw new KaopingError('evidence-empty', '所选考评对象没有可导出的证据文件');
  const title = `${data.meta.name}证据包`;
  const index: AnnexSpec = {
    label: '',
    title,
    sheetName: '证据清单',
    blocks: [
      {
        columns: [
          { header: '序号', width: 4 },
          { header: '考评对象', width: 16, align: 'left' },
          { header: '指标', width: 14, align: 'left' },
          { header: '文件', width: 30, align: 'left' },
          { header: '网址', width: 30, align: 'left' },
          { header: '取证时间', width: 18 },
          { header: 'SHA-256', width: 66, align: 'left' },
          { header: '校验', width: 4 },
        ],
        rows: entries.map((e, i) => [
          i + 1,
          e.target.name,
          e.finding.indicatorName,
          e.zipPath,
          e.evidence.url,
          formatChinaDateTime(e.evidence.capturedAt),
          e.sha256,
          e.matches ? '一致' : '不一致',
        ]),
      },
    ],
  };
  const workbook = await renderAnnexWorkbook([index]);
  const zip: Zippable = {
    'index.xlsx': [data.chainHead ? stampChainHead(workbook, data.chainHead) : workbook, { level: 0 }],
    'index.html': [strToU8(indexHtml(title, entries, data.chainHead)), { level: 6 }],
  };
  for (const [name, bytes] of files) zip[name] = [bytes, { level: COMPRESSED.test(name) ? 0 : 6 }];
  return zipSync(zip);
}
