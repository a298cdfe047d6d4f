import type { Scope } from '@/api/types'

/** scopeText describes a data scope in words, naming the region when the scope is one. */
export function scopeText(scope: Scope | undefined, scopeName: (code: string) => string): string {
  if (!scope) return '-'
  const name = scopeName(scope.kind)
  return scope.kind === 'region' && scope.regionName ? `${name}：${scope.regionName}` : name
}
