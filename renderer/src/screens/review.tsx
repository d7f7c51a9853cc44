import { Fragment, useEffect, useMemo, useState } from 'react';
import { App, Button, Popover, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CameraOutlined, ExpandOutlined, GlobalOutlined, PaperClipOutlined, RadarChartOutlined, ScissorOutlined, UndoOutlined } from '@ant-design/icons';
import { checklistLeaves, type EvidenceView, type FindingView } from '../../../shared/api/review';
import type { RectView } from '../../../shared/api/browser';
import { api } from '../api/client';
import { useCall } from '../use-call';
import { gradeColor, points } from '../format';
import { SHORTCUTS, useShortcuts } from '../review/shortcuts';
import { useUndo } from '../review/use-undo';
import { TargetList, targetOrder } from '../components/review/target-list';
import { BrowserPane } from '../components/review/browser-pane';
import { ChecklistTree } from '../components/review/checklist-tree';
import { IndicatorPanel, type FindingDraft, type IndicatorActions } from '../components/review/indicator-panel';
import { EvidenceViewer } from '../components/review/evidence-viewer';
import { AccountForm } from '../components/review/account-form';
import { ChecksDialog } from '../components/checks-dialog';
import { CheckNotes } from '../components/check-notes';
import { useAskReason, useAskText } from '../components/review/ask-reason';

type CaptureMode = 'visible' | 'fullpage' | 'region' | 'mhtml';
const CAPTURE_LABEL: Record<CaptureMode, string> = { visible: '可视区域截图', fullpage: '整页截图', region: '区域截图', mhtml: '网页快照' };

/**
 * The review workspace: targets on the left, the site in the centre, the
 * ruleset as a checklist on the right. Every change reloads the target's live
 * score; every change can be undone through the same API.
 */
