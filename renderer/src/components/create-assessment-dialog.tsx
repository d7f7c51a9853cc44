import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { AssessmentSummary } from '../../../shared/api/views';
import { api, ApiError } from '../api/client';
import { useCall } from '../use-call';

interface Values {
  name: string;
  year: number;
  rulesetId: string;
}

/** 新建考评: name, year and ruleset; the host creates the assessment folder. */
export function CreateAssessmentDialog(props: { open: boolean; onClose: () => void; onCreated: (a: AssessmentSummary) => void }) {
  const [form] = Form.useForm<Values>();
  const rulesets = useCall(() => api.rulesets.list({}), []);
  const [error, setError] = useState<ApiError | Error | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.assessments.create(values);
      form.resetFields();
      setError(undefined);
      props.onCreated(created);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="新建考评" open={props.open} onOk={submit} onCancel={props.onClose} okText="创建" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error.message} description={error instanceof ApiError ? error.details.join('；') : undefined} />
      )}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="name" label="考评名称" rules={[{ required: true, whitespace: true, message: '请填写考评名称' }]}>
          <Input placeholder="例如：2025年度政府网站与政务新媒体考评" data-testid="assessment-name-input" />
        </Form.Item>
        <Form.Item name="year" label="考评年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} data-testid="assessment-year-input" />
        </Form.Item>
        <Form.Item name="rulesetId" label="考评方案" rules={[{ required: true, message: '请选择考评方案' }]}>
          <Select
            data-testid="ruleset-select"
            loading={rulesets.loading}
            placeholder="选择考评方案"
            options={(rulesets.data ?? []).map((r) => ({ value: r.id, label: r.pending ? `${r.name}（${r.pending} 项待决定，暂不可用）` : r.name, disabled: !!r.pending }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
