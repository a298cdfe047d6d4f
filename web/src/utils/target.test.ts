import { describe, expect, it } from 'vitest'
import type { TargetSpec } from '@/api/types'
import { formatGoal, formatTarget, formatValue } from './target'

const spec = (over: Partial<TargetSpec>): TargetSpec => ({
  metric: '公交站点覆盖率',
  comparator: '>=',
  threshold: 90,
  threshold2: null,
  measureUnit: '%',
  ...over,
})

describe('formatTarget', () => {
  it('shows metric, comparator symbol, threshold and unit', () => {
    expect(formatTarget(spec({}))).toBe('公交站点覆盖率 ≥ 90 %')
    expect(formatTarget(spec({ comparator: '<=', threshold: 5, metric: '投诉率' }))).toBe('投诉率 ≤ 5 %')
    expect(formatTarget(spec({ comparator: '=', threshold: 100, metric: '建档率' }))).toBe('建档率 = 100 %')
  })

  it('shows a range with both thresholds', () => {
    expect(formatGoal(spec({ comparator: 'between', threshold: 60, threshold2: 80 }))).toBe('区间 60–80 %')
    expect(formatTarget(spec({ comparator: 'between', threshold: 60, threshold2: 80, metric: '绿地率' }))).toBe(
      '绿地率 区间 60–80 %',
    )
  })

  it('leaves out an empty unit and keeps decimals', () => {
    expect(formatTarget(spec({ measureUnit: '', threshold: 0.5, metric: '人均面积' }))).toBe('人均面积 ≥ 0.5')
    expect(formatTarget(spec({ measureUnit: '个', threshold: 3 }))).toBe('公交站点覆盖率 ≥ 3 个')
  })

  it('is empty for a standard without a target', () => {
    expect(formatTarget(spec({ comparator: '' }))).toBe('')
    expect(formatGoal(spec({ comparator: '' }))).toBe('')
  })

  it('marks a missing threshold rather than showing null', () => {
    expect(formatGoal(spec({ threshold: null }))).toBe('≥ ? %')
  })
})

describe('formatValue', () => {
  it('shows the value with its unit, or a dash', () => {
    expect(formatValue(92.5, '%')).toBe('92.5 %')
    expect(formatValue(0, '%')).toBe('0 %')
    expect(formatValue(null, '%')).toBe('-')
  })
})
