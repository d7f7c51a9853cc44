import { Button, Card, Checkbox, Divider, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChecklistNode, EvidenceView, FindingView } from '../../../../shared/api/review';
import type { Explanation } from '../../../../shared/scoring/types';
import { points } from '../../format';
import { EvidenceStrip } from './evidence-strip';
import { newActionId } from '../../review/action-id';

/** A finding being written: kept per indicator by the workspace, so switching away and back loses nothing. */
export interface FindingDraft {
  /** One id per draft: saving it twice records one finding. */
  actionId: string;
  rule: number;
  count: number;
  note: string;
  evidenceIds: number[];
}

export interface IndicatorActions {
  add: (draft: FindingDraft) => Promise<void>;
  setStatus: (f: FindingView, status: 'confirmed' | 'dismissed' | 'suggested') => Promise<void>;
  remove: (f: FindingView) => Promise<void>;
  toggleReviewed: (reviewed: boolean) => Promise<void>;
  openEvidence: (e: EvidenceView) => void;
  /** Captures go to this finding while it is active. */
  setActive: (findingId: number | undefined) => void;
}

const STATUS: Record<FindingView['status'], { label: string; color: string }> = {
  suggested: { label: '建议', color: 'orange' },
  confirmed: { label: '已确认', color: 'red' },
  dismissed: { label: '已驳回', color: 'default' },
};

function ExplanationLines({ node }: { node: Explanation }) {
  return (
    <div style={{ fontSize: 12 }}>
      <div>{node.text}</div>
      <div style={{ paddingLeft: 12 }}>
        {node.children?.map((c, i) => (
          <ExplanationLines key={i} node={c} />
        ))}
      </div>
    </div>
  );
}

