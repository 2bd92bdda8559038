import type { MockResponse } from '../../shared/mock/mock-types';
import { previewOf, type BodyPreview, type LogRecord, type MockLogEvent } from '../../shared/mock/request-log';

/** The matcher's trace as the log keeps it: a 404 at 10,000 routes may have tried many. */
const MAX_TRACE_STEPS = 50;

/**
 * One request the server answered, as recorded: references to what the request and its answer
 * already are (the request's headers and body, the MockResponse), nothing copied or formatted. Under
 * load most records are never read (`routecraft mock --log off` reads none); a listener or the UI
 * reading the log gets the full event, built once from these.
 */
export class MockLogRecord implements LogRecord {
  private built: MockLogEvent | undefined;
  private readonly requestPreview: BodyPreview | null;

  constructor(
    readonly id: number,
    /** Epoch milliseconds, when the request arrived. */
    private readonly started: number,
    private readonly durationMs: number,
    private readonly method: string,
    private readonly path: string,
    private readonly status: number,
    private readonly source: string,
    private readonly response: MockResponse | undefined,
    private readonly requestHeaders: Readonly<Record<string, string | undefined>>,
    requestBody: string | null,
    requestBytes: number,
    /** What was sent when there was no MockResponse (a refusal); a response's own list otherwise. */
    private readonly sentHeaders: readonly (readonly [string, string])[] | undefined,
    private readonly previewChars: number,
    private readonly error: string | undefined,
  ) {
    // Cut now, not when read: a request body may be up to the body cap, and the log keeps
    // hundreds of records (no body, the usual case, costs nothing).
    this.requestPreview = previewOf(requestBody, requestBytes, previewChars);
  }

  event(): MockLogEvent {
    return (this.built ??= this.build());
  }

  private build(): MockLogEvent {
    const { response, previewChars } = this;
    const route = response?.route ?? null;
    const responseBody = response?.body ?? null;
    return {
      id: this.id,
      time: new Date(this.started).toISOString(),
      method: this.method,
      path: this.path,
      status: this.status,
      durationMs: this.durationMs,
      route: route?.key ?? null,
      operationId: route?.operationId ?? null,
      source: this.source,
      trace: response ? (response.trace.length > MAX_TRACE_STEPS ? response.trace.slice(0, MAX_TRACE_STEPS) : response.trace) : [],
      requestHeaders: this.requestHeaders,
      // The answer's own list, not a copy: the log keeps hundreds of these.
      responseHeaders: response ? response.headers : (this.sentHeaders ?? []),
      requestBody: this.requestPreview,
      responseBody: responseBody === null ? null : previewOf(responseBody, Buffer.byteLength(responseBody), previewChars),
      problems: response && response.problems.length > 0 ? response.problems.map((p) => p.message) : [],
      ...(this.error !== undefined ? { error: this.error } : {}),
    };
  }
}
