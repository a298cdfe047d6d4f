import { describe, expect, it } from 'vitest'
import { can, menusFor, menuTrail, pageRoles, type MenuItem } from './menu'

/** keys flattens a menu to its page keys, in order, with group children after their group. */
function keys(menus: MenuItem[]): string[] {
  return menus.flatMap((m) => (m.children ? [m.key, ...m.children.map((c) => c.key)] : [m.key]))
}

describe('menusFor', () => {
  const cases: [string, string[], string[]][] = [
    ['office_leader', ['office_leader'], ['home', 'org', 'regions', 'units', 'people', 'profile']],
    ['office_staff', ['office_staff'], ['home', 'org', 'regions', 'units', 'people', 'profile']],
    ['sys_admin', ['sys_admin'], ['home', 'org', 'regions', 'units', 'people', 'profile']],
    ['security_admin', ['security_admin'], ['home', 'org', 'people', 'profile']],
    ['unit_head', ['unit_head'], ['home', 'org', 'units', 'people', 'profile']],
    ['unit_liaison', ['unit_liaison'], ['home', 'org', 'units', 'people', 'profile']],
    ['leader', ['leader'], ['home', 'org', 'regions', 'units', 'profile']],
    ['audit_admin', ['audit_admin'], ['home', 'audit', 'profile']],
    ['inspector', ['inspector'], ['home', 'profile']],
    ['grid_worker', ['grid_worker'], ['home', 'profile']],
    ['no roles', [], ['home', 'profile']],
    ['leader + audit_admin', ['leader', 'audit_admin'], ['home', 'org', 'regions', 'units', 'audit', 'profile']],
    ['security_admin + unit_liaison', ['security_admin', 'unit_liaison'], ['home', 'org', 'units', 'people', 'profile']],
    ['leader + unit_head', ['leader', 'unit_head'], ['home', 'org', 'regions', 'units', 'people', 'profile']],
  ]
  it.each(cases)('%s', (_name, roles, want) => {
    expect(keys(menusFor(roles))).toEqual(want)
  })

  it('names the people page 本单位人员 for unit roles only', () => {
    const title = (roles: string[]) => menuTrail(menusFor(roles), '/org/people').at(-1)?.title
    expect(title(['unit_liaison'])).toBe('本单位人员')
    expect(title(['unit_head'])).toBe('本单位人员')
    expect(title(['office_staff'])).toBe('人员管理')
    expect(title(['security_admin'])).toBe('人员管理')
    expect(title(['unit_head', 'office_staff'])).toBe('人员管理')
  })

  it('gives every menu item a route path and Chinese title', () => {
    const all = menusFor(['office_leader', 'audit_admin'])
    expect(all.map((m) => [m.title, m.path])).toEqual([
      ['首页', '/'],
      ['组织机构', '/org'],
      ['审计日志', '/audit'],
      ['个人中心', '/profile'],
    ])
    expect(all[1].children?.map((c) => [c.title, c.path])).toEqual([
      ['区划管理', '/org/regions'],
      ['单位管理', '/org/units'],
      ['人员管理', '/org/people'],
    ])
  })

  it('shows a menu item exactly when the route allows the role', () => {
    const allRoles = Object.values(pageRoles).flat()
    for (const role of new Set(allRoles)) {
      const shown = new Set(keys(menusFor([role])))
      for (const [page, roles] of Object.entries(pageRoles)) {
        expect(shown.has(page), `${role} → ${page}`).toBe(roles.length === 0 || roles.includes(role))
      }
    }
  })
})

describe('can', () => {
  it('lets office roles write and leaders only read', () => {
    expect(can(['office_staff'], 'units.write')).toBe(true)
    expect(can(['sys_admin'], 'regions.write')).toBe(true)
    expect(can(['leader'], 'regions.write')).toBe(false)
    expect(can(['leader'], 'units.write')).toBe(false)
    expect(can(['unit_head'], 'units.write')).toBe(false)
    expect(can(['unit_liaison'], 'people.write')).toBe(false)
  })

  it('gives password resets and unlocks to the security admin and the office, not to units', () => {
    expect(can(['security_admin'], 'people.security')).toBe(true)
    expect(can(['security_admin'], 'people.write')).toBe(true)
    expect(can(['sys_admin'], 'people.security')).toBe(true)
    expect(can(['office_staff'], 'people.security')).toBe(true)
    expect(can(['unit_head'], 'people.security')).toBe(false)
    expect(can(['unit_head'], 'people.write')).toBe(true)
    expect(can(['inspector'], 'people.write')).toBe(false)
  })
})

describe('menuTrail', () => {
  const menus = menusFor(['office_staff'])
  it('leads through the group to the page', () => {
    expect(menuTrail(menus, '/org/units').map((m) => m.title)).toEqual(['组织机构', '单位管理'])
    expect(menuTrail(menus, '/').map((m) => m.title)).toEqual(['首页'])
  })
  it('is empty for pages outside the menu', () => {
    expect(menuTrail(menus, '/audit')).toEqual([])
    expect(menuTrail(menus, '/403')).toEqual([])
  })
})
