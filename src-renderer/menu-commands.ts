import type { EventPayload } from '../shared/contract/contract';

export type MenuCommand = Exclude<EventPayload<'app.command'>['command'], 'undo' | 'redo'>;

let handler: ((command: MenuCommand) => void) | null = null;

/** The app registers what the native menu's designer commands do (one handler: the app's). */
export function onMenuCommand(next: (command: MenuCommand) => void): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

export function runMenuCommand(command: MenuCommand): void {
  handler?.(command);
}
