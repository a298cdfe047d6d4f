import { describe, expect, it } from 'vitest'
import { beijingYear, buildPeriod, parsePeriod } from './period'

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
