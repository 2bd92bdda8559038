import type { z } from 'zod';
import { ContractError, type ContractErrorCode, type Envelope } from './contract-error';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type RequestOf, type ResponseOf } from './contract';

/** Main's implementation of every invoke channel; the type makes a missing one a compile error. */
export type ContractHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/**
 * Checks a payload against the channel's request schema. Throws a ContractError whose message
 * names the channel and each problem with its place: `documents.applyIntent: invalid request:
 * intent.op: Invalid discriminator value…`.
 */
export function parseRequest<C extends InvokeChannel>(channel: C, payload: unknown): RequestOf<C> {
  // Nothing from the other side is trusted to be of the right shape, or even an object.
  const schema: z.ZodType = invokeChannels[channel].request;
  const result = schema.safeParse(payload === undefined ? {} : payload);
  if (!result.success) throw new ContractError('invalid-request', `${channel}: invalid request: ${describeIssues(result.error.issues)}`);
  return result.data as RequestOf<C>;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
    .concat(issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

/**
 * One call, from either transport: an unknown channel or a malformed payload is refused with a
 * clear message before any handler runs; whatever a handler throws comes back as data, so a bad
 * request never crashes main and the renderer always gets an answer.
 */
export async function dispatch(handlers: ContractHandlers, channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isInvokeChannel(channel)) {
      throw new ContractError('unknown-channel', `unknown channel ${JSON.stringify(String(channel)).slice(0, 120)}`);
    }
    const request = parseRequest(channel, payload);
    const handler = handlers[channel] as (request: unknown) => unknown;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return failure(error);
  }
}

export function failure(error: unknown): { ok: false; error: { code: ContractErrorCode; message: string } } {
  if (error instanceof ContractError) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}
