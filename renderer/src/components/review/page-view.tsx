import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { InputEventView, RectView } from '../../../../shared/api/browser';

export interface Frame {
  jpegBase64: string;
  /** CSS pixels of the page's viewport. */
  width: number;
  height: number;
}

const FORWARDED_KEYS = new Set([
  'Enter',
  'Backspace',
  'Tab',
  'Escape',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  'Delete',
  ' ',
]);

/**
 * The page under review drawn as an image (browser mode, and region selection
 * in both modes): the site never runs in the app's own page. Clicks, wheel and
 * keys are sent to the headless browser in the page's CSS pixels; in `select`
 * mode a dragged rectangle is reported instead.
 */
export function PageView({
  frame,
  fit,
  select,
  onInput,
  onRegion,
}: {
  frame: Frame;
  /** Shrink the page to the pane's width; otherwise it is drawn at 100% and the pane scrolls. */
  fit: boolean;
  select: boolean;
  onInput: (event: InputEventView) => void;
  onRegion: (rect: RectView) => void;
}) {
  const img = useRef<HTMLImageElement>(null);
  const keys = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState({ x: 0, y: 0 });
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);

  /** Converts a mouse position on the drawn image to page CSS pixels. */
  const toPage = (e: { clientX: number; clientY: number }) => {
    const box = img.current!.getBoundingClientRect();
    const scale = frame.width / box.width;
    return {
      x: Math.max(0, Math.min(frame.width, (e.clientX - box.left) * scale)),
      y: Math.max(0, Math.min(frame.height, (e.clientY - box.top) * scale)),
    };
  };

  useEffect(() => {
    const el = img.current;
    if (!el || select) return;
    // A passive React wheel handler cannot stop the app pane from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const p = toPage(e);
      onInput({ type: 'scroll', x: p.x, y: p.y, dx: e.deltaX, dy: e.deltaY });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const down = (e: ReactMouseEvent) => {
    if (!select) return;
    const p = toPage(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const move = (e: ReactMouseEvent) => {
    if (!drag) return;
    const p = toPage(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const up = () => {
    if (!drag) return;
    const rect = {
      x: Math.round(Math.min(drag.x0, drag.x1)),
      y: Math.round(Math.min(drag.y0, drag.y1)),
      width: Math.round(Math.abs(drag.x1 - drag.x0)),
      height: Math.round(Math.abs(drag.y1 - drag.y0)),
    };
    setDrag(null);
    if (rect.width >= 4 && rect.height >= 4) onRegion(rect);
  };
  const scale = img.current ? img.current.getBoundingClientRect().width / frame.width : 1;

  return (
    <div
      style={{
        position: 'relative',
        outline: 'none',
        cursor: select ? 'crosshair' : 'default',
        lineHeight: 0,
        width: fit ? '100%' : frame.width,
      }}
      data-testid="page-view"
      onMouseDown={down}
      onMouseMove={move}
      onMouseUp={up}
    >
      {/*
        Keys and input methods go through this invisible field, placed where the reviewer clicked: an
        input method only composes in an editable element. Its composition is mirrored on the site
        (Input.imeSetComposition) and the committed text inserted there (Input.insertText).
      */}
      <textarea
        ref={keys}
        data-page-input
        data-testid="page-input"
        aria-label="向网页输入文字"
        autoComplete="off"
        spellCheck={false}
        style={{
          position: 'absolute',
          left: caret.x,
          top: caret.y,
          width: 2,
          height: 18,
          opacity: 0,
          padding: 0,
          border: 0,
          resize: 'none',
          pointerEvents: 'none',
        }}
        onKeyDown={(e) => {
          if (select || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing || e.key === 'Process') return;
          if (FORWARDED_KEYS.has(e.key)) onInput({ type: 'key', key: e.key === ' ' ? 'Space' : e.key });
          else if (e.key.length === 1) onInput({ type: 'text', text: e.key });
          else return;
          e.preventDefault();
        }}
        onCompositionUpdate={(e) => onInput({ type: 'ime', text: e.data })}
        onCompositionEnd={(e) => {
          if (e.data) onInput({ type: 'text', text: e.data });
          else onInput({ type: 'ime', text: '' });
          e.currentTarget.value = '';
        }}
        onInput={(e) => {
          const native = e.nativeEvent as InputEvent;
          if (native.isComposing) return;
          // A paste is forwarded as text; keys and compositions were forwarded already.
          if (native.inputType === 'insertFromPaste' && e.currentTarget.value)
            onInput({ type: 'text', text: e.currentTarget.value.slice(0, 500) });
          e.currentTarget.value = '';
        }}
      />
      <img
        ref={img}
        alt="被考评网站页面"
        draggable={false}
        src={`data:image/jpeg;base64,${frame.jpegBase64}`}
        style={{ width: '100%', userSelect: 'none' }}
        onClick={(e) => {
          if (select) return;
          const box = e.currentTarget.getBoundingClientRect();
          setCaret({ x: e.clientX - box.left, y: e.clientY - box.top });
          keys.current?.focus({ preventScroll: true });
          onInput({ type: 'click', ...toPage(e) });
        }}
      />
      {drag && (
        <div
          data-testid="region-selection"
          style={{
            position: 'absolute',
            left: Math.min(drag.x0, drag.x1) * scale,
            top: Math.min(drag.y0, drag.y1) * scale,
            width: Math.abs(drag.x1 - drag.x0) * scale,
            height: Math.abs(drag.y1 - drag.y0) * scale,
            border: '2px dashed #b71c1c',
            background: 'rgba(183,28,28,0.08)',
            pointerEvents: 'none',
          }}
        />
      )}
    </div>
  );
}
