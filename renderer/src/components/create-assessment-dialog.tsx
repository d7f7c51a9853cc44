import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { AssessmentSummary } from '../../../shared/api/views';
import { api, ApiError } from '../api/client';
import { useCall } from '../use-call';

interface Values {
  name: string;
  year: number;
  rulesetId: string;
  region?: string;
  issuer?: string;
  grades?: string;
  period?: string;
  monitoringDate?: string;
}

/** Drops empty optional fields: the host then takes the ruleset's defaults. */
function filled(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as unknown as Values;
}

/**
 * 新建考评: name, year, ruleset, and what the documents need from the start — region,
 * issuer, period, monitoring date and grade lines (per kind and class); the host
 * creates the assessment folder. Everything but the ruleset can be changed later in 考评设置.
 */
export function CreateAssessmentDialog(props: { open: boolean; onClose: () => void; onCreated: (a: AssessmentSummary) => void }) {
  const [form] = Form.useForm<Values>();
  const rulesets = useCall(() => api.rulesets.list({}), []);
  const [error, setError] = useState<ApiError | Error | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.assessments.create(filled(values));
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
    <Modal
      title="新建考评"
      open={props.open}
      onOk={submit}
      onCancel={props.onClose}
      okText="创建"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={error.message}
          description={error instanceof ApiError ? error.details.join('；') : undefined}
        />
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
            options={(rulesets.data ?? []).map((r) => ({
              value: r.id,
              label: r.pending ? `${r.name}（${r.pending} 项待决定，暂不可用）` : r.name,
              disabled: !!r.pending,
            }))}
          />
        </Form.Item>
        <Form.Item name="region" label="地区" extra="用于通报标题、考评对象名单等（如：南岭市）">
          <Input placeholder="例如：南岭市" data-testid="assessment-region-input" />
        </Form.Item>
        <Form.Item name="issuer" label="发文机关" extra="发文机关标志、署名与印发机关的默认值">
          <Input placeholder="例如：南岭市人民政府办公室" data-testid="assessment-issuer-input" />
        </Form.Item>
        <Form.Item name="period" label="检查期间" extra="年度考评选“年度”；季度检查选季度；也可自定义（如：上半年）">
          <Select
            data-testid="assessment-period-select"
            allowClear
            placeholder="年度"
            options={[
              { value: 'annual', label: '年度' },
              { value: 'q1', label: '第一季度' },
              { value: 'q2', label: '第二季度' },
              { value: 'q3', label: '第三季度' },
              { value: 'q4', label: '第四季度' },
            ]}
          />
        </Form.Item>
        <Form.Item name="monitoringDate" label="监测时间点" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/u, message: '日期格式为 YYYY-MM-DD' }]}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} data-testid="assessment-monitoring-input" />
        </Form.Item>
        <Form.Item
          name="grades"
          label="等次分数线"
          extra="留空用考评方案的分数线。可按类型、类别分别设置：网站=优秀:80,良好:70,合格:60;新媒体=优秀:95,良好:90,合格:85;第一类=…"
        >
          <Input placeholder="优秀:90,良好:80,合格:60" data-testid="assessment-grades-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
