import { onBeforeUnmount, ref } from 'vue'

/** useIsMobile tracks whether the window is phone-sized (narrower than 768px). */
export function useIsMobile() {
  const query = window.matchMedia('(max-width: 767px)')
  const isMobile = ref(query.matches)
  const update = (e: MediaQueryListEvent) => {
    isMobile.value = e.matches
  }
  query.addEventListener('change', update)
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return isMobile
}
