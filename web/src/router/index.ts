import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { RoleCode } from '@/api/types'
import { caseReaderRoles, pageRoles } from '@/menu'
import { useMetaStore } from '@/stores/meta'
import { useSessionStore } from '@/stores/session'
import { accessRedirect } from './guard'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** public pages need no session. */
    public?: boolean
    /** roles: any one of them opens the page; absent or empty means every signed-in user. */
    roles?: RoleCode[]
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/pages/auth/LoginPage.vue'), meta: { public: true, title: '登录' } },
  // The resident's snap page and the case it follows: public, phone-sized, outside the console layout.
  { path: '/snap', name: 'snap', component: () => import('@/pages/snap/SnapPage.vue'), meta: { public: true, title: '随手拍' } },
  {
    path: '/snap/c/:token',
    name: 'snap-follow',
    component: () => import('@/pages/snap/SnapFollowPage.vue'),
    meta: { public: true, title: '我的随手拍' },
  },
  // The cockpit (驾驶舱) is a big screen of its own: full window, dark, no console menu.
  {
    path: '/cockpit',
    name: 'cockpit',
    component: () => import('@/pages/cockpit/CockpitPage.vue'),
    meta: { title: '驾驶舱', roles: pageRoles.cockpit },
  },
  // The inspector's phone patrol (移动巡查): signed in, phone-sized, outside the console layout.
  // /patrol/p/:token is what a point's QR code opens; ?round=<id> patrols a drawn point of a mock assessment.
  {
    path: '/patrol',
    name: 'patrol',
    component: () => import('@/pages/patrol/PatrolHomePage.vue'),
    meta: { title: '移动巡查', roles: pageRoles.patrol },
  },
  {
    path: '/patrol/p/:token',
    name: 'patrol-token',
    component: () => import('@/pages/patrol/PatrolFormPage.vue'),
    props: (route) => ({ token: String(route.params.token), roundId: Number(route.query.round) || null }),
    meta: { title: '巡查表单', roles: pageRoles.patrol },
  },
  {
    path: '/patrol/point/:id(\\d+)',
    name: 'patrol-point',
    component: () => import('@/pages/patrol/PatrolFormPage.vue'),
    props: (route) => ({ id: Number(route.params.id), roundId: Number(route.query.round) || null }),
    meta: { title: '巡查表单', roles: pageRoles.patrol },
  },
  // The QR sheet of the points page (打印二维码): a plain page of its own to print, with the list's filters in the query.
  {
    path: '/points/qr-print',
    name: 'points-qr-print',
    component: () => import('@/pages/points/PointsQrPrintPage.vue'),
    meta: { title: '打印点位二维码', roles: pageRoles.points },
  },
  {
    path: '/password-change',
    name: 'password-change',
    component: () => import('@/pages/auth/PasswordChangePage.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/pages/home/HomePage.vue'), meta: { title: '首页' } },
      { path: 'profile', name: 'profile', component: () => import('@/pages/profile/ProfilePage.vue'), meta: { title: '个人中心' } },
      {
        path: 'org/regions',
        name: 'regions',
        component: () => import('@/pages/org/RegionsPage.vue'),
        meta: { title: '区划管理', roles: pageRoles.regions },
      },
      {
        path: 'org/units',
        name: 'units',
        component: () => import('@/pages/org/UnitsPage.vue'),
        meta: { title: '单位管理', roles: pageRoles.units },
      },
      {
        path: 'org/people',
        name: 'people',
        component: () => import('@/pages/org/PeoplePage.vue'),
        meta: { title: '人员管理', roles: pageRoles.people },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/pages/audit/AuditPage.vue'),
        meta: { title: '审计日志', roles: pageRoles.audit },
      },
      {
        path: 'framework',
        name: 'framework',
        component: () => import('@/pages/framework/FrameworksPage.vue'),
        meta: { title: '测评体系', roles: pageRoles.framework },
      },
      {
        path: 'framework/compare',
        name: 'framework-compare',
        component: () => import('@/pages/framework/ComparePage.vue'),
        meta: { title: '版本对比', roles: pageRoles.framework },
      },
      {
        path: 'framework/:id(\\d+)',
        name: 'framework-detail',
        component: () => import('@/pages/framework/FrameworkDetailPage.vue'),
        meta: { title: '框架详情', roles: pageRoles.framework },
      },
      {
        // Open to every role: units reach their standards from the four lists and the plan.
        path: 'framework/:id(\\d+)/standards/:sid(\\d+)',
        name: 'standard',
        component: () => import('@/pages/framework/StandardPage.vue'),
        meta: { title: '标准详情' },
      },
      {
        path: 'targets',
        name: 'targets',
        component: () => import('@/pages/targets/TargetsPage.vue'),
        meta: { title: '数据指标', roles: pageRoles.targets },
      },
      {
        path: 'plan',
        name: 'plan',
        component: () => import('@/pages/plan/PlanPage.vue'),
        meta: { title: '年度方案', roles: pageRoles.plan },
      },
      {
        path: 'lists',
        name: 'lists',
        component: () => import('@/pages/lists/ListsPage.vue'),
        meta: { title: '四个清单', roles: pageRoles.lists },
      },
      {
        path: 'submissions/todo',
        name: 'submissions-todo',
        component: () => import('@/pages/submissions/TodoPage.vue'),
        meta: { title: '材料报送', roles: pageRoles['submissions-todo'] },
      },
      {
        path: 'submissions/review',
        name: 'submissions-review',
        component: () => import('@/pages/submissions/ReviewPage.vue'),
        meta: { title: '材料审核', roles: pageRoles['submissions-review'] },
      },
      {
        path: 'submissions/matrix',
        name: 'submissions-matrix',
        component: () => import('@/pages/submissions/MatrixPage.vue'),
        meta: { title: '完成情况', roles: pageRoles['submissions-matrix'] },
      },
      {
        path: 'submissions/rhythm',
        name: 'submissions-rhythm',
        component: () => import('@/pages/submissions/RhythmPage.vue'),
        meta: { title: '月清零与季度统计', roles: pageRoles['submissions-rhythm'] },
      },
      {
        path: 'submissions/requirements',
        name: 'submissions-requirements',
        component: () => import('@/pages/submissions/RequirementsPage.vue'),
        meta: { title: '报送要求', roles: pageRoles['submissions-requirements'] },
      },
      {
        path: 'cases/pool',
        name: 'cases-pool',
        component: () => import('@/pages/cases/CasesPage.vue'),
        props: { mode: 'pool' },
        meta: { title: '案件池', roles: pageRoles['cases-pool'] },
      },
      {
        path: 'cases/inbox',
        name: 'cases-inbox',
        component: () => import('@/pages/cases/CasesPage.vue'),
        props: { mode: 'inbox' },
        meta: { title: '本单位案件', roles: pageRoles['cases-inbox'] },
      },
      {
        path: 'cases/map',
        name: 'cases-map',
        component: () => import('@/pages/cases/CaseMapPage.vue'),
        meta: { title: '案件地图', roles: pageRoles['cases-map'] },
      },
      {
        path: 'cases/config',
        name: 'cases-config',
        component: () => import('@/pages/cases/config/CaseConfigPage.vue'),
        meta: { title: '类别与规则', roles: pageRoles['cases-config'] },
      },
      {
        path: 'cases/:id(\\d+)',
        name: 'case',
        component: () => import('@/pages/cases/CaseDetailPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '案件详情', roles: caseReaderRoles },
      },
      {
        path: 'system/webhooks',
        name: 'webhooks',
        component: () => import('@/pages/system/WebhooksPage.vue'),
        meta: { title: '消息推送', roles: pageRoles.webhooks },
      },
      {
        path: 'rankings',
        name: 'rankings',
        component: () => import('@/pages/ranking/RankingsPage.vue'),
        meta: { title: '单位排名', roles: pageRoles.rankings },
      },
      {
        path: 'bulletins',
        name: 'bulletins',
        component: () => import('@/pages/ranking/BulletinsPage.vue'),
        meta: { title: '通报', roles: pageRoles.bulletins },
      },
      {
        path: 'bulletins/:id(\\d+)',
        name: 'bulletin',
        component: () => import('@/pages/ranking/BulletinPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '通报详情', roles: pageRoles.bulletins },
      },
      {
        path: 'sanctions',
        name: 'sanctions',
        component: () => import('@/pages/ranking/SanctionsPage.vue'),
        meta: { title: '督办问责', roles: pageRoles.sanctions },
      },
      {
        // The leader's board (领导看板): the cockpit's figures in the console, for laptops and phones.
        path: 'leader',
        name: 'leader',
        component: () => import('@/pages/cockpit/LeaderPage.vue'),
        meta: { title: '领导看板', roles: pageRoles.leader },
      },
      {
        path: 'points/categories',
        name: 'point-categories',
        component: () => import('@/pages/points/PointCategoriesPage.vue'),
        meta: { title: '点位类别', roles: pageRoles['point-categories'] },
      },
      {
        path: 'points',
        name: 'points',
        component: () => import('@/pages/points/PointsPage.vue'),
        meta: { title: '点位管理', roles: pageRoles.points },
      },
      {
        path: 'points/:id(\\d+)',
        name: 'point',
        component: () => import('@/pages/points/PointDetailPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '点位详情', roles: pageRoles.points },
      },
      {
        path: 'assessment/rounds',
        name: 'rounds',
        component: () => import('@/pages/assessment/RoundsPage.vue'),
        meta: { title: '模拟测评', roles: pageRoles.rounds },
      },
      {
        path: 'assessment/rounds/:id(\\d+)',
        name: 'round',
        component: () => import('@/pages/assessment/RoundDetailPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '测评详情', roles: pageRoles.rounds },
      },
      {
        // A round's result and the live score (实时得分, ?days=30) are one page.
        path: 'assessment/rounds/:id(\\d+)/score',
        name: 'round-score',
        component: () => import('@/pages/assessment/ScorePage.vue'),
        props: (route) => ({ roundId: Number(route.params.id) }),
        meta: { title: '测评得分', roles: pageRoles.rounds },
      },
      {
        path: 'assessment/live',
        name: 'score-live',
        component: () => import('@/pages/assessment/ScorePage.vue'),
        props: { roundId: null },
        meta: { title: '实时得分', roles: pageRoles['score-live'] },
      },
      {
        path: 'assessment/negative-events',
        name: 'negative-events',
        component: () => import('@/pages/assessment/NegativeEventsPage.vue'),
        meta: { title: '负面清单事件', roles: pageRoles['negative-events'] },
      },
      { path: '403', name: 'forbidden', component: () => import('@/pages/error/ForbiddenPage.vue'), meta: { title: '无权访问' } },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/pages/error/NotFoundPage.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
]

export const router = createRouter({ history: createWebHistory('/'), routes })

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.loaded) await session.load()
  if (session.me && !session.me.mustChangePassword) await useMetaStore().ensure()
  return accessRedirect(to, session.me)
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 文明城市创建管理平台` : '文明城市创建管理平台'
})
