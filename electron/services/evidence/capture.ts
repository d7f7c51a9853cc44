/**
 * The evidence pipeline both browser hosts share: take the picture or
 * snapshot, burn in the caption, store it content-addressed with its facts,
 * and tie it to the finding it supports. Also the two ways evidence is made
 * from other evidence or from outside: annotated copies and imported images.
 */
import { readFileSync } from 'node:fs';
import type { AnnotationShape } from '../../../shared/api/annotation';
import type { Evidence, EvidenceKind } from '../../../shared/domain/types';
import { KaopingError } from '../../../shared/errors';
import { FULLPAGE_MAX_HEIGHT } from '../browse/policy';
import type { BrowserHost, Rect } from '../browse/types';
import { sha256 } from '../store/evidence-files';
import type { AssessmentStore } from '../store/types';
import { renderAnnotations } from './annotate';
import { burnCaption } from './caption';
import { sniffImage } from './image-bytes';

export type CaptureMode = 'visible' | 'fullpage' | 'region' | 'mhtml';

const KIND: Record<CaptureMode, EvidenceKind> = { visible: 'screenshot', fullpage: 'fullpage', region: 'region', mhtml: 'mhtml' };
const IMAGE_KINDS: ReadonlySet<EvidenceKind> = new Set(['screenshot', 'fullpage', 'region', 'annotated']);
/** Largest image a reviewer may bring in. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export interface CaptureRequest {
  host: BrowserHost;
  store: AssessmentStore;
  targetId: number;
  targetName: string;
  indicatorId: string;
  /** "一级指标/二级指标", as the caption shows it. */
  indicatorPath: string;
  findingId?: number;
  mode: CaptureMode;
  /** CSS pixels of the visible area, for mode 'region'. */
  region?: Rect;
  /** The clock written into the caption and record; defaults to the moment of capture. */
  now?: () => Date;
}

/** Stores evidence and links it to a finding in one transaction: a failed link leaves no orphan record. */
function keep(
  store: AssessmentStore,
  content: Buffer,
  meta: Parameters<AssessmentStore['addEvidence']>[1],
  findingIds: number[],
): Evidence {
  return store.transaction(() => {
    const evidence = store.addEvidence(content, meta);
    for (const id of findingIds) store.linkEvidence(id, evidence.id);
    return evidence;
  });
}

/**
 * Captures the page shown in `host` as evidence for an indicator of a target:
 * a PNG with the caption strip (visible area, whole page, or a region) or the
 * MHTML snapshot as the browser produced it.
 */
export async function captureEvidence(request: CaptureRequest): Promise<Evidence> {
  const { host, store, mode } = request;
  // An unknown finding, or one of another target or indicator, fails before anything is captured.
  if (request.findingId !== undefined) {
    const f = store.getFinding(request.findingId);
    if (f.targetId !== request.targetId || f.indicatorId !== request.indicatorId)
      throw new KaopingError('evidence-mismatch', `问题 #${f.id} 不属于当前考评对象的指标“${request.indicatorPath}”，截图不能附到它`);
  }
  const findings = request.findingId === undefined ? [] : [request.findingId];
  const facts = { targetId: request.targetId, indicatorId: request.indicatorId, kind: KIND[mode] };

  if (mode === 'mhtml') {
    const snap = await host.snapshot();
    const at = request.now?.() ?? snap.capturedAt;
    // A snapshot has no viewport of its own: the page reflows wherever it is opened.
    return keep(
      store,
      snap.mhtml,
      { ...facts, ext: 'mhtml', url: snap.url, title: snap.title, capturedAt: at.toISOString(), viewport: null },
      findings,
    );
  }

  if (mode === 'region' && !request.region) throw new KaopingError('no-region', '区域截图需要先框选区域');
  const raw = await host.capture(mode, request.region);
  const at = request.now?.() ?? raw.capturedAt;
  const png = await burnCaption(raw.png, {
    url: raw.url,
    capturedAt: at,
    target: request.targetName,
    indicator: request.indicatorPath,
    note: raw.truncated ? `页面过长，整页截图只截取了前 ${FULLPAGE_MAX_HEIGHT} 像素` : undefined,
  });
  return keep(
    store,
    png,
    { ...facts, ext: 'png', url: raw.url, title: raw.title, capturedAt: at.toISOString(), viewport: raw.viewport },
    findings,
  );
}

/**
 * Saves an annotated copy of image evidence as new evidence of kind
 * 'annotated' derived from the original, and links it to the findings the
 * original supports. The original file is checked against its hash first and
 * never changed.
 */
export async function annotateEvidence(input: {
  store: AssessmentStore;
  evidenceId: number;
  shapes: readonly AnnotationShape[];
}): Promise<Evidence> {
  const { store } = input;
  const original = store.getEvidence(input.evidenceId);
  if (!IMAGE_KINDS.has(original.kind)) throw new KaopingError('not-image', `证据 #${original.id} 不是截图，无法标注`);
  const bytes = readFileSync(store.evidencePath(original));
  if (sha256(bytes) !== original.sha256)
    throw new KaopingError('evidence-changed', `证据 #${original.id} 的文件与登记的 SHA-256 不一致，已被改动，不能在其上标注`);
  const png = await renderAnnotations(bytes, input.shapes);
  const findings = store
    .listFindings({})
    .filter((f) => f.evidenceIds.includes(original.id))
    .map((f) => f.id);
  return keep(
    store,
    png,
    {
      kind: 'annotated',
      ext: 'png',
      derivedFrom: original.id,
      url: original.url,
      title: original.title,
      capturedAt: original.capturedAt,
      viewport: original.viewport,
      targetId: original.targetId,
      indicatorId: original.indicatorId,
    },
    findings,
  );
}

export interface ImportRequest {
  store: AssessmentStore;
  bytes: Buffer;
  /** As the reviewer's file was named (shown in errors and kept as the title). */
  fileName: string;
  targetId: number;
  indicatorId?: string;
  findingId?: number;
}

/**
 * Stores a screenshot the reviewer dragged in or pasted, byte for byte, as
 * evidence of kind 'screenshot'. Only PNG, JPEG, WebP and GIF (by content,
 * not by name) up to 20 MB are accepted.
 */
export async function importEvidenceImage(request: ImportRequest): Promise<Evidence> {
  const { store, bytes, fileName } = request;
  const name = fileName.trim().slice(0, 200) || '未命名文件';
  if (bytes.length === 0) throw new KaopingError('bad-image', `“${name}”是空文件`);
  if (bytes.length > IMPORT_MAX_BYTES) throw new KaopingError('too-large', `“${name}”超过 20 MB，不能作为证据导入`);
  const type = sniffImage(bytes);
  if (!type) throw new KaopingError('bad-image', `“${name}”不是 PNG、JPEG、WebP 或 GIF 图片，不能作为截图证据导入`);
  if (request.findingId !== undefined) store.getFinding(request.findingId);
  store.getTarget(request.targetId);
  return keep(
    store,
    bytes,
    {
      kind: 'screenshot',
      ext: type === 'jpeg' ? 'jpg' : type,
      title: name,
      targetId: request.targetId,
      indicatorId: request.indicatorId ?? null,
    },
    request.findingId === undefined ? [] : [request.findingId],
  );
}
