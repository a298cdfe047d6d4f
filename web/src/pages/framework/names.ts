import type { FrameworkKind, FrameworkStatus, NegativeEffect, NodePart, ScoreMode } from '@/api'

// Chinese names of the framework's fixed codes, as the Excel workbook spells them.
export const kindNames: Record<FrameworkKind, string> = { main: '主体系', minors: '未成年人' }
export const statusNames: Record<FrameworkStatus, string> = { draft: '草稿', frozen: '已冻结' }
export const partNames: Record<NodePart, string> = { basic: '基本指标', special: '特色指标' }
export const scoreModeNames: Record<ScoreMode, string> = { rate: '得分率', grade: '等级' }
export const effectNames: Record<NegativeEffect, string> = { deduct: '扣分', veto: '一票否决' }
