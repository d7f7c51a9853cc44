import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, ConfigProvider, Input, Result, Row, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, RedoOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { Ruleset } from '../../../shared/ruleset/types';
import type { RulesetProblem } from '../../../shared/ruleset/check';
import { validateRuleset } from '../../../shared/ruleset/validate';
import { resolveDecision } from '../../../shared/ruleset/edit';
import { api, ApiError } from '../api/client';
import { RulesetTree } from '../components/ruleset-editor/tree';
import { DecisionList, NodePanel } from '../components/ruleset-editor/node-panel';
import { ClassesPanel, ScoringPanel, TransfersPanel } from '../components/ruleset-editor/settings-panel';
import { GradesPanel } from '../components/ruleset-editor/grades-panel';
import { PreviewPanel } from '../components/ruleset-editor/preview-panel';
import { VersionsPanel } from '../components/ruleset-editor/versions-panel';
import { useEditHistory } from '../components/ruleset-editor/use-edit-history';

const TOPIC_TAB: Record<string, string> = { transfer: 'transfers', classes: 'classes', basis: 'scoring' };

/** "my-scheme@2" → the id and the version to view read-only; the newest (editable) without "@". */
function splitVersion(ref: string): { id: string; version?: number } {
  const m = /^(.+)@(\d+)$/u.exec(ref);
  return m ? { id: m[1]!, version: Number(m[2]) } : { id: ref };
}

/**
 * 考评方案编辑器: the tree of parts, sections, indicators and rules, live validation
 * pointing at the row, the open questions of an import, grade lines and ranking,
 * a preview score, undo/redo over the session's edits, and the versions; saving
 * writes a new version to the workspace library (a built-in is saved as a copy).
 * "id@N" opens version N read-only.
 */
