import { App, Input } from 'antd';

/** Asks for one line of text in a dialog; resolves with undefined when the reviewer cancels. */
export function useAskText() {
  const { modal } = App.useApp();
  return (title: string, options: { initial?: string; placeholder: string; required: string; multiline?: boolean }): Promise<string | undefined> =>
    new Promise((resolve) => {
      let value = options.initial ?? '';
      const props = { autoFocus: true, defaultValue: value, placeholder: options.placeholder, onChange: (e: { target: { value: string } }) => (value = e.target.value), 'data-testid': 'ask-input' };
      modal.confirm({
        title,
        width: 560,
        content: options.multiline ? <Input.TextArea rows={3} {...props} /> : <Input {...props} />,
        okText: '确定',
        cancelText: '取消',
        onOk: () => {
          if (!value.trim()) return Promise.reject(new Error(options.required));
          resolve(value.trim());
          return undefined;
        },
        onCancel: () => resolve(undefined),
      });
    });
}

/**
 * Asks for the reason a confirmed finding is changed or removed (the store
 * records it in the history).
 */
export function useAskReason() {
  const ask = useAskText();
  return (title: string, initial = '') => ask(title, { initial, placeholder: '填写原因（将记入历史记录）', required: '请填写原因', multiline: true });
}
