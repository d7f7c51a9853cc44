import { useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Result, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, DownloadOutlined, RadarChartOutlined, SafetyCertificateOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import type { TargetRow, VerifyView } from '../../../shared/api/views';
import { EXPORT_FORMATS, EXPORT_TITLES, type ExportFormat } from '../../../shared/export-formats';
import { api, fileUrl } from '../api/client';
import { useCall } from '../use-call';
import { gradeColor, points } from '../format';
import { SettingsDialog } from '../components/settings-dialog';
import { ImportTargetsDialog } from '../components/import-targets-dialog';
import { ImportFindingsDialog } from '../components/import-findings-dialog';
import { SelfEvalPanel } from '../components/selfeval-panel';
import { ExportPreviewDialog } from '../components/export-preview-dialog';
import { ChecksDialog } from '../components/checks-dialog';
import { MonitorPanel } from '../components/monitor-panel';
import { ReviewRequestsPanel } from '../components/review-requests-panel';
import { RulesetVersionNotice } from '../components/ruleset-version-notice';
import { targetOrder } from '../components/review/target-list';

/** The UI names exports as their files are named. */
const FORMAT_LABELS: Record<ExportFormat, string> = { ...EXPORT_TITLES, 'evidence-pack': '证据包（zip）' };



/** One open assessment: its targets with live scores, import, verification and exports. */
export function AssessmentScreen({ id, onBack, onReview }: { id: string; onBack: () => void; onReview: (targetId: number, indicatorId?: string) => void }) {
  const { message } = App.useApp();
  const overview = useCall(() => api.assessment.overview({ id }), [id]);
  const [importing, setImporting] = useState(false);
  const [importingFindings, setImportingFindings] = useState(false);
  const [verify, setVerify] = useState<VerifyView | undefined>();
  const [exported, setExported] = useState<{ label: string; file: string }[]>([]);
  const [previewing, setPreviewing] = useState<ExportFormat | undefined>();
  const [checking, setChecking] = useState(false);
  const [editingSettings, setEditingSettings] = useState(false);

  if (overview.error) return <Result status="error" title={overview.error.message} extra={<Button onClick={onBack}>返回考评列表</Button>} />;
  const data = overview.data;
  const websites = (data?.targets ?? []).filter((t) => t.kind === 'website' && t.url);
  const nextToReview = targetOrder(data?.targets ?? []).find((t) => t.progress.reviewed < t.progress.total) ?? data?.targets[0];

  const runExport = async (format: ExportFormat) => {
    try {
      const result = await api.exports.create({ id, format });
      setExported((list) => [{ label: FORMAT_LABELS[format], file: result.file }, ...list]);
      message.success(`已导出：${FORMAT_LABELS[format]}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <div style={{ padding: 24 }}>
      <Card
        loading={overview.loading && !data}
        title={
          // At 1366 px a long name and ruleset wrap onto a second line instead of being cut off.
          <Space wrap size={[8, 4]} style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" />
            <span data-testid="assessment-title">{data?.name}</span>
            {data && <Tag color="red" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>{data.rulesetName}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button type="primary" icon={<AuditOutlined />} disabled={!nextToReview} onClick={() => nextToReview && onReview(nextToReview.id)} data-testid="start-review">
              开始评审
            </Button>
            <Button icon={<RadarChartOutlined />} disabled={websites.length === 0} onClick={() => setChecking(true)} data-testid="check-all">
              自动检查
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-targets">
              导入考评对象
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImportingFindings(true)} data-testid="import-findings">
              导入问题
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => setEditingSettings(true)} data-testid="settings">
              考评设置
            </Button>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => api.assessment.verify({ id }).then(setVerify, (e: Error) => message.error(e.message))} data-testid="verify">
              校验数据完整性
            </Button>
            <Dropdown menu={{ items: EXPORT_FORMATS.map((f) => ({ key: f, label: FORMAT_LABELS[f] })), onClick: ({ key }) => setPreviewing(key as ExportFormat) }}>
              <Button icon={<DownloadOutlined />} data-testid="export">
                导出
              </Button>
            </Dropdown>
          </Space>
        }
      >
        <RulesetVersionNotice id={id} onAdopted={() => void overview.reload()} />
        {verify && (
          <Alert
            style={{ marginBottom: 16 }}
            showIcon
            closable
            onClose={() => setVerify(undefined)}
            type={verify.ok ? 'success' : 'error'}
            data-testid="verify-result"
            message={verify.ok ? `校验通过：历史记录 ${verify.historyEntries} 条、证据文件 ${verify.evidenceFiles} 个均未被改动` : `校验失败：${verify.firstBreak}`}
            description={[
              verify.head ? `链头：第 ${verify.head.seq} 条 ${verify.head.hash.slice(0, 16)}…，${verify.signature === 'valid' ? '签名有效' : verify.signature === 'other-key' ? '由另一台计算机签名' : verify.signature === 'missing' ? '未签名' : '签名无效'}` : '',
              ...(verify.notes ?? []),
            ]
              .filter(Boolean)
              .join('；')}
          />
        )}
        {exported.length > 0 && (
          <Alert
            style={{ marginBottom: 16 }}
            type="info"
            message={
              <Space direction="vertical">
                {exported.map((e) => (
                  <Typography.Link key={e.file} href={fileUrl(e.file)} download={e.file.split('/').pop()} data-testid="export-link">
                    {e.label}：{e.file.split('/').pop()}
                  </Typography.Link>
                ))}
              </Space>
            }
          />
        )}
        {data && data.incomplete > 0 && data.targets.length > 0 && (
          <Alert
            style={{ marginBottom: 16 }}
            type="warning"
            showIcon
            data-testid="incomplete-alert"
            message={`尚有 ${data.incomplete} 个考评对象未评审完毕：其得分为暂计，不定等次、不参与排名；导出的文件会注明。`}
          />
        )}
        {data?.gradesConfigurable && (
          <Typography.Paragraph type="secondary">
            等次分数线：{data.gradeBands.map((b) => `${b.name} ≥ ${b.min}`).join('，')}（考评方案未规定分数线，此为可修改的默认值）
          </Typography.Paragraph>
        )}
        <Tabs
          items={[
            {
              key: 'targets',
              label: '考评对象',
              children: (
                  <Table<TargetRow>
                    rowKey="id"
                    size="small"
                    dataSource={data?.targets ?? []}
                    pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 个考评对象` }}
                    locale={{ emptyText: '还没有考评对象：点击“导入考评对象”导入附件1格式的名单' }}
                    columns={[
                      { title: '类别', dataIndex: 'classLabel', width: 110, filters: [...new Set((data?.targets ?? []).map((t) => t.classLabel))].map((v) => ({ text: v, value: v })), onFilter: (v, r) => r.classLabel === v },
                      { title: '主管单位', dataIndex: 'unit', width: 200 },
                      { title: '名称 / 网址', render: (_, t) => (t.kind === 'website' ? <Typography.Text copyable={{ text: t.url ?? '' }}>{t.url}</Typography.Text> : `${t.name}（${t.platform ?? ''}）`) },
                      { title: '评审进度', width: 100, render: (_, t) => `${t.progress.reviewed}/${t.progress.total}` },
                      { title: '问题', dataIndex: 'findings', width: 70, render: (n: number, t) => (t.suggested ? <span>{n} <Tag color="orange">{t.suggested} 条建议</Tag></span> : n) },
                      {
                        title: '得分',
                        dataIndex: 'total',
                        width: 110,
                        sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
                        render: (v: number | null, t) =>
                          t.veto ? (
                            <Tooltip title={t.vetoReasons.join('；')}>
                              <Tag color="red">单项否决</Tag>
                            </Tooltip>
                          ) : t.complete ? (
                            points(v)
                          ) : (
                            <Tooltip title="尚未评审完毕：得分为暂计，不定等次、不排名">
                              <span data-testid={`provisional-${t.id}`}>暂计 {points(v)}</span>
                            </Tooltip>
                          ),
                      },
                      { title: '等次', dataIndex: 'grade', width: 90, render: (g: string | null) => (g ? <Tag color={gradeColor(g)}>{g}</Tag> : '—') },
                      { title: '类内排名', dataIndex: 'rank', width: 90, render: (r: number | null) => r ?? '—' },
                      { title: '', width: 70, render: (_, t) => <Button size="small" onClick={() => onReview(t.id)} data-testid={`review-${t.id}`}>评审</Button> },
                    ]}
                  />
              ),
            },
            { key: 'selfeval', label: <span data-testid="tab-selfeval">自评对照</span>, children: <SelfEvalPanel id={id} targets={data?.targets ?? []} /> },
            { key: 'monitor', label: <span data-testid="tab-monitor">可用性监测</span>, children: <MonitorPanel id={id} /> },
            { key: 'review-requests', label: <span data-testid="tab-review-requests">反馈与复核</span>, children: <ReviewRequestsPanel id={id} targets={data?.targets ?? []} onReview={onReview} onChanged={() => void overview.reload()} /> },
          ]}
        />
      </Card>
      {previewing && (
        <ExportPreviewDialog
          id={id}
          format={previewing}
          label={FORMAT_LABELS[previewing]}
          onClose={() => setPreviewing(undefined)}
          onExport={() => {
            void runExport(previewing);
            setPreviewing(undefined);
          }}
        />
      )}
      {editingSettings && (
        <SettingsDialog
          id={id}
          onClose={() => setEditingSettings(false)}
          onSaved={() => {
            setEditingSettings(false);
            void overview.reload();
          }}
        />
      )}
      {checking && <ChecksDialog id={id} targetIds={websites.map((t) => t.id)} title="自动检查全部网站" onClose={() => setChecking(false)} onFinished={() => void overview.reload()} />}
      <ImportTargetsDialog id={id} open={importing} onClose={() => setImporting(false)} onImported={() => void overview.reload()} />
      <ImportFindingsDialog
        id={id}
        open={importingFindings}
        onClose={() => setImportingFindings(false)}
        onImported={(count) => {
          message.success(`已导入 ${count} 条问题`);
          void overview.reload();
        }}
      />
    </div>
  );
}
