import type { RoleCode } from '@/api/types'

/** PageKey names each console page; it is also the suffix of its menu item's data-test. */
export type PageKey =
  | 'home'
  | 'regions'
  | 'units'
  | 'people'
  | 'audit'
  | 'profile'
  | 'framework'
  | 'targets'
  | 'plan'
  | 'lists'
  | 'submissions-todo'
  | 'submissions-review'
  | 'submissions-matrix'
  | 'submissions-rhythm'
  | 'submissions-requirements'
  | 'cases-pool'
  | 'cases-inbox'
  | 'cases-map'
  | 'cases-config'
  | 'webhooks'
  | 'rankings'
  | 'bulletins'
  | 'sanctions'
  | 'cockpit'
  | 'leader'
  | 'patrol'
  | 'point-categories'
  | 'points'
  | 'rounds'
  | 'score-live'
  | 'negative-events'

export interface MenuItem {
  key: PageKey | 'org' | 'campaign' | 'submissions' | 'cases' | 'ranking' | 'assessment'
  title: string
  path: string
  children?: MenuItem[]
}

const office: RoleCode[] = ['office_leader', 'office_staff', 'sys_admin']
const unitRoles: RoleCode[] = ['unit_head', 'unit_liaison']
/** campaignOffice are the creation office's own roles, who run the framework and the plan. */
const campaignOffice: RoleCode[] = ['office_leader', 'office_staff']

/** pageRoles says who may open each page; an empty list means every signed-in user. */
export const pageRoles: Record<PageKey, RoleCode[]> = {
  home: [],
  profile: [],
  regions: [...office, 'leader'],
  units: [...office, ...unitRoles, 'leader'],
  people: [...office, 'security_admin', ...unitRoles],
  audit: ['audit_admin'],
  framework: [...campaignOffice, 'sys_admin', 'leader', 'inspector'],
  targets: [...campaignOffice, ...unitRoles, 'leader', 'inspector'],
  plan: [...campaignOffice, ...unitRoles, 'leader', 'inspector'],
  lists: [...campaignOffice, ...unitRoles, 'leader'],
  // Units submit evidence; the office reviews it and runs the rhythm; everyone who follows the campaign
  // sees the completeness matrix (units only their own column, which the server enforces).
  'submissions-todo': unitRoles,
  'submissions-review': campaignOffice,
  'submissions-matrix': [...campaignOffice, ...unitRoles, 'leader'],
  'submissions-rhythm': campaignOffice,
  'submissions-requirements': campaignOffice,
  // Cases: the office (and leaders and inspectors, who follow and verify) work the pool; units their inbox.
  'cases-pool': [...campaignOffice, 'leader', 'inspector'],
  'cases-inbox': unitRoles,
  'cases-map': [...campaignOffice, 'leader', 'inspector', ...unitRoles],
  'cases-config': campaignOffice,
  webhooks: ['sys_admin'],
  // Rankings and bulletins are published to units (their own class); sanctions each unit sees its own;
  // the cockpit is the big screen of the office, leaders and inspectors, and the leader's board its console page.
  rankings: [...campaignOffice, 'leader', ...unitRoles],
  bulletins: [...campaignOffice, 'leader', ...unitRoles],
  sanctions: [...campaignOffice, 'leader', ...unitRoles],
  cockpit: [...campaignOffice, 'leader', 'inspector'],
  leader: [...campaignOffice, 'leader', 'inspector'],
  // 移动巡查 (/patrol, a phone page outside the layout): whoever patrols points.
  patrol: [...campaignOffice, 'inspector', 'grid_worker'],
  // 点位与测评: the office keeps the categories and checklists, the points and the negative-list events; inspectors
  // read the points, follow their rounds and the live score; leaders read rounds and scores; units read their own
  // points (the server narrows the list) and the live score.
  'point-categories': campaignOffice,
  points: [...campaignOffice, 'inspector', ...unitRoles],
  rounds: [...campaignOffice, 'leader', 'inspector'],
  'score-live': [...campaignOffice, 'leader', 'inspector', ...unitRoles],
  'negative-events': campaignOffice,
}

/**
 * caseReaderRoles open the case page (/cases/:id): everyone who meets cases, including grid workers who
 * snapped one; the server decides which cases each may see.
 */
export const caseReaderRoles: RoleCode[] = [...campaignOffice, 'leader', 'inspector', ...unitRoles, 'grid_worker']

/**
 * permissions name the write actions the UI offers, mirroring the server's rules
 * (internal/org/access.go), which checks them again with the actor's scope:
 * a unit head manages its own unit's people (unit roles only); the security admin
 * manages roles and account security; resets and unlocks are also open to the office.
 */
const permissions = {
  'regions.write': office,
  'units.write': office,
  'people.write': [...office, 'security_admin', 'unit_head'] as RoleCode[],
  'people.security': [...office, 'security_admin'] as RoleCode[],
  // The office edits framework drafts and the plan's tasks, and reports targets and progress for any unit;
  // unit roles report for their own unit only, where the server says so (canReport, assigned units).
  'framework.write': campaignOffice,
  'plan.write': campaignOffice,
  'report.anyUnit': campaignOffice,
  // Office and leaders pick any unit's four lists; unit roles see their own.
  'lists.anyUnit': [...campaignOffice, 'leader'] as RoleCode[],
  // The office reviews submissions; the office and leaders filter the matrix by any unit.
  'submissions.review': campaignOffice,
  'submissions.anyUnit': [...campaignOffice, 'leader'] as RoleCode[],
  // Every cadre may snap a case (登记案件); the office also enters hotline orders, media and supervision,
  // dispatches in bulk and configures categories, rules and the calendar.
  'cases.create': [...campaignOffice, 'inspector', 'grid_worker', ...unitRoles] as RoleCode[],
  'cases.office': campaignOffice,
  // The office sets the ranking's weights, drafts and publishes bulletins and records sanctions;
  // only the office leader approves a bulletin.
  'ranking.office': campaignOffice,
  'bulletins.approve': ['office_leader'] as RoleCode[],
  // The office edits point categories, checklists and points, and runs the mock assessments (draw, reassign, close,
  // rates entered by hand, negative-list events); everyone else who sees them reads.
  'points.write': campaignOffice,
  'assessment.office': campaignOffice,
} satisfies Record<string, RoleCode[]>

