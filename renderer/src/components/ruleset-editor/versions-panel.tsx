import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { RulesetChange, RulesetVersionRow } from '../../../../shared/api/views';
import { api } from '../../api/client';
import { useCall } from '../../use-call';

const CHANGE_TAGS = {
  added: <Tag color="green">新增</Tag>,
  removed: <Tag color="red">删除</Tag>,
  changed: <Tag color="blue">修改</Tag>,
} as const;

const when = (iso: string) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** What changed between two versions, grouped as the diff lists it (by indicator and rule, then settings). */
function VersionDiff({ rulesetId, from, to }: { rulesetId: string; from: number; to: number }) {
  const diff = useCall(() => api.rulesets.diff({ rulesetId, from, to }), [rulesetId, from, to]);
  if (diff.error) return <Alert type="error" showIcon message={diff.error.message} />;
  return (
    <Table<RulesetChange>
      size="small"
      loading={diff.loading}
      rowKey={(_c, i) => String(i)}
      pagination={false}
      dataSource={diff.data ?? []}
      data-testid="version-diff"
      locale={{ emptyText: <Empty description={`第 ${from} 版与第 ${to} 版内容相同`} /> }}
      columns={[
        { title: '', dataIndex: 'change', width: 70, render: (c: RulesetChange['change']) => CHANGE_TAGS[c] },
        { title: '位置', dataIndex: 'where', width: 280 },
        { title: '变化', dataIndex: 'text' },
      ]}
    />
  );
}

/**
 * 版本: every saved version of a library ruleset with its date and note; open one
 * read-only, compare any two, or save an older one as the newest version (no
 * version is ever overwritten).
 */
export function VersionsPanel({
  rulesetId,
  current,
  onView,
  onSavedAs,
}: {
  rulesetId: string;
  /** The version on screen. */
  current: number;
  /** Opens a version: the newest editable, an older one read-only. */
  onView: (version: number, latest: boolean) => void;
  onSavedAs: (version: number) => void;
}) {
  const { message } = App.useApp();
  // `current` is not read by the call: it reloads the list when another version is saved and shown.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a reload trigger, as an effect may have
  const versions = useCall(() => api.rulesets.versions({ rulesetId }), [rulesetId, current]);
  const rows: RulesetVersionRow[] = useMemo(() => versions.data ?? [], [versions.data]);
  const latest = rows.at(-1)?.version;
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const [basing, setBasing] = useState<number>();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (rows.length >= 2 && pair.from === undefined) setPair({ from: rows.at(-2)!.version, to: rows.at(-1)!.version });
  }, [rows, pair.from]);

  const saveAs = async () => {
    if (basing === undefined) return;
    try {
      const saved = await api.rulesets.saveVersionAs({ rulesetId, version: basing, note });
      message.success(`已将第 ${basing} 版另存为第 ${saved.version} 版`);
      setBasing(undefined);
      setNote('');
      onSavedAs(saved.version);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  if (versions.error) return <Alert type="error" showIcon message={versions.error.message} />;
  const options = rows.map((v) => ({ value: v.version, label: `第 ${v.version} 版` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="versions-panel">
      <Table<RulesetVersionRow>
        size="small"
        loading={versions.loading}
        rowKey="version"
        pagination={false}
        dataSource={[...rows].reverse()}
        onRow={(v) => ({ 'data-testid': `version-row-${v.version}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '版本',
            dataIndex: 'version',
            width: 150,
            render: (v: number) => (
              <Space size={4}>
                {`第 ${v} 版`}
                {v === latest && <Tag color="blue">最新</Tag>}
                {v === current && v !== latest && <Tag>正在查看</Tag>}
              </Space>
            ),
          },
          { title: '保存时间', dataIndex: 'savedAt', width: 170, render: when },
          { title: '说明', dataIndex: 'note', render: (n: string) => n || '—' },
          { title: '方案名称（版次）', width: 260, render: (_: unknown, v) => `${v.name}（${v.edition}）` },
          { title: '指标', dataIndex: 'indicators', width: 60 },
          { title: '待决定', dataIndex: 'pending', width: 70, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '—') },
          {
            title: '',
            width: 300,
            render: (_: unknown, v) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => onView(v.version, v.version === latest)}
                  disabled={v.version === current}
                  data-testid={`view-version-${v.version}`}
                >
                  {v.version === latest ? '打开（可编辑）' : '查看（只读）'}
                </Button>
                {v.version !== latest && (
                  <Button size="small" onClick={() => setBasing(v.version)} data-testid={`base-version-${v.version}`}>
                    以此版本为基础另存为新版本
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {rows.length >= 2 ? (
        <>
          <Space>
            <Typography.Text strong>比较</Typography.Text>
            <Select
              style={{ width: 110 }}
              value={pair.from}
              options={options}
              onChange={(from) => setPair({ ...pair, from })}
              data-testid="diff-from"
            />
            <span>→</span>
            <Select
              style={{ width: 110 }}
              value={pair.to}
              options={options}
              onChange={(to) => setPair({ ...pair, to })}
              data-testid="diff-to"
            />
          </Space>
          {pair.from !== undefined && pair.to !== undefined && <VersionDiff rulesetId={rulesetId} from={pair.from} to={pair.to} />}
        </>
      ) : (
        <Typography.Text type="secondary">只有一个版本；保存后即可比较两个版本的差异。</Typography.Text>
      )}
      <Modal
        title={`以第 ${basing ?? ''} 版为基础另存为新版本`}
        open={basing !== undefined}
        onOk={saveAs}
        onCancel={() => setBasing(undefined)}
        okText="另存为新版本"
        cancelText="取消"
        destroyOnHidden
      >
        <Typography.Paragraph>
          第 {basing} 版的内容将保存为第 {(latest ?? 0) + 1} 版（成为最新版本）。已有的各版本不变，已用旧版本的考评保留其方案快照。
        </Typography.Paragraph>
        <Input placeholder="本次说明（可不填）" value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Space>
  );
}
