/** A problem found while reading the text itself (before any OpenAPI meaning is given to it). */
export interface ParseProblem {
  code: 'syntax' | 'duplicate-key' | 'too-deep' | 'multiple-documents' | 'too-large' | 'binary' | 'empty';
  message: string;
  offset: number;
  length: number;
}
