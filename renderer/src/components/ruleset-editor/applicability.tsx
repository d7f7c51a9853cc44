import { Checkbox, Input, Select, Space } from 'antd';
import type { Applicability, TargetClass } from '../../../../shared/ruleset/types';

/** "hasExternalServices=true, hasNewMedia=false" ⇄ { hasExternalServices: true, hasNewMedia: false }. */
export function attributesText(attrs: Record<string, boolean> | undefined): string {
  return Object.entries(attrs ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function parseAttributes(text: string): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const part of text.split(/[,，;；\s]+/u).filter(Boolean)) {
    const m = /^(\w+)=(true|false|是|否)$/u.exec(part);
    if (m) out[m[1]!] = m[2] === 'true' || m[2] === '是';
  }
  return Object.keys(out).length ? out : undefined;
}

/** Where a part, section or indicator applies: kinds, classes, attributes. Empty means everywhere. */
export function ApplicabilityEditor({
  value,
  classes,
  onChange,
  testId,
}: {
  value: Applicability | undefined;
  classes: TargetClass[];
  onChange: (v: Applicability | undefined) => void;
  testId?: string;
}) {
  const set = (patch: Partial<Applicability>) => {
    const next: Applicability = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof Applicability)[])
      if (next[key] === undefined || (Array.isArray(next[key]) && !(next[key] as unknown[]).length)) delete next[key];
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Checkbox.Group
        value={value?.kinds ?? []}
        onChange={(v) => set({ kinds: v.length ? (v as Applicability['kinds']) : undefined })}
        options={[
          { label: '网站', value: 'website' },
          { label: '政务新媒体', value: 'account' },
        ]}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder="适用类别（不选为全部）"
        style={{ width: '100%' }}
        value={value?.classes ?? []}
        onChange={(v) => set({ classes: v.length ? v : undefined })}
        options={classes.map((c) => ({ value: c.id, label: `${c.label} ${c.name}` }))}
      />
      <Input
        placeholder="适用条件，如 hasExternalServices=true, hasNewMedia=true"
        defaultValue={attributesText(value?.attributes)}
        key={attributesText(value?.attributes)}
        onBlur={(e) => set({ attributes: parseAttributes(e.target.value) })}
      />
    </Space>
  );
}
