// What the desktop shell tells the renderer about itself. Types only for now:
// the typed channel map (DESIGN §5) will derive the preload's API from here.

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** Node's `process.platform` of the main process, e.g. `linux`, `darwin`, `win32`. */
  readonly platform: string;
}

/** The object the preload exposes as `window.routecraft`. */
export interface RoutecraftApi {
  readonly appInfo: AppInfo;
}
