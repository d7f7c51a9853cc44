import { Alert, App, Modal, Table, Tag, Typography } from 'antd';
import type { ExportPreviewView, PreviewTable } from '../../../shared/api/views';
import type { ExportFormat } from '../../../shared/export-formats';
import { api } from '../api/client';
import { useCall } from '../use-call';

function TablePreview({ table }: { table: PreviewTable }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{table.title}</Typography.Text>
      {table.caption && (
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {table.caption}
        </Typography.Text>
      )}
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ y: 240 }}
        rowKey={(_, i) => String(i)}
        dataSource={table.rows.slice(0, 200).map((row) => Object.fromEntries(row.map((v, i) => [String(i), v])))}
        columns={table.headers.map((h, i) => ({
          title: h,
          dataIndex: String(i),
          render: (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v ?? '')),
        }))}
      />
    </div>
  );
}

function PreviewBody({ preview }: { preview: ExportPreviewView }) {
  if (preview.kind === 'tables')
    return (
      <>
        {preview.tables.map((t, i) => (
          <TablePreview key={i} table={t} />
        ))}
      </>
    );
  if (preview.kind === 'files') {
    if (preview.files.length === 0) return <Alert type="info" message="没有已确认问题的证据文件" />;
    return (
      <Table
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={preview.files}
        columns={[
          { title: '考评对象', dataIndex: 'target' },
          { title: '指标', dataIndex: 'indicator' },
          { title: '文件', dataIndex: 'path' },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (h: string, f) => <Tag color={f.matches ? 'green' : 'red'}>{h.slice(0, 12)}…</Tag>,
          },
        ]}
      />
    );
  }
  return (
    <>
      <div
        style={{
          fontFamily: 'serif',
          background: '#fff',
          border: '1px solid #eee',
          padding: 16,
          maxHeight: 320,
          overflow: 'auto',
          marginBottom: 16,
        }}
      >
        {preview.lines.map((line, i) => (
          <p key={i} style={{ margin: '4px 0', textAlign: i < 3 ? 'center' : 'left', color: i === 0 ? '#c00' : undefined }}>
            {line}
          </p>
        ))}
      </div>
      {preview.tables.map((t, i) => (
        <TablePreview key={i} table={t} />
      ))}
    </>
  );
}

/**
 * Shows what an export will hold before the file is written; when some targets are
 * not fully reviewed it says how many, and asks again before writing.
 */
export function ExportPreviewDialog(props: { id: string; format: ExportFormat; label: string; onClose: () => void; onExport: () => void }) {
  const preview = useCall(() => api.exports.preview({ id: props.id, format: props.format }), [props.id, props.format]);
  const { modal } = App.useApp();
  const incomplete = preview.data?.incomplete ?? 0;
  const confirm = () => {
    if (!incomplete) return props.onExport();
    modal.confirm({
      title: '评审尚未完成',
      content: `尚有 ${incomplete} 个考评对象未评审完毕，文件中其得分将标为“暂计”，不定等次、不排名。仍要导出吗？`,
      okText: '仍然导出',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'export-incomplete-confirm' } as never,
      onOk: props.onExport,
    });
  };
  return (
    <Modal
      open
      width={1000}
      title={`预览：${props.label}`}
      okText="导出文件"
      cancelText="关闭"
      onCancel={props.onClose}
      onOk={confirm}
      okButtonProps={{ 'data-testid': 'export-confirm' } as never}
    >
      {preview.error && <Alert type="error" showIcon message={preview.error.message} />}
      {incomplete > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="export-incomplete"
          message={`尚有 ${incomplete} 个考评对象未评审完毕：其得分为暂计，不定等次、不排名。`}
        />
      )}
      <div data-testid="export-preview">{preview.data && <PreviewBody preview={preview.data} />}</div>
    </Modal>
  );
}
