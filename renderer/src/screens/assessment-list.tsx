import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import type { AssessmentSummary } from '../../../shared/api/views';
import { api } from '../api/client';
import { useCall } from '../use-call';
import { CreateAssessmentDialog } from '../components/create-assessment-dialog';

/** The first screen: every assessment folder in the workspace. */
export function AssessmentListScreen({ onOpen, onLibrary }: { onOpen: (id: string) => void; onLibrary: () => void }) {
  const list = useCall(() => api.assessments.list({}), []);
  const [creating, setCreating] = useState(false);

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-assessment">
      新建考评
    </Button>
  );

  return (
    <Card
      title="考评列表"
      extra={
        <Space>
          <Button icon={<BookOutlined />} onClick={onLibrary} data-testid="ruleset-library">
            考评方案库
          </Button>
          {list.data?.length ? createButton : null}
        </Space>
      }
    >
      {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      {list.data && list.data.length === 0 ? (
        <Empty description="还没有考评。新建一次考评，选择考评方案后导入考评对象。">{createButton}</Empty>
      ) : (
        <Table<AssessmentSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          onRow={(row) => ({ onDoubleClick: () => onOpen(row.id) })}
          columns={[
            {
              title: '考评名称',
              dataIndex: 'name',
              render: (name: string, row) => (
                <Typography.Link onClick={() => onOpen(row.id)} data-testid="assessment-name">
                  {name}
                </Typography.Link>
              ),
            },
            { title: '年度', dataIndex: 'year', width: 90 },
            { title: '考评方案', dataIndex: 'rulesetName', render: (n: string) => <Tag color="red">{n}</Tag> },
            { title: '网站', dataIndex: 'websites', width: 80 },
            { title: '新媒体', dataIndex: 'accounts', width: 80 },
            { title: '文件夹', dataIndex: 'id', render: (id: string) => <Typography.Text type="secondary">{id}</Typography.Text> },
          ]}
        />
      )}
      <CreateAssessmentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void list.reload();
          onOpen(created.id);
        }}
      />
    </Card>
  );
}
