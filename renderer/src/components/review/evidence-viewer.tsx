import { useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { App, Button, Descriptions, Input, Modal, Segmented, Space, Typography } from 'antd';
import type { EvidenceView } from '../../../../shared/api/review';
import { ANNOTATION_COLOR, ANNOTATION_FONT_SIZE, ANNOTATION_LINE_WIDTH, type AnnotationShape } from '../../../../shared/api/annotation';
import { api, fileUrl } from '../../api/client';
import { beijingTime } from '../../format';
import { useAskReason } from './ask-reason';
import { CheckList, isCheckList } from './check-list';
import { KIND_LABEL } from './evidence-strip';

type Tool = 'rect' | 'arrow' | 'text';
const IMAGE_KINDS = new Set(['screenshot', 'fullpage', 'region', 'annotated']);

/** An SVG preview of the shapes drawn so far, in image pixels (the host burns them in on save). */
function ShapesOverlay({ shapes, width, height }: { shapes: AnnotationShape[]; width: number; height: number }) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
    >
      <defs>
        <marker id="head" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" fill={ANNOTATION_COLOR} />
        </marker>
      </defs>
      {shapes.map((s, i) =>
        s.type === 'rect' ? (
          <rect
            key={i}
            x={Math.min(s.x, s.x + s.width)}
            y={Math.min(s.y, s.y + s.height)}
            width={Math.abs(s.width)}
            height={Math.abs(s.height)}
            fill="none"
            stroke={s.color ?? ANNOTATION_COLOR}
            strokeWidth={ANNOTATION_LINE_WIDTH}
          />
        ) : s.type === 'arrow' ? (
          <line
            key={i}
            x1={s.x}
            y1={s.y}
            x2={s.x + s.width}
            y2={s.y + s.height}
            stroke={s.color ?? ANNOTATION_COLOR}
            strokeWidth={ANNOTATION_LINE_WIDTH}
            markerEnd="url(#head)"
          />
        ) : (
          <text key={i} x={s.x} y={s.y} fill={s.color ?? ANNOTATION_COLOR} fontSize={ANNOTATION_FONT_SIZE} stroke="#fff" strokeWidth={0.6}>
            {s.text}
          </text>
        ),
      )}
    </svg>
  );
}

/**
 * One piece of evidence: the image with its facts (URL, time, SHA-256), tools to
 * annotate it — saved as a new file beside the original, which never changes —
 * a hash check, and removal with a logged reason (the file stays).
 */
