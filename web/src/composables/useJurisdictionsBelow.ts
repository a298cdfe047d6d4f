import { onMounted, shallowRef } from 'vue'
import { jurisdictionApi, type Jurisdiction } from '@/api'
import { useSessionStore } from '@/stores/session'

/**
 * useJurisdictionsBelow lists the jurisdictions right below the actor's
 * own (a city office's counties). Only an office or a leader above others
 * gets any; everyone else, or a refused list, gets none.
 */
export function useJurisdictionsBelow() {
  const session = useSessionStore()
  const below = shallowRef<Jurisdiction[]>([])
  const loaded = new Promise<Jurisdiction[]>((resolve) => {
    onMounted(async () => {
      const own = session.me?.jurisdictionId
      if (own && session.hasRole('office_leader', 'office_staff', 'leader')) {
        try {
          below.value = ((await jurisdictionApi.list()).items ?? []).filter((j) => j.parentId === own)
        } catch {
          below.value = []
        }
      }
      resolve(below.value)
    })
  })
  return { below, loaded }
}
