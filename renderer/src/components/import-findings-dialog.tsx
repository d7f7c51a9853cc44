import { useState } from 'react';
import { Alert, Modal, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { FindingsImportView } from '../../../shared/api/views';
import { api } from '../api/client';
import { readAsBase64 } from '../read-file';

type Picked = { fileName: string; contentBase64: string };

/** 批量导入问题: a spreadsheet of findings, previewed with every error, then written all or nothing. */
export function ImportFindingsDialog(props: { id: string; open: boolean; onClose: () => void; onImported: (count: number) => void }) {
  const [picked, setPicked] = useState<Picked | undefined>();
  const [view, setView] = useState<FindingsImportView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPicked(undefined);
    setView(undefined);
    setError(undefined);
    props.onClose();
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = (file: File) => {
    setView(undefined);
    void run(async () => {
      const next = { fileName: file.name, contentBase64: await readAsBase64(file) };
      setPicked(next);
      setView(await api.findings.previewImport({ id: props.id, ...next }));
    });
    return false;
  };

  const commit = () =>
    run(async () => {
      if (!picked) return;
      const result = await api.findings.import({ id: props.id, ...picked });
      if (!result.ok) return setView(result);
      props.onImported(result.findings);
      close();
    });

  return (
    <Modal
      title="批量导入问题"
      width={760}
      open={props.open}
      okText="确认导入"
      cancelText="取消"
      okButtonProps={{ disabled: !view?.ok || busy, 'data-testid': 'confirm-findings-import' } as never}
      confirmLoading={busy}
      onOk={commit}
      onCancel={close}
    >
      <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={pick} data-testid="findings-file">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入问题表（.xlsx / .csv）</p>
        <Typography.Text type="secondary">
          表头：考评对象、指标（或一级指标、二级指标）、评分细则、次数、说明。导入的问题记为已确认；有任何错误则整份不导入，同一文件不会导入两次。
        </Typography.Text>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
      {view && (
        <div style={{ marginTop: 12 }} data-testid="findings-preview">
          {view.ok ? (
            <Alert type="info" showIcon message={`${picked?.fileName ?? ''}：${view.findings} 条问题，涉及 ${view.targets} 个考评对象`} />
          ) : (
            <Alert
              type="error"
              showIcon
              message={`${view.errors.length} 处错误，不能导入`}
              description={
                <ul style={{ maxHeight: 240, overflow: 'auto', margin: 0 }}>
                  {view.errors.map((e) => (
                    <li key={e}>{e}</li>
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
