/** The origin of a URL (`http://127.0.0.1:5174`), or `'null'` when it does not parse. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    // An unparsable URL matches no origin we allow; 'null' is what browsers call it too.
    return 'null';
  }
}
