import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileEncoding } from '../../shared/contract/document-state.schema';
import { ContractError } from '../../shared/contract/contract-error';
import { DEFAULT_MAX_BYTES } from '../../shared/document/source-document';
import { decodeText } from './text-encoding';

/** A document file as read from disk: its text and what is needed to write it back the same way. */
export interface DocumentFile {
  /** Absolute. */
  readonly path: string;
  readonly text: string;
  readonly encoding: FileEncoding;
  /** sha-256 of the bytes: how a later change on disk is recognised, whatever the timestamps say. */
  readonly hash: string;
}

export type FileProblem = 'not-found' | 'is-folder' | 'permission-denied' | 'too-large' | 'binary' | 'not-text' | 'not-a-file' | 'unreadable';

/** A file that cannot be opened, with a message a user can act on. */
export class DocumentFileError extends ContractError {
  constructor(
    readonly problem: FileProblem,
    readonly path: string,
    message: string,
  ) {
    super('file', message);
  }
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a document; anything that is not a readable text file of sane size is a DocumentFileError. */
export async function readDocumentFile(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<DocumentFile> {
  const absolute = path.resolve(file);
  const shown = absolute;
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    throw fsError(error, shown);
  }
  if (info.isDirectory()) throw new DocumentFileError('is-folder', absolute, `${shown} is a folder, not an OpenAPI document. Choose a .yaml or .json file.`);
  if (!info.isFile()) throw new DocumentFileError('not-a-file', absolute, `${shown} is not a regular file (a device, a socket or a pipe); Routecraft opens only files.`);
  if (info.size > maxBytes) {
    throw new DocumentFileError('too-large', absolute, `${shown} is ${megabytes(info.size)}; Routecraft opens documents up to ${megabytes(maxBytes)}.`);
  }
  const bytes = await readBytes(absolute, maxBytes, shown);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw decoded.reason === 'binary'
      ? new DocumentFileError('binary', absolute, `${shown} is a binary file, not a YAML or JSON document.`)
      : new DocumentFileError('not-text', absolute, `${shown} is not UTF-8 or UTF-16 text; Routecraft reads and writes OpenAPI documents in those encodings only.`);
  }
  return { path: absolute, text: decoded.text, encoding: decoded.encoding, hash: hashBytes(bytes) };
}

/** The bytes on disk now and their hash, or null when the file is gone. */
export async function readDiskVersion(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<{ bytes: Buffer; hash: string } | null> {
  try {
    const bytes = await readBytes(file, maxBytes, file);
    return { bytes, hash: hashBytes(bytes) };
  } catch (error) {
    if (error instanceof DocumentFileError && error.problem === 'not-found') return null;
    throw error;
  }
}

async function readBytes(file: string, maxBytes: number, shown: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fsError(error, shown);
  }
  try {
    // Read at most one byte past the cap, so a file that grew since stat() is still refused.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, (await handle.stat()).size + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw new DocumentFileError('too-large', path.resolve(file), `${shown} is over ${megabytes(maxBytes)}; Routecraft opens documents up to that size.`);
    return buffer.subarray(0, filled);
  } catch (error) {
    if (error instanceof DocumentFileError) throw error;
    throw fsError(error, shown);
  } finally {
    await handle.close();
  }
}

export function fsError(error: unknown, shown: string): DocumentFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const file = path.resolve(shown);
  switch (code) {
    case 'ENOENT':
      return new DocumentFileError('not-found', file, `${shown} does not exist (it may have been moved or deleted).`);
    case 'ENOTDIR':
      return new DocumentFileError('not-found', file, `${shown} does not exist: part of the path is a file, not a folder.`);
    case 'EACCES':
    case 'EPERM':
      return new DocumentFileError('permission-denied', file, `Permission denied: you may not read ${shown}. Check the file's permissions.`);
    case 'EISDIR':
      return new DocumentFileError('is-folder', file, `${shown} is a folder, not an OpenAPI document.`);
    default:
      return new DocumentFileError('unreadable', file, `${shown} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Why a write failed, in words. */
export function writeError(error: unknown, shown: string): ContractError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ContractError('file', `Permission denied: you may not write ${shown} or its folder. Save it somewhere else with Save As.`);
  }
  if (code === 'ENOSPC') return new ContractError('file', `The disk is full: ${shown} was not saved (the file on disk is unchanged).`);
  if (code === 'ENOENT') return new ContractError('file', `The folder of ${shown} no longer exists: save it somewhere else with Save As.`);
  if (code === 'EISDIR') return new ContractError('file', `${shown} is a folder: choose a file name.`);
  return new ContractError('file', `${shown} was not saved: ${error instanceof Error ? error.message : String(error)}`);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
