import { useEffect, useState } from 'react';
import { Layout, Typography } from 'antd';
import { AssessmentListScreen } from './screens/assessment-list';
import { AssessmentScreen } from './screens/assessment';
import { ReviewScreen } from './screens/review';
import { RulesetLibraryScreen } from './screens/ruleset-library';
import { RulesetEditorScreen } from './screens/ruleset-editor';

/** Where the reviewer is, kept in the URL hash so a reload returns there: #a=<assessment>&t=<target>[&i=<indicator>], or #r=library / #r=<ruleset>. */
function readHash(): { a?: string; t?: number; i?: string; r?: string } {
  const p = new URLSearchParams(window.location.hash.slice(1));
  const t = Number(p.get('t'));
  return {
    a: p.get('a') ?? undefined,
    t: Number.isInteger(t) && t > 0 ? t : undefined,
    i: p.get('i') ?? undefined,
    r: p.get('r') ?? undefined,
  };
}

/** Top-level navigation: the workspace's assessments, or one open assessment. */
export function App() {
  const [place, setPlace] = useState(readHash);
  const go = (a: string | undefined, t?: number, i?: string) => {
    window.location.hash = a ? `a=${encodeURIComponent(a)}${t ? `&t=${t}` : ''}${t && i ? `&i=${encodeURIComponent(i)}` : ''}` : '';
    setPlace({ a, t, i });
  };
  const open = (id: string | undefined) => go(id);
  const goRuleset = (r: string) => {
    window.location.hash = `r=${encodeURIComponent(r)}`;
    setPlace({ r });
  };
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
        {place.r === 'library' ? (
          <RulesetLibraryScreen onBack={() => open(undefined)} onEdit={goRuleset} />
        ) : place.r ? (
          <RulesetEditorScreen key={place.r} rulesetId={place.r} onBack={() => goRuleset('library')} onOpen={goRuleset} />
        ) : openId && place.t ? (
          <ReviewScreen
            id={openId}
            targetId={place.t}
            initialIndicator={place.i}
            onTarget={(t) => go(openId, t)}
            onBack={() => go(openId)}
          />
        ) : openId ? (
          <AssessmentScreen id={openId} onBack={() => open(undefined)} onReview={(t, i) => go(openId, t, i)} />
        ) : (
          <AssessmentListScreen onOpen={open} onLibrary={() => goRuleset('library')} />
        )}
      </Layout.Content>
    </Layout>
  );
}
