/** An error whose message is written for the reader and is shown as it is. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The sentence to show for any error: a UserError's own words, anything else labelled. */
export function messageForUser(error: unknown): string {
  if (error instanceof UserError) return error.message;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
