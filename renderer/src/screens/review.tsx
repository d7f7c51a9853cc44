import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Popover, Result, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CameraOutlined,
  ExpandOutlined,
  GlobalOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PaperClipOutlined,
  RadarChartOutlined,
  ScissorOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { checklistLeaves, type EvidenceView, type FindingView } from '../../../shared/api/review';
import type { RectView } from '../../../shared/api/browser';
import { api } from '../api/client';
import { useCall } from '../use-call';
import { useOverview } from '../review/use-overview';
import type { TargetDelta, TargetQuery } from '../../../shared/api/views';
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
import { REASON_PICKS, useAskReason, useAskText } from '../components/review/ask-reason';
import { TriagePanel } from '../components/review/triage-panel';
import { afterDecision, pendingQueue, stepInQueue } from '../review/triage-queue';
import { draftKey, loadDrafts, saveDrafts } from '../review/drafts';
import { SplitHandle } from '../components/review/split-handle';
import { FoldedRail } from '../components/review/folded-rail';
import { usePaneLayout } from '../review/pane-layout';
import { newActionId } from '../review/action-id';

type CaptureMode = 'visible' | 'fullpage' | 'region' | 'mhtml';
const CAPTURE_LABEL: Record<CaptureMode, string> = { visible: '可视区域截图', fullpage: '整页截图', region: '区域截图', mhtml: '网页快照' };

/**
 * The review workspace: targets on the left, the site in the centre, the
 * ruleset as a checklist (or the target's suggestions as a queue) on the right.
 * Every change goes to the host, then the target reloads with its live score;
 * every change can be undone through the same API.
 */
