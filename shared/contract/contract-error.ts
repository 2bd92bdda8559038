/**
 * A failure that crosses the contract: a stable `code` the UI can act on and a message for people.
 * Thrown by main's handlers, carried as data by both transports, thrown again in the renderer.
 */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    readonly code: ContractErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type ContractErrorCode =
  /** The channel is not in the contract. */
  | 'unknown-channel'
  /** The request does not match the channel's schema. */
  | 'invalid-request'
  /** The sender is not the app's own main frame, or has no valid token / origin. */
  | 'forbidden'
  /** The request is fine but cannot be done now (no document open, no path and no dialog…). */
  | 'unavailable'
  /** An edit that cannot apply to the document as it is (the user's words in the message). */
  | 'edit-rejected'
  /** A file that cannot be opened or written: not found, a folder, binary, too large, denied… */
  | 'file'
  /** The transport failed (connection lost); the request may not have arrived. */
  | 'transport'
  /** A bug: the message says what failed. */
  | 'internal';

/** What travels back for every call, over IPC and HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ContractErrorCode; message: string } };
