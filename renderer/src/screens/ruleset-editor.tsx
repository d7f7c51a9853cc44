import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Result, Row, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import type { Ruleset } from '../../../shared/ruleset/types';
import { validateRuleset } from '../../../shared/ruleset/validate';
import { resolveDecision } from '../../../shared/ruleset/edit';
import { api, ApiError } from '../api/client';
import { RulesetTree } from '../components/ruleset-editor/tree';
import { DecisionList, NodePanel } from '../components/ruleset-editor/node-panel';
import { ClassesPanel, ScoringPanel, TransfersPanel } from '../components/ruleset-editor/settings-panel';
import { PreviewPanel } from '../components/ruleset-editor/preview-panel';

const TOPIC_TAB: Record<string, string> = { transfer: 'transfers', classes: 'classes', basis: 'scoring' };

/**
 * 考评方案编辑器: the tree of parts, sections, indicators and rules, live validation
 * pointing at the row, the open questions of an import, a preview score; saving
 * writes a new version to the workspace library (a built-in is saved as a copy).
 */
export function RulesetEditorScreen({ rulesetId, onBack }: { rulesetId: string; onBack: () => void }) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Ruleset | undefined>();
  const [origin, setOrigin] = useState<{ origin: 'built-in' | 'library'; version: number | null }>();
  const [loadError, setLoadError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [tab, setTab] = useState('tree');
  const [note, setNote] = useState('');
  const [copyId, setCopyId] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | Error>();

  useEffect(() => {
    api.rulesets
      .get({ rulesetId })
      .then((doc) => {
        setDraft(doc.ruleset as Ruleset);
        setOrigin({ origin: doc.origin, version: doc.version });
      })
      .catch((e: Error) => setLoadError(e.message));
  }, [rulesetId]);

  const { ruleset: valid, problems } = useMemo(() => (draft ? validateRuleset(draft) : { ruleset: undefined, problems: [] }), [draft]);
  const pending = draft?.pending ?? [];
  const flagged = useMemo(
    () => new Set([...problems.map((p) => p.nodeId), ...pending.map((d) => d.indicatorId)].filter((x): x is string => !!x)),
    [problems, pending],
  );

  if (loadError) return <Result status="error" title={loadError} extra={<Button onClick={onBack}>返回考评方案库</Button>} />;
  if (!draft || !origin) return <Card loading />;

  const builtIn = origin.origin === 'built-in';
  const locate = (nodeId?: string, topic?: string) => {
    if (topic && TOPIC_TAB[topic] && !nodeId) setTab(TOPIC_TAB[topic]!);
    else {
      setTab('tree');
      if (nodeId) setSelected(nodeId);
    }
  };
  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const body = builtIn ? { ...draft, id: copyId.trim(), basedOn: `${draft.id}（${draft.version}）` } : draft;
      const saved = await api.rulesets.save({ ruleset: body as unknown as Record<string, unknown>, note });
      message.success(`已保存：${saved.id} 第 ${saved.version} 版${saved.pending ? `（还有 ${saved.pending} 项待决定）` : ''}`);
      setNote('');
      if (builtIn) onBack();
      else {
        setDraft({ ...draft, libraryVersion: saved.version });
        setOrigin({ origin: 'library', version: saved.version });
      }
    } catch (e) {
      setSaveError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" />
          <span data-testid="editor-title">{draft.name}</span>
          <Tag>{builtIn ? `内置 ${draft.id}（保存为副本）` : `${draft.id} 第 ${origin.version} 版`}</Tag>
          {pending.length > 0 && <Tag color="orange" data-testid="pending-count">{`${pending.length} 项待决定`}</Tag>}
          {problems.length === 0 ? (
            <Tag color="green">校验通过</Tag>
          ) : (
            <Tag color="red" data-testid="problem-count">{`${problems.length} 处错误`}</Tag>
          )}
        </Space>
      }
      extra={
        <Space>
          {builtIn && (
            <Input
              style={{ width: 180 }}
              placeholder="副本编号，如 nanling-2025"
              value={copyId}
              onChange={(e) => setCopyId(e.target.value)}
              data-testid="copy-id"
            />
          )}
          <Input
            style={{ width: 220 }}
            placeholder="本次修改说明"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="save-note"
          />
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={problems.length > 0 || (builtIn && !copyId.trim())}
            onClick={save}
            data-testid="save-ruleset"
          >
            保存为新版本
          </Button>
        </Space>
      }
    >
      {saveError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={saveError.message}
          description={saveError instanceof ApiError ? saveError.details.join('；') : undefined}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message="方案有错误，改正后才能保存"
          data-testid="problems"
          description={
            <ul style={{ margin: 0, maxHeight: 160, overflow: 'auto' }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.nodeId ? <Typography.Link onClick={() => locate(p.nodeId)}>{p.where}</Typography.Link> : p.where}：{p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'tree',
            label: '指标与评分细则',
            children: (
              <Row gutter={16}>
                <Col span={8}>
                  <RulesetTree ruleset={draft} flagged={flagged} selected={selected} onSelect={setSelected} />
                </Col>
                <Col span={16}>
                  <NodePanel ruleset={draft} nodeId={selected} onChange={setDraft} />
                </Col>
              </Row>
            ),
          },
          {
            key: 'pending',
            label: `待决定（${pending.length}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="pending-list">
                {pending.length === 0 && <Alert type="success" showIcon message="没有待决定的事项" />}
                {pending.map((d) => (
                  <div key={d.id}>
                    <Typography.Link onClick={() => locate(d.indicatorId, d.topic)} data-testid={`locate-${d.id}`}>
                      {d.indicatorId ? `定位到指标 ${d.indicatorId}` : `查看（${d.topic}）`}
                    </Typography.Link>
                    <DecisionList decisions={[d]} onResolve={(id) => setDraft(resolveDecision(draft, id))} />
                  </div>
                ))}
              </Space>
            ),
          },
          { key: 'classes', label: '考评对象类别', children: <ClassesPanel ruleset={draft} onChange={setDraft} /> },
          {
            key: 'transfers',
            label: `权重转移（${draft.transfers.length}）`,
            children: <TransfersPanel ruleset={draft} onChange={setDraft} />,
          },
          { key: 'scoring', label: '满分折算、分数线与等次', children: <ScoringPanel ruleset={draft} onChange={setDraft} /> },
          { key: 'preview', label: '试算', children: <PreviewPanel ruleset={valid} /> },
        ]}
      />
    </Card>
  );
}
