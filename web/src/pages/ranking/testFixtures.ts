import type { Bulletin, Cockpit, JurisdictionRanking, Jurisdiction, RankedJurisdiction, RankedUnit, Ranking, RankingFigures } from '@/api'

/** figures makes a unit's figures, every count 0 and every rate without data unless given. */
export function figures(over: Partial<RankingFigures> = {}): RankingFigures {
  return {
    casesReceived: 0,
    casesClosed: 0,
    onTimeRate: null,
    reworkRate: null,
    overdue: 0,
    returns: 0,
    avgHandlingHours: null,
    satisfaction: null,
    submissionsDue: 0,
    submissionOnTimeRate: null,
    gradeRate: null,
    taskProgress: null,
    notices: 0,
    talks: 0,
    exposures: 0,
    patrolScore: null,
    ...over,
  }
}

export function ranked(over: Partial<RankedUnit>): RankedUnit {
  return {
    unitId: 1,
    unitName: '住建局',
    unitClass: 'A',
    rank: 1,
    previousRank: null,
    movement: null,
    score: 90,
    color: 'green',
    figures: figures(),
    ...over,
  }
}

export function ranking(over: Partial<Ranking> = {}): Ranking {
  return {
    period: '2026-11',
    previous: '2026-10',
    jurisdictionId: 10,
    jurisdictionName: '会宁县',
    weights: { onTime: 30, rework: 15, overdue: 15, satisfaction: 15, submission: 15, tasks: 10 },
    bands: { greenAtLeast: 85, redBelow: 60 },
    computedAt: '2026-11-24T06:00:00Z',
    notes: [],
    classes: [
      {
        class: 'A',
        units: [
          ranked({ unitId: 1, unitName: '住建局', rank: 1, previousRank: 3, movement: 2, score: 91.24, color: 'green', figures: figures({ casesReceived: 12, onTimeRate: 0.9 }) }),
          ranked({ unitId: 2, unitName: '城管局', rank: 2, previousRank: 1, movement: -1, score: 58, color: 'red', figures: figures({ casesReceived: 30, overdue: 4 }) }),
          ranked({ unitId: 3, unitName: '档案馆', rank: null, movement: null, score: null, color: '' }),
        ],
      },
      { class: 'B', units: [ranked({ unitId: 7, unitName: '城关街道', unitClass: 'B', rank: 1, movement: 0, score: 75, color: 'yellow' })] },
    ],
    ...over,
  }
}

export function bulletin(over: Partial<Bulletin> = {}): Bulletin {
  return {
    id: 5,
    jurisdictionId: 10,
    jurisdictionName: '会宁县',
    jurisdictions: [],
    kind: 'month',
    period: '2026-11',
    title: '关于2026年11月文明城市创建工作情况的通报',
    summary: '全县责任单位按 A、B 类分别排名。',
    status: 'draft',
    createdAt: '2026-12-01T01:00:00Z',
    createdBy: '张三',
    approvedAt: null,
    approvedBy: '',
    publishedAt: null,
    publishedBy: '',
    ranking: ranking(),
    redUnits: [
      {
        unitId: 2,
        unitName: '城管局',
        unitClass: 'A',
        score: 58,
        overdueCases: [{ id: 41, code: 'AJ2026000041', categoryName: '占道经营', deadline: '2026-11-20T09:00:00Z' }],
      },
    ],
    ...over,
  }
}

/** cockpit is a GET /cockpit answer for the cockpit and leader pages' tests. */
export function cockpit(over: Partial<Cockpit> = {}): Cockpit {
  return {
    at: '2026-11-24T06:30:00Z',
    cases: {
      byState: { new: 3, handling: 12, closed: 40 },
      bySource: { patrol: 20, resident_snap: 35 },
      byRegion: [
        { regionId: 1, name: '城关街道', open: 8, overdue: 1 },
        { regionId: 2, name: '东城街道', open: 5, overdue: 3 },
      ],
      open: 15,
      overdue: 4,
      todayIntake: 6,
      todayClosed: 2,
      trend: [{ date: '2026-11-24', intake: 6, closed: 2 }],
      heat: [],
    },
    ranking: {
      period: '2026-11',
      jurisdictionId: 10,
      jurisdictionName: '会宁县',
      A: Array.from({ length: 12 }, (_, i) => ranked({ unitId: i + 1, unitName: `A${i + 1}`, rank: i + 1, score: 95 - i * 3, color: i < 3 ? 'green' : i > 9 ? 'red' : 'yellow' })),
      B: [ranked({ unitId: 40, unitName: '城关街道', unitClass: 'B', rank: 1, score: 80, color: 'yellow' })],
    },
    heat: [{ lat: 30.5, lng: 120.5, weight: 4 }],
    score: { total: null, weakSpots: [] },
    points: [],
    ...over,
  }
}

/** jurisdictions is GET /jurisdictions of the demo city: 白银市 (1) over 会宁县 (10) and 靖远县 (20). */
export const cityJurisdictions: Jurisdiction[] = [
  { id: 1, code: '620400', name: '白银市', parentId: null, officeUnitId: 100, officeName: '市文明办（创城办）' },
  { id: 10, code: '620422', name: '会宁县', parentId: 1, officeUnitId: 110, officeName: '县文明办' },
  { id: 20, code: '620421', name: '靖远县', parentId: 1, officeUnitId: 120, officeName: '县文明办' },
]

export function rankedJurisdiction(over: Partial<RankedJurisdiction> = {}): RankedJurisdiction {
  return {
    jurisdictionId: 10,
    name: '会宁县',
    officeName: '县文明办',
    officeUnitId: 110,
    rank: 1,
    previousRank: 2,
    movement: 1,
    score: 86.5,
    color: 'green',
    liveScore: 86.5,
    workScore: 72,
    units: 30,
    casesReceived: 40,
    casesClosed: 35,
    onTimeRate: 0.9,
    overdue: 2,
    taskProgress: 64.5,
    ...over,
  }
}

/** countyRanking is a GET /rankings/jurisdictions answer of the city. */
export function countyRanking(over: Partial<JurisdictionRanking> = {}): JurisdictionRanking {
  return {
    period: '2026-11',
    jurisdictionId: 1,
    jurisdictionName: '白银市',
    bands: { greenAtLeast: 85, redBelow: 60 },
    computedAt: '2026-11-24T06:00:00Z',
    notes: ['县区按本期测评得分排名。'],
    jurisdictions: [
      rankedJurisdiction(),
      rankedJurisdiction({ jurisdictionId: 20, name: '靖远县', officeUnitId: 120, rank: 2, score: 55, color: 'red', liveScore: null, workScore: 55, units: 8, casesReceived: 3, casesClosed: 1, onTimeRate: null, overdue: 1, taskProgress: null }),
    ],
    ...over,
  }
}
