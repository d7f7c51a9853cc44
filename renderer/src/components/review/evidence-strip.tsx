import { Empty, Space, Tooltip, Typography } from 'antd';
import { FileTextOutlined, GlobalOutlined } from '@ant-design/icons';
import type { EvidenceView } from '../../../../shared/api/review';
import { fileUrl } from '../../api/client';
import { beijingTime } from '../../format';

const IMAGE_KINDS = new Set(['screenshot', 'fullpage', 'region', 'annotated']);
/** Evidence kinds in words: no raw type id reaches the reviewer. */
export const KIND_LABEL: Record<string, string> = {
  screenshot: '可视区域截图',
  fullpage: '整页截图',
  region: '区域截图',
  annotated: '标注副本',
  mhtml: '网页快照',
  html: '网页',
  file: '文件',
};

/** Short labels under thumbnails. */
const SHORT_LABEL: Record<string, string> = {
  screenshot: '可视区域',
  fullpage: '整页',
  region: '区域',
  annotated: '标注',
  mhtml: '网页快照',
  html: '网页',
  file: '清单',
};

/** Evidence thumbnails (images) and file chips (MHTML snapshots, check lists); click opens it. */
export function EvidenceStrip({
  evidence,
  selected,
  onOpen,
  onToggle,
}: {
  evidence: EvidenceView[];
  selected?: ReadonlySet<number>;
  onOpen: (e: EvidenceView) => void;
  onToggle?: (e: EvidenceView) => void;
}) {
  if (evidence.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有证据：用 Alt+S / Alt+F / Alt+R 截图" />;
  return (
    <Space wrap size={6} data-testid="evidence-strip">
      {evidence.map((e) => {
        const picked = selected?.has(e.id);
        return (
          <Tooltip key={e.id} title={`#${e.id} ${KIND_LABEL[e.kind] ?? '文件'} · ${beijingTime(e.capturedAt)} · ${e.url ?? ''}`}>
            <div
              role="button"
              tabIndex={0}
              onClick={() => (onToggle ? onToggle(e) : onOpen(e))}
              onDoubleClick={() => onOpen(e)}
              onKeyDown={(k) => k.key === 'Enter' && onOpen(e)}
              data-evidence-id={e.id}
              style={{
                width: 88,
                border: `2px solid ${picked ? '#b71c1c' : '#eee'}`,
                borderRadius: 4,
                cursor: 'pointer',
                background: '#fff',
                textAlign: 'center',
              }}
            >
              {IMAGE_KINDS.has(e.kind) ? (
                <img
                  src={fileUrl(e.file)}
                  alt={`证据 ${e.id}`}
                  style={{ width: '100%', height: 60, objectFit: 'cover', objectPosition: 'top' }}
                />
              ) : (
                <div style={{ height: 60, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 24, color: '#999' }}>
                  {e.kind === 'mhtml' ? <GlobalOutlined /> : <FileTextOutlined />}
                </div>
              )}
              <Typography.Text style={{ fontSize: 11 }}>
                #{e.id} {SHORT_LABEL[e.kind] ?? '文件'}
              </Typography.Text>
            </div>
          </Tooltip>
        );
      })}
    </Space>
  );
}
