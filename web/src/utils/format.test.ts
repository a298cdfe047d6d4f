import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format'

describe('formatDateTime', () => {
  it('shows UTC instants in Beijing time (UTC+8)', () => {
    expect(formatDateTime('2024-03-01T02:05:00Z')).toBe('2024-03-01 10:05')
  })

  it('rolls over the date when Beijing is already on the next day', () => {
    expect(formatDateTime('2023-12-31T16:30:59Z')).toBe('2024-01-01 00:30')
  })

  it('honours an offset in the input', () => {
    expect(formatDateTime('2024-06-30T23:59:00-04:00')).toBe('2024-07-01 11:59')
  })

  it('uses 24-hour time', () => {
    expect(formatDateTime('2024-05-05T10:00:00Z')).toBe('2024-05-05 18:00')
    expect(formatDateTime('2024-05-05T16:00:00Z')).toBe('2024-05-06 00:00')
  })

  it('shows a dash for empty values and leaves unparsable text alone', () => {
    expect(formatDateTime(null)).toBe('-')
    expect(formatDateTime(undefined)).toBe('-')
    expect(formatDateTime('')).toBe('-')
    expect(formatDateTime('不是时间')).toBe('不是时间')
  })
})
