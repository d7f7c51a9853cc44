import { useMemo } from 'react';
import { Badge, Tag, Tree, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { ChecklistNode } from '../../../../shared/api/review';
import { points } from '../../format';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  selectable: boolean;
  children: TreeItem[];
}

function label(n: ChecklistNode) {
  const leaf = n.level === 'indicator' && n.children.length === 0;
  const dim = !n.applicable;
  const scoreText = n.veto ? null : n.weight !== null && n.score !== null ? `${points(n.score)}/${points(n.weight)}` : null;
  return (
    <span
      style={{ display: 'inline-flex', gap: 6, alignItems: 'center', opacity: dim ? 0.45 : 1 }}
      data-testid={leaf ? `indicator-${n.id}` : undefined}
    >
      {leaf && n.reviewed && <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已评审" />}
      <span style={{ fontWeight: n.level === 'indicator' ? 400 : 600 }}>{n.name}</span>
      {dim && <Typography.Text type="secondary">（不适用）</Typography.Text>}
      {scoreText && (
        <span style={{ color: n.change < 0 ? '#cf1322' : n.change > 0 ? '#389e0d' : '#888', fontVariantNumeric: 'tabular-nums' }}>
          {scoreText}
        </span>
      )}
      {n.veto && n.confirmed > 0 && <Tag color="red">否决</Tag>}
      {leaf && !n.veto && n.confirmed > 0 && <Badge count={n.confirmed} color="#cf1322" title="已确认的问题" />}
      {n.suggested > 0 && <Badge count={n.suggested} color="orange" title="待确认的建议" />}
    </span>
  );
}

function toItems(nodes: readonly ChecklistNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.id,
    title: label(n),
    selectable: n.level === 'indicator' && n.children.length === 0,
    children: toItems(n.children),
  }));
}

function allKeys(nodes: readonly ChecklistNode[]): string[] {
  return nodes.flatMap((n) => (n.children.length ? [n.id, ...allKeys(n.children)] : []));
}

/** The ruleset as a checklist: veto items first, then 一级 → 二级 (→ 三级) with live scores. */
export function ChecklistTree({
  tree,
  selected,
  onSelect,
}: {
  tree: ChecklistNode[];
  selected: string | undefined;
  onSelect: (indicatorId: string) => void;
}) {
  const items = useMemo(() => toItems(tree), [tree]);
  const expanded = useMemo(() => allKeys(tree), [tree]);
  return (
    <Tree<TreeItem>
      blockNode
      showLine
      treeData={items}
      defaultExpandedKeys={expanded}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
      data-testid="checklist"
    />
  );
}
