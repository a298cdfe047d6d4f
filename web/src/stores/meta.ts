import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { metaApi, type CodeName, type Meta } from '@/api'
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
  }
})
