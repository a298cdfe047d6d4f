import { ref } from 'vue'
import { filenameFromDisposition, saveBlob } from '@/utils/download'
import { showError } from '@/utils/notify'

type Fetcher = () => Promise<{ blob: Blob; disposition: string | null }>

/** useDownload runs an export or template request and saves the file, naming it as the server says. */
export function useDownload() {
  const downloading = ref(false)

  async function download(fetcher: Fetcher, fallbackName: string): Promise<void> {
    downloading.value = true
    try {
      const { blob, disposition } = await fetcher()
      saveBlob(blob, filenameFromDisposition(disposition, fallbackName))
    } catch (e) {
      showError(e)
    } finally {
      downloading.value = false
    }
  }

  return { downloading, download }
}
