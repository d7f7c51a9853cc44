import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/define';

// Named verbs only, grouped by feature and derived from the contract; each verb
// invokes the IPC channel of the same name. No raw ipcRenderer crosses the bridge.
const calls: Record<string, Record<string, (input: unknown) => Promise<CallResult>>> = {};
for (const method of Object.keys(contract)) {
  const [ns, verb] = method.split('/') as [string, string];
  (calls[ns] ??= {})[verb] = (input: unknown) => ipcRenderer.invoke(method, input) as Promise<CallResult>;
}

contextBridge.exposeInMainWorld('kaopingDesktop', { mode: 'desktop', calls });
