import { Alert, Button, Descriptions, Empty, Input, InputNumber, Space } from 'antd';
import type { PendingDecision, Ruleset } from '../../../../shared/ruleset/types';
import {
  addIndicator,
  addRule,
  addSection,
  findIndicator,
  findSection,
  removeNode,
  removeRule,
  resolveDecision,
  updateNode,
  updateRule,
} from '../../../../shared/ruleset/edit';
import type { RulesetProblem } from '../../../../shared/ruleset/check';
import { ApplicabilityEditor } from './applicability';
import { RulesTable } from './rules-table';
import { attributeNames } from './rule-details';

/** Open questions of one node, each with "已处理" once the person made the change. */
export function DecisionList({ decisions, onResolve }: { decisions: PendingDecision[]; onResolve: (id: string) => void }) {
  if (!decisions.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {decisions.map((d) => (
        <Alert
          key={d.id}
          type="warning"
          showIcon
          data-testid={`decision-${d.id}`}
          message={`${d.rule ? `第${d.rule}条：` : ''}${d.reason}`}
          description={`原文：${d.text}`}
          action={
            <Button size="small" onClick={() => onResolve(d.id)} data-testid={`resolve-${d.id}`}>
              已处理
            </Button>
          }
        />
      ))}
    </Space>
  );
}

/** The selected part, section or indicator: its fields, applicability, rules and open questions. */
export function NodePanel({
  ruleset,
  nodeId,
  problems,
  onChange,
}: {
  ruleset: Ruleset;
  nodeId?: string;
  /** The live validation's problems (those of this node's rules are shown under the rows). */
  problems: RulesetProblem[];
  onChange: (next: Ruleset, mergeKey?: string) => void;
}) {
  if (!nodeId) return <Empty description="在左侧选择一级指标、二级指标或部分进行编辑" />;
  const decisions = (ruleset.pending ?? []).filter((d) => d.indicatorId === nodeId);
  const resolve = (id: string) => onChange(resolveDecision(ruleset, id));
  const part = ruleset.parts.find((p) => p.id === nodeId);
  const section = findSection(ruleset, nodeId);
  const indicator = findIndicator(ruleset, nodeId);
  const node = part ?? section?.section ?? indicator?.indicator;
  if (!node) return <Empty description="该节点已删除" />;
  const numberField =
    part || section
      ? { label: '分值（满分）', value: (node as { max: number }).max, key: 'max' as const }
      : { label: '分值（权重）', value: (node as { weight: number }).weight, key: 'weight' as const };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="node-panel">
      <DecisionList decisions={decisions} onResolve={resolve} />
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="名称">
          <Input
            defaultValue={node.name}
            key={`${nodeId}-${node.name}`}
            onBlur={(e) => e.target.value !== node.name && onChange(updateNode(ruleset, nodeId, { name: e.target.value }))}
            data-testid="node-name"
          />
        </Descriptions.Item>
        <Descriptions.Item label={numberField.label}>
          <InputNumber
            min={0}
            step={0.5}
            value={numberField.value}
            onChange={(v) => onChange(updateNode(ruleset, nodeId, { [numberField.key]: v ?? 0 }), `weight:${nodeId}`)}
            data-testid="node-weight"
          />
        </Descriptions.Item>
        <Descriptions.Item label="适用范围">
          <ApplicabilityEditor
            value={node.appliesTo}
            classes={ruleset.classes}
            onChange={(v) => onChange(updateNode(ruleset, nodeId, { appliesTo: v }))}
          />
        </Descriptions.Item>
        {indicator && (
          <Descriptions.Item label="备注">
            <Input.TextArea
              autoSize={{ maxRows: 4 }}
              defaultValue={indicator.indicator.note}
              key={`${nodeId}-note-${indicator.indicator.note ?? ''}`}
              onBlur={(e) => onChange(updateNode(ruleset, nodeId, { note: e.target.value || undefined }))}
            />
          </Descriptions.Item>
        )}
      </Descriptions>
      {indicator && !indicator.indicator.children?.length && (
        <RulesTable
          key={nodeId}
          rules={indicator.indicator.rules}
          flaggedRules={new Set(decisions.filter((d) => d.rule).map((d) => d.rule!))}
          problems={problems.filter((p) => p.nodeId === nodeId && p.rule !== undefined)}
          attributes={attributeNames(ruleset)}
          onChange={(n, patch, mergeKey) => onChange(updateRule(ruleset, nodeId, n, patch), mergeKey && `${nodeId}:${mergeKey}`)}
          onAdd={() =>
            onChange(
              addRule(ruleset, nodeId, {
                text: '新评分细则',
                kind: indicator.part.kind === 'veto' ? 'veto' : indicator.part.kind === 'bonus' ? 'fixed-bonus' : 'fixed',
                points: indicator.part.kind === 'veto' ? undefined : 1,
              }),
            )
          }
          onRemove={(n) => onChange(removeRule(ruleset, nodeId, n))}
        />
      )}
      <Space>
        {part && <Button onClick={() => onChange(addSection(ruleset, nodeId, '新一级指标', 0))}>添加一级指标</Button>}
        {section && <Button onClick={() => onChange(addIndicator(ruleset, nodeId, '新二级指标', 0))}>添加二级指标</Button>}
        {indicator && !indicator.indicator.rules.length && (
          <Button onClick={() => onChange(addIndicator(ruleset, nodeId, '新三级指标', 0))}>添加三级指标</Button>
        )}
        <Button danger onClick={() => onChange(removeNode(ruleset, nodeId))}>
          删除
        </Button>
      </Space>
    </Space>
  );
}
