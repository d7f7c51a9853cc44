import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { FeedbackResultView, ReviewItemView, ReviewRequestView } from '../../../shared/api/review-requests';
import { TargetPicker } from './target-picker';
import { checklistLeaves } from '../../../shared/api/review';
import { formatChinaDateTime } from '../../../shared/format/date';
import { api, fileUrl } from '../api/client';
import { readAsBase64 } from '../read-file';
import { useCall } from '../use-call';
import { useAskReason } from './review/ask-reason';

/** Today in China as YYYY-MM-DD (the office's calendar day). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function WindowTag({ r }: { r: ReviewRequestView }) {
  if (r.inTime === null)
    return (
      <Tooltip title={r.windowNote}>
        <Tag>期限未知</Tag>
      </Tooltip>
    );
  return r.inTime ? (
    <Tag color="green">期限内（第 {r.workingDay} 个工作日）</Tag>
  ) : (
    <Tag color="red">逾期（第 {r.workingDay} 个工作日）</Tag>
  );
}

const HISTORY_LABEL: Record<string, string> = {
  'review.open': '登记申请',
  'review.decide': '作出决定',
  'review.close': '申请办结',
  'finding.update': '修改问题',
  'finding.add': '补记问题',
};

const STATUS = { open: ['待决定', 'gold'], accepted: ['已采纳', 'green'], rejected: ['不予采纳', 'default'] } as const;

/** The form a unit's request is entered with: target, disputed indicators, reason, day received, attachments. */
function AddRequestDialog({ id, open, onClose, onAdded }: { id: string; open: boolean; onClose: () => void; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ targetId: number; indicators: string[]; reason: string; receivedOn: string }>();
  const [targetId, setTargetId] = useState<number | undefined>();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const leaves = useCall(async () => (targetId ? checklistLeaves((await api.review.target({ id, targetId })).tree) : []), [id, targetId]);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await readAsBase64(f) })));
      const r = await api.reviewRequests.add({ id, ...values, attachments });
      message.success(`已登记复核申请 #${r.id}`);
      form.resetFields();
      setFiles([]);
      onAdded();
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="登记复核申请"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      width={640}
      destroyOnClose
    >
      <Form form={form} layout="vertical" initialValues={{ receivedOn: chinaToday() }}>
        <Form.Item name="targetId" label="考评对象" rules={[{ required: true, message: '请选择考评对象' }]}>
          <TargetPicker
            id={id}
            onChange={(v) => {
              setTargetId(v);
              form.setFieldValue('indicators', []);
            }}
            testId="rr-target"
          />
        </Form.Item>
        <Form.Item name="indicators" label="有异议的指标" rules={[{ required: true, message: '请至少选择一个指标' }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={leaves.loading}
            options={(leaves.data ?? []).map((l) => ({
              value: l.id,
              label: `${l.path}${l.score !== null && l.weight !== null ? `（${l.score}/${l.weight}）` : ''}`,
            }))}
            data-testid="rr-indicators"
          />
        </Form.Item>
        <Form.Item name="reason" label="单位的理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} data-testid="rr-reason" />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label="收到日期"
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/u, message: '请填写 YYYY-MM-DD' }]}
        >
          <Input type="date" data-testid="rr-received" />
        </Form.Item>
        <Upload
          multiple
          beforeUpload={(f) => (setFiles((l) => [...l, f]), false)}
          onRemove={(f) => setFiles((l) => l.filter((x) => x.name !== f.name))}
          fileList={files.map((f) => ({ uid: f.name, name: f.name }))}
        >
          <Button>添加附件（存为证据）</Button>
        </Upload>
      </Form>
    </Modal>
  );
}

