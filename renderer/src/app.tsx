import { useState } from 'react';
import { Layout, Typography } from 'antd';
import { AssessmentListScreen } from './screens/assessment-list';
import { AssessmentScreen } from './screens/assessment';

/** Top-level navigation: the workspace's assessments, or one open assessment. */
export function App() {
  const [openId, setOpenId] = useState<string | undefined>(() => new URLSearchParams(window.location.hash.slice(1)).get('a') ?? undefined);

  const open = (id: string | undefined) => {
    window.location.hash = id ? `a=${encodeURIComponent(id)}` : '';
    setOpenId(id);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#8b1a1a', paddingInline: 20 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, cursor: 'pointer' }} onClick={() => open(undefined)}>
          考评工作台
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: openId ? 0 : 24 }}>
        {openId ? <AssessmentScreen id={openId} onBack={() => open(undefined)} /> : <AssessmentListScreen onOpen={open} />}
      </Layout.Content>
    </Layout>
  );
}
