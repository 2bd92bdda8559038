import { z } from 'zod';

/** What the app tells the renderer about itself and the shell it runs in. */
export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  /** Node's `process.platform` of the main process, e.g. `linux`, `darwin`, `win32`. */
  platform: z.string(),
  /**
   * True in the desktop app: main shows native open/save dialogs when a request names no path.
   * In browser mode the renderer asks for a path itself. (A capability, not the transport: the
   * renderer never needs to know which transport it has.)
   */
  nativeDialogs: z.boolean(),
});

export type AppInfo = z.infer<typeof appInfoSchema>;
