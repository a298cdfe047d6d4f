import type { CaseQuery, Id } from '@/api/types'

/** CaseFilters are the search form's values; dates is the [from, to] range as YYYY-MM-DD. */
export interface CaseFilters {
  state: string
  source: string
  categoryId: Id | null
  regionId: Id | null
  unitId: Id | null
  overdue: boolean
  dates: string[] | null
  q: string
}

export function emptyFilters(): CaseFilters {
  return { state: '', source: '', categoryId: null, regionId: null, unitId: null, overdue: false, dates: null, q: '' }
}

/** toQuery turns the form into the list's query, leaving out what is not set (and the unit where it is not offered). */
export function toQuery(f: CaseFilters, withUnit = true): CaseQuery {
  const q: CaseQuery = {}
  if (f.state) q.state = f.state
  if (f.source) q.source = f.source
  if (f.categoryId != null) q.categoryId = f.categoryId
  if (f.regionId != null) q.regionId = f.regionId
  if (withUnit && f.unitId != null) q.unitId = f.unitId
  if (f.overdue) q.overdue = true
  if (f.dates?.[0]) q.from = f.dates[0]
  if (f.dates?.[1]) q.to = f.dates[1]
  if (f.q.trim()) q.q = f.q.trim()
  return q
}

/** fromQuery fills the form from a saved view's filters (unknown keys are ignored). */
export function fromQuery(saved: Record<string, unknown>): CaseFilters {
  const f = emptyFilters()
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  const id = (v: unknown) => (v === '' || v == null || !Number.isFinite(Number(v)) ? null : Number(v))
  f.state = str(saved.state)
  f.source = str(saved.source)
  f.categoryId = id(saved.categoryId)
  f.regionId = id(saved.regionId)
  f.unitId = id(saved.unitId)
  f.overdue = saved.overdue === true || saved.overdue === 'true'
  const from = str(saved.from)
  const to = str(saved.to)
  f.dates = from || to ? [from, to] : null
  f.q = str(saved.q)
  return f
}
