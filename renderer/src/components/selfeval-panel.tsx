import { useState } from 'react';
import { Alert, Button, Checkbox, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { SelfEvalDiffView, SelfEvalImportView } from '../../../shared/api/views';
import { TargetPicker } from './target-picker';
import { api, fileUrl } from '../api/client';
import { readAsBase64 } from '../read-file';
import { useCall } from '../use-call';

/** 自评对照: hand out templates, take the filled workbooks back, compare claims with the review. */
export function SelfEvalPanel({ id }: { id: string }) {
  const diff = useCall(() => api.selfeval.diff({ id }), [id]);
  const [targetId, setTargetId] = useState<number | undefined>();
  const [template, setTemplate] = useState<string | undefined>();
  const [results, setResults] = useState<(SelfEvalImportView & { fileName: string })[]>([]);
  const [diffFile, setDiffFile] = useState<string | undefined>();
  const [unitFilter, setUnitFilter] = useState<number | undefined>();
  const [higherOnly, setHigherOnly] = useState(false);
  const rows = (diff.data ?? []).filter((r) => (unitFilter === undefined || r.targetId === unitFilter) && (!higherOnly || r.flagged));
  const diffUnits = [...new Map((diff.data ?? []).map((r) => [r.targetId, r.unit])).entries()];

  const upload = async (file: File) => {
    try {
      const result = await api.selfeval.import({ id, fileName: file.name, contentBase64: await readAsBase64(file) });
      setResults((list) => [{ ...result, fileName: file.name }, ...list]);
      void diff.reload();
    } catch (e) {
      // A file refused before reading (a .docx) is reported like one refused while reading.
      setResults((list) => [{ ok: false, target: null, scores: 0, errors: [(e as Error).message], fileName: file.name }, ...list]);
    }
    return false;
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <TargetPicker
          id={id}
          kind="website"
          style={{ width: 280 }}
          placeholder="选择单位（输入名称查找）"
          value={targetId}
          onChange={setTargetId}
          testId="selfeval-target"
        />
        <Button
          icon={<DownloadOutlined />}
          disabled={!targetId}
          onClick={async () => setTemplate((await api.selfeval.template({ id, targetId: targetId! })).file)}
          data-testid="selfeval-template"
        >
          生成自查自评表
        </Button>
        {template && (
          <Typography.Link href={fileUrl(template)} download data-testid="selfeval-template-link">
            下载：{template.split('/').pop()}
          </Typography.Link>
        )}
        <Button
          icon={<DownloadOutlined />}
          disabled={!diff.data?.length}
          onClick={async () => setDiffFile((await api.selfeval.exportDiff({ id })).file)}
          data-testid="selfeval-export-diff"
        >
          导出对照表
        </Button>
        {diffFile && (
          <Typography.Link href={fileUrl(diffFile)} download data-testid="selfeval-diff-link">
            下载：{diffFile.split('/').pop()}
          </Typography.Link>
        )}
        <Upload accept=".xlsx" multiple showUploadList={false} beforeUpload={upload}>
          <Button icon={<UploadOutlined />} data-testid="selfeval-import">
            导入填好的自评表
          </Button>
        </Upload>
      </Space>
      {results.map((r, i) => (
        <Alert
          key={`${r.fileName}-${i}`}
          type={r.ok ? 'success' : 'error'}
          showIcon
          message={r.ok ? `已导入：${r.fileName} → ${r.target}（${r.scores} 项自评得分）` : `未导入：${r.fileName}（整份拒绝）`}
          description={
            r.ok ? undefined : (
              <ul style={{ margin: 0 }}>
                {r.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )
          }
        />
      ))}
      <Space wrap>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder="全部单位"
          showSearch
          optionFilterProp="label"
          value={unitFilter}
          onChange={setUnitFilter}
          options={diffUnits.map(([value, label]) => ({ value, label }))}
          data-testid="selfeval-unit-filter"
        />
        <Checkbox checked={higherOnly} onChange={(e) => setHigherOnly(e.target.checked)} data-testid="selfeval-higher-only">
          只看自评高于评审
        </Checkbox>
        <Typography.Text type="secondary">共 {rows.length} 行</Typography.Text>
      </Space>
      <Table<SelfEvalDiffView>
        size="small"
        rowKey={(r) => `${r.targetId}-${r.level1}-${r.level2}`}
        loading={diff.loading}
        dataSource={rows}
        locale={{ emptyText: '尚未导入自评表' }}
        rowClassName={(r) => (r.flagged ? 'selfeval-flagged' : '')}
        onRow={(r) => ({ style: r.flagged ? { background: '#fff1f0' } : undefined })}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '单位', dataIndex: 'unit', width: 180 },
          { title: '一级指标', dataIndex: 'level1', width: 140 },
          { title: '二级指标', dataIndex: 'level2', width: 160 },
          { title: '分值', dataIndex: 'max', width: 70 },
          { title: '自评', dataIndex: 'self', width: 70 },
          { title: '评审', dataIndex: 'reviewer', width: 70 },
          { title: '差值', dataIndex: 'difference', width: 90, render: (d: number, r) => (r.flagged ? <Tag color="red">+{d}</Tag> : d) },
          { title: '自评说明', dataIndex: 'explanation' },
        ]}
      />
    </Space>
  );
}
