import { useState } from 'react';
import { App, Input, Space, Tag } from 'antd';

/** Reasons reviewers give most often, one click each; free text is always possible. */
export const REASON_PICKS = {
  dismiss: ['误报：核实后页面正常', '不适用于本对象', '与其他问题重复', '证据不足，无法确认', '网站已在监测时间点前改正'],
  delete: ['记录有误', '重复记录', '应记在其他指标', '误报：核实后页面正常'],
  change: ['复核后更正', '单位申请复核，经核实更正', '记录有误'],
} as const;

// One prompt at a time: a double click must not stack two dialogs (the second click counts as cancelled).
let prompting = false;

function ReasonField({
  initial,
  placeholder,
  picks,
  multiline,
  onChange,
}: {
  initial: string;
  placeholder: string;
  picks: readonly string[];
  multiline: boolean;
  onChange: (v: string) => void;
}) {
  const [value, setValue] = useState(initial);
  const set = (v: string) => {
    setValue(v);
    onChange(v);
  };
  const field = {
    autoFocus: true,
    value,
    placeholder,
    onChange: (e: { target: { value: string } }) => set(e.target.value),
    'data-testid': 'ask-input',
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {picks.length > 0 && (
        <Space size={[4, 4]} wrap data-testid="reason-picks">
          {picks.map((p) => (
            <Tag.CheckableTag key={p} checked={value === p} onChange={() => set(p)} style={{ border: '1px solid #d9d9d9' }}>
              {p}
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      {multiline ? <Input.TextArea rows={3} {...field} /> : <Input {...field} />}
    </Space>
  );
}

/** Asks for one line of text in a dialog; resolves with undefined when the reviewer cancels (never an error). */
export function useAskText() {
  const { modal, message } = App.useApp();
  return (
    title: string,
    options: { initial?: string; placeholder: string; required: string; multiline?: boolean; picks?: readonly string[] },
  ): Promise<string | undefined> =>
    new Promise((resolve) => {
      if (prompting) return resolve(undefined);
      prompting = true;
      let value = options.initial ?? '';
      const done = (v: string | undefined) => {
        prompting = false;
        resolve(v);
      };
      modal.confirm({
        title,
        width: 560,
        icon: null,
        content: (
          <ReasonField
            initial={value}
            placeholder={options.placeholder}
            picks={options.picks ?? []}
            multiline={!!options.multiline}
            onChange={(v) => (value = v)}
          />
        ),
        okText: '确定',
        cancelText: '取消',
        onOk: () => {
          // The dialog stays open and says what is missing.
          if (!value.trim()) {
            void message.warning(options.required);
            return Promise.reject(new Error(options.required));
          }
          done(value.trim());
          return undefined;
        },
        onCancel: () => done(undefined),
      });
    });
}

/**
 * Asks why a finding is dismissed, deleted or changed (the store refuses these
 * without a reason and records it in the history): quick picks plus free text.
 */
export function useAskReason() {
  const ask = useAskText();
  return (title: string, picks: readonly string[] = [], initial = '') =>
    ask(title, { initial, placeholder: '填写原因（将记入历史记录）', required: '请填写原因', multiline: true, picks });
}
