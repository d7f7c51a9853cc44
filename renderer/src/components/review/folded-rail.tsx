import { Button, Tooltip } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';

/** A folded side pane: a narrow strip that unfolds it again. */
export function FoldedRail({ side, label, onOpen }: { side: 'left' | 'right'; label: string; onOpen: () => void }) {
  return (
    <div
      style={{
        width: 28,
        flex: 'none',
        background: '#fafafa',
        borderInline: '1px solid #eee',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        paddingTop: 6,
        gap: 8,
        cursor: 'pointer',
      }}
      onClick={onOpen}
      data-testid={`unfold-${side}`}
    >
      <Tooltip title={`展开${label}`} placement={side === 'left' ? 'right' : 'left'}>
        <Button
          size="small"
          type="text"
          icon={side === 'left' ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          aria-label={`展开${label}`}
        />
      </Tooltip>
      <span style={{ writingMode: 'vertical-rl', fontSize: 12, color: '#666', letterSpacing: 2 }}>{label}</span>
    </div>
  );
}
