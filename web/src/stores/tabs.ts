import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Tab {
  path: string
  title: string
}

export const HOME_TAB: Tab = { path: '/', title: '首页' }

/** useTabsStore is the row of opened pages; the home tab is always first and cannot be closed. */
export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<Tab[]>([{ ...HOME_TAB }])

  function open(tab: Tab): void {
    const found = tabs.value.find((t) => t.path === tab.path)
    if (found) found.title = tab.title
    else tabs.value.push({ ...tab })
  }

  /** close removes a tab and returns the path to show next when the closed tab was the active one. */
  function close(path: string, activePath: string): string | null {
    const i = tabs.value.findIndex((t) => t.path === path)
    if (i < 0 || path === HOME_TAB.path) return null
    tabs.value.splice(i, 1)
    if (path !== activePath) return null
    return (tabs.value[i] ?? tabs.value[i - 1]).path
  }

  function reset(): void {
    tabs.value = [{ ...HOME_TAB }]
  }

  return { tabs, open, close, reset }
})
