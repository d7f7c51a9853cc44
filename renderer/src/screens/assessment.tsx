import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Result, Space, Tabs, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  AuditOutlined,
  DownloadOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { TargetQuery, VerifyView } from '../../../shared/api/views';
import { EXPORT_FORMATS, EXPORT_TITLES, type ExportFormat } from '../../../shared/export-formats';
import { api, fileUrl } from '../api/client';
import { useOverview } from '../review/use-overview';
import { ClassSummaryLine, OverviewControls, OverviewTable } from '../components/overview-table';
import { SettingsDialog } from '../components/settings-dialog';
import { ImportTargetsDialog } from '../components/import-targets-dialog';
import { ImportFindingsDialog } from '../components/import-findings-dialog';
import { SelfEvalPanel } from '../components/selfeval-panel';
import { ExportPreviewDialog } from '../components/export-preview-dialog';
import { ChecksDialog } from '../components/checks-dialog';
import { MonitorPanel } from '../components/monitor-panel';
import { ReviewRequestsPanel } from '../components/review-requests-panel';
import { RulesetVersionNotice } from '../components/ruleset-version-notice';

/** The UI names exports as their files are named. */
const FORMAT_LABELS: Record<ExportFormat, string> = { ...EXPORT_TITLES, 'evidence-pack': '证据包（zip）' };

/** Where each assessment's overview was left in this window: search, filters, page size and page. */
const lastView = new Map<string, { query: TargetQuery; pageSize: number; offset: number }>();

/** One open assessment: its targets with live scores, import, verification and exports. */
export function AssessmentScreen({
  id,
  onBack,
  onReview,
}: {
  id: string;
  onBack: () => void;
  onReview: (targetId: number, indicatorId?: string) => void;
}) {
  const { message } = App.useApp();
  // The search, filters and page come back as the reviewer left them (after reviewing a target, say).
  const left = lastView.get(id);
  const [query, setQuery] = useState<TargetQuery>(left?.query ?? {});
  const [pageSize, setPageSize] = useState(left?.pageSize ?? 50);
  const overview = useOverview(id, query, pageSize, left?.offset);
  useEffect(() => void lastView.set(id, { query, pageSize, offset: overview.offset }), [id, query, pageSize, overview.offset]);
  const [checkIds, setCheckIds] = useState<number[] | undefined>();
  const [importing, setImporting] = useState(false);
  const [importingFindings, setImportingFindings] = useState(false);
  const [verify, setVerify] = useState<VerifyView | undefined>();
  const [exported, setExported] = useState<{ label: string; file: string }[]>([]);
  const [previewing, setPreviewing] = useState<ExportFormat | undefined>();
  const [editingSettings, setEditingSettings] = useState(false);

  if (overview.error)
    return <Result status="error" title={overview.error.message} extra={<Button onClick={onBack}>返回考评列表</Button>} />;
  const data = overview.overview;
  const nextToReview = data?.nextToReview ?? undefined;
  const hasWebsites = !!data?.summary.some((c) => c.kind === 'website' && c.targets > 0);
  /** Every website with an address, asked of the host when the reviewer starts the checks. */
  const checkAll = async () => {
    try {
      const ids = await api.assessment.targetIds({ id, query: { kind: 'website', hasUrl: true } });
      if (ids.length) setCheckIds(ids);
      else message.info('没有填写网址的网站');
    } catch (e) {
      message.error((e as Error).message);
    }
  };

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
        loading={!data && !overview.error}
        title={
          // At 1366 px a long name and ruleset wrap onto a second line instead of being cut off.
          <Space wrap size={[8, 4]} style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" />
            <span data-testid="assessment-title">{data?.name}</span>
            {data && (
              <Tag color="red" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
                {data.rulesetName}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            <Button
              type="primary"
              icon={<AuditOutlined />}
              disabled={!nextToReview}
              onClick={() => nextToReview && onReview(nextToReview)}
              data-testid="start-review"
            >
              开始评审
            </Button>
            <Button icon={<RadarChartOutlined />} disabled={!hasWebsites} onClick={() => void checkAll()} data-testid="check-all">
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
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={() => api.assessment.verify({ id }).then(setVerify, (e: Error) => message.error(e.message))}
              data-testid="verify"
            >
              校验数据完整性
            </Button>
            <Dropdown
              menu={{
                items: EXPORT_FORMATS.map((f) => ({ key: f, label: FORMAT_LABELS[f] })),
                onClick: ({ key }) => setPreviewing(key as ExportFormat),
              }}
            >
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
            message={
              verify.ok
                ? `校验通过：历史记录 ${verify.historyEntries} 条、证据文件 ${verify.evidenceFiles} 个均未被改动`
                : `校验失败：${verify.firstBreak}`
            }
            description={[
              verify.head
                ? `链头：第 ${verify.head.seq} 条 ${verify.head.hash.slice(0, 16)}…，${verify.signature === 'valid' ? '签名有效' : verify.signature === 'other-key' ? '由另一台计算机签名' : verify.signature === 'missing' ? '未签名' : '签名无效'}`
                : '',
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
        {data && data.incomplete > 0 && data.count > 0 && (
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
                <>
                  {data && <ClassSummaryLine summary={data.summary} />}
                  <OverviewControls overview={data} query={query} onQuery={setQuery} />
                  <OverviewTable
                    rows={overview.rows}
                    matched={data?.matched ?? 0}
                    offset={overview.offset}
                    pageSize={pageSize}
                    loading={overview.loading}
                    onPage={(offset, size) => (size !== pageSize ? setPageSize(size) : void overview.goTo(offset))}
                    onReview={onReview}
                  />
                </>
              ),
            },
            { key: 'selfeval', label: <span data-testid="tab-selfeval">自评对照</span>, children: <SelfEvalPanel id={id} /> },
            { key: 'monitor', label: <span data-testid="tab-monitor">可用性监测</span>, children: <MonitorPanel id={id} /> },
            {
              key: 'review-requests',
              label: <span data-testid="tab-review-requests">反馈与复核</span>,
              children: <ReviewRequestsPanel id={id} onReview={onReview} onChanged={() => void overview.reload()} />,
            },
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
      {checkIds && (
        <ChecksDialog
          id={id}
          targetIds={checkIds}
          title="自动检查全部网站"
          onClose={() => setCheckIds(undefined)}
          onFinished={() => void overview.reload()}
        />
      )}
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
