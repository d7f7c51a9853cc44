import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { RulesetLibraryRow } from '../../../shared/api/views';
import { api, ApiError } from '../api/client';
import { useCall } from '../use-call';
import { readAsBase64 } from '../read-file';

/** 考评方案库: built-ins and the workspace's own rulesets; import a scheme file, copy, edit, export. */
export function RulesetLibraryScreen({ onBack, onEdit }: { onBack: () => void; onEdit: (id: string) => void }) {
  const { message } = App.useApp();
  const list = useCall(() => api.rulesets.library({}), []);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<ApiError | Error>();
  const [copying, setCopying] = useState<RulesetLibraryRow>();
  const [copyId, setCopyId] = useState('');
  const [copyName, setCopyName] = useState('');

  const importFile = async (file: File) => {
    setImporting(true);
    setImportError(undefined);
    try {
      const saved = await api.rulesets.importFile({ fileName: file.name, contentBase64: await readAsBase64(file) });
      message.success(`已导入：${saved.id} 第 ${saved.version} 版${saved.pending ? `，${saved.pending} 项待决定` : ''}`);
      await list.reload();
      onEdit(saved.id);
    } catch (e) {
      setImportError(e as Error);
    } finally {
      setImporting(false);
    }
    return false;
  };

  const download = async (id: string) => {
    const doc = await api.rulesets.get({ rulesetId: id });
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc.ruleset, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${id}${doc.version ? `-v${doc.version}` : ''}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const copy = async () => {
    if (!copying) return;
    try {
      const saved = await api.rulesets.copy({ from: copying.id, rulesetId: copyId.trim(), name: copyName.trim() || undefined });
      setCopying(undefined);
      await list.reload();
      onEdit(saved.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" />
          考评方案库
        </Space>
      }
      extra={
        <Upload accept=".docx,.xlsx,.json" showUploadList={false} beforeUpload={importFile} data-testid="import-scheme">
          <Button type="primary" icon={<UploadOutlined />} loading={importing}>
            导入方案文件（Word / Excel / JSON）
          </Button>
        </Upload>
      }
    >
      <Typography.Paragraph type="secondary">
        导入本地考评方案的 Word 原文（含“考评对象”一节和指标表）或指标表
        Excel：标准写法识别为计分方式，其余（权重转移、满分折算、适用范围等）列为待决定事项，在编辑器中逐项处理后才能用于新建考评。每次保存为一个新版本；已有考评保留其方案快照，采用新版本须明确操作并记入历史。
      </Typography.Paragraph>
      {importError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={importError.message}
          description={importError instanceof ApiError ? importError.details.join('；') : undefined}
        />
      )}
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Table<RulesetLibraryRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          {
            title: '考评方案',
            dataIndex: 'name',
            render: (name: string, r) => (
              <Typography.Link onClick={() => onEdit(r.id)} data-testid={`ruleset-${r.id}`}>
                {name}
              </Typography.Link>
            ),
          },
          { title: '编号', dataIndex: 'id', width: 200 },
          {
            title: '来源',
            width: 160,
            render: (_: unknown, r) =>
              r.origin === 'built-in' ? <Tag>内置</Tag> : <Tag color="blue">{`方案库 第${r.versions.at(-1)?.version ?? 1}版`}</Tag>,
          },
          { title: '指标', dataIndex: 'indicators', width: 70 },
          {
            title: '状态',
            width: 130,
            render: (_: unknown, r) => (r.pending ? <Tag color="orange">{`${r.pending} 项待决定`}</Tag> : <Tag color="green">可用</Tag>),
          },
          { title: '基于', dataIndex: 'basedOn', width: 200, render: (v?: string) => v ?? '—' },
          {
            title: '',
            width: 200,
            render: (_: unknown, r) => (
              <Space>
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  onClick={() => {
                    setCopying(r);
                    setCopyId(`${r.id}-copy`);
                    setCopyName(`${r.name}（副本）`);
                  }}
                >
                  复制
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(r.id)}>
                  导出
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={`以“${copying?.name ?? ''}”为基础新建`}
        open={!!copying}
        onOk={copy}
        onCancel={() => setCopying(undefined)}
        okText="复制"
        cancelText="取消"
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input addonBefore="编号" value={copyId} onChange={(e) => setCopyId(e.target.value)} />
          <Input addonBefore="名称" value={copyName} onChange={(e) => setCopyName(e.target.value)} />
        </Space>
      </Modal>
    </Card>
  );
}
