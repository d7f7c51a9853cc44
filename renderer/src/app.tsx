import { useEffect, useState } from 'react';
import { Layout, Typography } from 'antd';
import { AssessmentListScreen } from './screens/assessment-list';
import { AssessmentScreen } from './screens/assessment';
import { ReviewScreen } from './screens/review';

/** Where the reviewer is, kept in the URL hash so a reload returns there: #a=<assessment>&t=<target>[&i=<indicator>]. */
function readHash(): { a?: string; t?: number; i?: string } {
  const p = new URLSearchParams(window.location.hash.slice(1));
  const t = Number(p.get('t'));
  return { a: p.get('a') ?? undefined, t: Number.isInteger(t) && t > 0 ? t : undefined, i: p.get('i') ?? undefined };
}

/** Top-level navigation: the workspace's assessments, or one open assessment. */
export function App() {
  const [place, setPlace] = useState(readHash);
  const go = (a: string | undefined, t?: number, i?: string) => {
    window.location.hash = a ? `a=${encodeURIComponent(a)}${t ? `&t=${t}` : ''}${t && i ? `&i=${encodeURIComponent(i)}` : ''}` : '';
    setPlace({ a, t, i });
  };
  const open = (id: string | undefined) => go(id);
  useEffect(() => {
    const follow = () => setPlace(readHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const openId = place.a;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#8b1a1a', paddingInline: 20 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, cursor: 'pointer' }} onClick={() => open(undefined)}>
          考评工作台
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: openId ? 0 : 24 }}>
        {openId && place.t ? (
          <ReviewScreen id={openId} targetId={place.t} initialIndicator={place.i} onTarget={(t) => go(openId, t)} onBack={() => go(openId)} />
        ) : openId ? (
          <AssessmentScreen id={openId} onBack={() => open(undefined)} onReview={(t, i) => go(openId, t, i)} />
        ) : (
          <AssessmentListScreen onOpen={open} />
        )}
      </Layout.Content>
    </Layout>
  );
}
