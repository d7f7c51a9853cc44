import { Badge, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { Indicator, Ruleset } from '../../../../shared/ruleset/types';

const PART_NAMES = { veto: '单项否决', basic: '基础（扣分）', bonus: '加分', negative: '负面扣分' } as const;

/** Parts → sections → indicators (→ 三级), with weights; rows with a problem or an open question are marked. */
export function RulesetTree({
  ruleset,
  flagged,
  selected,
  onSelect,
}: {
  ruleset: Ruleset;
  flagged: Set<string>;
  selected?: string;
  onSelect: (id: string) => void;
}) {
  const mark = (id: string, text: React.ReactNode) =>
    flagged.has(id) ? (
      <Badge dot offset={[6, 0]}>
        {text}
      </Badge>
    ) : (
      text
    );
  const indicatorNode = (i: Indicator): DataNode => ({
    key: i.id,
    title: mark(i.id, <span data-testid={`tree-${i.id}`}>{`${i.name}  ${i.weight}分 · ${i.rules.length}条`}</span>),
    children: i.children?.map(indicatorNode),
  });
  const data: DataNode[] = ruleset.parts.map((p) => ({
    key: p.id,
    title: mark(
      p.id,
      <Typography.Text strong>{`${p.name}（${PART_NAMES[p.kind]}${p.kind === 'veto' ? '' : ` ${p.max}分`}）`}</Typography.Text>,
    ),
    children: p.sections.map((s) => ({
      key: s.id,
      title: mark(s.id, <span data-testid={`tree-${s.id}`}>{`${s.name}${p.kind === 'veto' ? '' : `  ${s.max}分`}`}</span>),
      children: s.indicators.map(indicatorNode),
    })),
  }));
  return (
    <Tree
      blockNode
      defaultExpandAll
      treeData={data}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
      style={{ maxHeight: '70vh', overflow: 'auto' }}
    />
  );
}
