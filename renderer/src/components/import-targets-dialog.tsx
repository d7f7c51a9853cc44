import { useState } from 'react';
import { Alert, Descriptions, Modal, Select, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportPreview } from '../../../shared/api/views';
import { api } from '../api/client';
import { readAsBase64 } from '../read-file';

/** 导入考评对象: pick a list, see what it holds (and every error), then commit all or nothing. */
export function ImportTargetsDialog(props: { id: string; open: boolean; onClose: () => void; onImported: () => void }) {
  const [upload, setUpload] = useState<{ fileName: string; contentBase64: string } | undefined>();
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Headings that do not name one of the ruleset's classes: the person importing picks it.
  const [classMap, setClassMap] = useState<Record<string, string>>({});

  const reset = () => {
    setUpload(undefined);
    setPreview(undefined);
    setError(undefined);
    setClassMap({});
  };

  const remap = async (title: string, classId: string) => {
    if (!upload) return;
    const next = { ...classMap, [title]: classId };
    setClassMap(next);
    setBusy(true);
    try {
      setPreview(await api.targets.previewImport({ id: props.id, ...upload, classMap: next }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File) => {
    reset();
    setBusy(true);
    try {
      const next = { fileName: file.name, contentBase64: await readAsBase64(file) };
      setUpload(next);
      setPreview(await api.targets.previewImport({ id: props.id, ...next }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
    return false;
  };

  const commit = async () => {
    if (!upload) return;
    setBusy(true);
    try {
      const result = await api.targets.import({ id: props.id, ...upload, classMap });
      if (!result.ok) setPreview(result);
      else {
        reset();
        props.onImported();
        props.onClose();
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="导入考评对象"
      width={760}
      open={props.open}
      okText="确认导入"
      cancelText="取消"
      okButtonProps={{ disabled: !preview?.ok, 'data-testid': 'confirm-import' } as never}
      confirmLoading={busy}
      onOk={commit}
      onCancel={() => {
        reset();
        props.onClose();
      }}
    >
      <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={pick} data-testid="import-file">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入名单文件（.xlsx / .csv，附件1格式）</p>
        <Typography.Text type="secondary">导入前先预览；有任何错误则整份名单不导入。</Typography.Text>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
      {preview && (
        <div style={{ marginTop: 12 }} data-testid="import-preview">
          <Descriptions size="small" bordered column={3} title={`预览：${upload?.fileName ?? ''}`}>
            {preview.byClass.map((c) => (
              <Descriptions.Item key={c.label} label={c.label}>
                {c.count} 个
              </Descriptions.Item>
            ))}
          </Descriptions>
          {preview.sections && preview.sections.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey="title"
              pagination={false}
              dataSource={preview.sections}
              data-testid="import-sections"
              columns={[
                { title: '名单中的标题', dataIndex: 'title' },
                { title: '行数', dataIndex: 'count', width: 70 },
                {
                  title: '对应的考评类别',
                  width: 280,
                  render: (_: unknown, s: NonNullable<ImportPreview['sections']>[number]) => (
                    <Select
                      style={{ width: 260 }}
                      status={s.classId ? undefined : 'warning'}
                      placeholder="请选择类别"
                      value={s.classId ?? undefined}
                      onChange={(v: string) => void remap(s.title, v)}
                      options={(preview.classes ?? []).map((c) => ({ value: c.id, label: `${c.label} ${c.name}` }))}
                      data-testid="section-class"
                    />
                  ),
                },
              ]}
            />
          )}
          {preview.errors.length > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              showIcon
              message={`${preview.errors.length} 处错误，不能导入`}
              description={
                <ul style={{ maxHeight: 200, overflow: 'auto', margin: 0 }}>
                  {preview.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              }
            />
          )}
          {preview.warnings.length > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={`${preview.warnings.length} 条提示（不影响导入）`}
              description={
                <ul style={{ maxHeight: 160, overflow: 'auto', margin: 0 }}>
                  {preview.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
    </Modal>
  );
}
