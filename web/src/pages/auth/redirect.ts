/** safeRedirect keeps a post-login redirect inside this app: a local path, never another origin. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  if (value.startsWith('/login') || value.startsWith('/password-change')) return '/'
  return value
}
