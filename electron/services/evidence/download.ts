import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import type { Evidence } from '../../../shared/domain/types';
import { fetchBounded, type FetchLimits } from '../checks/fetch-bounded';
import { isWebUrl } from '../browse/policy';
import type { AssessmentStore } from '../store/types';

/** Attachments are documents and spreadsheets, not videos: 50 MB and one minute is generous. */
export const DOWNLOAD_LIMITS: FetchLimits = { timeoutMs: 60_000, maxBytes: 50 * 1024 * 1024, maxRedirects: 5 };

const TYPE_EXT: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'zip',
  'text/html': 'html',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * Downloads a file the reviewer asks for (an attachment, a page) into the
 * evidence folder: bounded in time and bytes, refused whole when it cannot be
 * read completely, stored content-addressed like every other piece of evidence.
 */
export async function downloadEvidence(input: {
  store: AssessmentStore;
  url: string;
  targetId: number;
  indicatorId?: string;
  findingId?: number;
  limits?: FetchLimits;
}): Promise<Evidence> {
  if (!isWebUrl(input.url)) throw new KaopingError('bad-url', `只能下载 http 或 https 网址：${input.url}`);
  const r = await fetchBounded(input.url, 'GET', input.limits ?? DOWNLOAD_LIMITS);
  if (r.failure) throw new KaopingError('download-failed', `下载失败：${input.url}（${r.failure.message}）`);
  if (r.status >= 400) throw new KaopingError('download-failed', `下载失败：${input.url}（HTTP ${r.status}）`);
  if (r.truncated)
    throw new KaopingError(
      'download-too-large',
      `文件超过 ${(input.limits ?? DOWNLOAD_LIMITS).maxBytes / 1024 / 1024} MB，未保存：${input.url}`,
    );
  const name = decodeURIComponent(path.posix.basename(new URL(r.finalUrl).pathname)) || 'index.html';
  const fromName = /\.([a-z0-9]{1,8})$/iu.exec(name)?.[1];
  const type = String(r.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return input.store.transaction(() => {
    const evidence = input.store.addEvidence(r.body, {
      kind: 'file',
      ext: fromName ?? TYPE_EXT[type] ?? 'bin',
      url: r.finalUrl,
      title: name,
      targetId: input.targetId,
      indicatorId: input.indicatorId ?? null,
    });
    if (input.findingId) input.store.linkEvidence(input.findingId, evidence.id);
    return evidence;
  });
}
