import { useState } from 'react';
import { Button, Card, Descriptions, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { GradeBand } from '../../../../shared/domain/types';
import type { Ruleset } from '../../../../shared/ruleset/types';
import type { RulesetProblem } from '../../../../shared/ruleset/check';
import { gradeGroups, type GradeGroup } from '../../../../shared/ruleset/check-scoring';
import { setGradeLines, setResultsRule } from '../../../../shared/ruleset/edit';
import { TIE_RULE_NAMES } from '../../../../shared/ruleset/names';
import { deleteColumn } from './delete-column';

type OnChange = (next: Ruleset, mergeKey?: string) => void;

/** One group of grade lines as rows (name, minimum), highest first; rows with a problem say so. */
function GradeGroupTable({
  group,
  problems,
  onBands,
  onRemove,
}: {
  group: GradeGroup;
  problems: RulesetProblem[];
  onBands: (bands: GradeBand[], mergeKey?: string) => void;
  onRemove?: () => void;
}) {
  const rowProblems = (i: number) => problems.filter((p) => p.row === `${group.key}#${i}`);
  const set = (i: number, patch: Partial<GradeBand>, mergeKey?: string) =>
    onBands(
      group.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)),
      mergeKey,
    );
  return (
    <Card
      size="small"
      title={group.title}
      data-testid={`grades-${group.key}`}
      extra={
        onRemove && (
          <Button size="small" type="link" danger onClick={onRemove}>
            删除这组（改用通用分数线）
          </Button>
        )
      }
    >
      <Table<GradeBand>
        size="small"
        rowKey={(_b, i) => String(i)}
        pagination={false}
        dataSource={group.bands}
        onRow={(_b, i) =>
          ({
            'data-testid': `grade-row-${group.key}-${i}`,
            style: rowProblems(i ?? -1).length ? { background: '#fff1f0' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        footer={() => (
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid={`grade-add-${group.key}`}
            onClick={() => onBands([...group.bands, { name: '', min: Math.max(0, (group.bands.at(-1)?.min ?? 70) - 10) }])}
          >
            添加一行
          </Button>
        )}
        columns={[
          {
            title: '等次',
            width: 160,
            render: (_: unknown, b, i) => (
              <Input
                size="small"
                defaultValue={b.name}
                key={`${i}-${b.name}`}
                onBlur={(e) => e.target.value.trim() !== b.name && set(i, { name: e.target.value.trim() })}
                data-testid="grade-name"
              />
            ),
          },
          {
            title: '分数线（不低于）',
            width: 150,
            render: (_: unknown, b, i) => (
              <InputNumber
                size="small"
                value={b.min}
                step={1}
                onChange={(v) => v !== null && set(i, { min: v }, `grade:${group.key}#${i}`)}
                data-testid="grade-min"
              />
            ),
          },
          {
            title: '',
            render: (_: unknown, _b, i) => (
              <Space>
                {rowProblems(i).map((p, k) => (
                  <Typography.Text key={k} type="danger">
                    {p.message}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          deleteColumn(
            (_b, i) => onBands(group.bands.filter((_x, j) => j !== i)),
            () => group.key === 'all' && group.bands.length === 1,
          ),
        ]}
      />
    </Card>
  );
}

/**
 * 等次与排名: the general grade lines, lines per kind of target and per class (the
 * most specific wins), the grade below the lines, the tie rule and how accounts
 * reach the results.
 */
export function GradesPanel({ ruleset, problems, onChange }: { ruleset: Ruleset; problems: RulesetProblem[]; onChange: OnChange }) {
  const [adding, setAdding] = useState<string>();
  const groups = gradeGroups(ruleset);
  const taken = new Set(groups.map((g) => g.key));
  const choices = [
    ...(['website', 'account'] as const)
      .filter((k) => ruleset.classes.some((c) => c.kind === k))
      .map((k) => ({ value: `kind:${k}`, label: k === 'website' ? '全部网站' : '全部政务新媒体' })),
    ...ruleset.classes.map((c) => ({ value: `class:${c.id}`, label: `${c.label} ${c.name}` })),
  ].filter((c) => !taken.has(c.value));
  const mine = problems.filter((p) => p.area === 'grades');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="grades-panel">
      <Typography.Text type="secondary">
        等次从高到低填写；按对象类型或按类别另设的分数线优先于通用分数线（类别优先于类型）。低于最低一档为“{ruleset.grades.failName}
        ”，单项否决也定为此等次。
      </Typography.Text>
      {groups.map((g) => (
        <GradeGroupTable
          key={g.key}
          group={g}
          problems={mine}
          onBands={(bands, mergeKey) => onChange(setGradeLines(ruleset, g.key, bands), mergeKey)}
          onRemove={g.key === 'all' ? undefined : () => onChange(setGradeLines(ruleset, g.key, []))}
        />
      ))}
      <Space>
        <Select
          style={{ width: 320 }}
          placeholder="为某类对象另设分数线…"
          value={adding}
          onChange={setAdding}
          options={choices}
          data-testid="grade-group-select"
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!adding}
          data-testid="grade-group-add"
          onClick={() => {
            if (!adding) return;
            onChange(setGradeLines(ruleset, adding, ruleset.grades.bands));
            setAdding(undefined);
          }}
        >
          另设分数线（从通用分数线起改）
        </Button>
      </Space>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="不达线等次">
          <Input
            style={{ width: 140 }}
            defaultValue={ruleset.grades.failName}
            key={ruleset.grades.failName}
            onBlur={(e) =>
              e.target.value.trim() !== ruleset.grades.failName &&
              onChange({ ...ruleset, grades: { ...ruleset.grades, failName: e.target.value.trim() || '不合格' } })
            }
          />
        </Descriptions.Item>
        <Descriptions.Item label="同分排名">
          <Select
            style={{ width: 320 }}
            value={ruleset.ranking?.ties ?? 'sequential'}
            onChange={(ties) => onChange(setResultsRule(ruleset, { ties }))}
            options={Object.entries(TIE_RULE_NAMES).map(([value, label]) => ({ value, label }))}
            data-testid="tie-rule"
          />
        </Descriptions.Item>
        <Descriptions.Item label="政务新媒体结果">
          <Select
            style={{ width: 320 }}
            value={ruleset.accountResults ?? 'account'}
            onChange={(accountResults) => onChange(setResultsRule(ruleset, { accountResults }))}
            options={[
              { value: 'account', label: '逐个账号列出结果' },
              { value: 'unit', label: '按单位汇总（各账号平均分，任一否决则否决）' },
            ]}
            data-testid="account-results"
          />
          {mine
            .filter((p) => p.row === 'accountResults')
            .map((p, i) => (
              <Typography.Text key={i} type="danger" style={{ marginLeft: 8 }}>
                {p.message}
              </Typography.Text>
            ))}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
