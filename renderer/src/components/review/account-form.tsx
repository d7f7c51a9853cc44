import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Space, Spin, Typography, Upload } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { AccountFormField, AccountFormView, EvidenceView } from '../../../../shared/api/review';
import { api } from '../../api/client';
import { readAsBase64 } from '../../read-file';
import { useCall } from '../../use-call';
import { beijingTime } from '../../format';
import { EvidenceStrip } from './evidence-strip';

type Answers = AccountFormView['answers'];

/** Screenshots for one question: drop files, paste from the clipboard, or pick them. */
function ScreenshotDrop({ onFiles }: { onFiles: (files: File[]) => void }) {
  return (
    <div
      tabIndex={0}
      onPaste={(e) => {
        const files = [...e.clipboardData.files].filter((f) => f.type.startsWith('image/'));
        if (files.length) {
          e.preventDefault();
          onFiles(files);
        }
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        onFiles([...e.dataTransfer.files]);
      }}
      style={{ border: '1px dashed #d9d9d9', borderRadius: 4, padding: '4px 8px', fontSize: 12, color: '#888' }}
    >
      <PictureOutlined /> 拖入或粘贴（Ctrl+V）截图，或
      <Upload accept="image/*" multiple showUploadList={false} beforeUpload={(f) => (onFiles([f]), false)}>
        <Button type="link" size="small">
          选择文件
        </Button>
      </Upload>
    </div>
  );
}

function FieldInput({
  field,
  value,
  onChange,
}: {
  field: AccountFormField;
  value: Answers[string] | undefined;
  onChange: (v: Answers[string]) => void;
}) {
  switch (field.type) {
    case 'date':
      return (
        <DatePicker
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
          data-testid={`field-${field.key}`}
        />
      );
    case 'boolean':
      return (
        <Radio.Group value={value ?? null} onChange={(e) => onChange(e.target.value as boolean)} data-testid={`field-${field.key}`}>
          <Radio value>是</Radio>
          <Radio value={false}>否</Radio>
        </Radio.Group>
      );
    case 'count':
      return (
        <InputNumber
          min={0}
          max={520}
          value={typeof value === 'number' ? value : null}
          onChange={(n) => onChange(n ?? null)}
          data-testid={`field-${field.key}`}
        />
      );
    case 'text':
      return (
        <Input.TextArea
          rows={2}
          value={typeof value === 'string' ? value : ''}
          placeholder="没有则留空"
          onChange={(e) => onChange(e.target.value)}
          data-testid={`field-${field.key}`}
        />
      );
  }
}

/**
 * What reviewers check by hand on the platforms for one account. Each answer
 * that shows a problem becomes a confirmed finding on the rule the ruleset
 * names (on the account, or on its unit's website where the ruleset scores
 * new media there), with the screenshots given for that question.
 */
export function AccountForm({
  id,
  targetId,
  evidence,
  onSaved,
  onOpenEvidence,
}: {
  id: string;
  targetId: number;
  evidence: EvidenceView[];
  onSaved: () => void;
  onOpenEvidence: (e: EvidenceView) => void;
}) {
  const { message } = App.useApp();
  const form = useCall(() => api.newmedia.form({ id, targetId }), [id, targetId]);
  const [answers, setAnswers] = useState<Answers>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setAnswers(form.data?.answers ?? {}), [form.data]);
  const dirty = !!form.data && JSON.stringify(answers) !== JSON.stringify(form.data.answers);
  // Ctrl+S saves from anywhere in the form, a text field included (the browser's "save page" is never wanted here).
  const saveRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (form.error) return <Alert type="error" message={form.error.message} />;
  if (!form.data) return <Spin />;
  const set = (key: string, v: Answers[string]) => setAnswers((a) => ({ ...a, [key]: v }));
  const attach = async (key: string, files: File[]) => {
    try {
      const added: number[] = [];
      for (const f of files)
        added.push(
          (await api.evidence.import({ id, targetId, fileName: f.name || 'clipboard.png', contentBase64: await readAsBase64(f) })).id,
        );
      const list = answers[`${key}:evidence`];
      set(`${key}:evidence`, [...(Array.isArray(list) ? list : []), ...added]);
      onSaved();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      await api.newmedia.save({ id, targetId, answers });
      message.success('已保存新媒体检查表，问题已计入评分');
      await form.reload();
      onSaved();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  saveRef.current = () => void save();

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }} data-testid="account-form">
      <div style={{ flex: 1, overflow: 'auto', padding: '8px 12px', minHeight: 0 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          新媒体检查表
        </Typography.Title>
        {/* Questions side by side where the pane is wide enough: the form fits in about one screen. */}
        <Form
          layout="vertical"
          size="small"
          style={{ marginTop: 8, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: 16 }}
        >
          {form.data.fields.map((field) => {
            const shots = answers[`${field.key}:evidence`];
            const ids = new Set(Array.isArray(shots) ? shots : []);
            return (
              <Form.Item
                key={field.key}
                label={field.label}
                style={{ marginBottom: 12 }}
                extra={
                  <>
                    {field.hint}
                    {field.scoredAs.length > 0 && <div>计入：{field.scoredAs.join('；')}</div>}
                  </>
                }
              >
                <Space direction="vertical" style={{ width: '100%' }}>
                  <FieldInput field={field} value={answers[field.key]} onChange={(v) => set(field.key, v)} />
                  {field.scoredAs.length > 0 && <ScreenshotDrop onFiles={(files) => void attach(field.key, files)} />}
                  {ids.size > 0 && <EvidenceStrip evidence={evidence.filter((e) => ids.has(e.id))} onOpen={onOpenEvidence} />}
                </Space>
              </Form.Item>
            );
          })}
        </Form>
      </div>
      {/* Always in view: the save button does not hide at the bottom of a long form. */}
      <div
        style={{
          flex: 'none',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: '8px 12px',
          borderTop: '1px solid #eee',
          background: '#fafafa',
        }}
        data-testid="account-form-bar"
      >
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="account-form-save">
          保存检查表（Ctrl+S）
        </Button>
        <Typography.Text type={dirty ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {dirty ? '有未保存的修改' : form.data.updatedAt ? `已保存 · ${beijingTime(form.data.updatedAt)}` : '尚未保存'}
        </Typography.Text>
      </div>
    </div>
  );
}
