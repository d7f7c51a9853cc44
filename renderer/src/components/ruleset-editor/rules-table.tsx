import { useState } from 'react';
import { Button, Checkbox, Input, InputNumber, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Rule, RuleKind } from '../../../../shared/ruleset/types';
import { RULE_KIND_NAMES } from '../../../../shared/ruleset/names';
import type { RulesetProblem } from '../../../../shared/ruleset/check';
import { RuleDetails } from './rule-details';
import { deleteColumn } from './delete-column';

/** "1:1, 3:2" ⇄ tiers (at least N items → points). */
const tiersText = (tiers: Rule['tiers']) => (tiers ?? []).map((t) => `${t.min}:${t.points}`).join(', ');
function parseTiers(text: string): Rule['tiers'] {
  const tiers = text
    .split(/[,，;；\s]+/u)
    .map((p) => /^(\d+)[:：](\d+(?:\.\d+)?)$/u.exec(p))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ min: Number(m[1]), points: Number(m[2]) }));
  return tiers.length ? tiers : undefined;
}

/**
 * The 评分细则 of one indicator: number, wording, kind and its numbers, cap, the
 * checks that feed it; under each row (expand) its problem phrase and the
 * conditions of its checks. A row with a validation problem opens by itself.
 */
export function RulesTable({
  rules,
  flaggedRules,
  problems,
  attributes,
  onChange,
  onAdd,
  onRemove,
}: {
  rules: Rule[];
  flaggedRules: Set<number>;
  /** Validation problems of this indicator's rules. */
  problems: RulesetProblem[];
  attributes: { value: string; label: string }[];
  onChange: (n: number, patch: Partial<Rule>, mergeKey?: string) => void;
  onAdd: () => void;
  onRemove: (n: number) => void;
}) {
  const [opened, setOpened] = useState<number[]>([]);
  const withProblems = problems.map((p) => p.rule).filter((n): n is number => n !== undefined);
  const expanded = [...new Set([...opened, ...withProblems])];
  return (
    <Table<Rule>
      size="small"
      rowKey="n"
      pagination={false}
      dataSource={rules}
      expandable={{
        expandedRowKeys: expanded,
        onExpand: (open, r) => setOpened(open ? [...opened, r.n] : opened.filter((n) => n !== r.n)),
        expandedRowRender: (r) => (
          <RuleDetails
            rule={r}
            problems={problems.filter((p) => p.rule === r.n)}
            attributes={attributes}
            onChange={(patch, mergeKey) => onChange(r.n, patch, mergeKey)}
          />
        ),
      }}
      rowClassName={(r) => (flaggedRules.has(r.n) ? 'rule-flagged' : '')}
      onRow={(r) =>
        ({
          'data-testid': `rule-row-${r.n}`,
          style: withProblems.includes(r.n) ? { background: '#fff1f0' } : flaggedRules.has(r.n) ? { background: '#fff7e6' } : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      footer={() => (
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="add-rule">
          添加评分细则
        </Button>
      )}
      columns={[
        { title: '序号', dataIndex: 'n', width: 50 },
        {
          title: '评分细则',
          dataIndex: 'text',
          render: (text: string, r) => (
            <Input.TextArea
              autoSize={{ maxRows: 4 }}
              defaultValue={text}
              key={`${r.n}-${text}`}
              onBlur={(e) => e.target.value !== text && onChange(r.n, { text: e.target.value })}
            />
          ),
        },
        {
          title: '计分方式',
          dataIndex: 'kind',
          width: 130,
          render: (kind: RuleKind, r) => (
            <Select
              size="small"
              style={{ width: 120 }}
              value={kind}
              onChange={(v) => onChange(r.n, { kind: v })}
              options={Object.entries(RULE_KIND_NAMES).map(([value, label]) => ({ value, label }))}
              data-testid={`rule-kind-${r.n}`}
            />
          ),
        },
        {
          title: '分值 / 百分比',
          width: 170,
          render: (_: unknown, r) =>
            r.kind === 'percent' ? (
              <>
                <InputNumber
                  size="small"
                  min={0}
                  max={100}
                  value={r.percent}
                  addonAfter="%"
                  style={{ width: 100 }}
                  onChange={(v) => onChange(r.n, { percent: v ?? undefined }, `percent:${r.n}`)}
                />
                <Checkbox
                  checked={r.perOccurrence ?? false}
                  onChange={(e) => onChange(r.n, { perOccurrence: e.target.checked || undefined })}
                >
                  每次
                </Checkbox>
              </>
            ) : r.kind === 'tiered-bonus' ? (
              <Input
                size="small"
                placeholder="1:1, 3:2（几项及以上:加几分）"
                defaultValue={tiersText(r.tiers)}
                key={tiersText(r.tiers)}
                onBlur={(e) => onChange(r.n, { tiers: parseTiers(e.target.value) })}
              />
            ) : r.kind === 'veto' || r.kind === 'zero' ? (
              '—'
            ) : (
              <InputNumber
                size="small"
                min={0}
                step={0.1}
                value={r.points}
                addonAfter="分"
                style={{ width: 110 }}
                onChange={(v) => onChange(r.n, { points: v ?? undefined }, `points:${r.n}`)}
                data-testid={`rule-points-${r.n}`}
              />
            ),
        },
        {
          title: '单条上限',
          dataIndex: 'cap',
          width: 100,
          render: (cap: number | undefined, r) =>
            r.kind === 'veto' || r.kind === 'zero' ? (
              '—'
            ) : (
              <InputNumber
                size="small"
                min={0}
                value={cap}
                placeholder="指标分值"
                onChange={(v) => onChange(r.n, { cap: v ?? undefined }, `cap:${r.n}`)}
              />
            ),
        },
        {
          title: '自动检查',
          dataIndex: 'detects',
          width: 80,
          // Which checks feed the rule and their conditions are edited under the row (expand).
          render: (d: Rule['detects'], r) => (
            <Tag
              color={d?.length ? 'blue' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => setOpened(expanded.includes(r.n) ? opened.filter((n) => n !== r.n) : [...opened, r.n])}
              data-testid={`rule-detects-${r.n}`}
            >
              {d?.length ? `${d.length} 项` : '无'}
            </Tag>
          ),
        },
        deleteColumn((r) => onRemove(r.n)),
      ]}
    />
  );
}
