import { describe, expect, it } from 'vitest'
import {
  beijingDate, beijingMonth, beijingYear, buildPeriod, currentRankingPeriod, isoWeek, parsePeriod, parseWeekPeriod, periodLabel,
  rankingPeriodKind, rankingPeriodLabel, recentQuarters, recentRankingPeriods, requirementPeriod, shiftRankingPeriod, weekPeriod,
  weekRange, weeksInYear,
} from './period'

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

describe('weekPeriod', () => {
  it('gives the ISO 8601 week of a day', () => {
    expect(weekPeriod('2026-11-24')).toBe('2026-W48')
    expect(weekPeriod('2026-11-23')).toBe('2026-W48') // Monday
    expect(weekPeriod('2026-11-29')).toBe('2026-W48') // Sunday
    expect(weekPeriod('2026-11-30')).toBe('2026-W49')
    expect(weekPeriod('2026-03-02')).toBe('2026-W10')
  })

  it('puts the days around New Year in the week that holds their Thursday', () => {
    expect(weekPeriod('2026-01-01')).toBe('2026-W01') // a Thursday
    expect(weekPeriod('2025-12-29')).toBe('2026-W01') // its Monday, still 2025
    expect(weekPeriod('2027-01-01')).toBe('2026-W53') // a Friday
    expect(weekPeriod('2027-01-03')).toBe('2026-W53')
    expect(weekPeriod('2027-01-04')).toBe('2027-W01')
    expect(weekPeriod('2021-01-03')).toBe('2020-W53')
    expect(weekPeriod('2024-12-30')).toBe('2025-W01')
  })

  it('agrees with isoWeek', () => {
    expect(isoWeek('2026-11-24')).toEqual({ year: 2026, week: 48 })
  })
})

describe('weeksInYear and parseWeekPeriod', () => {
  it('knows the 53-week years', () => {
    expect(weeksInYear(2026)).toBe(53)
    expect(weeksInYear(2020)).toBe(53)
    expect(weeksInYear(2025)).toBe(52)
    expect(weeksInYear(2027)).toBe(52)
  })

  it('reads existing weeks only', () => {
    expect(parseWeekPeriod('2026-W48')).toEqual({ year: 2026, week: 48 })
    expect(parseWeekPeriod('2026-W53')).toEqual({ year: 2026, week: 53 })
    for (const p of ['2025-W53', '2026-W00', '2026-W5', '2026-11', '2026-Q4', '']) expect(parseWeekPeriod(p), p).toBeNull()
  })
})

describe('weekRange', () => {
  it('runs from Monday to Sunday', () => {
    expect(weekRange(2026, 48)).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    expect(weekRange(2026, 1)).toEqual({ from: '2025-12-29', to: '2026-01-04' })
    expect(weekRange(2026, 53)).toEqual({ from: '2026-12-28', to: '2027-01-03' })
  })
})

describe('ranking periods', () => {
  // 2026-11-24 00:30 in Beijing is still 23 November in UTC.
  const now = new Date('2026-11-23T16:30:00Z')

  it('takes today in Beijing', () => {
    expect(beijingDate(now)).toBe('2026-11-24')
    expect(currentRankingPeriod('week', now)).toBe('2026-W48')
    expect(currentRankingPeriod('month', now)).toBe('2026-11')
    expect(currentRankingPeriod('quarter', now)).toBe('2026-Q4')
  })

  it('tells the kind of a period', () => {
    expect(rankingPeriodKind('2026-W47')).toBe('week')
    expect(rankingPeriodKind('2026-11')).toBe('month')
    expect(rankingPeriodKind('2026-Q4')).toBe('quarter')
    expect(rankingPeriodKind('2026')).toBeNull()
    expect(rankingPeriodKind('soon')).toBeNull()
  })

  it('steps back and forth across years', () => {
    expect(shiftRankingPeriod('2026-W01', -1)).toBe('2025-W52')
    expect(shiftRankingPeriod('2026-W53', 1)).toBe('2027-W01')
    expect(shiftRankingPeriod('2026-W48', -1)).toBe('2026-W47')
    expect(shiftRankingPeriod('2026-01', -1)).toBe('2025-12')
    expect(shiftRankingPeriod('2026-12', 1)).toBe('2027-01')
    expect(shiftRankingPeriod('2026-Q1', -1)).toBe('2025-Q4')
    expect(shiftRankingPeriod('2026-Q4', 1)).toBe('2027-Q1')
  })

  it('lists recent periods newest first', () => {
    expect(recentRankingPeriods('week', 3, now)).toEqual(['2026-W48', '2026-W47', '2026-W46'])
    expect(recentRankingPeriods('month', 2, now)).toEqual(['2026-11', '2026-10'])
    expect(recentRankingPeriods('quarter', 2, now)).toEqual(['2026-Q4', '2026-Q3'])
  })

  it('reads a week in Chinese, with its days', () => {
    expect(periodLabel('2026-W48')).toBe('2026 年第 48 周')
    expect(rankingPeriodLabel('2026-W48')).toBe('2026 年第 48 周（11-23 至 11-29）')
    expect(rankingPeriodLabel('2026-Q4')).toBe('2026 年第四季度')
  })
})
