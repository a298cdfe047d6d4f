import type { Scope } from '@/api/types'
import type { LatLng } from './geo'

/** PolygonGeometry is a GeoJSON Polygon: rings of [lng, lat] (WGS-84), each closed (first point = last). */
export interface PolygonGeometry {
  type: 'Polygon'
  coordinates: number[][][]
}

/** MIN_VERTICES is the fewest distinct corners of an outline: a triangle. */
export const MIN_VERTICES = 3

/** sameSpot tells whether two points are one (to about 1 cm): the two clicks of a double-click. */
function sameSpot(a: LatLng, b: LatLng): boolean {
  return Math.abs(a.lat - b.lat) < 1e-7 && Math.abs(a.lng - b.lng) < 1e-7
}

/** round6 keeps 6 decimals (about 0.1 m), as the console shows positions. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * distinctVertices drops a vertex that repeats the one before it (a double-click adds its point twice) and a
 * last one that repeats the first (a ring closed by hand).
 */
export function distinctVertices(vertices: LatLng[]): LatLng[] {
  const out: LatLng[] = []
  for (const v of vertices) {
    if (!out.length || !sameSpot(out[out.length - 1], v)) out.push(v)
  }
  while (out.length > 1 && sameSpot(out[0], out[out.length - 1])) out.pop()
  return out
}

/**
 * polygonOf builds the GeoJSON Polygon of drawn vertices (WGS-84): GeoJSON's [lng, lat] order, 6 decimals, the ring
 * closed by repeating its first point. It is null while there are fewer than three distinct corners.
 */
export function polygonOf(vertices: LatLng[]): PolygonGeometry | null {
  const corners = distinctVertices(vertices)
  if (corners.length < MIN_VERTICES) return null
  const ring = corners.map((v) => [round6(v.lng), round6(v.lat)])
  ring.push([...ring[0]])
  return { type: 'Polygon', coordinates: [ring] }
}

/**
 * editableVertices are the corners of an outline to edit by dragging: those of a Polygon (or a MultiPolygon of one
 * polygon) with no holes, without the closing point. Other shapes (islands, holes) are drawn anew.
 */
export function editableVertices(geometry: { type: string; coordinates: unknown } | null | undefined): LatLng[] | null {
  if (!geometry) return null
  let rings: unknown = geometry.coordinates
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(rings) || rings.length !== 1) return null
    rings = rings[0]
  } else if (geometry.type !== 'Polygon') {
    return null
  }
  if (!Array.isArray(rings) || rings.length !== 1 || !Array.isArray(rings[0])) return null
  const points: LatLng[] = []
  for (const c of rings[0] as unknown[]) {
    if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return null
    points.push({ lat: c[1], lng: c[0] })
  }
  const corners = distinctVertices(points)
  return corners.length >= MIN_VERTICES ? corners : null
}

/** LatLngRings are the rings of one polygon as [lat, lng] pairs (Leaflet's order), outer ring first. */
export type LatLngRings = [number, number][][]

/**
 * polygonsOf turns a GeoJSON Polygon or MultiPolygon into polygons of [lat, lng] rings for Leaflet, each point passed
 * through toMap (the tiles' datum). Anything else gives no polygons.
 */
export function polygonsOf(geometry: { type: string; coordinates: unknown }, toMap: (p: LatLng) => LatLng = (p) => p): LatLngRings[] {
  const ring = (r: unknown): [number, number][] =>
    Array.isArray(r)
      ? r
          .filter((c): c is number[] => Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
          .map((c) => {
            const m = toMap({ lat: c[1], lng: c[0] })
            return [m.lat, m.lng]
          })
      : []
  const polygon = (p: unknown): LatLngRings => (Array.isArray(p) ? p.map(ring).filter((r) => r.length > 0) : [])
  const c = geometry.coordinates
  if (!Array.isArray(c)) return []
  if (geometry.type === 'Polygon') return [polygon(c)].filter((p) => p.length > 0)
  if (geometry.type === 'MultiPolygon') return c.map(polygon).filter((p) => p.length > 0)
  return []
}

/** outlinePalette colours jurisdictions apart on the map: the city first, then each county in code order. */
export const outlinePalette = ['#409eff', '#67c23a', '#9b59b6', '#e6a23c', '#17a2b8', '#8d6e63', '#2c3e50', '#909399']

/** outlineHighlight marks the selected region's outline, in no jurisdiction's colour. */
export const outlineHighlight = '#f56c6c'

/** jurisdictionColors gives each jurisdiction id a colour of the palette, in the order given (repeating after eight). */
export function jurisdictionColors(ids: number[]): Map<number, string> {
  const out = new Map<number, string>()
  for (const id of ids) if (!out.has(id)) out.set(id, outlinePalette[out.size % outlinePalette.length])
  return out
}

/** subtreePrefix is the part of a region code its subtree shares: 620400 → 6204, 620422 → 620422 (as the server's). */
export function subtreePrefix(code: string): string {
  if (code.length !== 6) return code
  let c = code
  while (c.endsWith('00') && c.length > 2) c = c.slice(0, -2)
  return c
}

/**
 * mayOutline mirrors the server's rule for drawing a region's outline (the same as for importing one): an office with
 * the whole deployment in scope draws any; an office over a region draws the regions inside it, not its own region's
 * outline, which the office above draws. The server decides; this only hides buttons that would be refused.
 */
export function mayOutline(scope: Scope | undefined, code: string): boolean {
  if (!scope) return false
  if (scope.kind === 'all') return true
  if (scope.kind !== 'region' || !scope.regionCode) return false
  const own = subtreePrefix(scope.regionCode)
  return code.startsWith(own) && subtreePrefix(code) !== own
}