export function RulesetEditorScreen({
  rulesetId,
  onBack,
  onOpen,
}: {
  rulesetId: string;
  onBack: () => void;
  /** Opens another version ("id@N", read-only) or the newest ("id"). */
  onOpen: (ref: string) => void;
}) {
  const { message, modal } = App.useApp();
  const { id: baseId, version: viewVersion } = splitVersion(rulesetId);
  const readOnly = viewVersion !== undefined;
  const history = useEditHistory<Ruleset>(!readOnly);
  const draft = history.draft;
  const setDraft = history.edit;
  const resetHistory = history.reset;
  const [clean, setClean] = useState<Ruleset>();
  const [origin, setOrigin] = useState<{ origin: 'built-in' | 'library'; version: number | null }>();
  const [loadError, setLoadError] = useState<string>();
  const [reloads, setReloads] = useState(0);
  const [selected, setSelected] = useState<string>();
  const [tab, setTab] = useState('tree');
  const [note, setNote] = useState('');
  const [copyId, setCopyId] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | Error>();

  useEffect(() => {
    api.rulesets
      .get({ rulesetId: baseId, version: viewVersion })
      .then((doc) => {
        resetHistory(doc.ruleset);
        setClean(doc.ruleset);
        setOrigin({ origin: doc.origin, version: doc.version });
      })
      .catch((e: Error) => setLoadError(e.message));
    // Reload when the ruleset or version changes or a save-as asks for it (reset is stable).
  }, [baseId, viewVersion, reloads, resetHistory]);

  const { ruleset: valid, problems } = useMemo(() => (draft ? validateRuleset(draft) : { ruleset: undefined, problems: [] }), [draft]);
  const pending = useMemo(() => draft?.pending ?? [], [draft]);
  const flagged = useMemo(
    () => new Set([...problems.map((p) => p.nodeId), ...pending.map((d) => d.indicatorId)].filter((x): x is string => !!x)),
    [problems, pending],
  );

  if (loadError) return <Result status="error" title={loadError} extra={<Button onClick={onBack}>返回考评方案库</Button>} />;
  if (!draft || !origin) return <Card loading />;

  const builtIn = origin.origin === 'built-in';
  const dirty = draft !== clean;
  const locate = (nodeId?: string, topic?: string) => {
    if (topic && TOPIC_TAB[topic] && !nodeId) setTab(TOPIC_TAB[topic]!);
    else {
      setTab('tree');
      if (nodeId) setSelected(nodeId);
    }
  };
  const locateProblem = (p: RulesetProblem) => (p.area === 'grades' ? setTab('grades') : locate(p.nodeId));
  /** Leaves the draft (for another version or the library), asking first when it has unsaved edits. */
  const leave = (go: () => void) => {
    if (!dirty) return go();
    modal.confirm({
      title: '有未保存的修改',
      content: '离开后这些修改将丢失。仍要离开吗？',
      okText: '放弃修改并离开',
      cancelText: '留在这里',
      onOk: go,
    });
  };
  const open = (ref: string) => leave(() => onOpen(ref));
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
        const stamped = { ...draft, libraryVersion: saved.version };
        history.stamp(stamped);
        setClean(stamped);
        setOrigin({ origin: 'library', version: saved.version });
      }
    } catch (e) {
      setSaveError(e as Error);
    } finally {
      setSaving(false);
    }
  };
  const editable = (node: React.ReactNode) => <ConfigProvider componentDisabled={readOnly}>{node}</ConfigProvider>;

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => leave(onBack)} aria-label="返回" />
          <span data-testid="editor-title">{draft.name}</span>
          <Tag>{builtIn ? `内置 ${draft.id}（保存为副本）` : `${draft.id} 第 ${origin.version} 版`}</Tag>
          {readOnly && (
            <Tag color="purple" data-testid="read-only">
              只读
            </Tag>
          )}
          {pending.length > 0 && <Tag color="orange" data-testid="pending-count">{`${pending.length} 项待决定`}</Tag>}
          {problems.length === 0 ? (
            <Tag color="green">校验通过</Tag>
          ) : (
            <Tag color="red" data-testid="problem-count">{`${problems.length} 处错误`}</Tag>
          )}
        </Space>
      }
      extra={
        readOnly ? (
          <Space>
            <Button onClick={() => onOpen(baseId)} data-testid="open-latest">
              打开最新版本
            </Button>
            <Button
              type="primary"
              onClick={async () => {
                try {
                  const saved = await api.rulesets.saveVersionAs({ rulesetId: baseId, version: viewVersion, note: '' });
                  message.success(`已将第 ${viewVersion} 版另存为第 ${saved.version} 版`);
                  onOpen(baseId);
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
              data-testid="save-version-as"
            >
              以此版本为基础另存为新版本
            </Button>
          </Space>
        ) : (
          <Space>
            <Tooltip title="撤销（Ctrl+Z）">
              <Button icon={<UndoOutlined />} disabled={!history.canUndo} onClick={history.undo} data-testid="undo">
                撤销
              </Button>
            </Tooltip>
            <Tooltip title="重做（Ctrl+Shift+Z）">
              <Button icon={<RedoOutlined />} disabled={!history.canRedo} onClick={history.redo} data-testid="redo">
                重做
              </Button>
            </Tooltip>
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
              style={{ width: 200 }}
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
        )
      }
    >
      {readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`正在查看第 ${viewVersion} 版（只读）。要在此版本上继续修改，请“以此版本为基础另存为新版本”；任何已保存的版本都不会被覆盖。`}
        />
      )}
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
                  {p.nodeId || p.area ? <Typography.Link onClick={() => locateProblem(p)}>{p.where}</Typography.Link> : p.where}：
                  {p.message}
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
                <Col span={16}>{editable(<NodePanel ruleset={draft} nodeId={selected} problems={problems} onChange={setDraft} />)}</Col>
              </Row>
            ),
          },
          {
            key: 'pending',
            label: `待决定（${pending.length}）`,
            children: editable(
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
              </Space>,
            ),
          },
          { key: 'classes', label: '考评对象类别', children: editable(<ClassesPanel ruleset={draft} onChange={setDraft} />) },
          {
            key: 'transfers',
            label: `权重转移（${draft.transfers.length}）`,
            children: editable(<TransfersPanel ruleset={draft} onChange={setDraft} />),
          },
          { key: 'scoring', label: '满分折算与分数线', children: editable(<ScoringPanel ruleset={draft} onChange={setDraft} />) },
          {
            key: 'grades',
            label: '等次与排名',
            children: editable(<GradesPanel ruleset={draft} problems={problems} onChange={setDraft} />),
          },
          { key: 'preview', label: '试算', children: <PreviewPanel ruleset={valid} /> },
          ...(builtIn
            ? []
            : [
                {
                  key: 'versions',
                  label: `版本（${origin.version ?? 1}）`,
                  children: (
                    <VersionsPanel
                      rulesetId={baseId}
                      current={origin.version ?? 1}
                      onView={(v, latest) => open(latest ? baseId : `${baseId}@${v}`)}
                      onSavedAs={() => (readOnly ? onOpen(baseId) : setReloads((n) => n + 1))}
                    />
                  ),
                },
              ]),
        ]}
      />
    </Card>
  );
}
