import { buildClient, type CallResult, type ClientApi } from '../../../shared/api/define';
import { contract, type Contract } from '../../../shared/api/contract';
import { errorMessage } from './error-message';

/** A failed call, with the host's Chinese message and per-field details. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[],
  ) {
    super(message);
  }
}

type Carrier = (method: string, input: unknown) => Promise<CallResult>;
/** The preload's named verbs, each returning the transport envelope. */
type DesktopCalls = Record<string, Record<string, (input: unknown) => Promise<CallResult>>>;

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    kaopingDesktop?: { calls: DesktopCalls; mode: 'desktop' };
  }
}

const TOKEN_KEY = 'kaoping.token';

/** Browser mode: the token arrives once in the URL and is kept for this tab. */
function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const httpCarrier: Carrier = async (method, input) => {
  const response = await fetch(`./api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bridgeToken()}` },
    body: JSON.stringify(input ?? {}),
  });
  if (response.status === 401)
    return { ok: false, error: { code: 'unauthorized', message: '访问令牌无效，请使用启动时输出的完整地址打开', details: [] } };
  return (await response.json()) as CallResult;
};

function unwrap(result: CallResult): unknown {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, errorMessage(result.error), result.error.details);
}

/** URL of an evidence file for <img>; browser mode adds the token. */
export function fileUrl(relative: string): string {
  if (desktop) return `kaoping-file://files/${relative.split('/').map(encodeURIComponent).join('/')}`;
  return `./files/${relative}?token=${encodeURIComponent(bridgeToken())}`;
}

/** The typed API the UI calls: `api.assessments.create({...})`. */
const desktop = window.kaopingDesktop;
const carrier: Carrier = desktop
  ? (method, input) => {
      const [ns, verb] = method.split('/') as [string, string];
      return desktop.calls[ns]![verb]!(input);
    }
  : httpCarrier;

export const api: ClientApi<Contract> = buildClient(contract, async (method, input) => unwrap(await carrier(method, input)));

export const mode: 'desktop' | 'browser' = desktop ? 'desktop' : 'browser';
