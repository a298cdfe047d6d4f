import type { Cadence } from '@/api/types'

/** PeriodParts is a reporting period: a year, or one of its quarters or months (a month wins over a quarter). */
export interface PeriodParts {
  year: number
  quarter?: number | null
  month?: number | null
}

/** buildPeriod gives the API's period string: "2026", "2026-Q3" or "2026-07". */
export function buildPeriod({ year, quarter, month }: PeriodParts): string {
  if (month) return `${year}-${String(month).padStart(2, '0')}`
  if (quarter) return `${year}-Q${quarter}`
  return String(year)
}

/** parsePeriod reads a period string back; null when it is not one. */
export function parsePeriod(period: string): Required<PeriodParts> | null {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period)
  if (!m) return null
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : null, month: m[3] ? Number(m[3]) : null }
}

const beijingYearMonth = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })

/** beijingYear is the current year in Beijing, which differs from UTC's on New Year's Eve evening. */
export function beijingYear(now = new Date()): number {
  return Number(beijingMonth(now).slice(0, 4))
}

/** beijingMonth is the current month in Beijing: "2026-07". */
export function beijingMonth(now = new Date()): string {
  const p = Object.fromEntries(beijingYearMonth.formatToParts(now).map((part) => [part.type, part.value]))
  return `${p.year}-${p.month}`
}

/**
 * requirementPeriod is the period a requirement of the given cadence is due for in a month
 * ("2026-11"): the month itself, its quarter ("2026-Q4") or its year ("2026").
 */
export function requirementPeriod(month: string, cadence: Cadence): string {
  const year = Number(month.slice(0, 4))
  if (cadence === 'year') return String(year)
  if (cadence === 'quarter') return buildPeriod({ year, quarter: Math.ceil(Number(month.slice(5, 7)) / 3) })
  return month
}

/** recentQuarters lists the quarter of a month ("2026-11") and the ones before it, newest first. */
export function recentQuarters(month: string, count: number): string[] {
  const index = Number(month.slice(0, 4)) * 4 + Math.ceil(Number(month.slice(5, 7)) / 3) - 1
  return Array.from({ length: count }, (_, i) => buildPeriod({ year: Math.floor((index - i) / 4), quarter: ((index - i) % 4) + 1 }))
}

/** periodLabel reads a period in Chinese: 2026 年, 2026 年第四季度, 2026 年 11 月. */
export function periodLabel(period: string): string {
  const p = parsePeriod(period)
  if (!p) return period
  if (p.month) return `${p.year} 年 ${p.month} 月`
  if (p.quarter) return `${p.year} 年第${'一二三四'[p.quarter - 1]}季度`
  return `${p.year} 年`
}
