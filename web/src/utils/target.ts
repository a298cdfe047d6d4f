import type { Comparator, TargetSpec } from '@/api/types'

const symbols: Record<Exclude<Comparator, '' | 'between'>, string> = { '>=': '≥', '<=': '≤', '=': '=' }

const num = (n: number | null) => (n == null ? '?' : String(n))
const withUnit = (text: string, unit: string) => (unit ? `${text} ${unit}` : text)

/** formatGoal shows a target's comparator and threshold(s): "≥ 90 %", "区间 60–80 %"; "" when it has none. */
export function formatGoal(t: TargetSpec): string {
  if (!t.comparator) return ''
  if (t.comparator === 'between') return withUnit(`区间 ${num(t.threshold)}–${num(t.threshold2)}`, t.measureUnit)
  return withUnit(`${symbols[t.comparator]} ${num(t.threshold)}`, t.measureUnit)
}

/** formatTarget shows the whole target, metric first: "公交站点覆盖率 ≥ 90 %"; "" when the standard has none. */
export function formatTarget(t: TargetSpec): string {
  const goal = formatGoal(t)
  if (!goal) return ''
  return t.metric ? `${t.metric} ${goal}` : goal
}

/** formatValue shows a reported value with its unit of measure, or "-" when none was reported. */
export function formatValue(value: number | null, unit: string): string {
  return value == null ? '-' : withUnit(String(value), unit)
}
