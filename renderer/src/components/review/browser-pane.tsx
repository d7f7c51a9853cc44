import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Dropdown, Input, Segmented, Select, Space, Spin, Tooltip } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, HistoryOutlined, HomeOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  DEVICE_PRESETS,
  type BrowserStateView,
  type DevicePreset,
  type InputEventView,
  type RectView,
} from '../../../../shared/api/browser';
import type { Visit } from '../../../../shared/domain/types';
import { api, mode } from '../../api/client';
import { PageView, type Frame } from './page-view';
import { NavErrorPage } from './nav-error-page';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5];
/** Whether the page is shrunk to the pane ('fit') or shown at 100% with scrolling (the default), in both modes. */
const FIT_KEY = 'kaoping.review.pageFit';

/**
 * The centre pane: address bar, navigation, device presets and zoom over the
 * page of the selected target. In the desktop app the page is a live
 * WebContentsView placed over this pane's slot; in browser mode it is drawn from
 * screenshots of the headless browser. Region selection works on a still frame
 * in both.
 */
export function BrowserPane({
  id,
  targetId,
  visits,
  covered,
  selecting,
  goTo,
  onRegion,
  onVisited,
}: {
  id: string;
  targetId: number;
  visits: Visit[];
  /** A dialog lies over the pane: the desktop view must step aside. */
  covered: boolean;
  selecting: boolean;
  /** An address to open, asked for elsewhere (a link in a check's evidence list); `seq` makes a repeat count. */
  goTo?: { url: string; seq: number };
  onRegion: (rect: RectView | null) => void;
  onVisited: () => void;
}) {
  const [state, setState] = useState<BrowserStateView | undefined>();
  const [frame, setFrame] = useState<Frame | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [fit, setFit] = useState(() => localStorage.getItem(FIT_KEY) === 'fit');
  const slot = useRef<HTMLDivElement>(null);
  // Our own page stands in for Chromium's (English) error pages; an HTTP error page is the site's own and is shown.
  const failed = !!state?.error && state.error.kind !== 'http';
  const lastUrl = useRef('');

  // Callbacks and modes the poll reads without restarting: the parent re-renders often.
  const live = useRef({ onVisited, selecting, polls: 0, seen: '' });
  live.current = { ...live.current, onVisited, selecting };

  /**
   * Shows a state the host returned. Browser mode draws a new picture when the
   * page changed, after the reviewer's own actions, and every fifth poll (for
   * pages that change by themselves); a region selection keeps its still.
   */
  const show = useCallback(async (next: Promise<BrowserStateView>, fromPoll = false) => {
    try {
      const s = await next;
      setState(s);
      // A refusal stays on screen until the reviewer's next action, not until the next poll.
      if (!fromPoll) setError(undefined);
      if (s.url !== lastUrl.current) {
        lastUrl.current = s.url;
        setAddress(s.url);
        live.current.onVisited();
      }
      const seen = `${s.url}|${s.title}|${s.loading}|${s.preset}|${s.zoom}`;
      const changed = seen !== live.current.seen;
      live.current.seen = seen;
      const due = !fromPoll || changed || ++live.current.polls % 5 === 0;
      if (mode === 'browser' && !live.current.selecting && due) setFrame(await api.browser.frame({}));
    } catch (e) {
      setError((e as Error).message);
      // The bar goes back to the page actually shown, not the address that was refused.
      setAddress(lastUrl.current);
    }
  }, []);

  useEffect(() => {
    if (goTo) void show(api.browser.navigate({ url: goTo.url }));
  }, [goTo, show]);

  useEffect(() => {
    lastUrl.current = '';
    void show(api.browser.open({ id, targetId }));
  }, [id, targetId, show]);

  // Pages change on their own (slow loads, scripts): keep the address, and in browser mode the picture, current.
  useEffect(() => {
    const timer = setInterval(
      () => {
        if (document.visibilityState === 'visible' && !covered) void show(api.browser.state({}), true);
      },
      mode === 'browser' ? 2000 : 1000,
    );
    return () => clearInterval(timer);
  }, [show, covered]);

  // Region selection needs a still of the page in both modes.
  useEffect(() => {
    if (selecting) void api.browser.frame({}).then(setFrame);
  }, [selecting]);

  // Desktop: the view follows this pane's slot, and steps aside under dialogs and while selecting.
  useEffect(() => {
    if (mode !== 'desktop') return;
    const el = slot.current;
    const place = () => {
      const r = el?.getBoundingClientRect();
      void api.browser.bounds({
        rect:
          !r || covered || selecting || failed
            ? null
            : { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) },
        fit,
      });
    };
    place();
    const observer = new ResizeObserver(place);
    if (el) observer.observe(el);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
      void api.browser.bounds({ rect: null });
    };
  }, [covered, selecting, failed, fit]);

  // Input reaches the site in the order it was made (a composition before its committed text, keys after).
  const inputs = useRef<Promise<unknown>>(Promise.resolve());
  const input = (event: InputEventView) => {
    inputs.current = inputs.current.then(() => show(api.browser.input({ event })));
  };
  const preset = state?.preset ?? 'laptop';
  const zoom = state?.zoom ?? 1;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Space.Compact style={{ padding: 8, width: '100%' }}>
        <Tooltip title="后退">
          <Button
            icon={<ArrowLeftOutlined />}
            disabled={!state?.canGoBack}
            onClick={() => void show(api.browser.go({ action: 'back' }))}
            aria-label="后退"
          />
        </Tooltip>
        <Tooltip title="前进">
          <Button
            icon={<ArrowRightOutlined />}
            disabled={!state?.canGoForward}
            onClick={() => void show(api.browser.go({ action: 'forward' }))}
            aria-label="前进"
          />
        </Tooltip>
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} onClick={() => void show(api.browser.go({ action: 'reload' }))} aria-label="刷新" />
        </Tooltip>
        <Tooltip title="网站首页">
          <Button icon={<HomeOutlined />} onClick={() => void show(api.browser.go({ action: 'home' }))} aria-label="首页" />
        </Tooltip>
        <Input
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          onPressEnter={() => void show(api.browser.navigate({ url: address }))}
          data-testid="address-bar"
          suffix={state?.loading ? <Spin size="small" /> : null}
        />
        <Dropdown
          trigger={['click']}
          menu={{
            items: visits.map((v) => ({ key: String(v.id), label: `${v.title || v.url}`, title: v.url })),
            onClick: ({ key }) => void show(api.browser.navigate({ url: visits.find((v) => String(v.id) === key)!.url })),
          }}
          disabled={visits.length === 0}
        >
          <Button icon={<HistoryOutlined />} aria-label="访问记录" />
        </Dropdown>
      </Space.Compact>
      <Space style={{ paddingInline: 8, paddingBottom: 6 }} wrap>
        <Segmented<DevicePreset>
          size="small"
          value={preset}
          onChange={(p) => void show(api.browser.device({ preset: p, zoom }))}
          options={(Object.keys(DEVICE_PRESETS) as DevicePreset[]).map((p) => ({ value: p, label: DEVICE_PRESETS[p].label }))}
          data-testid="device-preset"
        />
        <Select
          size="small"
          value={zoom}
          style={{ width: 90 }}
          onChange={(z) => void show(api.browser.device({ preset, zoom: z }))}
          options={ZOOMS.map((z) => ({ value: z, label: `${Math.round(z * 100)}%` }))}
        />
        {/* Both modes: browser mode draws the picture so, the desktop view lays the page out so. */}
        <Segmented<'full' | 'fit'>
          size="small"
          value={fit ? 'fit' : 'full'}
          onChange={(v) => {
            setFit(v === 'fit');
            localStorage.setItem(FIT_KEY, v);
          }}
          options={[
            { value: 'full', label: '原大 100%' },
            { value: 'fit', label: '适应宽度' },
          ]}
          data-testid="page-fit"
        />
        <span style={{ color: '#888', fontSize: 12 }}>{state?.title}</span>
      </Space>
      {state?.notice && (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginInline: 8, marginBottom: 6 }}
          data-testid="browser-notice"
          message={state.notice}
        />
      )}
      {state?.error && !failed && (
        <Alert
          type="error"
          showIcon
          style={{ marginInline: 8, marginBottom: 6 }}
          data-testid="browser-error"
          message={
            state.error.kind === 'certificate' ? `证书错误：${state.error.message}（不会自动忽略，请在证据中记录）` : state.error.message
          }
          description={state.error.url}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginInline: 8, marginBottom: 6 }} message={error} />}
      {selecting && (
        <Alert
          type="info"
          showIcon
          style={{ marginInline: 8, marginBottom: 6 }}
          message="拖动鼠标框选要截图的区域，按 Esc 取消"
          action={
            <Button size="small" onClick={() => onRegion(null)}>
              取消
            </Button>
          }
        />
      )}
      <div ref={slot} style={{ flex: 1, overflow: 'auto', background: '#e8e8e8' }} data-testid="browser-slot">
        {failed && state?.error ? (
          <NavErrorPage
            error={state.error}
            onRetry={() => void show(api.browser.go({ action: 'reload' }))}
            onHome={() => void show(api.browser.go({ action: 'home' }))}
          />
        ) : (
          (mode === 'browser' || selecting) &&
          frame && <PageView frame={frame} fit={fit} select={selecting} onInput={input} onRegion={onRegion} />
        )}
      </div>
    </div>
  );
}
