import { useRef } from 'react';

/** A vertical bar between two panes: drag to resize, double-click to fold or unfold. */
export function SplitHandle({ onDrag, onToggle, label }: { onDrag: (dx: number) => void; onToggle: () => void; label: string }) {
  const last = useRef<number | null>(null);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      title={`${label}：拖动调整宽度，双击收起/展开`}
      data-testid={`split-${label}`}
      onDoubleClick={onToggle}
      onPointerDown={(e) => {
        last.current = e.clientX;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (last.current === null) return;
        onDrag(e.clientX - last.current);
        last.current = e.clientX;
      }}
      onPointerUp={() => (last.current = null)}
      style={{ width: 5, cursor: 'col-resize', background: '#f0f0f0', borderInline: '1px solid #e4e4e4', touchAction: 'none' }}
    />
  );
}
