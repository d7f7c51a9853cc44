import { useEffect, useState } from 'react';
import { Button, Spin, Table, Tooltip, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import type { EvidenceView } from '../../../../shared/api/review';
import { fileUrl } from '../../api/client';

/** One line of an automated check's evidence list, as the checks write it. */
interface CheckItem {
  url: string;
  text?: string;
  html?: string;
  link?: string;
  reason?: string;
}

/** True for the JSON evidence list a check stores beside its suggestion. */
export function isCheckList(e: EvidenceView): boolean {
  return e.kind === 'file' && e.file.endsWith('.json');
}

/**
 * An automated check's evidence list read in the app (broken links, missing
 * tags …): each page or link can be opened in the embedded browser.
 */
export function CheckList({
  evidence,
  onOpenUrl,
  compact = false,
}: {
  evidence: EvidenceView;
  onOpenUrl?: (url: string) => void;
  compact?: boolean;
}) {
  const [items, setItems] = useState<CheckItem[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    fetch(fileUrl(evidence.file))
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`读取证据清单失败（HTTP ${r.status}）`))))
      .then((data: { items?: CheckItem[] }) => live && setItems(Array.isArray(data.items) ? data.items : []))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [evidence.file]);
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!items) return <Spin size="small" />;
  const open = (url: string) =>
    onOpenUrl ? (
      <Tooltip title="在内置浏览器中打开">
        <Button
          size="small"
          type="link"
          icon={<GlobalOutlined />}
          onClick={() => onOpenUrl(url)}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', wordBreak: 'break-all' }}
          data-testid="open-in-browser"
        >
          {url}
        </Button>
      </Tooltip>
    ) : (
      <Typography.Text style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>
    );
  return (
    <Table<CheckItem & { key: number }>
      size="small"
      data-testid="check-list"
      pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={items.map((item, key) => ({ ...item, key }))}
      columns={[
        // In a narrow pane a broken link is what matters; the page it is on shows on hover.
        ...(compact && items.some((i) => i.link)
          ? [
              {
                title: '链接',
                dataIndex: 'link',
                render: (link: string | undefined, item: CheckItem) => (
                  <span title={`所在页面：${item.url}`}>{open(link ?? item.url)}</span>
                ),
              },
            ]
          : [
              { title: '所在页面', dataIndex: 'url', render: (url: string) => open(url) },
              ...(items.some((i) => i.link)
                ? [{ title: '链接', dataIndex: 'link', render: (link?: string) => (link ? open(link) : '—') }]
                : []),
            ]),
        {
          title: '原因',
          dataIndex: 'reason',
          width: compact ? 90 : 160,
          render: (reason: string | undefined, item: CheckItem) => reason ?? item.text ?? '—',
        },
      ]}
    />
  );
}
