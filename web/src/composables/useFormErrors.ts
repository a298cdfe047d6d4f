import { reactive } from 'vue'
import { errorField } from '@/api'
import { showError } from '@/utils/notify'

/**
 * useFormErrors puts a server error on the form item it names (bind `:error="errors.prop"` on
 * el-form-item) and shows its message.
 */
export function useFormErrors(aliases: Record<string, string> = {}) {
  const errors = reactive<Record<string, string>>({})

  function clear(): void {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  function fail(e: unknown): void {
    clear()
    const prop = errorField(e, aliases)
    if (prop && e instanceof Error) errors[prop] = e.message
    showError(e)
  }

  return { errors, clear, fail }
}
