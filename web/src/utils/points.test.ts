import { describe, expect, it } from 'vitest'
import type { Check } from '@/api/types'
import {
  checklistRows, checksInput, chunk, emptyPointFilters, indexedField, moveItem, newChecklistRow, pointColor, pointFiltersFromRoute,
  pointFiltersToRoute, pointQuery, qrLayouts, qrPages, resultTag, severityTag,
} from './points'

const check = (id: number, seq: number, active = true): Check => ({
  id, seq, text: `检查项${id}`, severity: 'major', caseCategoryId: 7, caseCategoryName: '乱扔垃圾', standardCodes: ['1.1.1.1'], active,
})

describe('names and colours', () => {
  it('names severities and results', () => {
    expect(severityTag('critical')).toEqual({ label: '严重', type: 'danger' })
    expect(severityTag('minor').label).toBe('一般')
    expect(severityTag('odd')).toEqual({ label: 'odd', type: 'info' })
    expect(resultTag('fail')).toEqual({ label: '不合格', type: 'danger' })
    expect(resultTag(null).label).toBe('未巡查')
  })

  it('colours points by their last result', () => {
    expect(pointColor('pass')).toBe('#22c55e')
    expect(pointColor('fail')).toBe('#e53935')
    expect(pointColor(null)).toBe('#90a4ae')
  })
})

describe('point filters', () => {
  it('leaves out what is not set and reads active as a boolean', () => {
    expect(pointQuery(emptyPointFilters())).toEqual({})
    expect(pointQuery({ categoryId: 2, regionId: null, unitId: 5, q: ' 车站 ', active: 'false' })).toEqual({ categoryId: 2, unitId: 5, q: '车站', active: false })
  })

  it('goes through the URL and back (the print sheet)', () => {
    const f = { categoryId: 2, regionId: 9, unitId: null, q: '车站', active: 'true' as const }
    const route = pointFiltersToRoute(f)
    expect(route).toEqual({ categoryId: '2', regionId: '9', q: '车站', active: 'true' })
    expect(pointFiltersFromRoute(route)).toEqual(f)
    expect(pointFiltersFromRoute({ categoryId: 'x', active: 'maybe', q: ['a', 'b'] })).toEqual({ ...emptyPointFilters(), q: 'a' })
  })
})

describe('checklist editing', () => {
  it('edits the active checks in their order and sends them back with their ids', () => {
    const rows = checklistRows([check(3, 2), check(1, 1), check(2, 3, false)])
    expect(rows.map((r) => r.id)).toEqual([3, 1].reverse())
    const added = newChecklistRow()
    expect(added).toMatchObject({ text: '', severity: 'minor', caseCategoryId: null, standardCodes: [] })
    added.text = '  新的检查项 '
    const body = checksInput([...rows, added])
    expect(body[0]).toEqual({ id: 1, text: '检查项1', severity: 'major', caseCategoryId: 7, standardCodes: ['1.1.1.1'] })
    expect(body[2]).toEqual({ id: null, text: '新的检查项', severity: 'minor', caseCategoryId: 0, standardCodes: [] })
    expect(new Set([...rows, added].map((r) => r.key)).size).toBe(3)
  })

  it('moves an item up or down, and leaves the list as is at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
    const list = ['a', 'b']
    moveItem(list, 0, 1)
    expect(list).toEqual(['a', 'b'])
  })

  it('reads the server field of a list entry', () => {
    expect(indexedField('checks[2].text')).toEqual({ list: 'checks', index: 2, field: 'text' })
    expect(indexedField('checks.0.standardCodes')).toEqual({ list: 'checks', index: 0, field: 'standardCodes' })
    expect(indexedField('checks[4]')).toEqual({ list: 'checks', index: 4, field: '' })
    expect(indexedField('checks')).toBeNull()
    expect(indexedField(undefined)).toBeNull()
  })
})

describe('print layout', () => {
  it('chunks a list into pages', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 3)).toEqual([])
    expect(chunk([1, 2], 0)).toEqual([[1], [2]])
  })

  it('fills A4 pages of columns × rows', () => {
    const points = Array.from({ length: 25 }, (_, i) => i)
    const pages = qrPages(points, qrLayouts.medium)
    expect(pages.map((p) => p.length)).toEqual([12, 12, 1])
    expect(qrPages(points, qrLayouts.small).map((p) => p.length)).toEqual([20, 5])
    expect(qrPages(points.slice(0, 6), qrLayouts.large)).toHaveLength(1)
  })
})
