import { useRef, useState } from 'react';
import { Button, Collapse, List, Space, Tag, Typography } from 'antd';
import type { CheckNoteView } from '../../../shared/checks/notes';
import type { TargetDelta } from '../../../shared/api/views';
import { api } from '../api/client';
import { newActionId } from '../review/action-id';

const SHOWN_ITEMS = 5;

/**
 * What the automated checks saw that no rule scores (unverified links, TLS
 * faults, crawl cut-offs, personal data under a ruleset without a rule for
 * it …), each with its evidence and the indicator it most plausibly belongs
 * to; one click records it as a confirmed finding on that indicator.
 */
export function CheckNotes({
  id,
  notes,
  onRecorded,
}: {
  id: string;
  notes: readonly CheckNoteView[];
  onRecorded?: (delta: TargetDelta) => void;
}) {
  const [recorded, setRecorded] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | undefined>();
  // One id per note and check run: a double click or a retry records the note once.
  const actionIds = useRef(new Map<CheckNoteView, string>());
  if (!notes.length) return null;
  const record = async (n: CheckNoteView, i: number) => {
    if (!actionIds.current.has(n)) actionIds.current.set(n, newActionId('note'));
    try {
      setError(undefined);
      const { delta } = await api.findings.add({
        id,
        targetId: n.targetId,
        indicatorId: n.indicatorId!,
        rule: n.rule!,
        count: 1,
        note: `${n.text}（据自动检查提示记录）`,
        actionId: actionIds.current.get(n)!,
      });
      setRecorded(new Set(recorded).add(i));
      onRecorded?.(delta);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div data-testid="check-notes">
      <Typography.Text strong>自动检查提示（未计分，{notes.length} 条）</Typography.Text>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <List
        size="small"
        dataSource={notes.map((n, i) => ({ n, i }))}
        renderItem={({ n, i }) => (
          <List.Item
            data-testid="check-note"
            actions={[
              n.indicatorId && n.rule ? (
                <Button
                  key="record"
                  size="small"
                  disabled={recorded.has(i)}
                  onClick={() => void record(n, i)}
                  data-testid="check-note-record"
                >
                  {recorded.has(i) ? '已记录' : '记为问题'}
                </Button>
              ) : (
                <Typography.Text key="none" type="secondary">
                  无对应指标，请人工判断
                </Typography.Text>
              ),
            ]}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <span>
                {n.target && <Tag>{n.target}</Tag>}
                {n.text}
              </span>
              {n.indicator && (
                <Typography.Text type="secondary">
                  可能属于：{n.indicator}
                  {n.rule ? ` 第${n.rule}条` : ''}
                </Typography.Text>
              )}
              {n.items.length > 0 && (
                <Collapse
                  ghost
                  size="small"
                  items={[
                    {
                      key: 'items',
                      label: `证据 ${n.items.length} 处`,
                      children: (
                        <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
                          {n.items.slice(0, SHOWN_ITEMS).map((item, k) => (
                            <div key={k}>
                              {item.url}
                              {item.link ? ` → ${item.link}` : ''}
                              {item.text ? `：${item.text}` : ''}
                              {item.reason ? `（${item.reason}）` : ''}
                            </div>
                          ))}
                          {n.items.length > SHOWN_ITEMS && <div>……另 {n.items.length - SHOWN_ITEMS} 处</div>}
                        </div>
                      ),
                    },
                  ]}
                />
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
