import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { MonitorStatusView } from '../../../shared/api/views';
import { api } from '../api/client';
import { useCall } from '../use-call';
import { beijingTime } from '../format';

const VETO_RATIO = 0.05;

/**
 * 可用性监测: visits every website's home page on a schedule (20 a day for a
 * week, 15 s each by default) in the background and shows the failure ratio
 * against the 5% veto line. Suggestions are made when the reviewer runs the
 * report (`kaoping monitor --report`) or stops the schedule.
 */
export function MonitorPanel({ id }: { id: string }) {
  const { message } = App.useApp();
  const status = useCall(() => api.monitor.status({ id }), [id]);
  const [days, setDays] = useState(7);
  const [perDay, setPerDay] = useState(20);
  const [timeout, setTimeoutSeconds] = useState(15);
  const data: MonitorStatusView | undefined = status.data;
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);

  useEffect(() => {
    if (!data?.running) return;
    const timer = setInterval(() => void status.reload(), 5000);
    return () => clearInterval(timer);
  }, [data?.running, status]);

  /** One call at a time: a double click on 开始监测 starts once and shows no error for the second click. */
  const run = async (call: () => Promise<MonitorStatusView>, done: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      await call();
      message.success(done);
      await status.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber min={0.01} max={31} value={days} onChange={(v) => setDays(v ?? 7)} addonAfter="天" disabled={data?.running} />
        <InputNumber min={1} max={1440} value={perDay} onChange={(v) => setPerDay(v ?? 20)} addonAfter="次/天" disabled={data?.running} />
        <InputNumber
          min={1}
          max={120}
          value={timeout}
          onChange={(v) => setTimeoutSeconds(v ?? 15)}
          addonAfter="秒超时"
          disabled={data?.running}
        />
        {data?.running ? (
          <Button
            danger
            loading={pending}
            onClick={() => void run(() => api.monitor.stop({ id }), '已停止监测，并按结果生成建议')}
            data-testid="monitor-stop"
          >
            停止监测
          </Button>
        ) : (
          <Button
            type="primary"
            loading={pending}
            onClick={() => void run(() => api.monitor.start({ id, days, perDay, timeoutSeconds: timeout }), '已开始后台监测')}
            data-testid="monitor-start"
          >
            开始监测
          </Button>
        )}
      </Space>
      {data?.running && (
        <Alert
          type="info"
          showIcon
          message={`后台监测中：开始于 ${data.startedAt ? beijingTime(data.startedAt) : ''}${data.nextAt ? `，下一轮 ${beijingTime(data.nextAt)}` : ''}。关闭本软件会中止监测，已记录的结果保留。`}
        />
      )}
      <Typography.Text type="secondary">
        方案规定：监测 1 周，每天间隔访问 20 次以上，超过（含）15 秒仍打不开的次数占比超过（含）5% 为单项否决。
      </Typography.Text>
      <Table
        size="small"
        rowKey="targetId"
        dataSource={data?.targets ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '还没有监测记录' }}
        columns={[
          { title: '网站', dataIndex: 'name' },
          { title: '访问次数', dataIndex: 'attempts', width: 100 },
          { title: '失败次数', dataIndex: 'failures', width: 100 },
          {
            title: '失败占比',
            dataIndex: 'ratio',
            width: 120,
            render: (r: number, t) => (t.attempts ? <Tag color={r >= VETO_RATIO ? 'red' : 'green'}>{(r * 100).toFixed(1)}%</Tag> : '—'),
          },
          {
            title: '说明',
            dataIndex: 'shortfalls',
            render: (s: string[]) =>
              s.length ? (
                <Typography.Text type="warning" data-testid="monitor-shortfalls">
                  {s.join('；')}
                </Typography.Text>
              ) : (
                '符合方案规定的监测频次'
              ),
          },
        ]}
      />
    </Space>
  );
}
