import { App, Input } from 'antd';

/**
 * Asks for the reason a confirmed finding is changed or removed (the store
 * records it in the history); resolves with undefined when the reviewer cancels.
 */
export function useAskReason() {
  const { modal } = App.useApp();
  return (title: string, initial = ''): Promise<string | undefined> =>
    new Promise((resolve) => {
      let value = initial;
      modal.confirm({
        title,
        content: <Input.TextArea autoFocus defaultValue={initial} rows={3} placeholder="填写原因（将记入历史记录）" onChange={(e) => (value = e.target.value)} data-testid="reason-input" />,
        okText: '确定',
        cancelText: '取消',
        onOk: () => {
          if (!value.trim()) return Promise.reject(new Error('请填写原因'));
          resolve(value.trim());
          return undefined;
        },
        onCancel: () => resolve(undefined),
      });
    });
}
