import type { ApiDocument } from '../model/open-document';
import { djangoModernRestStubs } from './django-modern-rest-stubs';
import { expressStubs } from './express-stubs';
import { fastapiStubs } from './fastapi-stubs';
import { readStubDesign } from './stub-design';
import type { StubResult, StubTarget } from './stub-types';

export { STUB_TARGETS, type StubResult, type StubTarget } from './stub-types';

/**
 * Server stubs for a design (issue 7): a map of file path → contents, pure and deterministic (the
 * same design gives the same bytes). The target framework's own behaviour decides how the design is
 * written down (its routers, convertors, redirects); `warnings` lists what it cannot express.
 */
export function generateStubs(doc: ApiDocument, target: StubTarget): StubResult {
  const design = readStubDesign(doc);
  switch (target) {
    case 'fastapi':
      return fastapiStubs(design);
    case 'django-modern-rest':
      return djangoModernRestStubs(design);
    case 'express':
      return expressStubs(design);
  }
}
