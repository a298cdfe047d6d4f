import type { Bounds, CoordSystem, Id } from '@/api/types'

/** LatLng is a point in degrees. */
export interface LatLng {
  lat: number
  lng: number
}

// Krasovsky 1940 ellipsoid, as GCJ-02 uses it.
const A = 6378245.0
const EE = 0.00669342162296594323

/** outOfChina tells whether a point lies outside the rough box where GCJ-02 applies (there it equals WGS-84). */
export function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

/** wgs84ToGcj02 shifts a WGS-84 point (GPS) to GCJ-02, the datum of Chinese base maps; outside China it is unchanged. */
export function wgs84ToGcj02(lat: number, lng: number): LatLng {
  if (outOfChina(lat, lng)) return { lat, lng }
  let dLat = transformLat(lng - 105.0, lat - 35.0)
  let dLng = transformLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

/** gcj02ToWgs84 undoes wgs84ToGcj02 by iteration (to well under a metre), for a point tapped on a GCJ-02 map. */
export function gcj02ToWgs84(lat: number, lng: number): LatLng {
  if (outOfChina(lat, lng)) return { lat, lng }
  let w = { lat, lng }
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w.lat, w.lng)
    const dLat = g.lat - lat
    const dLng = g.lng - lng
    w = { lat: w.lat - dLat, lng: w.lng - dLng }
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break
  }
  return w
}

/** MapPoint is one case on a map, in WGS-84; popup is HTML (escape what it quotes). */
export interface MapPoint extends LatLng {
  id: Id
  color: string
  popup?: string
  /** radius in pixels; 7 by default. */
  radius?: number
  /** fillOpacity is 0.9 by default; heat circles are translucent and drawn without the white ring (ring: false). */
  fillOpacity?: number
  ring?: boolean
}

/** Projection converts between the WGS-84 of the data and the datum of the map's tiles. */
export interface Projection {
  toMap: (p: LatLng) => LatLng
  fromMap: (p: LatLng) => LatLng
}

/** projection is the identity for WGS-84 tiles (and for no tiles), the GCJ-02 shift for Chinese base maps. */
export function projection(coordSystem: CoordSystem | undefined): Projection {
  if (coordSystem === 'gcj02') {
    return { toMap: (p) => wgs84ToGcj02(p.lat, p.lng), fromMap: (p) => gcj02ToWgs84(p.lat, p.lng) }
  }
  return { toMap: (p) => ({ ...p }), fromMap: (p) => ({ ...p }) }
}

/** distanceMeters is the great-circle distance between two WGS-84 points (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const R = 6371008.8
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** validBounds tells whether bounds describe a real box (not the zero value of unset settings). */
export function validBounds(b: Bounds | null | undefined): b is Bounds {
  return !!b && [b.minLat, b.minLng, b.maxLat, b.maxLng].every(Number.isFinite) && b.maxLat > b.minLat && b.maxLng > b.minLng
}

/** inBounds tells whether a point lies within bounds (inclusive). */
export function inBounds(p: LatLng, b: Bounds): boolean {
  return p.lat >= b.minLat && p.lat <= b.maxLat && p.lng >= b.minLng && p.lng <= b.maxLng
}

/** formatLatLng shows a point with 6 decimals (about 0.1 m): 39.908700, 116.397500. */
export function formatLatLng(lat: number | null | undefined, lng: number | null | undefined): string {
  if (lat == null || lng == null) return ''
  return `${lat.toFixed(6)}, ${lng.toFixed(6)}`
}

/** escapeHtml makes text safe to put in a map popup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
