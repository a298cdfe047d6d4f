import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTabsStore } from './tabs'

describe('tabs store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('opens each page once, keeping home first', () => {
    const tabs = useTabsStore()
    tabs.open({ path: '/org/units', title: '单位管理' })
    tabs.open({ path: '/audit', title: '审计日志' })
    tabs.open({ path: '/org/units', title: '单位管理' })
    expect(tabs.tabs.map((t) => t.path)).toEqual(['/', '/org/units', '/audit'])
  })

  it('moves to the right neighbour, or the left one, when the active tab closes', () => {
    const tabs = useTabsStore()
    for (const p of ['/a', '/b', '/c']) tabs.open({ path: p, title: p })
    expect(tabs.close('/b', '/b')).toBe('/c')
    expect(tabs.close('/c', '/c')).toBe('/a')
    expect(tabs.close('/a', '/')).toBeNull()
    expect(tabs.tabs.map((t) => t.path)).toEqual(['/'])
  })

  it('never closes home', () => {
    const tabs = useTabsStore()
    expect(tabs.close('/', '/')).toBeNull()
    expect(tabs.tabs).toHaveLength(1)
  })
})
