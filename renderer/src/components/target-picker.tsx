import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import type { TargetQuery, TargetRow } from '../../../shared/api/views';
import { api } from '../api/client';

/** How a target is named in a picker: the unit for a website, unit, platform and name for an account. */
export const targetLabel = (t: TargetRow) => (t.kind === 'website' ? t.unit : `${t.unit}·${t.platform ?? ''}“${t.name}”`);

/**
 * Picks one target of an assessment by searching on the host (the first 30
 * matches show): the list never holds every target of a provincial assessment.
 */
export function TargetPicker({
  id,
  kind,
  value,
  onChange,
  placeholder,
  style,
  testId,
}: {
  id: string;
  kind?: TargetQuery['kind'];
  value?: number;
  onChange?: (targetId: number) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<TargetRow[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    // A short pause after typing, so a name typed quickly asks once.
    const timer = setTimeout(() => {
      api.assessment
        .overview({ id, query: { text: text.trim() || undefined, kind }, limit: 30 })
        .then((o) => live && setOptions(o.targets))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, kind, text]);
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setText}
      loading={loading}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      style={style}
      notFoundContent={loading ? '正在查找…' : '没有符合条件的考评对象'}
      options={options.map((t) => ({ value: t.id, label: targetLabel(t), title: targetLabel(t) }))}
      data-testid={testId}
    />
  );
}
