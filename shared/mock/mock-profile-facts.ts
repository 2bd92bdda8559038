import type { ProfileId } from '../model/x-routecraft';

/**
 * What the mock needs to know about a framework beyond the shared profile (shared/profiles/):
 * how its answers look on the wire where the matcher has nothing to say.
 */
export interface MockProfileFacts {
  /** Starlette builds an absolute `Location` from the request's Host; Django writes the path. */
  redirectLocation: 'absolute' | 'path';
  /** Whether a JSON body is validated before the handler runs (pydantic), or left to the handler (Express). */
  validatesBody: boolean;
  /** The framework's own OPTIONS answer: Express sends the Allow list as the body, Django nothing. */
  optionsBody: 'allow' | 'empty';
}

const FACTS: Record<ProfileId, MockProfileFacts> = {
  fastapi: { redirectLocation: 'absolute', validatesBody: true, optionsBody: 'empty' },
  'django-modern-rest': { redirectLocation: 'path', validatesBody: true, optionsBody: 'empty' },
  express: { redirectLocation: 'path', validatesBody: false, optionsBody: 'allow' },
  openapi: { redirectLocation: 'path', validatesBody: true, optionsBody: 'empty' },
};

export function mockFacts(id: ProfileId): MockProfileFacts {
  return FACTS[id];
}
