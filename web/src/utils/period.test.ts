import { describe, expect, it } from 'vitest'
import { beijingMonth, beijingYear, buildPeriod, parsePeriod, periodLabel, recentQuarters, requirementPeriod } from './period'

describe('buildPeriod', () => {
  it('gives a year, a quarter or a month', () => {
    expect(buildPeriod({ year: 2026 })).toBe('2026')
    expect(buildPeriod({ year: 2026, quarter: 3 })).toBe('2026-Q3')
    expect(buildPeriod({ year: 2026, month: 7 })).toBe('2026-07')
    expect(buildPeriod({ year: 2026, month: 12 })).toBe('2026-12')
  })

  it('prefers the month when both are set, and ignores empty parts', () => {
    expect(buildPeriod({ year: 2026, quarter: 1, month: 11 })).toBe('2026-11')
    expect(buildPeriod({ year: 2026, quarter: null, month: null })).toBe('2026')
  })
})

describe('parsePeriod', () => {
  it('reads what buildPeriod writes', () => {
    for (const p of ['2026', '2026-Q3', '2026-07']) expect(buildPeriod(parsePeriod(p)!)).toBe(p)
    expect(parsePeriod('2026-Q3')).toEqual({ year: 2026, quarter: 3, month: null })
  })

  it('refuses other strings', () => {
    for (const p of ['', '26', '2026-Q5', '2026-13', '2026-7', '2026-Q3-07']) expect(parsePeriod(p), p).toBeNull()
  })
})

describe('beijingYear', () => {
  it('is already next year in Beijing on the evening of 31 December UTC', () => {
    expect(beijingYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026)
    expect(beijingYear(new Date('2025-12-31T15:30:00Z'))).toBe(2025)
  })
})

describe('beijingMonth', () => {
  it('is the month in Beijing, eight hours ahead of UTC', () => {
    expect(beijingMonth(new Date('2026-07-15T04:00:00Z'))).toBe('2026-07')
    expect(beijingMonth(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11')
    expect(beijingMonth(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01')
  })
})

describe('requirementPeriod', () => {
  it('derives a quarterly or yearly requirement’s period from the month', () => {
    expect(requirementPeriod('2026-11', 'month')).toBe('2026-11')
    expect(requirementPeriod('2026-11', 'quarter')).toBe('2026-Q4')
    expect(requirementPeriod('2026-11', 'year')).toBe('2026')
  })

  it('puts each month in its quarter', () => {
    const quarters = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) =>
      requirementPeriod(`2026-${m}`, 'quarter'),
    )
    expect(quarters).toEqual(['Q1', 'Q1', 'Q1', 'Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3', 'Q4', 'Q4', 'Q4'].map((q) => `2026-${q}`))
  })
})

describe('recentQuarters', () => {
  it('counts back from the month’s quarter across years', () => {
    expect(recentQuarters('2026-04', 3)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4'])
    expect(recentQuarters('2026-12', 1)).toEqual(['2026-Q4'])
  })
})

describe('periodLabel', () => {
  it('reads a period in Chinese', () => {
    expect(periodLabel('2026')).toBe('2026 年')
    expect(periodLabel('2026-Q4')).toBe('2026 年第四季度')
    expect(periodLabel('2026-03')).toBe('2026 年 3 月')
    expect(periodLabel('whenever')).toBe('whenever')
  })
})
