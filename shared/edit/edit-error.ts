/** An edit that cannot be made on this document; the message is shown to the user as is. */
export class EditError extends Error {
  override name = 'EditError';
  /** Set when the failure came after a step had run: re-open the document from its text. */
  documentInvalidated = false;
}