export type Permission = keyof typeof permissions

export function hasAnyRole(held: readonly string[], wanted: readonly RoleCode[]): boolean {
  return wanted.length === 0 || wanted.some((r) => held.includes(r))
}

export function can(held: readonly string[], permission: Permission): boolean {
  return permissions[permission].some((r) => held.includes(r))
}

/** menusFor builds the left menu for a user holding the given roles: the union of each role's menus. */
export function menusFor(roles: readonly string[]): MenuItem[] {
  const allowed = (key: PageKey) => hasAnyRole(roles, pageRoles[key])
  const org: MenuItem[] = []
  if (allowed('regions')) org.push({ key: 'regions', title: '区划管理', path: '/org/regions' })
  if (allowed('units')) org.push({ key: 'units', title: '单位管理', path: '/org/units' })
  if (allowed('people')) {
    const wide = hasAnyRole(roles, [...office, 'security_admin'])
    org.push({ key: 'people', title: wide ? '人员管理' : '本单位人员', path: '/org/people' })
  }

  const campaign: MenuItem[] = []
  if (allowed('framework')) campaign.push({ key: 'framework', title: '测评体系', path: '/framework' })
  if (allowed('targets')) campaign.push({ key: 'targets', title: '数据指标', path: '/targets' })
  if (allowed('plan')) campaign.push({ key: 'plan', title: '年度方案', path: '/plan' })
  if (allowed('lists')) {
    const wide = can(roles, 'lists.anyUnit')
    campaign.push({ key: 'lists', title: wide ? '四个清单' : '本单位清单', path: '/lists' })
  }

  const submissionPages: [PageKey, string, string][] = [
    ['submissions-todo', '材料报送', '/submissions/todo'],
    ['submissions-review', '材料审核', '/submissions/review'],
    ['submissions-matrix', '完成情况', '/submissions/matrix'],
    ['submissions-rhythm', '月清零与季度统计', '/submissions/rhythm'],
    ['submissions-requirements', '报送要求', '/submissions/requirements'],
  ]
  const submissions = submissionPages.filter(([key]) => allowed(key)).map(([key, title, path]) => ({ key, title, path }))

  const casePages: [PageKey, string, string][] = [
    ['cases-pool', '案件池', '/cases/pool'],
    ['cases-inbox', '本单位案件', '/cases/inbox'],
    ['cases-map', '案件地图', '/cases/map'],
    ['cases-config', '类别与规则', '/cases/config'],
    ['webhooks', '消息推送', '/system/webhooks'],
  ]
  const cases = casePages.filter(([key]) => allowed(key)).map(([key, title, path]) => ({ key, title, path }))

  const rankingPages: [PageKey, string, string][] = [
    ['rankings', '单位排名', '/rankings'],
    ['bulletins', '通报', '/bulletins'],
    ['sanctions', '督办问责', '/sanctions'],
    ['leader', '领导看板', '/leader'],
    ['cockpit', '驾驶舱', '/cockpit'],
  ]
  const ranking = rankingPages.filter(([key]) => allowed(key)).map(([key, title, path]) => ({ key, title, path }))

  const assessmentPages: [PageKey, string, string][] = [
    ['point-categories', '点位类别', '/points/categories'],
    ['points', '点位管理', '/points'],
    ['rounds', '模拟测评', '/assessment/rounds'],
    ['score-live', '实时得分', '/assessment/live'],
    ['negative-events', '负面清单事件', '/assessment/negative-events'],
  ]
  const assessment = assessmentPages.filter(([key]) => allowed(key)).map(([key, title, path]) => ({ key, title, path }))

  const menus: MenuItem[] = [{ key: 'home', title: '首页', path: '/' }]
  if (org.length) menus.push({ key: 'org', title: '组织机构', path: '/org', children: org })
  if (campaign.length) menus.push({ key: 'campaign', title: '创建管理', path: '/campaign', children: campaign })
  if (submissions.length) menus.push({ key: 'submissions', title: '材料报送', path: '/submissions', children: submissions })
  if (cases.length) menus.push({ key: 'cases', title: '案件管理', path: '/cases', children: cases })
  if (allowed('patrol')) menus.push({ key: 'patrol', title: '移动巡查', path: '/patrol' })
  if (assessment.length) menus.push({ key: 'assessment', title: '点位与测评', path: '/assessment', children: assessment })
  if (ranking.length) menus.push({ key: 'ranking', title: '排名通报', path: '/ranking', children: ranking })
  if (allowed('audit')) menus.push({ key: 'audit', title: '审计日志', path: '/audit' })
  menus.push({ key: 'profile', title: '个人中心', path: '/profile' })
  return menus
}

/** menuTrail finds the menu path (group, then item) leading to a route path, for breadcrumbs and tab titles. */
export function menuTrail(menus: MenuItem[], path: string): MenuItem[] {
  for (const item of menus) {
    if (item.children) {
      const sub = menuTrail(item.children, path)
      if (sub.length) return [item, ...sub]
    } else if (item.path === path) {
      return [item]
    }
  }
  return []
}
