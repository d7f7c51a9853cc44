import { Button, Descriptions, Input, InputNumber, Select, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Ruleset, TargetClass, WeightTransfer } from '../../../../shared/ruleset/types';
import { addTransfer, removeTransfer, resolveDecision, setClasses } from '../../../../shared/ruleset/edit';
import { listIndicators } from '../../../../shared/ruleset/walk';
import { attributesText, parseAttributes } from './applicability';
import { deleteColumn } from './delete-column';

/** 考评对象类别: label, full name, kind and attribute defaults. */
export function ClassesPanel({ ruleset, onChange }: { ruleset: Ruleset; onChange: (r: Ruleset) => void }) {
  const set = (i: number, patch: Partial<TargetClass>) =>
    onChange(
      setClasses(
        ruleset,
        ruleset.classes.map((c, j) => (j === i ? { ...c, ...patch } : c)),
      ),
    );
  return (
    <Table<TargetClass>
      size="small"
      rowKey={(c) => c.id}
      pagination={false}
      dataSource={ruleset.classes}
      footer={() => (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange(
              setClasses(ruleset, [
                ...ruleset.classes,
                { id: `class-${ruleset.classes.length + 1}`, label: `第${ruleset.classes.length + 1}类`, name: '新类别', kind: 'website' },
              ]),
            )
          }
        >
          添加类别
        </Button>
      )}
      columns={[
        {
          title: '编号',
          dataIndex: 'id',
          width: 120,
          render: (v: string, _c, i) => (
            <Input size="small" defaultValue={v} key={v} onBlur={(e) => set(i, { id: e.target.value.trim() })} />
          ),
        },
        {
          title: '简称',
          dataIndex: 'label',
          width: 120,
          render: (v: string, _c, i) => (
            <Input size="small" defaultValue={v} key={v} onBlur={(e) => set(i, { label: e.target.value.trim() })} />
          ),
        },
        {
          title: '全称',
          dataIndex: 'name',
          render: (v: string, _c, i) => (
            <Input size="small" defaultValue={v} key={v} onBlur={(e) => set(i, { name: e.target.value.trim() })} />
          ),
        },
        {
          title: '对象',
          dataIndex: 'kind',
          width: 120,
          render: (v: TargetClass['kind'], _c, i) => (
            <Select
              size="small"
              value={v}
              onChange={(k) => set(i, { kind: k })}
              options={[
                { value: 'website', label: '网站' },
                { value: 'account', label: '政务新媒体' },
              ]}
            />
          ),
        },
        {
          title: '默认属性',
          dataIndex: 'defaults',
          width: 220,
          render: (v: TargetClass['defaults'], _c, i) => (
            <Input
              size="small"
              placeholder="hasExternalServices=false"
              defaultValue={attributesText(v)}
              key={attributesText(v)}
              onBlur={(e) => set(i, { defaults: parseAttributes(e.target.value) })}
            />
          ),
        },
        deleteColumn((_c, i) =>
          onChange(
            setClasses(
              ruleset,
              ruleset.classes.filter((_x, j) => j !== i),
            ),
          ),
        ),
      ]}
    />
  );
}

