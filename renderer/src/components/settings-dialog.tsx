import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { api, ApiError } from '../api/client';
import { useCall } from '../use-call';

/**
 * 考评设置: period, sampling window, rectification deadline, the document facts
 * (文号, 主送, 抄送, 印发机关, 署名, dates, 公开方式, title breaks), grade lines per
 * kind and class, tie rule and number style — the keys of `kaoping settings --set`.
 * An empty field means the default.
 */
export function SettingsDialog(props: { id: string; onClose: () => void; onSaved: () => void }) {
  const rows = useCall(() => api.assessment.settings({ id: props.id }), [props.id]);
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<Error | undefined>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (rows.data) form.setFieldsValue(Object.fromEntries(rows.data.map((r) => [r.key, r.value])));
  }, [rows.data, form]);

  const save = async () => {
    const values = form.getFieldsValue();
    const changed = Object.fromEntries(
      Object.entries(values)
        .filter(([key, value]) => (value ?? '') !== (rows.data?.find((r) => r.key === key)?.value ?? ''))
        .map(([k, v]) => [k, v ?? '']),
    );
    setSaving(true);
    try {
      await api.assessment.updateSettings({ id: props.id, values: changed });
      props.onSaved();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title="考评设置"
      okText="保存"
      cancelText="取消"
      onOk={save}
      onCancel={props.onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'settings-save' } as never}
    >
      {(error ?? rows.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={(error ?? rows.error)!.message}
          description={error instanceof ApiError ? error.details.join('；') : undefined}
        />
      )}
      <Typography.Paragraph type="secondary">
        留空即用默认值（由地区、发文机关和模板得出）。命令行同样可改：kaoping settings &lt;考评目录&gt; --set 键=值。
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 7 }} wrapperCol={{ span: 17 }} style={{ maxHeight: 520, overflow: 'auto' }}>
        {(rows.data ?? []).map((r) => (
          <Form.Item key={r.key} name={r.key} label={r.label} style={{ marginBottom: 8 }}>
            <Input placeholder={r.hint} data-testid={`setting-${r.key}`} allowClear />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
