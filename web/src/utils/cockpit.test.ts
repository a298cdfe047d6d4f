import { describe, expect, it } from 'vitest'
import { pointMarks } from './cockpit'

describe('pointMarks', () => {
  it('colours the field points by their latest result and keeps their ids clear of case ids', () => {
    const marks = pointMarks([
      { lat: 35.69, lng: 105.05, lastResult: 'fail' },
      { lat: 35.7, lng: 105.06, lastResult: 'pass' },
      { lat: 35.71, lng: 105.07, lastResult: null },
      { lat: Number.NaN, lng: 105, lastResult: null },
    ])
    expect(marks.map((m) => m.color)).toEqual(['#ef4444', '#22c55e', '#94a3b8'])
    expect(marks.every((m) => Number(m.id) < 0 && m.radius === 3)).toBe(true)
  })
})
