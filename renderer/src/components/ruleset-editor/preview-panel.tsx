import { useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Input, InputNumber, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Ruleset } from '../../../../shared/ruleset/types';
import { listIndicators } from '../../../../shared/ruleset/walk';
import { scoreTargets } from '../../../../shared/scoring/engine';
import { parseAttributes } from './applicability';
import { deleteColumn } from './delete-column';

interface SampleFinding {
  indicatorId: string;
  rule: number;
  count: number;
}

/** 试算: a sample target of a class with a few findings, scored by the same engine as the assessments. */
export function PreviewPanel({ ruleset }: { ruleset: Ruleset | undefined }) {
  const [classId, setClassId] = useState<string | undefined>();
  const [attributes, setAttributes] = useState('');
  const [findings, setFindings] = useState<SampleFinding[]>([]);
  const cls = ruleset?.classes.find((c) => c.id === classId) ?? ruleset?.classes[0];
  const leaves = useMemo(() => (ruleset && cls ? listIndicators(ruleset, cls.kind) : []), [ruleset, cls]);
  const result = useMemo(() => {
    if (!ruleset || !cls) return undefined;
    try {
      const target = { id: 1, name: '样例对象', kind: cls.kind, classId: cls.id, attributes: parseAttributes(attributes) ?? {} };
      const valid = findings.filter((f) =>
        leaves.some((l) => l.indicator.id === f.indicatorId && l.indicator.rules.some((r) => r.n === f.rule)),
      );
      return {
        score: scoreTargets(
          ruleset,
          [target],
          valid.map((f, i) => ({ id: i + 1, targetId: 1, ...f, note: '', evidenceIds: [] })),
        )[0]!,
        error: undefined,
      };
    } catch (e) {
      return { score: undefined, error: (e as Error).message };
    }
  }, [ruleset, cls, attributes, findings, leaves]);
  if (!ruleset) return <Alert type="info" showIcon message="方案有错误时无法试算：先按上方提示改正" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="preview-panel">
      <Space>
        <Select
          style={{ width: 260 }}
          value={cls?.id}
          onChange={setClassId}
          options={ruleset.classes.map((c) => ({ value: c.id, label: `${c.label} ${c.name}` }))}
        />
        <Input
          style={{ width: 300 }}
          placeholder="属性，如 hasNewMedia=false"
          value={attributes}
          onChange={(e) => setAttributes(e.target.value)}
        />
      </Space>
      <Table<SampleFinding>
        size="small"
        rowKey={(_f, i) => String(i)}
        pagination={false}
        dataSource={findings}
        footer={() => (
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!leaves.length}
            onClick={() => setFindings([...findings, { indicatorId: leaves[0]!.indicator.id, rule: 1, count: 1 }])}
            data-testid="preview-add-finding"
          >
            添加问题
          </Button>
        )}
        columns={[
          {
            title: '指标',
            render: (_: unknown, f, i) => (
              <Select
                size="small"
                showSearch
                optionFilterProp="label"
                style={{ width: 360 }}
                value={f.indicatorId}
                options={leaves.map((l) => ({ value: l.indicator.id, label: l.path }))}
                onChange={(indicatorId) => setFindings(findings.map((x, j) => (j === i ? { ...x, indicatorId, rule: 1 } : x)))}
              />
            ),
          },
          {
            title: '细则',
            width: 90,
            render: (_: unknown, f, i) => (
              <InputNumber
                size="small"
                min={1}
                value={f.rule}
                onChange={(v) => setFindings(findings.map((x, j) => (j === i ? { ...x, rule: v ?? 1 } : x)))}
              />
            ),
          },
          {
            title: '次数',
            width: 90,
            render: (_: unknown, f, i) => (
              <InputNumber
                size="small"
                min={1}
                value={f.count}
                onChange={(v) => setFindings(findings.map((x, j) => (j === i ? { ...x, count: v ?? 1 } : x)))}
                data-testid={`preview-count-${i}`}
              />
            ),
          },
          deleteColumn((_f, i) => setFindings(findings.filter((_x, j) => j !== i))),
        ]}
      />
      {result?.error && <Alert type="error" showIcon message={result.error} />}
      {result?.score && (
        <Descriptions size="small" bordered column={2} data-testid="preview-result">
          <Descriptions.Item label="总分">
            {result.score.veto ? `单项否决（${result.score.vetoReasons.join('；')}）` : (result.score.total ?? '只按单项否决判定')}
          </Descriptions.Item>
          <Descriptions.Item label="等次">{result.score.grade}</Descriptions.Item>
          <Descriptions.Item label="基础">{result.score.basic ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="加分 / 扣分">{`${result.score.bonus} / ${result.score.negative}`}</Descriptions.Item>
          {result.score.sections.map((s) => (
            <Descriptions.Item key={s.id} label={s.name}>{`${s.score} / ${s.max}`}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Space>
  );
}
