import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import type { AssessmentOverview, ClassSummary, TargetQuery, TargetRow, TargetSort } from '../../../shared/api/views';
import { gradeColor, points } from '../format';

const SORT_LABELS: Record<TargetSort, string> = {
  order: '导入顺序',
  rank: '类内排名',
  score: '得分',
  name: '单位名称',
  progress: '评审进度',
};
/** The direction a sort starts in: scores from the highest, the rest from the top. */
const STARTS_DESC: Record<TargetSort, boolean> = { order: false, rank: false, score: true, name: false, progress: false };

/** One line per class above the list: targets, reviewed, vetoed, suggestions waiting, grades. */
export function ClassSummaryLine({ summary }: { summary: ClassSummary[] }) {
  return (
    <Space direction="vertical" size={2} style={{ display: 'flex', marginBottom: 12 }} data-testid="class-summary">
      {summary.map((c) => (
        <Typography.Text key={c.classId} data-testid={`class-summary-${c.classId}`}>
          <Typography.Text strong>{c.label}</Typography.Text>（{c.kind === 'website' ? '网站' : '新媒体'}）{c.targets} 个：评审完毕{' '}
          {c.reviewed}
          {c.vetoed > 0 && `，单项否决 ${c.vetoed}`}
          {c.suggested > 0 && `，有待确认建议 ${c.suggested}`}
          {c.grades.length > 0 && `；${c.grades.map((g) => `${g.grade} ${g.count}`).join('，')}`}
        </Typography.Text>
      ))}
    </Space>
  );
}

type Flag = 'yes' | 'no' | undefined;
const flag = (b: boolean | undefined): Flag => (b === undefined ? undefined : b ? 'yes' : 'no');
const unflag = (f: Flag) => (f === undefined ? undefined : f === 'yes');

/** Search, filters and order of the overview, in the reviewer's words; every change goes to the host. */
export function OverviewControls({
  overview,
  query,
  onQuery,
}: {
  overview: AssessmentOverview | undefined;
  query: TargetQuery;
  onQuery: (q: TargetQuery) => void;
}) {
  const set = (patch: Partial<TargetQuery>) => onQuery({ ...query, ...patch });
  const sort = query.sort ?? 'order';
  return (
    <Space wrap style={{ display: 'flex', marginBottom: 12 }} data-testid="overview-controls">
      <Input.Search
        allowClear
        placeholder="搜索单位、网站、账号或网址"
        style={{ width: 260 }}
        defaultValue={query.text}
        onSearch={(text) => set({ text: text.trim() || undefined })}
        data-testid="overview-search"
      />
      <Select
        allowClear
        placeholder="全部类别"
        style={{ width: 150 }}
        value={query.classId}
        onChange={(classId?: string) => set({ classId })}
        options={(overview?.summary ?? []).map((c) => ({ value: c.classId, label: c.label }))}
        data-testid="filter-class"
      />
      <Select
        allowClear
        placeholder="网站与新媒体"
        style={{ width: 130 }}
        value={query.kind}
        onChange={(kind?: TargetQuery['kind']) => set({ kind })}
        options={[
          { value: 'website', label: '网站' },
          { value: 'account', label: '新媒体账号' },
        ]}
        data-testid="filter-kind"
      />
      <Select
        allowClear
        placeholder="评审状态"
        style={{ width: 120 }}
        value={query.status}
        onChange={(status?: TargetQuery['status']) => set({ status })}
        options={[
          { value: 'todo', label: '未评审完' },
          { value: 'done', label: '已评审完' },
        ]}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder="待确认建议"
        style={{ width: 140 }}
        value={flag(query.suggested)}
        onChange={(f?: Flag) => set({ suggested: unflag(f) })}
        options={[
          { value: 'yes', label: '有待确认建议' },
          { value: 'no', label: '无待确认建议' },
        ]}
        data-testid="filter-suggested"
      />
      <Select
        allowClear
        placeholder="单项否决"
        style={{ width: 120 }}
        value={flag(query.veto)}
        onChange={(f?: Flag) => set({ veto: unflag(f) })}
        options={[
          { value: 'yes', label: '单项否决' },
          { value: 'no', label: '未否决' },
        ]}
        data-testid="filter-veto"
      />
      <Select
        allowClear
        placeholder="等次"
        style={{ width: 100 }}
        value={query.grade}
        onChange={(grade?: string) => set({ grade })}
        options={(overview?.gradeBands ?? []).map((b) => ({ value: b.name, label: b.name }))}
        data-testid="filter-grade"
      />
      <Space.Compact>
        <Select<TargetSort>
          style={{ width: 130 }}
          value={sort}
          onChange={(s) => set({ sort: s, desc: STARTS_DESC[s] })}
          options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value: value as TargetSort, label: `按${label}` }))}
          data-testid="sort"
        />
        <Tooltip title={query.desc ? '降序' : '升序'}>
          <Button
            icon={query.desc ? <SortDescendingOutlined /> : <SortAscendingOutlined />}
            onClick={() => set({ desc: !query.desc })}
            aria-label={query.desc ? '降序' : '升序'}
            data-testid="sort-direction"
          />
        </Tooltip>
      </Space.Compact>
    </Space>
  );
}

/** The overview's targets, one page from the host at a time: first paint costs the same at 50 targets and at 20,000. */
export function OverviewTable({
  rows,
  matched,
  offset,
  pageSize,
  loading,
  onPage,
  onReview,
}: {
  rows: TargetRow[];
  matched: number;
  offset: number;
  pageSize: number;
  loading: boolean;
  onPage: (offset: number, pageSize: number) => void;
  onReview: (targetId: number) => void;
}) {
  return (
    <Table<TargetRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{
        current: Math.floor(offset / pageSize) + 1,
        pageSize,
        total: matched,
        showSizeChanger: true,
        pageSizeOptions: [50, 100, 200],
        showTotal: (n) => <span data-testid="overview-matched">共 {n} 个考评对象</span>,
        onChange: (page, size) => onPage((page - 1) * size, size),
      }}
      locale={{
        emptyText: matched === 0 && !loading ? '没有符合条件的考评对象（没有考评对象时，点击“导入考评对象”导入附件1格式的名单）' : ' ',
      }}
      columns={[
        { title: '类别', dataIndex: 'classLabel', width: 110 },
        { title: '主管单位', dataIndex: 'unit', width: 200 },
        {
          title: '名称 / 网址',
          render: (_, t) =>
            t.kind === 'website' ? (
              <Typography.Text copyable={{ text: t.url ?? '' }}>{t.url}</Typography.Text>
            ) : (
              `${t.name}（${t.platform ?? ''}）`
            ),
        },
        { title: '评审进度', width: 100, render: (_, t) => `${t.progress.reviewed}/${t.progress.total}` },
        {
          title: '问题',
          dataIndex: 'findings',
          width: 70,
          render: (n: number, t) =>
            t.suggested ? (
              <span>
                {n} <Tag color="orange">{t.suggested} 条建议</Tag>
              </span>
            ) : (
              n
            ),
        },
        {
          title: '得分',
          dataIndex: 'total',
          width: 110,
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
        {
          title: '',
          width: 70,
          render: (_, t) => (
            <Button size="small" onClick={() => onReview(t.id)} data-testid={`review-${t.id}`}>
              评审
            </Button>
          ),
        },
      ]}
    />
  );
}
