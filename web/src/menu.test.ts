import { describe, expect, it } from 'vitest'
import { can, menusFor, menuTrail, pageRoles, type MenuItem } from './menu'

/** keys flattens a menu to its page keys, in order, with group children after their group. */
function keys(menus: MenuItem[]): string[] {
  return menus.flatMap((m) => (m.children ? [m.key, ...m.children.map((c) => c.key)] : [m.key]))
}

describe('menusFor', () => {
  const officeSubmissions = ['submissions', 'submissions-review', 'submissions-matrix', 'submissions-rhythm', 'submissions-requirements']
  const officeCases = ['cases', 'cases-pool', 'cases-map', 'cases-config']
  const unitCases = ['cases', 'cases-inbox', 'cases-map']
  const officeRanking = ['ranking', 'rankings', 'bulletins', 'sanctions', 'leader', 'cockpit']
  const unitRanking = ['ranking', 'rankings', 'bulletins', 'sanctions']
  const officeAssessment = ['assessment', 'point-categories', 'points', 'rounds', 'score-live', 'negative-events']
  const inspectorAssessment = ['assessment', 'points', 'rounds', 'score-live']
  const leaderAssessment = ['assessment', 'rounds', 'score-live']
  const unitAssessment = ['assessment', 'points', 'score-live']
  const office = ['home', 'org', 'regions', 'units', 'people', 'campaign', 'framework', 'targets', 'plan', 'lists', ...officeSubmissions, ...officeCases, 'patrol', ...officeAssessment, ...officeRanking, 'profile']
  const unit = ['home', 'org', 'units', 'people', 'campaign', 'targets', 'plan', 'lists', 'submissions', 'submissions-todo', 'submissions-matrix', ...unitCases, ...unitAssessment, ...unitRanking, 'profile']
  const leaderCases = ['cases', 'cases-pool', 'cases-map']
  const cases: [string, string[], string[]][] = [
    ['office_leader', ['office_leader'], office],
    ['office_staff', ['office_staff'], office],
    ['sys_admin', ['sys_admin'], ['home', 'org', 'regions', 'units', 'people', 'campaign', 'framework', 'cases', 'webhooks', 'profile']],
    ['security_admin', ['security_admin'], ['home', 'org', 'people', 'profile']],
    ['unit_head', ['unit_head'], unit],
    ['unit_liaison', ['unit_liaison'], unit],
    [
      'leader',
      ['leader'],
      ['home', 'org', 'regions', 'units', 'campaign', 'framework', 'targets', 'plan', 'lists', 'submissions', 'submissions-matrix', ...leaderCases, ...leaderAssessment, ...officeRanking, 'profile'],
    ],
    ['audit_admin', ['audit_admin'], ['home', 'audit', 'profile']],
    ['inspector', ['inspector'], ['home', 'campaign', 'framework', 'targets', 'plan', ...leaderCases, 'patrol', ...inspectorAssessment, 'ranking', 'leader', 'cockpit', 'profile']],
    ['grid_worker', ['grid_worker'], ['home', 'patrol', 'profile']],
    ['no roles', [], ['home', 'profile']],
    [
      'leader + audit_admin',
      ['leader', 'audit_admin'],
      ['home', 'org', 'regions', 'units', 'campaign', 'framework', 'targets', 'plan', 'lists', 'submissions', 'submissions-matrix', ...leaderCases, ...leaderAssessment, ...officeRanking, 'audit', 'profile'],
    ],
    ['security_admin + unit_liaison', ['security_admin', 'unit_liaison'], unit],
    [
      'leader + unit_head',
      ['leader', 'unit_head'],
      [
        'home', 'org', 'regions', 'units', 'people', 'campaign', 'framework', 'targets', 'plan', 'lists', 'submissions', 'submissions-todo',
        'submissions-matrix', 'cases', 'cases-pool', 'cases-inbox', 'cases-map', 'assessment', 'points', 'rounds', 'score-live', ...officeRanking, 'profile',
      ],
    ],
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

  it('names the lists page 本单位清单 for unit roles and 四个清单 for the office and leaders', () => {
    const title = (roles: string[]) => menuTrail(menusFor(roles), '/lists').at(-1)?.title
    expect(title(['unit_liaison'])).toBe('本单位清单')
    expect(title(['unit_head'])).toBe('本单位清单')
    expect(title(['office_staff'])).toBe('四个清单')
    expect(title(['leader'])).toBe('四个清单')
    expect(title(['unit_head', 'leader'])).toBe('四个清单')
  })

  it('gives every menu item a route path and Chinese title', () => {
    const all = menusFor(['office_leader', 'audit_admin'])
    expect(all.map((m) => [m.title, m.path])).toEqual([
      ['首页', '/'],
      ['组织机构', '/org'],
      ['创建管理', '/campaign'],
      ['材料报送', '/submissions'],
      ['案件管理', '/cases'],
      ['移动巡查', '/patrol'],
      ['点位与测评', '/assessment'],
      ['排名通报', '/ranking'],
      ['审计日志', '/audit'],
      ['个人中心', '/profile'],
    ])
    expect(all[1].children?.map((c) => [c.title, c.path])).toEqual([
      ['区划管理', '/org/regions'],
      ['单位管理', '/org/units'],
      ['人员管理', '/org/people'],
    ])
    expect(all[2].children?.map((c) => [c.title, c.path])).toEqual([
      ['测评体系', '/framework'],
      ['数据指标', '/targets'],
      ['年度方案', '/plan'],
      ['四个清单', '/lists'],
    ])
    expect(all[3].children?.map((c) => [c.title, c.path])).toEqual([
      ['材料审核', '/submissions/review'],
      ['完成情况', '/submissions/matrix'],
      ['月清零与季度统计', '/submissions/rhythm'],
      ['报送要求', '/submissions/requirements'],
    ])
    expect(all[4].children?.map((c) => [c.title, c.path])).toEqual([
      ['案件池', '/cases/pool'],
      ['案件地图', '/cases/map'],
      ['类别与规则', '/cases/config'],
    ])
    expect(all[6].children?.map((c) => [c.title, c.path])).toEqual([
      ['点位类别', '/points/categories'],
      ['点位管理', '/points'],
      ['模拟测评', '/assessment/rounds'],
      ['实时得分', '/assessment/live'],
      ['负面清单事件', '/assessment/negative-events'],
    ])
    expect(all[7].children?.map((c) => [c.title, c.path])).toEqual([
      ['单位排名', '/rankings'],
      ['通报', '/bulletins'],
      ['督办问责', '/sanctions'],
      ['领导看板', '/leader'],
      ['驾驶舱', '/cockpit'],
    ])
  })

  it('gives the office all of 点位与测评, inspectors points, rounds and the live score, leaders rounds and scores, units their points and the live score', () => {
    const group = (roles: string[]) => menusFor(roles).find((m) => m.key === 'assessment')?.children?.map((c) => c.key)
    for (const role of ['office_leader', 'office_staff']) {
      expect(group([role]), role).toEqual(['point-categories', 'points', 'rounds', 'score-live', 'negative-events'])
    }
    expect(group(['inspector'])).toEqual(['points', 'rounds', 'score-live'])
    expect(group(['leader'])).toEqual(['rounds', 'score-live'])
    expect(group(['unit_head'])).toEqual(['points', 'score-live'])
    expect(group(['unit_liaison'])).toEqual(['points', 'score-live'])
    for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'grid_worker']) expect(group([role]), role).toBeUndefined()
    expect(menuTrail(menusFor(['office_staff']), '/assessment/live').map((m) => m.title)).toEqual(['点位与测评', '实时得分'])
    expect(menuTrail(menusFor(['unit_head']), '/points').map((m) => m.title)).toEqual(['点位与测评', '点位管理'])
  })

  it('gives units the ranking, bulletins and sanctions but not the cockpit, and inspectors only the leader’s board and the cockpit, in 排名通报', () => {
    const group = (roles: string[]) => menusFor(roles).find((m) => m.key === 'ranking')?.children?.map((c) => c.key)
    expect(group(['unit_liaison'])).toEqual(['rankings', 'bulletins', 'sanctions'])
    expect(group(['unit_head'])).toEqual(['rankings', 'bulletins', 'sanctions'])
    expect(group(['leader'])).toEqual(['rankings', 'bulletins', 'sanctions', 'leader', 'cockpit'])
    expect(group(['office_staff'])).toEqual(['rankings', 'bulletins', 'sanctions', 'leader', 'cockpit'])
    expect(group(['office_leader'])).toEqual(['rankings', 'bulletins', 'sanctions', 'leader', 'cockpit'])
    expect(group(['inspector'])).toEqual(['leader', 'cockpit'])
    for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'grid_worker']) expect(group([role]), role).toBeUndefined()
  })

  it('gives units 本单位案件 and the map, the system admin only 消息推送, in the 案件管理 group', () => {
    const group = (roles: string[]) => menusFor(roles).find((m) => m.key === 'cases')?.children?.map((c) => [c.title, c.path])
    expect(group(['unit_liaison'])).toEqual([
      ['本单位案件', '/cases/inbox'],
      ['案件地图', '/cases/map'],
    ])
    expect(group(['unit_head'])).toEqual(group(['unit_liaison']))
    expect(group(['sys_admin'])).toEqual([['消息推送', '/system/webhooks']])
    expect(group(['inspector'])).toEqual([
      ['案件池', '/cases/pool'],
      ['案件地图', '/cases/map'],
    ])
    for (const role of ['security_admin', 'audit_admin', 'grid_worker']) expect(group([role]), role).toBeUndefined()
  })

  it('gives units 材料报送 and 完成情况, and leaders only 完成情况, in the 材料报送 group', () => {
    const group = (roles: string[]) => menusFor(roles).find((m) => m.key === 'submissions')?.children?.map((c) => [c.title, c.path])
    expect(group(['unit_liaison'])).toEqual([
      ['材料报送', '/submissions/todo'],
      ['完成情况', '/submissions/matrix'],
    ])
    expect(group(['unit_head'])).toEqual(group(['unit_liaison']))
    expect(group(['leader'])).toEqual([['完成情况', '/submissions/matrix']])
    for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'inspector', 'grid_worker']) expect(group([role]), role).toBeUndefined()
  })

  it('gives 移动巡查 (/patrol, the phone patrol) to inspectors, grid workers and the creation office only', () => {
    const patrol = (roles: string[]) => menusFor(roles).find((m) => m.key === 'patrol')
    for (const role of ['inspector', 'grid_worker', 'office_staff', 'office_leader']) {
      expect(patrol([role]), role).toEqual({ key: 'patrol', title: '移动巡查', path: '/patrol' })
    }
    for (const role of ['leader', 'unit_head', 'unit_liaison', 'sys_admin', 'security_admin', 'audit_admin']) expect(patrol([role]), role).toBeUndefined()
    expect(menuTrail(menusFor(['grid_worker']), '/patrol').map((m) => m.title)).toEqual(['移动巡查'])
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

  it('lets only the creation office edit frameworks and plans and report for any unit', () => {
    for (const p of ['framework.write', 'plan.write', 'report.anyUnit'] as const) {
      expect(can(['office_leader'], p), p).toBe(true)
      expect(can(['office_staff'], p), p).toBe(true)
      for (const role of ['sys_admin', 'leader', 'inspector', 'unit_head', 'unit_liaison']) {
        expect(can([role], p), `${role} ${p}`).toBe(false)
      }
    }
  })

  it('lets only the creation office review submissions', () => {
    expect(can(['office_leader'], 'submissions.review')).toBe(true)
    expect(can(['office_staff'], 'submissions.review')).toBe(true)
    for (const role of ['sys_admin', 'leader', 'unit_head', 'unit_liaison']) expect(can([role], 'submissions.review'), role).toBe(false)
  })

  it('lets the office and leaders see every unit in the matrix, and unit roles only their own', () => {
    expect(can(['office_staff'], 'submissions.anyUnit')).toBe(true)
    expect(can(['leader'], 'submissions.anyUnit')).toBe(true)
    expect(can(['unit_head'], 'submissions.anyUnit')).toBe(false)
    expect(can(['unit_liaison'], 'submissions.anyUnit')).toBe(false)
  })

  it('lets every cadre snap a case, and only the office run the pool and the configuration', () => {
    for (const role of ['office_leader', 'office_staff', 'inspector', 'grid_worker', 'unit_head', 'unit_liaison']) {
      expect(can([role], 'cases.create'), role).toBe(true)
    }
    for (const role of ['leader', 'sys_admin', 'security_admin', 'audit_admin']) expect(can([role], 'cases.create'), role).toBe(false)
    expect(can(['office_staff'], 'cases.office')).toBe(true)
    for (const role of ['leader', 'inspector', 'unit_head', 'sys_admin']) expect(can([role], 'cases.office'), role).toBe(false)
  })

  it('lets the creation office run rankings, bulletins and sanctions, and only the office leader approve bulletins', () => {
    for (const role of ['office_leader', 'office_staff']) expect(can([role], 'ranking.office'), role).toBe(true)
    for (const role of ['leader', 'inspector', 'unit_head', 'unit_liaison', 'sys_admin']) expect(can([role], 'ranking.office'), role).toBe(false)
    expect(can(['office_leader'], 'bulletins.approve')).toBe(true)
    for (const role of ['office_staff', 'leader', 'unit_head']) expect(can([role], 'bulletins.approve'), role).toBe(false)
  })

  it('lets only the creation office edit points and checklists and run mock assessments', () => {
    for (const p of ['points.write', 'assessment.office'] as const) {
      for (const role of ['office_leader', 'office_staff']) expect(can([role], p), `${role} ${p}`).toBe(true)
      for (const role of ['leader', 'inspector', 'grid_worker', 'unit_head', 'unit_liaison', 'sys_admin']) expect(can([role], p), `${role} ${p}`).toBe(false)
    }
  })

  it('lets the office and leaders open the lists of any unit, not unit roles', () => {
    expect(can(['office_staff'], 'lists.anyUnit')).toBe(true)
    expect(can(['leader'], 'lists.anyUnit')).toBe(true)
    expect(can(['unit_head'], 'lists.anyUnit')).toBe(false)
    expect(can(['unit_liaison'], 'lists.anyUnit')).toBe(false)
  })
})

describe('menuTrail', () => {
  const menus = menusFor(['office_staff'])
  it('leads through the group to the page', () => {
    expect(menuTrail(menus, '/org/units').map((m) => m.title)).toEqual(['组织机构', '单位管理'])
    expect(menuTrail(menus, '/').map((m) => m.title)).toEqual(['首页'])
    expect(menuTrail(menus, '/plan').map((m) => m.title)).toEqual(['创建管理', '年度方案'])
    expect(menuTrail(menus, '/cases/pool').map((m) => m.title)).toEqual(['案件管理', '案件池'])
    expect(menuTrail(menus, '/bulletins').map((m) => m.title)).toEqual(['排名通报', '通报'])
    expect(menuTrail(menus, '/leader').map((m) => m.title)).toEqual(['排名通报', '领导看板'])
  })
  it('is empty for pages outside the menu', () => {
    expect(menuTrail(menus, '/audit')).toEqual([])
    expect(menuTrail(menus, '/403')).toEqual([])
  })
})
