import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type OtklikBridge } from '../../src-shared/contract/transport';

/** The renderer's only door to the core: one call(method, input), validated on the other side. */
const bridge: OtklikBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('otklik', bridge);
