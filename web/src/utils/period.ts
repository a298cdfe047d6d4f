import type { Cadence, RankingPeriodKind } from '@/api/types'

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

/** periodLabel reads a period in Chinese: 2026 年, 2026 年第四季度, 2026 年 11 月, 2026 年第 48 周. */
export function periodLabel(period: string): string {
  const w = parseWeekPeriod(period)
  if (w) return `${w.year} 年第 ${w.week} 周`
  const p = parsePeriod(period)
  if (!p) return period
  if (p.month) return `${p.year} 年 ${p.month} 月`
  if (p.quarter) return `${p.year} 年第${'一二三四'[p.quarter - 1]}季度`
  return `${p.year} 年`
}

// Ranking periods: ISO weeks ("2026-W48"), months ("2026-11") and quarters ("2026-Q4"), in Beijing time.

const DAY = 86_400_000
const beijingDay = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** beijingDate is the calendar day in Beijing: "2026-11-24". */
export function beijingDate(now = new Date()): string {
  const p = Object.fromEntries(beijingDay.formatToParts(now).map((part) => [part.type, part.value]))
  return `${p.year}-${p.month}-${p.day}`
}

/** dayNumber reads "YYYY-MM-DD" as days since 1970-01-01 (a calendar day, no time zone). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y, m - 1, d) / DAY
}

function dayString(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10)
}

/**
 * isoWeek is the ISO 8601 week of a calendar day ("YYYY-MM-DD"): weeks start on Monday and week 1 holds the year's
 * first Thursday, so the days around New Year may belong to the other year's week (2027-01-01 is in 2026-W53).
 */
export function isoWeek(date: string): { year: number; week: number } {
  const n = dayNumber(date)
  const weekday = (new Date(n * DAY).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const thursday = n + 3 - weekday
  const year = new Date(thursday * DAY).getUTCFullYear()
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1) / DAY) / 7)
  return { year, week }
}

/** weekPeriod is the ISO week period of a calendar day: 2026-11-24 → "2026-W48". */
export function weekPeriod(date: string): string {
  const { year, week } = isoWeek(date)
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** weeksInYear is 52 or 53: the ISO week of 28 December. */
export function weeksInYear(year: number): number {
  return isoWeek(`${year}-12-28`).week
}

/** parseWeekPeriod reads "2026-W48"; null when it is not an existing ISO week. */
export function parseWeekPeriod(period: string): { year: number; week: number } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(period)
  if (!m) return null
  const year = Number(m[1])
  const week = Number(m[2])
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : null
}

/** weekRange is an ISO week's Monday and Sunday ("YYYY-MM-DD"). */
export function weekRange(year: number, week: number): { from: string; to: string } {
  const jan4 = Date.UTC(year, 0, 4) / DAY
  const monday = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + (week - 1) * 7
  return { from: dayString(monday), to: dayString(monday + 6) }
}

/** rankingPeriodKind tells a ranking period's kind; null for anything else (a year, a typo). */
export function rankingPeriodKind(period: string): RankingPeriodKind | null {
  if (parseWeekPeriod(period)) return 'week'
  const p = parsePeriod(period)
  if (p?.month) return 'month'
  if (p?.quarter) return 'quarter'
  return null
}

/** currentRankingPeriod is the period of a kind that holds today (Beijing). */
export function currentRankingPeriod(kind: RankingPeriodKind, now = new Date()): string {
  const today = beijingDate(now)
  if (kind === 'week') return weekPeriod(today)
  const month = today.slice(0, 7)
  return kind === 'month' ? month : requirementPeriod(month, 'quarter')
}

/** shiftRankingPeriod moves a period by whole periods of its kind: -1 is the one before ("2026-W01" → "2025-W53"). */
export function shiftRankingPeriod(period: string, by: number): string {
  const w = parseWeekPeriod(period)
  if (w) return weekPeriod(dayString(dayNumber(weekRange(w.year, w.week).from) + by * 7))
  const p = parsePeriod(period)
  if (p?.month) {
    const index = p.year * 12 + p.month - 1 + by
    return buildPeriod({ year: Math.floor(index / 12), month: (index % 12) + 1 })
  }
  if (p?.quarter) {
    const index = p.year * 4 + p.quarter - 1 + by
    return buildPeriod({ year: Math.floor(index / 4), quarter: (index % 4) + 1 })
  }
  return period
}

/** recentRankingPeriods lists this period of a kind and the ones before it, newest first. */
export function recentRankingPeriods(kind: RankingPeriodKind, count: number, now = new Date()): string[] {
  const current = currentRankingPeriod(kind, now)
  return Array.from({ length: count }, (_, i) => shiftRankingPeriod(current, -i))
}

/** rankingPeriodLabel reads a ranking period with its days for a week: "2026 年第 48 周（11-23 至 11-29）". */
export function rankingPeriodLabel(period: string): string {
  const w = parseWeekPeriod(period)
  if (!w) return periodLabel(period)
  const { from, to } = weekRange(w.year, w.week)
  return `${w.year} 年第 ${w.week} 周（${from.slice(5)} 至 ${to.slice(5)}）`
}

export const rankingPeriodKindNames: Record<RankingPeriodKind, string> = { week: '周', month: '月', quarter: '季度' }
