import { contextBridge } from 'electron';
import type { RoutecraftApi } from '../../shared/contract/app-info';
import { decodeAppInfoArg } from './app-info-args';

// The renderer sees only this narrow, frozen object: never ipcRenderer itself.
const api: RoutecraftApi = Object.freeze({
  appInfo: Object.freeze(decodeAppInfoArg(process.argv)),
});

contextBridge.exposeInMainWorld('routecraft', api);
