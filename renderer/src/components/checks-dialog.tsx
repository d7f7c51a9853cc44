import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Input, Modal, Progress, Space, Typography } from 'antd';
import { CHECKS, CHECK_NAMES, type CheckName } from '../../../shared/checks/check-names';
import type { CheckRunView } from '../../../shared/api/review';
import { api } from '../api/client';
import { CheckNotes } from './check-notes';

/**
 * Runs the automated checks on some websites with a progress bar and a cancel
 * button. What they find is stored as suggestions: nothing is scored until a
 * reviewer confirms it.
 */
export function ChecksDialog({
  id,
  targetIds,
  title,
  onClose,
  onFinished,
}: {
  id: string;
  targetIds: number[];
  title: string;
  onClose: () => void;
  onFinished: () => void;
}) {
  const [only, setOnly] = useState<CheckName[]>(CHECK_NAMES);
  const [run, setRun] = useState<CheckRunView | undefined>();
  const [error, setError] = useState<string | undefined>();
  // 监测时间点: the assessment's stored date, else today (stored when the check starts).
  const [asOf, setAsOf] = useState('');
  const [storedAsOf, setStoredAsOf] = useState<string | null>(null);
  // The parent passes a new callback each render; the poll must not restart for it.
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    void api.checks.monitoringDate({ id }).then((d) => {
      setStoredAsOf(d.date);
      setAsOf(d.date ?? d.today);
    });
  }, [id]);

  useEffect(() => {
    if (!run?.running) return;
    const timer = setInterval(() => {
      void api.checks.status({ runId: run.runId }).then((next) => {
        setRun(next);
        if (!next.running) finished.current();
      });
    }, 700);
    return () => clearInterval(timer);
  }, [run?.running, run?.runId]);

  const start = async () => {
    try {
      setError(undefined);
      if (asOf && asOf !== storedAsOf) setStoredAsOf((await api.checks.setMonitoringDate({ id, date: asOf })).date);
      const { runId } = await api.checks.start({ id, targetIds, only });
      setRun({
        runId,
        running: true,
        cancelled: false,
        lines: ['开始检查'],
        current: '',
        fraction: 0,
        suggestions: 0,
        notes: [],
        coverage: [],
        error: null,
      });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={640}
      onCancel={onClose}
      maskClosable={!run?.running}
      footer={
        run?.running ? (
          <Button danger onClick={() => void api.checks.cancel({ runId: run.runId }).then(setRun)} data-testid="checks-cancel">
            取消检查
          </Button>
        ) : run ? (
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        ) : (
          <Button type="primary" disabled={only.length === 0} onClick={() => void start()} data-testid="checks-start">
            开始检查（{targetIds.length} 个网站）
          </Button>
        )
      }
      data-testid="checks-dialog"
    >
      {!run && (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>监测时间点</Typography.Text>
          <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} style={{ width: 170 }} data-testid="checks-as-of" />
          <Typography.Text type="secondary">
            {storedAsOf ? '本次考评已设定，更新情况按此日判断' : '默认为检查当天，开始检查后保存到本次考评'}
          </Typography.Text>
        </Space>
      )}
      {!run && (
        <Checkbox.Group value={only} onChange={(v) => setOnly(v as CheckName[])} style={{ display: 'grid', gap: 6 }}>
          {CHECK_NAMES.map((c) => (
            <Checkbox key={c} value={c}>
              {CHECKS[c]}
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {run && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {/* Floored while running: 99.6 % is not done. */}
          <Progress
            percent={run.running ? Math.floor(run.fraction * 100) : Math.round(run.fraction * 100)}
            status={run.error ? 'exception' : run.running ? 'active' : 'success'}
            data-testid="checks-progress"
          />
          {run.running && <Typography.Text data-testid="checks-current">{run.current || '准备中…'}</Typography.Text>}
          <div style={{ maxHeight: 260, overflow: 'auto', background: '#fafafa', padding: 8, fontSize: 12, fontFamily: 'monospace' }}>
            {run.lines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
          {!run.running && !run.error && (
            <Alert
              type={run.cancelled ? 'warning' : 'success'}
              showIcon
              data-testid="checks-result"
              message={
                run.cancelled ? `检查已取消，已保存 ${run.suggestions} 条建议` : `检查完成：${run.suggestions} 条建议问题待评审人员确认`
              }
            />
          )}
          {!run.running && run.coverage.length > 0 && (
            <div data-testid="checks-coverage">
              {run.coverage.map((line, i) => (
                <Typography.Paragraph key={i} style={{ margin: 0 }}>
                  {line}
                </Typography.Paragraph>
              ))}
            </div>
          )}
          {!run.running && <CheckNotes id={id} notes={run.notes} />}
          {run.error && <Alert type="error" showIcon message={run.error} />}
          <Typography.Text type="secondary">自动检查只提出建议，由评审人员逐条确认或驳回后才计分。</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