/** The selected indicator: its rules, the suggestions to confirm, its findings and evidence, and why it scores what it does. */
export function IndicatorPanel({
  node,
  findings,
  evidence,
  active,
  current,
  draft,
  onDraft: setDraft,
  actions,
}: {
  node: ChecklistNode;
  findings: FindingView[];
  evidence: EvidenceView[];
  active: number | undefined;
  /** The suggestion the triage keys act on. */
  current: number | undefined;
  draft: FindingDraft | undefined;
  onDraft: (draft: FindingDraft | undefined) => void;
  actions: IndicatorActions;
}) {
  const mine = findings.filter((f) => f.indicatorId === node.id);
  const linked = new Set(mine.flatMap((f) => f.evidenceIds));
  const strip = evidence.filter((e) => e.indicatorId === node.id || linked.has(e.id));
  const loose = strip.filter((e) => !linked.has(e.id)).map((e) => e.id);

  const startDraft = (rule: number) =>
    setDraft(draft ? { ...draft, rule } : { actionId: newActionId('add'), rule, count: 1, note: '', evidenceIds: loose });
  const toggle = (e: EvidenceView) =>
    draft &&
    setDraft({
      ...draft,
      evidenceIds: draft.evidenceIds.includes(e.id) ? draft.evidenceIds.filter((x) => x !== e.id) : [...draft.evidenceIds, e.id],
    });

  return (
    <div style={{ padding: 10 }} data-testid="indicator-panel">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <div>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="indicator-path">
            {node.path}
          </Typography.Title>
          {!node.veto && node.weight !== null && (
            <Typography.Text type="secondary" data-testid="indicator-score">
              得分 {points(node.score)} / {points(node.weight)}
            </Typography.Text>
          )}
          {node.note && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
              {node.note}
            </Typography.Paragraph>
          )}
        </div>
        <Checkbox checked={node.reviewed} onChange={(e) => void actions.toggleReviewed(e.target.checked)} data-testid="mark-reviewed">
          已评审
        </Checkbox>
      </Space>
      <Divider style={{ margin: '8px 0' }} />
      <List
        size="small"
        dataSource={node.rules}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="add" size="small" icon={<PlusOutlined />} onClick={() => startDraft(r.n)} data-testid={`add-finding-${r.n}`}>
                记为问题
              </Button>,
            ]}
          >
            <Typography.Text style={{ fontSize: 13 }}>
              <b>{r.n}.</b> {r.text}
            </Typography.Text>
          </List.Item>
        )}
      />
      {draft && (
        <Card size="small" title={`记录问题：第 ${draft.rule} 条`} style={{ marginTop: 8 }} data-testid="finding-form">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Select
                value={draft.rule}
                style={{ width: 110 }}
                onChange={(rule) => setDraft({ ...draft, rule })}
                options={node.rules.map((r) => ({ value: r.n, label: `第 ${r.n} 条` }))}
              />
              <InputNumber
                min={1}
                max={100000}
                value={draft.count}
                addonBefore="次数"
                onChange={(count) => setDraft({ ...draft, count: count ?? 1 })}
                data-testid="finding-count"
              />
            </Space>
            <Input.TextArea
              rows={2}
              placeholder="说明（如：首页“专题专栏”中 2019 年专题链接打不开）"
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.target.value })}
              data-testid="finding-note"
            />
            <Typography.Text type="secondary">选择证据（单击选择，双击查看）</Typography.Text>
            <EvidenceStrip evidence={strip} selected={new Set(draft.evidenceIds)} onOpen={actions.openEvidence} onToggle={toggle} />
            <Space>
              <Button type="primary" onClick={() => void actions.add(draft)} data-testid="finding-save">
                确认记录
              </Button>
              <Button onClick={() => setDraft(undefined)}>取消</Button>
            </Space>
          </Space>
        </Card>
      )}
      <Divider orientation="left" plain style={{ margin: '10px 0' }}>
        问题与建议（{mine.length}）
      </Divider>
      <List
        size="small"
        dataSource={mine}
        locale={{ emptyText: '此指标没有问题记录' }}
        renderItem={(f) => (
          <List.Item
            data-testid={`finding-${f.id}`}
            style={{
              background: active === f.id ? '#fff7e6' : undefined,
              outline: current === f.id ? '2px solid #fa8c16' : undefined,
              outlineOffset: -2,
              flexDirection: 'column',
              alignItems: 'stretch',
            }}
            onClick={() => actions.setActive(active === f.id ? undefined : f.id)}
          >
            <Space wrap>
              <Tag color={STATUS[f.status].color}>{STATUS[f.status].label}</Tag>
              <span>
                第 {f.rule} 条 × {f.count}
              </span>
              {f.source && <Tag>{f.source.startsWith('form:') ? '新媒体检查表' : '自动检查'}</Tag>}
              {active === f.id && <Tag color="gold">截图将附到此问题</Tag>}
            </Space>
            <Typography.Text style={{ fontSize: 13 }}>{f.note}</Typography.Text>
            <Space size={4} wrap style={{ marginTop: 4 }} onClick={(e) => e.stopPropagation()}>
              {f.status === 'suggested' && (
                <>
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined />}
                    onClick={() => void actions.setStatus(f, 'confirmed')}
                    data-testid={`confirm-${f.id}`}
                  >
                    确认
                  </Button>
                  <Button
                    size="small"
                    icon={<CloseOutlined />}
                    onClick={() => void actions.setStatus(f, 'dismissed')}
                    data-testid={`dismiss-${f.id}`}
                  >
                    驳回
                  </Button>
                </>
              )}
              {f.status === 'dismissed' && (
                <Button size="small" onClick={() => void actions.setStatus(f, 'suggested')}>
                  恢复为建议
                </Button>
              )}
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => void actions.remove(f)} aria-label="删除问题" />
              {f.evidenceIds.map((id) => {
                const e = evidence.find((x) => x.id === id);
                return e ? (
                  <Button key={id} size="small" type="link" onClick={() => actions.openEvidence(e)}>
                    证据 #{id}
                  </Button>
                ) : null;
              })}
            </Space>
          </List.Item>
        )}
      />
      {node.explanation && (
        <>
          <Divider orientation="left" plain style={{ margin: '10px 0' }}>
            计分说明
          </Divider>
          <div data-testid="explanation">
            <ExplanationLines node={node.explanation} />
          </div>
        </>
      )}
      <Divider orientation="left" plain style={{ margin: '10px 0' }}>
        证据
      </Divider>
      <EvidenceStrip evidence={strip} onOpen={actions.openEvidence} />
    </div>
  );
}