export function ReviewScreen({ id, targetId, initialIndicator, onTarget, onBack }: { id: string; targetId: number; initialIndicator?: string; onTarget: (targetId: number) => void; onBack: () => void }) {
  const { message } = App.useApp();
  const askReason = useAskReason();
  const askText = useAskText();
  const overview = useCall(() => api.assessment.overview({ id }), [id]);
  const review = useCall(() => api.review.target({ id, targetId }), [id, targetId]);
  const notes = useCall(() => api.checks.notes({ id, targetId }), [id, targetId]);
  const [indicatorId, setIndicatorId] = useState<string | undefined>();
  const [activeFinding, setActiveFinding] = useState<number | undefined>();
  const [viewing, setViewing] = useState<EvidenceView | undefined>();
  const [selecting, setSelecting] = useState(false);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const undo = useUndo();

  const data = review.data?.target.id === targetId ? review.data : undefined;
  const leaves = useMemo(() => (data ? checklistLeaves(data.tree) : []), [data]);
  const node = leaves.find((l) => l.id === indicatorId);
  const order = useMemo(() => targetOrder(overview.data?.targets ?? []), [overview.data]);

  // A new target starts at the indicator it was opened at (a disputed one, from 反馈与复核), else its first not yet reviewed.
  useEffect(() => {
    setIndicatorId(initialIndicator);
    setActiveFinding(undefined);
  }, [targetId, initialIndicator]);
  useEffect(() => {
    if (data && !leaves.some((l) => l.id === indicatorId)) setIndicatorId((leaves.find((l) => !l.reviewed) ?? leaves[0])?.id);
  }, [data, leaves, indicatorId]);

  const refresh = () => Promise.all([review.reload(), overview.reload(), notes.reload()]);
  /** Runs an action, shows its error in Chinese, refreshes the scores, and remembers how to undo it. */
  const act = async <T,>(label: string, run: () => Promise<T>, inverse?: (result: T) => () => Promise<unknown>) => {
    setBusy(label);
    try {
      const result = await run();
      if (inverse) undo.push({ label, undo: inverse(result) });
      await refresh();
      return result;
    } catch (e) {
      message.error((e as Error).message);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  };

  const capture = (mode: CaptureMode, region?: RectView) => {
    if (!data || !node) return;
    if (data.target.kind !== 'website') return void message.info('新媒体账号请在检查表中拖入或粘贴截图');
    if (mode === 'region' && !region) return setSelecting(true);
    void act(CAPTURE_LABEL[mode], () => api.evidence.capture({ id, targetId, indicatorId: node.id, mode, ...(activeFinding ? { findingId: activeFinding } : {}), ...(region ? { region } : {}) }), (e) => () => api.evidence.remove({ id, evidenceId: e.id, reason: '撤销截图' })).then(
      (e) => e && message.success(`已保存${CAPTURE_LABEL[mode]} #${e.id}${activeFinding ? `，附到问题 #${activeFinding}` : ''}`),
    );
  };

  /** Downloads only on the reviewer's request, into the evidence folder. */
  const download = async () => {
    if (!data || !node) return;
    const url = await askText('下载文件为证据', { initial: data.visits[0]?.url ?? data.target.url ?? '', placeholder: '附件或网页的网址', required: '请填写网址' });
    if (!url) return;
    await act('下载证据', () => api.evidence.download({ id, targetId, indicatorId: node.id, url, ...(activeFinding ? { findingId: activeFinding } : {}) }), (e) => () => api.evidence.remove({ id, evidenceId: e.id, reason: '撤销下载' })).then(
      (e) => e && message.success(`已下载为证据 #${e.id}：${e.title ?? ''}`),
    );
  };

  const setStatus = (f: FindingView, status: FindingView['status']) =>
    act(status === 'confirmed' ? '确认建议' : status === 'dismissed' ? '驳回建议' : '恢复为建议', async () => {
      const reason = f.status === 'confirmed' ? await askReason('修改已确认问题的原因') : '';
      if (reason === undefined) throw new Error('已取消');
      return api.findings.update({ id, findingId: f.id, status, reason });
    }, () => () => api.findings.update({ id, findingId: f.id, status: f.status, reason: '撤销' })).then(() => undefined);

  const actions: IndicatorActions = {
    add: async (draft: FindingDraft) => {
      if (!node) return;
      await act('添加问题', () => api.findings.add({ id, targetId, indicatorId: node.id, ...draft }), (f) => () => api.findings.delete({ id, findingId: f.id, reason: '撤销添加' }));
    },
    setStatus,
    remove: async (f) => {
      const reason = f.status === 'confirmed' ? await askReason(`删除问题 #${f.id} 的原因`) : '删除';
      if (!reason) return;
      await act('删除问题', () => api.findings.delete({ id, findingId: f.id, reason }), () => () =>
        api.findings.add({ id, targetId, indicatorId: f.indicatorId, rule: f.rule, count: f.count, note: f.note, evidenceIds: f.evidenceIds }),
      );
    },
    toggleReviewed: async (reviewed) => {
      if (!node) return;
      await act(reviewed ? '标记已评审' : '取消已评审', () => api.review.markReviewed({ id, targetId, indicatorId: node.id, reviewed }), () => () => api.review.markReviewed({ id, targetId, indicatorId: node.id, reviewed: !reviewed }));
    },
    openEvidence: setViewing,
    setActive: setActiveFinding,
  };

  const step = (list: { id: number | string }[], current: number | string | undefined, delta: number) => {
    const i = list.findIndex((x) => x.id === current);
    return list[Math.min(list.length - 1, Math.max(0, (i < 0 ? 0 : i) + delta))]?.id;
  };
  const takeBack = async () => {
    const label = await undo.undo();
    if (!label) return;
    await refresh();
    message.info(`已撤销：${label}`);
  };
  const firstSuggestion = () => data?.findings.find((f) => f.indicatorId === indicatorId && f.status === 'suggested');
  useShortcuts({
    captureVisible: () => capture('visible'),
    captureFull: () => capture('fullpage'),
    captureRegion: () => capture('region'),
    captureMhtml: () => capture('mhtml'),
    nextIndicator: () => setIndicatorId(step(leaves, indicatorId, 1) as string | undefined),
    prevIndicator: () => setIndicatorId(step(leaves, indicatorId, -1) as string | undefined),
    nextTarget: () => onTarget(step(order, targetId, 1) as number),
    prevTarget: () => onTarget(step(order, targetId, -1) as number),
    confirmSuggestion: () => firstSuggestion() && void setStatus(firstSuggestion()!, 'confirmed'),
    dismissSuggestion: () => firstSuggestion() && void setStatus(firstSuggestion()!, 'dismissed'),
    markReviewed: () => node && void actions.toggleReviewed(!node.reviewed),
    undo: () => void takeBack(),
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setSelecting(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (review.error) return <Result status="error" title={review.error.message} extra={<Button onClick={onBack}>返回</Button>} />;

  const help = (
    <div style={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: '4px 16px' }}>
      {Object.values(SHORTCUTS).map((s) => (
        <Fragment key={s.keys}>
          <Typography.Text keyboard>{s.keys}</Typography.Text>
          <span>{s.label}</span>
        </Fragment>
      ))}
    </div>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 64px)' }} data-testid="review-screen">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '6px 12px', borderBottom: '1px solid #eee', background: '#fff' }}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回考评" />
        <Space direction="vertical" size={0} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong ellipsis data-testid="review-target-name">{data ? [data.target.unit, data.target.name].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ') : '…'}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{data?.target.url ?? data?.target.platform ?? ''}</Typography.Text>
        </Space>
        {data && (
          <Space data-testid="review-score">
            {data.score.veto ? (
              <Tooltip title={data.score.vetoReasons.join('；')}><Tag color="red">单项否决</Tag></Tooltip>
            ) : (
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="review-total">{points(data.score.total)}</Typography.Text>
            )}
            {data.score.complete ? <Tag color={gradeColor(data.score.grade ?? '')}>{data.score.grade}</Tag> : <Tag color="orange">暂计（{data.progress.reviewed}/{data.progress.total}）</Tag>}
            {data.target.kind === 'website' && <span>类内第 {data.score.rank ?? '—'} 名</span>}
            <span>已评 {data.progress.reviewed}/{data.progress.total}</span>
          </Space>
        )}
        <Space.Compact>
          <Tooltip title={`${CAPTURE_LABEL.visible}（${SHORTCUTS.captureVisible.keys}）`}><Button icon={<CameraOutlined />} onClick={() => capture('visible')} data-testid="capture-visible" /></Tooltip>
          <Tooltip title={`${CAPTURE_LABEL.fullpage}（${SHORTCUTS.captureFull.keys}）`}><Button icon={<ExpandOutlined />} onClick={() => capture('fullpage')} data-testid="capture-fullpage" /></Tooltip>
          <Tooltip title={`${CAPTURE_LABEL.region}（${SHORTCUTS.captureRegion.keys}）`}><Button icon={<ScissorOutlined />} onClick={() => capture('region')} data-testid="capture-region" /></Tooltip>
          <Tooltip title={`${CAPTURE_LABEL.mhtml}（${SHORTCUTS.captureMhtml.keys}）`}><Button icon={<GlobalOutlined />} onClick={() => capture('mhtml')} data-testid="capture-mhtml" /></Tooltip>
          <Tooltip title="下载附件或网页为证据"><Button icon={<PaperClipOutlined />} onClick={() => void download()} data-testid="download-evidence" /></Tooltip>
        </Space.Compact>
        <Tooltip title={undo.next ? `撤销：${undo.next}（Ctrl+Z）` : '没有可撤销的操作'}>
          <Button icon={<UndoOutlined />} disabled={!undo.next} onClick={() => void takeBack()} aria-label="撤销" />
        </Tooltip>
        {data?.target.kind === 'website' && <Button icon={<RadarChartOutlined />} onClick={() => setChecking(true)} data-testid="run-checks">自动检查</Button>}
        <Popover title="快捷键" content={help} trigger="click"><Button>快捷键</Button></Popover>
        {busy && <Spin size="small" tip={busy} />}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr) 460px', flex: 1, minHeight: 0 }}>
        <div style={{ borderRight: '1px solid #eee', background: '#fff', minHeight: 0 }}>
          <TargetList targets={overview.data?.targets ?? []} selected={targetId} onSelect={onTarget} />
        </div>
        <div style={{ minHeight: 0, background: '#fff' }}>
          {data?.target.kind === 'account' ? (
            <AccountForm id={id} targetId={targetId} evidence={data.evidence} onSaved={() => void refresh()} onOpenEvidence={setViewing} />
          ) : data ? (
            <BrowserPane
              id={id}
              targetId={targetId}
              visits={data.visits}
              covered={!!viewing || checking}
              selecting={selecting}
              onVisited={() => void review.reload()}
              onRegion={(rect) => {
                setSelecting(false);
                if (rect) capture('region', rect);
              }}
            />
          ) : (
            <Spin style={{ margin: 40 }} />
          )}
        </div>
        <div style={{ borderLeft: '1px solid #eee', background: '#fff', overflow: 'auto', minHeight: 0 }}>
          {data && (
            <>
              <div style={{ maxHeight: '45%', overflow: 'auto', borderBottom: '1px solid #eee', padding: '6px 0' }}>
                <ChecklistTree tree={data.tree} selected={indicatorId} onSelect={setIndicatorId} />
              </div>
              {node ? <IndicatorPanel node={node} findings={data.findings} evidence={data.evidence} active={activeFinding} actions={actions} /> : <Typography.Paragraph style={{ padding: 12 }}>选择一个指标</Typography.Paragraph>}
              {notes.data && notes.data.length > 0 && (
                <div style={{ borderTop: '1px solid #eee', padding: 12 }}>
                  <CheckNotes id={id} notes={notes.data} onRecorded={() => void refresh()} />
                </div>
              )}
            </>
          )}
        </div>
      </div>
      {viewing && (
        <EvidenceViewer
          id={id}
          evidence={viewing}
          onClose={() => setViewing(undefined)}
          onChanged={(created) => {
            setViewing(created);
            void refresh();
          }}
        />
      )}
      {checking && <ChecksDialog id={id} targetIds={[targetId]} title={`自动检查：${data?.target.unit ?? ''}`} onClose={() => setChecking(false)} onFinished={() => void refresh()} />}
    </div>
  );
}