/** 权重转移: from one indicator to others when a condition holds; proposals of the import can be taken over. */
export function TransfersPanel({ ruleset, onChange }: { ruleset: Ruleset; onChange: (r: Ruleset) => void }) {
  const leaves = listIndicators(ruleset).map((p) => ({ value: p.indicator.id, label: p.path }));
  const proposals = (ruleset.pending ?? []).filter((d) => d.topic === 'transfer' && d.transfer);
  const update = (i: number, patch: Partial<WeightTransfer>) =>
    onChange({ ...ruleset, transfers: ruleset.transfers.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {proposals.map((d) => (
        <Space key={d.id}>
          <span>导入时发现：{d.text}</span>
          <Button
            size="small"
            data-testid={`take-transfer-${d.id}`}
            onClick={() =>
              onChange(resolveDecision(addTransfer(ruleset, { from: d.transfer!.from, to: d.transfer!.to, when: {}, note: d.text }), d.id))
            }
          >
            添加为权重转移（再设置条件）
          </Button>
        </Space>
      ))}
      <Table<WeightTransfer>
        size="small"
        rowKey={(_t, i) => String(i)}
        pagination={false}
        dataSource={ruleset.transfers}
        footer={() => (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              leaves[0] && onChange(addTransfer(ruleset, { from: leaves[0].value, to: [leaves[0].value], when: {}, note: '新权重转移' }))
            }
          >
            添加权重转移
          </Button>
        )}
        columns={[
          {
            title: '转出指标',
            dataIndex: 'from',
            width: 220,
            render: (v: string, _t, i) => (
              <Select
                size="small"
                showSearch
                style={{ width: 210 }}
                value={v}
                options={leaves}
                optionFilterProp="label"
                onChange={(from) => update(i, { from })}
              />
            ),
          },
          {
            title: '转入指标（平均分配）',
            dataIndex: 'to',
            render: (v: string[], _t, i) => (
              <Select
                size="small"
                mode="multiple"
                showSearch
                style={{ width: '100%' }}
                value={v}
                options={leaves}
                optionFilterProp="label"
                onChange={(to) => update(i, { to })}
              />
            ),
          },
          {
            title: '条件：类别',
            width: 200,
            render: (_: unknown, t, i) => (
              <Select
                size="small"
                mode="multiple"
                style={{ width: 190 }}
                value={t.when.classes ?? []}
                options={ruleset.classes.map((c) => ({ value: c.id, label: c.label }))}
                onChange={(classes) => update(i, { when: { ...t.when, classes: classes.length ? classes : undefined } })}
              />
            ),
          },
          {
            title: '条件：属性',
            width: 200,
            render: (_: unknown, t, i) => (
              <Input
                size="small"
                placeholder="hasPolicyColumn=false"
                defaultValue={attributesText(t.when.attributes)}
                key={attributesText(t.when.attributes)}
                onBlur={(e) => update(i, { when: { ...t.when, attributes: parseAttributes(e.target.value) } })}
              />
            ),
          },
          {
            title: '说明',
            dataIndex: 'note',
            width: 200,
            render: (v: string, _t, i) => (
              <Input size="small" defaultValue={v} key={v} onBlur={(e) => update(i, { note: e.target.value })} />
            ),
          },
          deleteColumn((_t, i) => onChange(removeTransfer(ruleset, i))),
        ]}
      />
    </Space>
  );
}

/** Basis normalisation, thresholds, account scoring, name and edition (grade lines and ranking: grades-panel). */
export function ScoringPanel({ ruleset, onChange }: { ruleset: Ruleset; onChange: (r: Ruleset) => void }) {
  return (
    <Descriptions size="small" bordered column={1}>
      <Descriptions.Item label="满分折算">
        <Switch
          checked={ruleset.normaliseBasic}
          onChange={(v) => onChange({ ...ruleset, normaliseBasic: v })}
          data-testid="normalise-basic"
        />{' '}
        部分指标不适用时，按适用指标的满分等比折算到基础部分满分（如 85 分 ×100/85）
      </Descriptions.Item>
      <Descriptions.Item label="不合格线">
        <InputNumber
          min={0}
          value={ruleset.thresholds.pass}
          placeholder="无"
          onChange={(v) => onChange({ ...ruleset, thresholds: { ...ruleset.thresholds, pass: v ?? undefined } })}
        />{' '}
        总分低于此线为不合格
      </Descriptions.Item>
      <Descriptions.Item label="加分门槛">
        <InputNumber
          min={0}
          value={ruleset.thresholds.bonusOnlyAbove}
          placeholder="无"
          onChange={(v) => onChange({ ...ruleset, thresholds: { ...ruleset.thresholds, bonusOnlyAbove: v ?? undefined } })}
        />{' '}
        基础得分高于此分才计加分
      </Descriptions.Item>
      <Descriptions.Item label="政务新媒体计分">
        <Select
          style={{ width: 260 }}
          value={ruleset.accountScoring ?? 'scored'}
          onChange={(v) => onChange({ ...ruleset, accountScoring: v })}
          options={[
            { value: 'scored', label: '按适用的指标计分' },
            { value: 'veto-only', label: '只按单项否决判定' },
          ]}
        />
      </Descriptions.Item>
      <Descriptions.Item label="方案名称 / 版本">
        <Space>
          <Input
            style={{ width: 360 }}
            defaultValue={ruleset.name}
            key={`name-${ruleset.name}`}
            onBlur={(e) => onChange({ ...ruleset, name: e.target.value.trim() || ruleset.name })}
          />
          <Input
            style={{ width: 120 }}
            defaultValue={ruleset.version}
            key={`edition-${ruleset.version}`}
            onBlur={(e) => onChange({ ...ruleset, version: e.target.value.trim() || ruleset.version })}
          />
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}
