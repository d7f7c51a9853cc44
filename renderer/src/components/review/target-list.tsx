import { useMemo } from 'react';
import { Badge, Button, Empty, Input, Progress, Select, Space, Tag, Typography } from 'antd';
import type { TargetQuery, TargetRow } from '../../../../shared/api/views';
import { gradeColor, points } from '../../format';

interface Group {
  key: string;
  label: string;
  targets: TargetRow[];
}

/** Websites by class; accounts by owning unit, then platform: how reviewers split the work. */
export function groupTargets(targets: readonly TargetRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const t of targets) {
    const key = t.kind === 'website' ? `w:${t.classLabel}` : `a:${t.unit}`;
    const label = t.kind === 'website' ? t.classLabel : `${t.unit}（新媒体）`;
    const g = groups.get(key) ?? { key, label, targets: [] };
    g.targets.push(t);
    groups.set(key, g);
  }
  for (const g of groups.values())
    if (g.key.startsWith('a:')) g.targets.sort((a, b) => (a.platform ?? '').localeCompare(b.platform ?? '', 'zh-CN'));
  return [...groups.values()];
}

/** Order the review walks targets in (next / previous target), same as the list shows them. */
export function targetOrder(targets: readonly TargetRow[]): TargetRow[] {
  return groupTargets(targets).flatMap((g) => g.targets);
}

type Filter = 'all' | 'todo' | 'suggested';
const filterOf = (q: TargetQuery): Filter => (q.status === 'todo' ? 'todo' : q.suggested ? 'suggested' : 'all');
const FILTER_QUERY: Record<Filter, TargetQuery> = { all: {}, todo: { status: 'todo' }, suggested: { suggested: true } };

/**
 * The left pane of the review workspace: the targets the host found for the
 * search and filter, a page at a time (“加载更多” asks for the next page), so it
 * opens as fast at 20,000 targets as at 50.
 */
export function TargetList({
  targets,
  matched,
  more,
  loading,
  query,
  onQuery,
  onLoadMore,
  selected,
  onSelect,
}: {
  targets: TargetRow[];
  matched: number;
  more: boolean;
  loading: boolean;
  query: TargetQuery;
  onQuery: (q: TargetQuery) => void;
  onLoadMore: () => void;
  selected: number;
  onSelect: (id: number) => void;
}) {
  const groups = useMemo(() => groupTargets(targets), [targets]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Space direction="vertical" style={{ padding: 8, width: '100%' }} size={6}>
        <Input.Search
          allowClear
          placeholder="搜索单位、网站、账号"
          defaultValue={query.text}
          onSearch={(text) => onQuery({ ...query, text: text.trim() || undefined })}
          data-testid="target-search"
        />
        <Select<Filter>
          size="small"
          style={{ width: '100%' }}
          value={filterOf(query)}
          onChange={(f) => onQuery({ text: query.text, ...FILTER_QUERY[f] })}
          options={[
            { value: 'all', label: '全部考评对象' },
            { value: 'todo', label: '未评审完' },
            { value: 'suggested', label: '有待确认的建议' },
          ]}
        />
      </Space>
      <div style={{ overflow: 'auto', flex: 1 }} data-testid="target-list">
        {groups.length === 0 && !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的考评对象" />}
        {groups.map((g) => (
          <div key={g.key}>
            <Typography.Text type="secondary" style={{ display: 'block', padding: '6px 10px', background: '#fafafa', fontSize: 12 }}>
              {g.label}（{g.targets.length}）
            </Typography.Text>
            {g.targets.map((t) => (
              <div
                key={t.id}
                role="button"
                tabIndex={0}
                onClick={() => onSelect(t.id)}
                onKeyDown={(e) => e.key === 'Enter' && onSelect(t.id)}
                data-testid={`target-${t.id}`}
                style={{
                  padding: '6px 10px',
                  cursor: 'pointer',
                  borderLeft: `3px solid ${t.id === selected ? '#b71c1c' : 'transparent'}`,
                  background: t.id === selected ? '#fff1f0' : undefined,
                }}
              >
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6 }}>
                  <Typography.Text ellipsis style={{ maxWidth: 170 }} title={t.kind === 'website' ? t.unit : t.name}>
                    {t.kind === 'website' ? t.unit : `${t.platform ?? ''}·${t.name}`}
                  </Typography.Text>
                  {t.veto ? (
                    <Tag color="red">否决</Tag>
                  ) : (
                    <span title={t.complete ? undefined : '未评审完毕：得分为暂计'}>
                      {t.complete ? '' : '暂计 '}
                      {points(t.total)}
                    </span>
                  )}
                </div>
                <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                  <Progress
                    percent={t.progress.total ? Math.round((t.progress.reviewed / t.progress.total) * 100) : 0}
                    size="small"
                    showInfo={false}
                    style={{ flex: 1, margin: 0 }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {t.progress.reviewed}/{t.progress.total}
                  </Typography.Text>
                  {t.grade && !t.veto && t.complete && (
                    <Tag color={gradeColor(t.grade)} style={{ marginInlineEnd: 0 }}>
                      {t.grade}
                    </Tag>
                  )}
                  {t.suggested > 0 && <Badge count={t.suggested} color="orange" title="待确认的建议" />}
                </div>
              </div>
            ))}
          </div>
        ))}
        {targets.length > 0 && (
          <div style={{ padding: 8, textAlign: 'center' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-list-count">
              已显示 {targets.length} / {matched}
            </Typography.Text>
            {more && (
              <Button size="small" type="link" loading={loading} onClick={onLoadMore} data-testid="target-list-more">
                加载更多
              </Button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
