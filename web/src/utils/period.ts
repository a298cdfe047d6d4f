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

/** beijingYear is the current year in Beijing, which differs from UTC's on New Year's Eve evening. */
export function beijingYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
}
