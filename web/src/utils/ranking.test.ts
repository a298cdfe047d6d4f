import { describe, expect, it } from 'vitest'
import type { RankedUnit, RankingSettings } from '@/api/types'
import {
  bulletinButtons, colorTag, formatScore, keyFigures, movementView, sanctionTag, topAndBottom, validateSettings, weightSum,
} from './ranking'

describe('movementView', () => {
  it('shows a rise in green, a fall in red, and no change or no previous rank as —', () => {
    expect(movementView(2)).toEqual({ text: '↑2', direction: 'up' })
    expect(movementView(-1)).toEqual({ text: '↓1', direction: 'down' })
    expect(movementView(0)).toEqual({ text: '—', direction: 'same' })
    expect(movementView(null)).toEqual({ text: '—', direction: 'same' })
    expect(movementView(undefined)).toEqual({ text: '—', direction: 'same' })
  })
})

describe('figures', () => {
  it('shows null as —, never as 0', () => {
    expect(formatScore(null)).toBe('—')
    expect(formatScore(86.25)).toBe('86.3')
    expect(formatScore(0)).toBe('0')
    const format = (key: string, v: number | null) => keyFigures.find((f) => f.key === key)!.format(v)
    expect(format('onTimeRate', null)).toBe('—')
    expect(format('onTimeRate', 0)).toBe('0%')
    expect(format('onTimeRate', 0.856)).toBe('85.6%')
    expect(format('satisfaction', 4.5)).toBe('4.5')
    expect(format('taskProgress', 62.5)).toBe('62.5%')
    expect(format('casesReceived', 0)).toBe('0')
  })

  it('names the colours 绿 黄 红, and none without data', () => {
    expect(colorTag('green')).toEqual({ label: '绿', type: 'success' })
    expect(colorTag('yellow')).toEqual({ label: '黄', type: 'warning' })
    expect(colorTag('red')).toEqual({ label: '红', type: 'danger' })
    expect(colorTag('')).toBeNull()
  })
})

describe('validateSettings', () => {
  const settings = (over: Partial<RankingSettings['weights']> = {}, bands: Partial<RankingSettings> = {}): RankingSettings => ({
    weights: { onTime: 30, rework: 15, overdue: 15, satisfaction: 15, submission: 15, tasks: 10, ...over },
    greenAtLeast: 85,
    redBelow: 60,
    ...bands,
  })

  it('accepts the defaults and weights that add up to 100 with decimals', () => {
    expect(validateSettings(settings())).toEqual({})
    expect(weightSum(settings({ onTime: 33.33, rework: 33.33, overdue: 33.34, satisfaction: 0, submission: 0, tasks: 0 }).weights)).toBe(100)
    expect(validateSettings(settings({ onTime: 33.33, rework: 33.33, overdue: 33.34, satisfaction: 0, submission: 0, tasks: 0 }))).toEqual({})
  })

  it('refuses weights that do not add up to 100, and says the sum', () => {
    expect(validateSettings(settings({ onTime: 35 }))).toEqual({ weights: '各项权重之和须为 100（现为 105）' })
    expect(validateSettings(settings({ tasks: 0 }))).toEqual({ weights: '各项权重之和须为 100（现为 90）' })
  })

  it('refuses a weight out of 0–100 or left empty', () => {
    expect(validateSettings(settings({ onTime: -10, tasks: 50 })).weights).toBe('每项权重应在 0–100 之间')
    expect(validateSettings(settings({ onTime: '' as unknown as number })).weights).toBe('每项权重应在 0–100 之间')
  })

  it('needs the red line below the green one', () => {
    expect(validateSettings(settings({}, { redBelow: 85 }))).toEqual({ redBelow: '红色线须低于绿色线' })
    expect(validateSettings(settings({}, { greenAtLeast: 120 }))).toEqual({ greenAtLeast: '请填写 0–100 之间的分数' })
  })
})

describe('topAndBottom', () => {
  const unit = (rank: number | null): RankedUnit =>
    ({ unitId: rank ?? 99, unitName: `U${rank}`, unitClass: 'A', rank, previousRank: null, movement: null, score: rank ? 100 - rank : null, color: '' }) as RankedUnit
  it('takes the best and the worst ranked units, each once, leaving the unranked out', () => {
    const { top, bottom } = topAndBottom([unit(3), unit(1), unit(null), unit(2), unit(4), unit(5), unit(6), unit(7)], 3)
    expect(top.map((u) => u.rank)).toEqual([1, 2, 3])
    expect(bottom.map((u) => u.rank)).toEqual([5, 6, 7])
    const few = topAndBottom([unit(1), unit(2), unit(3), unit(4)], 3)
    expect(few.top.map((u) => u.rank)).toEqual([1, 2, 3])
    expect(few.bottom.map((u) => u.rank)).toEqual([4])
  })
})

describe('bulletinButtons', () => {
  it('lets the office edit, regenerate and delete a draft, and only the office leader approve it', () => {
    expect(bulletinButtons('draft', ['office_leader'])).toEqual(['btn-save', 'btn-regenerate', 'btn-delete', 'btn-approve'])
    expect(bulletinButtons('draft', ['office_staff'])).toEqual(['btn-save', 'btn-regenerate', 'btn-delete'])
  })

  it('lets the office publish an approved bulletin, and nobody change a published one', () => {
    expect(bulletinButtons('approved', ['office_staff'])).toEqual(['btn-publish'])
    expect(bulletinButtons('approved', ['office_leader'])).toEqual(['btn-publish'])
    expect(bulletinButtons('published', ['office_leader'])).toEqual([])
  })

  it('gives leaders and units no actions', () => {
    for (const status of ['draft', 'approved', 'published'] as const) {
      for (const role of ['leader', 'unit_head', 'unit_liaison', 'inspector']) expect(bulletinButtons(status, [role]), `${role} ${status}`).toEqual([])
    }
  })
})

describe('sanctionTag', () => {
  it('names the kinds', () => {
    expect(sanctionTag('notice').label).toBe('督办通知')
    expect(sanctionTag('talk').label).toBe('约谈')
    expect(sanctionTag('exposure')).toEqual({ label: '曝光', type: 'danger', effect: 'dark' })
  })
})