/** 反馈与复核: send the preliminary results, take review requests within their window, decide them through findings. */
export function ReviewRequestsPanel({
  id,
  onReview,
  onChanged,
}: {
  id: string;
  onReview: (targetId: number, indicatorId: string) => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const askReason = useAskReason();
  const requests = useCall(() => api.reviewRequests.list({ id }), [id]);
  const [sentOn, setSentOn] = useState(chinaToday());
  const [feedback, setFeedback] = useState<FeedbackResultView | undefined>();
  const [adding, setAdding] = useState(false);
  const [outcomes, setOutcomes] = useState<string | undefined>();

  const run = async <T,>(work: () => Promise<T>) => {
    try {
      return await work();
    } catch (e) {
      message.error((e as Error).message);
      return undefined;
    }
  };
  const decide = async (r: ReviewRequestView, item: ReviewItemView, decision: 'accepted' | 'rejected') => {
    const reason = await askReason(`${decision === 'accepted' ? '采纳' : '不予采纳'}：${item.indicatorPath}（复核申请 #${r.id}）`);
    if (!reason) return;
    const done = await run(() => api.reviewRequests.decide({ id, requestId: r.id, indicatorId: item.indicatorId, decision, reason }));
    if (done) {
      const e = done.items.find((i) => i.indicatorId === item.indicatorId)?.effect;
      message.success(
        e
          ? `已采纳：总分 ${e.totalBefore ?? '否决'} → ${e.totalAfter ?? '否决'}，类内排名 ${e.rankBefore ?? '—'} → ${e.rankAfter ?? '—'}`
          : '已记录决定',
      );
      void requests.reload();
      onChanged();
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <span>发送日期</span>
        <Input type="date" value={sentOn} onChange={(e) => setSentOn(e.target.value)} style={{ width: 160 }} data-testid="feedback-sent" />
        <Button
          icon={<FileWordOutlined />}
          onClick={() => void run(() => api.feedback.create({ id, sentOn })).then((f) => f && (setFeedback(f), void requests.reload()))}
          data-testid="feedback-create"
        >
          生成初步考评结果反馈单
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rr-add">
          登记复核申请
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={!requests.data?.length}
          onClick={() => void run(() => api.reviewRequests.exportOutcomes({ id })).then((r) => r && setOutcomes(r.file))}
          data-testid="rr-export"
        >
          导出复核结果
        </Button>
        {outcomes && (
          <Typography.Link href={fileUrl(outcomes)} download>
            下载：{outcomes.split('/').pop()}
          </Typography.Link>
        )}
      </Space>
      {feedback && (
        <Alert
          type="success"
          showIcon
          data-testid="feedback-result"
          message={`已生成 ${feedback.files.length} 个单位的反馈单，发送日期 ${feedback.sentOn}（复核期限由此起算：收到当日不计，法定节假日不计，调休上班日计入）`}
          description={
            <Space direction="vertical">
              <Typography.Link href={fileUrl(feedback.zip)} download>
                全部（zip）：{feedback.zip.split('/').pop()}
              </Typography.Link>
              {feedback.files.map((f) => (
                <Typography.Link key={f.file} href={fileUrl(f.file)} download>
                  {f.unit}
                </Typography.Link>
              ))}
            </Space>
          }
        />
      )}
      <Table<ReviewRequestView>
        rowKey="id"
        size="small"
        loading={requests.loading}
        dataSource={requests.data ?? []}
        locale={{ emptyText: '尚无复核申请' }}
        pagination={{ pageSize: 30 }}
        expandable={{
          // The history entries of the request, the finding changes made on accepting it included.
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }} data-testid={`rr-history-${r.id}`}>
              {r.history.map((h) => (
                <li key={h.seq}>
                  #{h.seq} {formatChinaDateTime(h.at)} {h.actor} {HISTORY_LABEL[h.action] ?? h.action}{' '}
                  {h.subject.startsWith('finding:') ? `问题 #${h.subject.slice(8)}` : ''} {h.reason}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 60 },
          {
            title: '单位 / 对象',
            width: 200,
            render: (_, r) => (
              <span>
                {r.unit}
                <br />
                <Typography.Text type="secondary">
                  {r.targetName}（{r.classLabel}）
                </Typography.Text>
              </span>
            ),
          },
          {
            title: '收到 / 期限',
            width: 170,
            render: (_, r) => (
              <span>
                {r.receivedOn ?? '—'} / {r.deadline ?? '—'}
                <br />
                <WindowTag r={r} />
              </span>
            ),
          },
          {
            title: '理由',
            dataIndex: 'reason',
            render: (text: string, r) => (
              <span>
                {text}
                {r.attachments.map((a) => (
                  <div key={a.evidenceId}>
                    <Typography.Link href={fileUrl(`${id}/${a.file}`)} download>
                      {a.title}
                    </Typography.Link>
                  </div>
                ))}
              </span>
            ),
          },
          {
            title: '异议指标（申请 / 自评 / 评审）',
            width: 420,
            render: (_, r) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {r.items.map((i) => (
                  <div key={i.indicatorId} data-testid={`rr-item-${r.id}`}>
                    <Typography.Link onClick={() => onReview(r.targetId, i.indicatorId)}>{i.indicatorPath}</Typography.Link>{' '}
                    <span>
                      {i.requested} / {i.self ?? '无自评'} / {i.reviewer}
                    </span>{' '}
                    {i.contradictsSelfEval && (
                      <Tooltip title="申请分数高于单位自评分数：申请复核内容与自评报告不一致的，一律不受理">
                        <Tag color="red">与自评不一致</Tag>
                      </Tooltip>
                    )}
                    {i.decision ? (
                      <div>
                        <Tag color={i.decision === 'accepted' ? 'green' : 'default'}>{i.decision === 'accepted' ? '采纳' : '不予采纳'}</Tag>
                        {i.decisionReason}
                        {i.effect && (
                          <Typography.Text type="secondary">
                            （总分 {i.effect.totalBefore ?? '否决'} → {i.effect.totalAfter ?? '否决'}，排名 {i.effect.rankBefore ?? '—'} →{' '}
                            {i.effect.rankAfter ?? '—'}；{i.effect.changes.join('；')}）
                          </Typography.Text>
                        )}
                      </div>
                    ) : (
                      <Space size="small">
                        <Button
                          size="small"
                          type="primary"
                          disabled={r.inTime === false || i.contradictsSelfEval}
                          onClick={() => void decide(r, i, 'accepted')}
                          data-testid={`rr-accept-${r.id}`}
                        >
                          采纳
                        </Button>
                        <Button size="small" onClick={() => void decide(r, i, 'rejected')} data-testid={`rr-reject-${r.id}`}>
                          不予采纳
                        </Button>
                      </Space>
                    )}
                  </div>
                ))}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: ReviewRequestView['status']) => <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag>,
          },
        ]}
      />
      <AddRequestDialog id={id} open={adding} onClose={() => setAdding(false)} onAdded={() => void requests.reload()} />
    </Space>
  );
}