export function ReviewScreen({
  id,
  targetId,
  initialIndicator,
  onTarget,
  onBack,
}: {
  id: string;
  targetId: number;
  initialIndicator?: string;
  onTarget: (targetId: number) => void;
  onBack: () => void;
}) {
  const { message } = App.useApp();
  const askReason = useAskReason();
  const askText = useAskText();
  // The target list: one page from the host at a time; actions update it in place from their delta.
  const [listQuery, setListQuery] = useState<TargetQuery>({});
  const list = useOverview(id, listQuery, 100);
  const review = useCall(() => api.review.target({ id, targetId }), [id, targetId]);
  const notes = useCall(() => api.checks.notes({ id, targetId }), [id, targetId]);
  const [indicatorId, setIndicatorId] = useState<string | undefined>();
  const [activeFinding, setActiveFinding] = useState<number | undefined>();
  const [currentSuggestion, setCurrentSuggestion] = useState<number | undefined>();
  const [drafts, setDrafts] = useState<Record<string, FindingDraft>>(() => loadDrafts(id));
  useEffect(() => saveDrafts(id, drafts), [id, drafts]);
  const [rightTab, setRightTab] = useState<'checklist' | 'triage'>('checklist');
  const [viewing, setViewing] = useState<EvidenceView | undefined>();
  const [selecting, setSelecting] = useState(false);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [goTo, setGoTo] = useState<{ url: string; seq: number } | undefined>();
  const { layout, change: changeLayout } = usePaneLayout();
  const undo = useUndo();
  const openedFor = useRef<string | undefined>(undefined);

  const data = review.data?.target.id === targetId ? review.data : undefined;
  const leaves = useMemo(() => (data ? checklistLeaves(data.tree) : []), [data]);
  const node = leaves.find((l) => l.id === indicatorId);
  const order = useMemo(() => targetOrder(list.rows), [list.rows]);
  const queue = useMemo(
    () =>
      data
        ? pendingQueue(
            data.findings,
            leaves.map((l) => l.id),
          )
        : [],
    [data, leaves],
  );

  // A target opens at the indicator it was opened at (a disputed one, from 反馈与复核), else at its first pending
  // suggestion (the triage queue), else at its first indicator not yet reviewed.
  useEffect(() => {
    const opening = `${targetId}|${initialIndicator ?? ''}`;
    if (!data || openedFor.current === opening) return;
    openedFor.current = opening;
    const first =
      initialIndicator && leaves.some((l) => l.id === initialIndicator) ? queue.find((f) => f.indicatorId === initialIndicator) : queue[0];
    setIndicatorId(
      initialIndicator && leaves.some((l) => l.id === initialIndicator)
        ? initialIndicator
        : (first?.indicatorId ?? (leaves.find((l) => !l.reviewed) ?? leaves[0])?.id),
    );
    setCurrentSuggestion(first?.id);
  }, [data, targetId, initialIndicator, queue, leaves]);
  // Captures go to the selected finding only while its indicator is shown: a screenshot for indicator B never lands on a finding of A.
  useEffect(() => setActiveFinding(undefined), [indicatorId, targetId]);

  /** After a change that returns no delta (a form saved, checks run): the target and the list page shown. */
  const refresh = () => Promise.all([review.reload(), list.reload(), notes.reload()]);
  /** Applies the delta an action returned to the target list; the overview is not asked again. */
  const tracked = <T,>(result: T): T => {
    const delta = (result as { delta?: TargetDelta } | undefined)?.delta;
    if (delta) list.applyDelta(delta);
    return result;
  };
  /**
   * Runs one user action, shows the host's Chinese message if it fails, reloads
   * the target's own view, updates the target list from the action's delta, and
   * remembers how to undo it (the undo's delta is applied the same way). `key`
   * names the user action: the same action answered twice adds one undo step.
   */
  const act = async <T,>(label: string, run: () => Promise<T>, inverse?: (result: T) => () => Promise<unknown>, key?: string) => {
    setBusy(label);
    try {
      const result = tracked(await run());
      if (inverse) {
        const reverse = inverse(result);
        undo.push({ label, undo: () => reverse().then(tracked), key });
      }
      await Promise.all([review.reload(), notes.reload()]);
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
    const findingId = data.findings.some((f) => f.id === activeFinding && f.indicatorId === node.id) ? activeFinding : undefined;
    const actionId = newActionId('capture');
    void act(
      CAPTURE_LABEL[mode],
      () =>
        api.evidence.capture({
          id,
          targetId,
          indicatorId: node.id,
          mode,
          actionId,
          ...(findingId ? { findingId } : {}),
          ...(region ? { region } : {}),
        }),
      (e) => () => api.evidence.remove({ id, evidenceId: e.id, reason: '撤销截图' }),
      actionId,
    ).then((e) => e && message.success(`已保存${CAPTURE_LABEL[mode]} #${e.id}${findingId ? `，附到问题 #${findingId}` : ''}`));
  };

  /** Downloads only on the reviewer's request, into the evidence folder. */
  const download = async () => {
    if (!data || !node) return;
    const url = await askText('下载文件为证据', {
      initial: data.visits[0]?.url ?? data.target.url ?? '',
      placeholder: '附件或网页的网址',
      required: '请填写网址',
    });
    if (!url) return;
    const findingId = data.findings.some((f) => f.id === activeFinding && f.indicatorId === node.id) ? activeFinding : undefined;
    await act(
      '下载证据',
      () =>
        api.evidence.download({
          id,
          targetId,
          indicatorId: node.id,
          url,
          actionId: newActionId('download'),
          ...(findingId ? { findingId } : {}),
        }),
      (e) => () => api.evidence.remove({ id, evidenceId: e.id, reason: '撤销下载' }),
    ).then((e) => e && message.success(`已下载为证据 #${e.id}：${e.title ?? ''}`));
  };

  /** Confirms, dismisses or reopens a finding. A dismissal, and any change to a confirmed finding, asks why; cancelling does nothing. */
  const setStatus = async (f: FindingView, status: FindingView['status']): Promise<boolean> => {
    const needsReason = status === 'dismissed' || f.status === 'confirmed';
    const reason = needsReason
      ? await askReason(
          status === 'dismissed' ? `驳回问题 #${f.id} 的原因` : `修改已确认问题 #${f.id} 的原因`,
          status === 'dismissed' ? REASON_PICKS.dismiss : REASON_PICKS.change,
        )
      : '';
    if (reason === undefined) return false;
    const actionId = `status:${f.id}:${f.updatedAt}:${status}`;
    const undoId = newActionId('undo');
    const done = await act(
      status === 'confirmed' ? '确认建议' : status === 'dismissed' ? '驳回建议' : '恢复为建议',
      () => api.findings.update({ id, findingId: f.id, status, reason, actionId }),
      () => () => api.findings.update({ id, findingId: f.id, status: f.status, reason: '撤销', actionId: undoId }),
      actionId,
    );
    return done !== undefined;
  };

  const actions: IndicatorActions = {
    add: async (draft: FindingDraft) => {
      if (!node) return;
      const indicator = node.id;
      const undoId = newActionId('undo');
      const saved = await act(
        '添加问题',
        () =>
          api.findings.add({
            id,
            targetId,
            indicatorId: indicator,
            rule: draft.rule,
            count: draft.count,
            note: draft.note,
            evidenceIds: draft.evidenceIds,
            actionId: draft.actionId,
          }),
        (f) => () => api.findings.delete({ id, findingId: f.id, reason: '撤销添加', actionId: undoId }),
        draft.actionId,
      );
      if (saved) setDrafts(({ [draftKey(targetId, indicator)]: _saved, ...rest }) => rest);
    },
    setStatus: async (f, status) => void (await setStatus(f, status)),
    remove: async (f) => {
      const reason = await askReason(`删除问题 #${f.id} 的原因`, REASON_PICKS.delete);
      if (!reason) return;
      const actionId = `delete:${f.id}:${f.updatedAt}`;
      const undoId = newActionId('undo');
      // Undo brings it back exactly as it was (a suggestion stays a suggestion, with its source and evidence), from the history.
      await act(
        '删除问题',
        () => api.findings.delete({ id, findingId: f.id, reason, actionId }),
        () => () => api.findings.restore({ id, findingId: f.id, reason: '撤销删除', actionId: undoId }),
        actionId,
      );
    },
    toggleReviewed: async (reviewed) => {
      if (!node) return;
      await act(
        reviewed ? '标记已评审' : '取消已评审',
        () => api.review.markReviewed({ id, targetId, indicatorId: node.id, reviewed }),
        () => () => api.review.markReviewed({ id, targetId, indicatorId: node.id, reviewed: !reviewed }),
      );
    },
    openEvidence: setViewing,
    setActive: setActiveFinding,
  };

  const step = (list: { id: number | string }[], current: number | string | undefined, delta: number) => {
    const i = list.findIndex((x) => x.id === current);
    return list[Math.min(list.length - 1, Math.max(0, (i < 0 ? 0 : i) + delta))]?.id;
  };
  const takeBack = async () => {
    try {
      const label = await undo.undo();
      if (!label) return;
      await Promise.all([review.reload(), notes.reload()]);
      message.info(`已撤销：${label}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  /** Shows one suggestion of the queue: its indicator in the checklist, its evidence in the triage panel. */
  const focusSuggestion = (f: FindingView | undefined) => {
    if (!f) return;
    setCurrentSuggestion(f.id);
    setIndicatorId(f.indicatorId);
  };
  /** The suggestion the triage keys act on: the current one, else the first of the shown indicator. */
  const currentOne = () => queue.find((f) => f.id === currentSuggestion) ?? queue.find((f) => f.indicatorId === indicatorId);
  const moveInQueue = (delta: number) => {
    if (queue.length === 0) return void message.info('没有待确认的建议');
    focusSuggestion(
      stepInQueue(
        queue,
        leaves.map((l) => l.id),
        currentSuggestion,
        indicatorId,
        delta,
      ),
    );
  };
  /** Decides a suggestion and moves on to the next one in the queue (nothing moves when the reviewer cancels the reason). */
  const decide = async (f: FindingView | undefined, status: 'confirmed' | 'dismissed') => {
    if (!f) return void message.info('当前没有待确认的建议');
    const next = afterDecision(queue, f.id);
    if (!(await setStatus(f, status))) return;
    if (next) focusSuggestion(next);
    else setCurrentSuggestion(undefined);
  };
  /** The next target of the list; at the end of the rows loaded, the host's next page. */
  const nextTarget = async () => {
    let rows = order;
    if (rows[rows.length - 1]?.id === targetId && list.more) rows = targetOrder(await list.loadMore());
    const next = step(rows, targetId, 1) as number | undefined;
    if (next !== undefined) onTarget(next);
  };
  const selectIndicator = (indicator: string | undefined) => {
    setIndicatorId(indicator);
    setCurrentSuggestion(queue.find((f) => f.indicatorId === indicator)?.id);
  };

  useShortcuts({
    captureVisible: () => capture('visible'),
    captureFull: () => capture('fullpage'),
    captureRegion: () => capture('region'),
    captureMhtml: () => capture('mhtml'),
    nextIndicator: () => selectIndicator(step(leaves, indicatorId, 1) as string | undefined),
    prevIndicator: () => selectIndicator(step(leaves, indicatorId, -1) as string | undefined),
    nextTarget: () => void nextTarget(),
    prevTarget: () => onTarget(step(order, targetId, -1) as number),
    nextSuggestion: () => moveInQueue(1),
    prevSuggestion: () => moveInQueue(-1),
    confirmSuggestion: () => void decide(currentOne(), 'confirmed'),
    dismissSuggestion: () => void decide(currentOne(), 'dismissed'),
    markReviewed: () => node && void actions.toggleReviewed(!node.reviewed),
    undo: () => void takeBack(),
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setSelecting(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const openUrl = (url: string) => setGoTo({ url, seq: Date.now() });

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
      <div
        style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '6px 12px', borderBottom: '1px solid #eee', background: '#fff' }}
      >
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回考评" />
        <Space direction="vertical" size={0} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong ellipsis data-testid="review-target-name">
            {data ? [data.target.unit, data.target.name].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ') : '…'}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {data?.target.url ?? data?.target.platform ?? ''}
          </Typography.Text>
        </Space>
        {data && (
          <Space data-testid="review-score">
            {data.score.veto ? (
              <Tooltip title={data.score.vetoReasons.join('；')}>
                <Tag color="red">单项否决</Tag>
              </Tooltip>
            ) : (
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="review-total">
                {points(data.score.total)}
              </Typography.Text>
            )}
            {data.score.complete ? (
              <Tag color={gradeColor(data.score.grade ?? '')}>{data.score.grade}</Tag>
            ) : (
              <Tag color="orange">
                暂计（{data.progress.reviewed}/{data.progress.total}）
              </Tag>
            )}
            {data.target.kind === 'website' && <span>类内第 {data.score.rank ?? '—'} 名</span>}
            <span>
              已评 {data.progress.reviewed}/{data.progress.total}
            </span>
          </Space>
        )}
        <Space.Compact>
          <Tooltip title={`${CAPTURE_LABEL.visible}（${SHORTCUTS.captureVisible.keys}）`}>
            <Button icon={<CameraOutlined />} onClick={() => capture('visible')} data-testid="capture-visible" />
          </Tooltip>
          <Tooltip title={`${CAPTURE_LABEL.fullpage}（${SHORTCUTS.captureFull.keys}）`}>
            <Button icon={<ExpandOutlined />} onClick={() => capture('fullpage')} data-testid="capture-fullpage" />
          </Tooltip>
          <Tooltip title={`${CAPTURE_LABEL.region}（${SHORTCUTS.captureRegion.keys}）`}>
            <Button icon={<ScissorOutlined />} onClick={() => capture('region')} data-testid="capture-region" />
          </Tooltip>
          <Tooltip title={`${CAPTURE_LABEL.mhtml}（${SHORTCUTS.captureMhtml.keys}）`}>
            <Button icon={<GlobalOutlined />} onClick={() => capture('mhtml')} data-testid="capture-mhtml" />
          </Tooltip>
          <Tooltip title="下载附件或网页为证据">
            <Button icon={<PaperClipOutlined />} onClick={() => void download()} data-testid="download-evidence" />
          </Tooltip>
        </Space.Compact>
        <Tooltip title={undo.next ? `撤销：${undo.next}（Ctrl+Z）` : '没有可撤销的操作'}>
          <Button icon={<UndoOutlined />} disabled={!undo.next} onClick={() => void takeBack()} aria-label="撤销" />
        </Tooltip>
        {data?.target.kind === 'website' && (
          <Button icon={<RadarChartOutlined />} onClick={() => setChecking(true)} data-testid="run-checks">
            自动检查
          </Button>
        )}
        <Popover title="快捷键" content={help} trigger="click">
          <Button>快捷键</Button>
        </Popover>
        {busy && <Spin size="small" tip={busy} />}
      </div>
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        {layout.leftOpen ? (
          <>
            <div
              style={{ width: layout.left, flex: 'none', background: '#fff', minHeight: 0, display: 'flex', flexDirection: 'column' }}
              data-testid="pane-targets"
            >
              <div style={{ display: 'flex', alignItems: 'center', padding: '4px 8px', borderBottom: '1px solid #eee', flex: 'none' }}>
                <Typography.Text strong style={{ flex: 1, fontSize: 13 }}>
                  考评对象
                </Typography.Text>
                <Tooltip title="收起对象列表" placement="right">
                  <Button
                    size="small"
                    type="text"
                    icon={<MenuFoldOutlined />}
                    onClick={() => changeLayout({ leftOpen: false })}
                    aria-label="收起对象列表"
                    data-testid="fold-left"
                  />
                </Tooltip>
              </div>
              <div style={{ flex: 1, minHeight: 0 }}>
                <TargetList
                  targets={list.rows}
                  matched={list.overview?.matched ?? 0}
                  more={list.more}
                  loading={list.loading}
                  query={listQuery}
                  onQuery={setListQuery}
                  onLoadMore={() => void list.loadMore()}
                  selected={targetId}
                  onSelect={onTarget}
                />
              </div>
            </div>
            <SplitHandle
              label="对象列表"
              onDrag={(dx) => changeLayout({ left: layout.left + dx })}
              onToggle={() => changeLayout({ leftOpen: false })}
            />
          </>
        ) : (
          <FoldedRail side="left" label="考评对象" onOpen={() => changeLayout({ leftOpen: true })} />
        )}
        <div style={{ flex: 1, minWidth: 0, minHeight: 0, background: '#fff' }} data-testid="pane-site">
          {data?.target.kind === 'account' ? (
            <AccountForm id={id} targetId={targetId} evidence={data.evidence} onSaved={() => void refresh()} onOpenEvidence={setViewing} />
          ) : data ? (
            <BrowserPane
              id={id}
              targetId={targetId}
              visits={data.visits}
              covered={!!viewing || checking}
              selecting={selecting}
              goTo={goTo}
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
        {layout.rightOpen ? (
          <>
            <SplitHandle
              label="检查单"
              onDrag={(dx) => changeLayout({ right: layout.right - dx })}
              onToggle={() => changeLayout({ rightOpen: false })}
            />
            <div
              style={{ width: layout.right, flex: 'none', background: '#fff', display: 'flex', flexDirection: 'column', minHeight: 0 }}
              data-testid="pane-checklist"
            >
              {data && (
                <>
                  <div style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '4px 8px', borderBottom: '1px solid #eee' }}>
                    <Segmented<'checklist' | 'triage'>
                      size="small"
                      value={rightTab}
                      onChange={setRightTab}
                      options={[
                        { value: 'checklist', label: '检查单' },
                        { value: 'triage', label: <span data-testid="tab-triage">建议（{queue.length}）</span> },
                      ]}
                    />
                    <span style={{ flex: 1 }} />
                    <Tooltip title="收起右栏" placement="left">
                      <Button
                        size="small"
                        type="text"
                        icon={<MenuUnfoldOutlined />}
                        onClick={() => changeLayout({ rightOpen: false })}
                        aria-label="收起右栏"
                      />
                    </Tooltip>
                  </div>
                  {rightTab === 'triage' ? (
                    <div style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
                      <TriagePanel
                        findings={data.findings}
                        evidence={data.evidence}
                        queue={queue}
                        current={currentSuggestion}
                        onCurrent={focusSuggestion}
                        onConfirm={(f) => void decide(f, 'confirmed')}
                        onDismiss={(f) => void decide(f, 'dismissed')}
                        onOpenEvidence={setViewing}
                        onOpenUrl={openUrl}
                      />
                    </div>
                  ) : (
                    <>
                      <div style={{ maxHeight: '38%', overflow: 'auto', borderBottom: '1px solid #eee', padding: '6px 0', flex: 'none' }}>
                        <ChecklistTree tree={data.tree} selected={indicatorId} onSelect={selectIndicator} />
                      </div>
                      <div style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
                        {node ? (
                          <IndicatorPanel
                            node={node}
                            findings={data.findings}
                            evidence={data.evidence}
                            active={activeFinding}
                            current={currentSuggestion}
                            draft={drafts[draftKey(targetId, node.id)]}
                            onDraft={(d) =>
                              setDrafts(({ [draftKey(targetId, node.id)]: _old, ...rest }) =>
                                d ? { ...rest, [draftKey(targetId, node.id)]: d } : rest,
                              )
                            }
                            actions={actions}
                          />
                        ) : (
                          <Typography.Paragraph style={{ padding: 12 }}>选择一个指标</Typography.Paragraph>
                        )}
                        {notes.data && notes.data.length > 0 && (
                          <div style={{ borderTop: '1px solid #eee', padding: 12 }}>
                            <CheckNotes
                              id={id}
                              notes={notes.data}
                              onRecorded={(delta) => {
                                list.applyDelta(delta);
                                void Promise.all([review.reload(), notes.reload()]);
                              }}
                            />
                          </div>
                        )}
                      </div>
                    </>
                  )}
                </>
              )}
            </div>
          </>
        ) : (
          <FoldedRail side="right" label="检查单与建议" onOpen={() => changeLayout({ rightOpen: true })} />
        )}
      </div>
      {viewing && (
        <EvidenceViewer
          id={id}
          evidence={viewing}
          onOpenUrl={data?.target.kind === 'website' ? openUrl : undefined}
          onClose={() => setViewing(undefined)}
          onChanged={(created) => {
            setViewing(created);
            // An annotated copy is new evidence: it changes no score, so the list stays as it is.
            void review.reload();
          }}
        />
      )}
      {checking && (
        <ChecksDialog
          id={id}
          targetIds={[targetId]}
          title={`自动检查：${data?.target.unit ?? ''}`}
          onClose={() => setChecking(false)}
          onFinished={() => void refresh()}
        />
      )}
    </div>
  );
}
