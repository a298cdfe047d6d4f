import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { metaApi, type CodeName, type MapTiles, type Meta } from '@/api'
import { caseClosingNames, caseSourceNames, caseStateNames } from '@/utils/cases'
import { defaultPhases } from '@/utils/planBoard'

/** useMetaStore keeps /meta (role, unit kind, class and scope names), loaded once after sign-in. */
export const useMetaStore = defineStore('meta', () => {
  const meta = ref<Meta | null>(null)
  let pending: Promise<void> | null = null

  function ensure(): Promise<void> {
    pending ??= metaApi.get().then(
      (m) => {
        meta.value = m
      },
      () => {
        pending = null
      },
    )
    return pending
  }

  const nameIn = (list: CodeName[] | undefined, code: string) => list?.find((c) => c.code === code)?.name ?? code

  const phases = computed(() => (meta.value?.phases?.length ? meta.value.phases : defaultPhases))

  /** Case names come from /meta; the built-in names stand in on a server that does not send them yet. */
  const fromMap = (names: Record<string, string>): CodeName[] => Object.entries(names).map(([code, name]) => ({ code, name }))
  const caseSources = computed(() => (meta.value?.caseSources?.length ? meta.value.caseSources : fromMap(caseSourceNames)))
  const caseStates = computed(() => (meta.value?.caseStates?.length ? meta.value.caseStates : fromMap(caseStateNames)))
  const caseClosings = computed(() => (meta.value?.caseClosings?.length ? meta.value.caseClosings : fromMap(caseClosingNames)))
  /** mapTiles is the base map; null when the server sets none (the maps then draw on a plain background). */
  const mapTiles = computed<MapTiles | null>(() => (meta.value?.mapTiles?.url ? meta.value.mapTiles : null))

  return {
    meta,
    ensure,
    phases,
    roleName: (code: string) => nameIn(meta.value?.roles, code),
    kindName: (code: string) => nameIn(meta.value?.unitKinds, code),
    className: (code: string) => nameIn(meta.value?.unitClasses, code),
    scopeName: (code: string) => nameIn(meta.value?.scopeKinds, code),
    levelName: (code: string) => nameIn(meta.value?.regionLevels, code),
    actionName: (code: string) => meta.value?.auditActions?.[code] ?? code,
    entityName: (code: string) => meta.value?.auditEntities?.[code] ?? code,
    methodName: (code: string) => nameIn(meta.value?.methods, code),
    phaseName: (code: string) => nameIn(phases.value, code),
    caseSources,
    caseStates,
    caseClosings,
    mapTiles,
    caseSourceName: (code: string) => nameIn(caseSources.value, code),
    caseStateName: (code: string) => nameIn(caseStates.value, code),
    caseClosingName: (code: string) => nameIn(caseClosings.value, code),
    /** A timeline step's name is the server's (the case lifecycle's table); there is no copy here. */
    caseEventName: (kind: string) => meta.value?.caseEvents?.[kind] ?? kind,
    /** An action's name is the server's too (the lifecycle's table). */
    caseActionName: (action: string) => meta.value?.caseActions?.[action] ?? action,
    categoryKindName: (code: string) => nameIn(meta.value?.categoryKinds, code),
  }
})
