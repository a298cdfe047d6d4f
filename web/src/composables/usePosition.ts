import { ref } from 'vue'
import type { LatLng } from '@/utils/geo'

/**
 * usePosition asks the phone where it is (navigator.geolocation, WGS-84) when locate() is called.
 * error says in Chinese why there is no fix; a page goes on without one.
 */
export function usePosition() {
  const pos = ref<(LatLng & { accuracy: number }) | null>(null)
  const error = ref('')
  const locating = ref(false)

  function locate(): Promise<LatLng | null> {
    error.value = ''
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      error.value = '此浏览器不能定位'
      return Promise.resolve(null)
    }
    locating.value = true
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (p) => {
          locating.value = false
          pos.value = { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }
          resolve(pos.value)
        },
        (err) => {
          locating.value = false
          error.value = err.code === 1 /* PERMISSION_DENIED */ ? '未允许定位（可在浏览器设置中开启）' : '定位失败，请到开阔处重试'
          resolve(null)
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 },
      )
    })
  }

  return { pos, error, locating, locate }
}
