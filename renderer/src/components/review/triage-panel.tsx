import { Button, Empty, Space, Tag, Typography } from 'antd';
import { AimOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { EvidenceView, FindingView } from '../../../../shared/api/review';
import { SHORTCUTS } from '../../review/shortcuts';
import { EvidenceStrip } from './evidence-strip';
import { CheckList, isCheckList } from './check-list';

/**
 * All suggestions of one target in one list, each with its evidence read in
 * place (a check's list of broken links, its screenshots): confirm or dismiss
 * without hunting through the checklist. The current one is what Alt+Y / Alt+X act on.
 */
export function TriagePanel({
  findings,
  evidence,
  queue,
  current,
  onCurrent,
  onConfirm,
  onDismiss,
  onOpenEvidence,
  onOpenUrl,
}: {
  findings: FindingView[];
  evidence: EvidenceView[];
  queue: FindingView[];
  current: number | undefined;
  onCurrent: (f: FindingView) => void;
  onConfirm: (f: FindingView) => void;
  onDismiss: (f: FindingView) => void;
  onOpenEvidence: (e: EvidenceView) => void;
  onOpenUrl: (url: string) => void;
}) {
  const decided = findings.filter((f) => f.source && f.status !== 'suggested');
  if (queue.length === 0 && decided.length === 0)
    return <Empty style={{ marginTop: 40 }} description="没有自动检查的建议：点“自动检查”运行" />;
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return (
    <div style={{ padding: 10 }} data-testid="triage-panel">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        待确认 {queue.length} 条 · {SHORTCUTS.nextSuggestion.keys}/{SHORTCUTS.prevSuggestion.keys} 下一条/上一条 ·{' '}
        {SHORTCUTS.confirmSuggestion.keys} 确认 · {SHORTCUTS.dismissSuggestion.keys} 驳回
      </Typography.Text>
      {queue.map((f, i) => {
        const own = f.evidenceIds.map((id) => byId.get(id)).filter((e): e is EvidenceView => !!e);
        const lists = own.filter(isCheckList);
        const pictures = own.filter((e) => !isCheckList(e));
        const isCurrent = current === f.id;
        return (
          <div
            key={f.id}
            data-testid={`triage-${f.id}`}
            data-current={isCurrent || undefined}
            onClick={() => onCurrent(f)}
            style={{
              border: `1px solid ${isCurrent ? '#fa8c16' : '#eee'}`,
              background: isCurrent ? '#fff7e6' : '#fff',
              borderRadius: 6,
              padding: 8,
              marginTop: 8,
              cursor: 'pointer',
            }}
          >
            <Space size={4} wrap>
              <Tag color="orange">
                建议 {i + 1}/{queue.length}
              </Tag>
              <Typography.Text strong>{f.indicatorPath}</Typography.Text>
              <span>
                第 {f.rule} 条 × {f.count}
              </span>
            </Space>
            <div style={{ fontSize: 13, margin: '4px 0' }}>{f.note}</div>
            {isCurrent && (
              <div onClick={(e) => e.stopPropagation()}>
                {lists.map((e) => (
                  <CheckList key={e.id} evidence={e} onOpenUrl={onOpenUrl} compact />
                ))}
                {pictures.length > 0 && <EvidenceStrip evidence={pictures} onOpen={onOpenEvidence} />}
              </div>
            )}
            <Space size={4} wrap style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => onConfirm(f)}
                data-testid={`triage-confirm-${f.id}`}
              >
                确认
              </Button>
              <Button size="small" icon={<CloseOutlined />} onClick={() => onDismiss(f)} data-testid={`triage-dismiss-${f.id}`}>
                驳回
              </Button>
              {!isCurrent && (
                <Button size="small" type="link" icon={<AimOutlined />} onClick={() => onCurrent(f)}>
                  查看证据（{own.length}）
                </Button>
              )}
            </Space>
          </div>
        );
      })}
      {decided.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
            已处理的建议（{decided.length}）
          </Typography.Text>
          {decided.map((f) => (
            <div key={f.id} style={{ fontSize: 12, color: '#666', padding: '2px 0' }}>
              <Tag color={f.status === 'confirmed' ? 'red' : 'default'}>{f.status === 'confirmed' ? '已确认' : '已驳回'}</Tag>
              {f.indicatorPath} 第 {f.rule} 条 × {f.count}：{f.note}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
