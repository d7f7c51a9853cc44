import { AutoComplete, Checkbox, Descriptions, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DETECTS, detectId, type DetectId, type DetectOptions, type DetectSpec } from '../../../../shared/checks/detects';
import { DETECT_OPTIONS, KNOWN_EXEMPTIONS } from '../../../../shared/ruleset/detect-options';
import type { RulesetProblem } from '../../../../shared/ruleset/check';
import type { Rule, Ruleset } from '../../../../shared/ruleset/types';

/** Every attribute name the ruleset uses (class defaults, applicability, transfers) and the known exemptions. */
export function attributeNames(ruleset: Ruleset): { value: string; label: string }[] {
  const names = new Map(KNOWN_EXEMPTIONS.map((e) => [e.key, `${e.label}（${e.key}）`]));
  const add = (attrs: Record<string, boolean> | undefined) => Object.keys(attrs ?? {}).forEach((k) => names.has(k) || names.set(k, k));
  ruleset.classes.forEach((c) => add(c.defaults));
  ruleset.transfers.forEach((t) => add(t.when.attributes));
  for (const p of ruleset.parts) {
    add(p.appliesTo?.attributes);
    for (const s of p.sections) {
      add(s.appliesTo?.attributes);
      const visit = (i: (typeof s.indicators)[number]) => {
        add(i.appliesTo?.attributes);
        i.children?.forEach(visit);
      };
      s.indicators.forEach(visit);
    }
  }
  return [...names].map(([value, label]) => ({ value, label }));
}

/** A detect entry with its conditions; the plain id when it has none. */
function normalise(spec: { check: DetectId; atLeast?: number; unless?: string; options?: DetectOptions }): DetectSpec {
  const options = Object.fromEntries(Object.entries(spec.options ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  const out = {
    check: spec.check,
    ...(spec.atLeast && spec.atLeast > 1 ? { atLeast: spec.atLeast } : {}),
    ...(spec.unless ? { unless: spec.unless } : {}),
    ...(Object.keys(options).length ? { options } : {}),
  };
  return Object.keys(out).length === 1 ? spec.check : out;
}

/**
 * The rest of one rule, under its row: the short problem phrase the circular
 * lists (多个栏目长期未更新), and for each automated check it scores, the
 * conditions — from how many occurrences (累计超过（含）5个), an attribute that
 * exempts a target (服务号), and the detector's reading where the rule is open.
 */
export function RuleDetails({
  rule,
  problems,
  attributes,
  onChange,
}: {
  rule: Rule;
  problems: RulesetProblem[];
  attributes: { value: string; label: string }[];
  onChange: (patch: Partial<Rule>, mergeKey?: string) => void;
}) {
  const specs = rule.detects ?? [];
  const setSpec = (i: number, patch: { atLeast?: number; unless?: string; options?: DetectOptions }, mergeKey?: string) => {
    const next = specs.map((s, j) => {
      if (j !== i) return s;
      const current = typeof s === 'string' ? { check: s } : s;
      return normalise({ ...current, ...patch });
    });
    onChange({ detects: next }, mergeKey);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`rule-details-${rule.n}`}>
      {problems.map((p, i) => (
        <Typography.Text key={i} type="danger">
          {p.message}
        </Typography.Text>
      ))}
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="问题短语（通报中列出）">
          <Input
            placeholder="如：多个栏目长期未更新（不填则用指标名称）"
            defaultValue={rule.problem}
            key={`problem-${rule.problem ?? ''}`}
            maxLength={60}
            onBlur={(e) => {
              const value = e.target.value.trim() || undefined;
              if (value !== rule.problem) onChange({ problem: value });
            }}
            data-testid={`rule-problem-${rule.n}`}
          />
        </Descriptions.Item>
        <Descriptions.Item label="自动检查（detects）">
          <Select
            mode="multiple"
            allowClear
            placeholder="无（只由评审人员记录）"
            style={{ width: '100%' }}
            value={specs.map(detectId)}
            onChange={(ids: DetectId[]) => {
              // Keep each check's conditions, in the order chosen.
              const next = ids.map((id) => specs.find((s) => detectId(s) === id) ?? id);
              onChange({ detects: next.length ? next : undefined });
            }}
            options={Object.entries(DETECTS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
            optionFilterProp="label"
            data-testid={`rule-detect-ids-${rule.n}`}
          />
        </Descriptions.Item>
        {specs.map((spec, i) => {
          const id = detectId(spec);
          const s = typeof spec === 'string' ? { check: spec } : spec;
          return (
            <Descriptions.Item key={id} label={`自动检查：${DETECTS[id]}`}>
              <Space wrap data-testid={`detect-${rule.n}-${id}`}>
                <span>累计达到</span>
                <InputNumber
                  size="small"
                  min={1}
                  precision={0}
                  placeholder="1"
                  value={s.atLeast}
                  onChange={(v) => setSpec(i, { atLeast: v ?? undefined }, `detect:${rule.n}:${id}:atLeast`)}
                  data-testid="detect-at-least"
                />
                <span>处才计；对象具有属性</span>
                <AutoComplete
                  size="small"
                  style={{ width: 200 }}
                  allowClear
                  placeholder="（无豁免）"
                  options={attributes}
                  defaultValue={s.unless}
                  key={`unless-${s.unless ?? ''}`}
                  onBlur={(e) => {
                    const value = (e.target as HTMLInputElement).value.trim() || undefined;
                    if (value !== s.unless) setSpec(i, { unless: value });
                  }}
                  onSelect={(value: string) => value !== s.unless && setSpec(i, { unless: value })}
                  onClear={() => setSpec(i, { unless: undefined })}
                  data-testid="detect-unless"
                />
                <span>时不计</span>
                {(DETECT_OPTIONS[id] ?? []).map((o) =>
                  o.type === 'boolean' ? (
                    <Checkbox
                      key={o.key}
                      checked={s.options?.[o.key] === true}
                      onChange={(e) => setSpec(i, { options: { ...s.options, [o.key]: e.target.checked || undefined } as DetectOptions })}
                      data-testid={`detect-option-${o.key}`}
                    >
                      {o.label}
                    </Checkbox>
                  ) : (
                    <Input
                      key={o.key}
                      size="small"
                      style={{ width: 160 }}
                      addonBefore={o.label}
                      defaultValue={s.options?.[o.key] === undefined ? '' : String(s.options[o.key])}
                      onBlur={(e) => {
                        const raw = e.target.value.trim();
                        const value = o.type === 'number' && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw || undefined;
                        setSpec(i, { options: { ...s.options, [o.key]: value } as DetectOptions });
                      }}
                    />
                  ),
                )}
              </Space>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </Space>
  );
}