/** A download name a reviewer can read: "证据12-可视区域截图-首页.png". */
function downloadName(e: EvidenceView): string {
  const ext = e.file.split('.').pop() ?? 'bin';
  const title = (e.title ?? '')
    .replace(/[\\/:*?"<>|\s]+/gu, ' ')
    .trim()
    .slice(0, 40);
  return [`证据${e.id}`, KIND_LABEL[e.kind] ?? '文件', title].filter(Boolean).join('-') + `.${ext}`;
}

export function EvidenceViewer({
  id,
  evidence,
  onClose,
  onChanged,
  onOpenUrl,
}: {
  id: string;
  evidence: EvidenceView;
  onClose: () => void;
  onChanged: (created?: EvidenceView) => void;
  onOpenUrl?: (url: string) => void;
}) {
  const { message } = App.useApp();
  const askReason = useAskReason();
  const img = useRef<HTMLImageElement>(null);
  const [tool, setTool] = useState<Tool>('rect');
  const [label, setLabel] = useState('');
  const [shapes, setShapes] = useState<AnnotationShape[]>([]);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [size, setSize] = useState<{ width: number; height: number }>({ width: 1, height: 1 });
  const isImage = IMAGE_KINDS.has(evidence.kind);

  const at = (e: ReactMouseEvent) => {
    const box = img.current!.getBoundingClientRect();
    const scale = size.width / box.width;
    return { x: Math.round((e.clientX - box.left) * scale), y: Math.round((e.clientY - box.top) * scale) };
  };
  const down = (e: ReactMouseEvent) => {
    const p = at(e);
    if (tool === 'text') {
      if (label.trim()) setShapes([...shapes, { type: 'text', x: p.x, y: p.y, text: label.trim() }]);
      else message.info('先在右上方输入要标注的文字');
      return;
    }
    setStart(p);
  };
  const up = (e: ReactMouseEvent) => {
    if (!start) return;
    const p = at(e);
    setStart(null);
    if (Math.abs(p.x - start.x) + Math.abs(p.y - start.y) > 6)
      setShapes([...shapes, { type: tool as 'rect' | 'arrow', x: start.x, y: start.y, width: p.x - start.x, height: p.y - start.y }]);
  };

  const save = async () => {
    const created = await api.evidence.annotate({ id, evidenceId: evidence.id, shapes });
    message.success(`已保存标注副本 #${created.id}（原图 #${evidence.id} 未改动）`);
    onChanged(created);
  };
  const verify = async () => {
    const r = await api.evidence.verify({ id, evidenceId: evidence.id });
    if (r.ok) message.success(`SHA-256 校验一致：${r.sha256.slice(0, 16)}…`);
    else message.error(r.actual ? '文件已被改动：SHA-256 不一致' : '证据文件不存在');
  };
  const remove = async () => {
    const reason = await askReason(`移除证据 #${evidence.id}`, ['截图不清晰，已重新截图', '与本问题无关', '重复取证']);
    if (!reason) return;
    await api.evidence.remove({ id, evidenceId: evidence.id, reason });
    message.success('证据已移除（文件保留，移除已记入历史）');
    onChanged();
  };

  return (
    <Modal
      open
      width="min(1200px, 95vw)"
      title={`证据 #${evidence.id}${evidence.title ? `：${evidence.title}` : ''}`}
      onCancel={onClose}
      footer={null}
      data-testid="evidence-viewer"
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'url', label: '网址', children: <Typography.Text copyable>{evidence.url ?? '—'}</Typography.Text> },
          { key: 'time', label: '取证时间', children: beijingTime(evidence.capturedAt) },
          {
            key: 'sha',
            label: 'SHA-256',
            children: (
              <Typography.Text code style={{ fontSize: 11 }}>
                {evidence.sha256}
              </Typography.Text>
            ),
          },
          { key: 'vp', label: '视口', children: evidence.viewport ?? '—' },
        ]}
      />
      <Space style={{ margin: '8px 0' }} wrap>
        {isImage && (
          <>
            <Segmented<Tool>
              value={tool}
              onChange={setTool}
              options={[
                { value: 'rect', label: '矩形' },
                { value: 'arrow', label: '箭头' },
                { value: 'text', label: '文字' },
              ]}
            />
            {tool === 'text' && (
              <Input
                placeholder="标注文字，再点击图片放置"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                style={{ width: 220 }}
              />
            )}
            <Button disabled={!shapes.length} onClick={() => setShapes(shapes.slice(0, -1))}>
              撤销一笔
            </Button>
            <Button type="primary" disabled={!shapes.length} onClick={() => void save()} data-testid="annotation-save">
              保存标注副本
            </Button>
          </>
        )}
        <Button onClick={() => void verify()} data-testid="evidence-verify">
          校验哈希
        </Button>
        <Button href={fileUrl(evidence.file)} download={downloadName(evidence)}>
          下载
        </Button>
        <Button danger onClick={() => void remove()}>
          移除证据
        </Button>
      </Space>
      {isImage ? (
        <div
          style={{ position: 'relative', maxHeight: '65vh', overflow: 'auto', cursor: 'crosshair', userSelect: 'none' }}
          onMouseDown={down}
          onMouseUp={up}
        >
          <div style={{ position: 'relative' }}>
            <img
              ref={img}
              src={fileUrl(evidence.file)}
              alt={`证据 ${evidence.id}`}
              draggable={false}
              style={{ width: '100%', display: 'block' }}
              onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
            />
            <ShapesOverlay shapes={shapes} width={size.width} height={size.height} />
          </div>
        </div>
      ) : isCheckList(evidence) ? (
        <CheckList
          evidence={evidence}
          onOpenUrl={
            onOpenUrl &&
            ((url) => {
              onOpenUrl(url);
              onClose();
            })
          }
        />
      ) : (
        <Typography.Paragraph>
          此证据为文件（{evidence.kind === 'mhtml' ? '网页快照 MHTML' : (KIND_LABEL[evidence.kind] ?? '文件')}
          ），请点击“下载”后查看。网页快照来自被考评网站，不在本软件内打开。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
