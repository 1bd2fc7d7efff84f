import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNEL,
  IPC_EXIT_KIOSK,
  IPC_OPEN_KIOSK,
  type OtklikBridge,
} from '../../src-shared/contract/transport';

/** The renderer's only door to the core: one call(method, input), validated on the other side. */
const bridge: OtklikBridge = {
  call: (method, input, session) => ipcRenderer.invoke(IPC_CHANNEL, method, input, session),
  openKiosk: () => ipcRenderer.invoke(IPC_OPEN_KIOSK),
  exitKiosk: (pin) => ipcRenderer.invoke(IPC_EXIT_KIOSK, pin),
};

contextBridge.exposeInMainWorld('otklik', bridge);
